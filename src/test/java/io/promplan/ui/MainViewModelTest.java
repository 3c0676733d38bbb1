package io.promplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.cost.Alternative;
import io.promplan.core.money.Money;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's state without a window: inputs, validation, results, files, undo/redo. */
class MainViewModelTest {
    @TempDir
    Path dir;
    FakeDialogs dialogs;
    I18n i18n;
    MainViewModel vm;

    @BeforeEach
    void setUp() {
        dialogs = new FakeDialogs();
        i18n = new I18n(I18n.ENGLISH);
        vm = new MainViewModel(TestSupport.service(), i18n, dialogs, new RecentFiles(dir.resolve("recent.txt")), PlanRunner.direct());
        // a copy: saving in a test must never touch the shipped scenarios
        Path seed = dir.resolve("seed-5-services.yaml");
        try {
            Files.copy(TestSupport.SCENARIOS.resolve("seed-5-services.yaml"), seed);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(vm.load(seed)).isTrue();
    }

    @Test
    void seedScenarioFillsTheInputsAndPlansLikeTheCli() {
        assertThat(vm.field("serviceCount").value()).isEqualTo("5");
        assertThat(vm.field("retention").value()).isEqualTo("15d");
        assertThat(vm.field("storage").value()).isEqualTo("efs");
        assertThat(vm.field("pinned.prometheus").value()).isEqualTo("1024/2048");
        assertThat(vm.field("roi.hourlyRateHigh").value()).isEqualTo("20");
        Plan p = vm.plan();
        Plan cli = TestSupport.service().plan(TestSupport.seed());
        assertThat(p.selfHosted().monthly()).isEqualTo(cli.selfHosted().monthly());
        assertThat(p.selfHosted().monthly()).isEqualTo(Money.usd("148.33"));
        assertThat(p.cloudwatchOnly().monthly()).isEqualTo(Money.usd("201.77"));
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.titleProperty().get()).isEqualTo("Promplan - Seed plan: 5 services (as written) (seed-5-services.yaml)");
        assertThat(vm.fields()).noneMatch(InputField::hasError);
    }

    @Test
    void aNewSnapshotWithAnotherRegionMakesItAChoice() {
        var shipped = vm.service().snapshot();
        var byRegion = new java.util.HashMap<>(shipped.catalog().all());
        byRegion.put("eu-central-1", shipped.catalog().all().get("us-east-1"));
        var wider = new io.promplan.core.price.PriceCatalog("wider", shipped.catalog().asOf(), "", byRegion);
        assertThat(vm.field("region").choices()).doesNotContain("eu-central-1");
        vm.useSnapshot(new io.promplan.pricing.PriceSnapshot(shipped.file(), wider, ""));
        assertThat(vm.field("region").choices()).contains("eu-central-1", "ap-northeast-2");
        vm.field("region").setValue("eu-central-1");
        assertThat(vm.plan().region()).isEqualTo("eu-central-1");
    }

    @Test
    void editingAndSavingKeepsWhatTheFormDoesNotShow() throws Exception {
        var before = io.promplan.scenario.ScenarioReader.read(dir.resolve("seed-5-services.yaml"));
        assertThat(before.uncertainty().ranges()).isNotEmpty();
        vm.field("serviceCount").setValue("6");
        var edited = vm.scenario().orElseThrow();
        assertThat(edited.workload().serviceCount()).isEqualTo(6);
        // the ranges of inputs that did not change stay; those of inputs scaled with the services follow them
        assertThat(edited.uncertainty().ranges().get("seriesPerMetric")).isEqualTo(before.uncertainty().ranges().get("seriesPerMetric"));
        assertThat(edited.uncertainty().ranges().get("roi.setupHours")).isEqualTo(before.uncertainty().ranges().get("roi.setupHours"));
        var logs = edited.uncertainty().ranges().get("logs.servicesGbPerMonth");
        assertThat(logs.low()).isEqualTo(before.uncertainty().ranges().get("logs.servicesGbPerMonth").low() * 6 / 5);
        assertThat(edited.workload().logs().servicesGbPerMonth()).isBetween(logs.low(), logs.high());
        assertThat(edited.baseline()).isEqualTo(before.baseline());
        assertThat(vm.save()).isTrue();
        var saved = io.promplan.scenario.ScenarioReader.read(dir.resolve("seed-5-services.yaml"));
        assertThat(saved.uncertainty()).isEqualTo(edited.uncertainty());
        assertThat(saved.workload().serviceCount()).isEqualTo(6);
    }

    @Test
    void theAnswerIsPlainTextForAMail() {
        assertThat(vm.answerText()).startsWith("Seed plan: 5 services (as written)\n")
                .contains("Self-hosted Prometheus + Grafana (Fargate): $148.33 a month")
                .contains("The plan’s budget: $105.00 - $116.00 a month.")
                .contains("  - CloudWatch (kept): exporter API calls +$28.67")
                .endsWith("Prices: ap-northeast-2, snapshot shipped-2026-11-26, as of Oct 31, 2026\n");
    }

    @Test
    void everyFieldHasALabelAndItsUnitInBothLanguages() {
        for (I18n t : new I18n[] {new I18n(I18n.ENGLISH), new I18n(I18n.KOREAN)}) {
            for (InputField f : vm.fields()) {
                assertThat(t.has(f.labelKey())).as(f.key() + " label in " + t.locale()).isTrue();
                if (!f.unitKey().isEmpty()) {
                    assertThat(t.has(f.unitKey())).as(f.key() + " unit in " + t.locale()).isTrue();
                }
            }
            for (String g : ScenarioForm.GROUPS) {
                assertThat(t.has("group." + g)).isTrue();
            }
        }
    }

    @Test
    void moreServicesAndLongerRetentionRaiseSizingAndCost() {
        Plan before = vm.plan();
        vm.field("serviceCount").setValue("20");
        Plan more = vm.plan();
        assertThat(more.sizing().activeSeries()).isGreaterThan(before.sizing().activeSeries());
        // CloudWatch-only follows the services (dashboards, metrics, alarms, logs scale with them, as in promplan sweep)
        assertThat(more.cloudwatchOnly().monthly()).isGreaterThan(before.cloudwatchOnly().monthly());
        assertThat(more.scenario().withName("x").withUncertainty(before.scenario().uncertainty()))
                .isEqualTo(io.promplan.core.analysis.Scaling.withServices(before.scenario(), 20).withName("x"));
        assertThat(more.selfHosted().monthly()).isGreaterThan(before.selfHosted().monthly());
        vm.field("storageGiB.prometheus").setValue("0");
        Money at15d = vm.plan().selfHosted().monthly();
        double blocks15 = vm.plan().sizing().storage().blocksGiB();
        vm.field("retention").setValue("90d");
        assertThat(vm.plan().sizing().storage().blocksGiB()).isCloseTo(blocks15 * 6, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(vm.plan().selfHosted().monthly()).isGreaterThan(at15d);
        assertThat(vm.isDirty()).isTrue();
        assertThat(vm.titleProperty().get()).endsWith(" *");
    }

    @Test
    void aValueThatIsNotAllowedIsMarkedAtItsFieldAndKeepsTheLastResults() {
        PlanResults good = vm.results();
        vm.field("serviceCount").setValue("0");
        assertThat(vm.field("serviceCount").error()).isEqualTo("Not allowed: 0. Allowed: 1 to 10000.");
        assertThat(vm.results()).isSameAs(good);
        assertThat(vm.staleProperty().get()).isTrue();
        vm.field("retention").setValue("fifteen days");
        assertThat(vm.field("retention").error()).contains("is not a duration").contains("15d");
        vm.field("pinned.grafana").setValue("half a cpu");
        assertThat(vm.field("pinned.grafana").error()).contains("1024/2048");
        vm.field("roi.hourlyRateHigh").setValue("10");
        assertThat(vm.results()).isSameAs(good);
        vm.field("serviceCount").setValue("6");
        vm.field("retention").setValue("15d");
        vm.field("pinned.grafana").setValue("");
        assertThat(vm.results()).isSameAs(good);
        assertThat(vm.field("roi.hourlyRateHigh").error()).isEqualTo("Must be at least the low hourly rate.");
        vm.field("roi.hourlyRateHigh").setValue("20");
        assertThat(vm.fields()).noneMatch(InputField::hasError);
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.plan().scenario().workload().serviceCount()).isEqualTo(6);
        assertThat(vm.plan().scenario().workload().pinned()).doesNotContainKey(io.promplan.core.workload.Component.GRAFANA);
    }

    @Test
    void fewerServicesThanNamedOverridesKeepsTheFirstNames() {
        vm.field("serviceCount").setValue("3");
        assertThat(vm.field("serviceCount").hasError()).isFalse();
        assertThat(vm.plan().scenario().workload().services()).extracting(s -> s.name()).containsExactly("atlantis", "api-1", "api-2");
    }

    @Test
    void undoAndRedoWalkThroughTheEditsOneFieldAtATime() {
        vm.field("serviceCount").setValue("1");
        vm.field("serviceCount").setValue("12");
        vm.field("retention").setValue("30d");
        assertThat(vm.canUndoProperty().get()).isTrue();
        vm.undo();
        assertThat(vm.field("retention").value()).isEqualTo("15d");
        assertThat(vm.field("serviceCount").value()).isEqualTo("12");
        vm.undo();
        assertThat(vm.field("serviceCount").value()).isEqualTo("5");
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.plan().scenario().workload().serviceCount()).isEqualTo(5);
        assertThat(vm.canUndoProperty().get()).isFalse();
        vm.redo();
        vm.redo();
        assertThat(vm.field("serviceCount").value()).isEqualTo("12");
        assertThat(vm.field("retention").value()).isEqualTo("30d");
        assertThat(vm.plan().scenario().workload().retention().days()).isEqualTo(30);
        vm.field("alertRules").setValue("5");
        assertThat(vm.canRedoProperty().get()).isFalse();
    }

    @Test
    void saveThenOpenGivesBackTheSameScenario() throws Exception {
        vm.field("serviceCount").setValue("8");
        vm.field("retention").setValue("30d");
        vm.field("name").setValue("Eight services, 30 days");
        vm.field("pinned.prometheus").setValue("2048/4096");
        Scenario edited = vm.scenario().orElseThrow();
        Path file = dir.resolve("eight.yaml");
        dialogs.saveAnswers.add(file);
        assertThat(vm.saveAs()).isTrue();
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.fileProperty().get()).isEqualTo(file);
        assertThat(ScenarioReader.read(file)).isEqualTo(edited);

        assertThat(vm.newScenario()).isTrue();
        assertThat(vm.field("name").value()).isEqualTo("New scenario");
        dialogs.openAnswers.add(file);
        assertThat(vm.open()).isTrue();
        assertThat(vm.scenario().orElseThrow()).isEqualTo(edited);
        assertThat(vm.plan().scenario()).isEqualTo(edited);
        assertThat(vm.recentFiles()).first().isEqualTo(file.toAbsolutePath().normalize());
        assertThat(Files.readAllLines(dir.resolve("recent.txt"))).contains(file.toAbsolutePath().normalize().toString());
    }

    @Test
    void theFormsRangesComeFromTheSchemaInBothLanguages() {
        assertThat(ScenarioForm.allowedText(vm.field("serviceCount"), i18n)).isEqualTo("Allowed: 1 to 10000");
        assertThat(ScenarioForm.allowedText(vm.field("seriesPerMetric"), i18n)).isEqualTo("Allowed: above 0 up to 1000000");
        assertThat(ScenarioForm.allowedText(vm.field("scrapeInterval"), i18n)).isEqualTo("Allowed: 1s to 1h");
        assertThat(ScenarioForm.allowedText(vm.field("grafana.refreshInterval"), i18n)).isEqualTo("Allowed: 1s or more");
        assertThat(ScenarioForm.allowedText(vm.field("name"), i18n)).isEmpty();
        assertThat(ScenarioForm.allowedText(vm.field("serviceCount"), new I18n(I18n.KOREAN))).isEqualTo("허용 범위: 1~10000");
        vm.field("seriesPerMetric").setValue("0");
        vm.validate();
        assertThat(vm.field("seriesPerMetric").error()).isEqualTo("Not allowed: 0. Allowed: above 0 up to 1000000.");
        vm.field("seriesPerMetric").setValue("1");
        vm.field("localRetention").setValue("10m");
        vm.field("storage").setValue("amp-remote-write");
        vm.validate();
        assertThat(vm.field("localRetention").error()).isEqualTo("Not allowed: 10m. Allowed: 1h or more.");
    }

    @Test
    void savingTheSeedKeepsItsOwnCommentsAndLayout() throws Exception {
        Path file = vm.fileProperty().get();
        String original = Files.readString(file);
        java.util.List<String> comments = original.lines().filter(l -> l.strip().startsWith("#")).toList();
        assertThat(comments).hasSizeGreaterThanOrEqualTo(84);
        vm.field("serviceCount").setValue("7");
        vm.field("grafana.users").setValue("12");
        assertThat(vm.save()).isTrue();
        assertThat(dialogs.questions).isEmpty();
        String saved = Files.readString(file);
        assertThat(saved.lines().filter(l -> l.strip().startsWith("#")).toList()).isEqualTo(comments);
        assertThat(saved.lines().count()).isEqualTo(original.lines().count());
        Scenario back = ScenarioReader.read(file);
        assertThat(back.workload().serviceCount()).isEqualTo(7);
        assertThat(back.workload().grafana().users()).isEqualTo(12);
        assertThat(back).isEqualTo(vm.scenario().orElseThrow());
    }

    @Test
    void aLayoutThatCannotTakeTheChangeIsReplacedOnlyAfterAskingNoBeingTheDefault() throws Exception {
        Path file = dir.resolve("folded.yaml");
        String text = Files.readString(vm.fileProperty().get()).replaceFirst("\nname: \\{[^\n]*\\}\n", "\nname: >-\n  Folded name\n")
                + "# my own closing remark\n";
        Files.writeString(file, text);
        assertThat(vm.load(file)).isTrue();
        vm.field("name").setValue("Renamed");
        assertThat(vm.save()).isFalse();
        assertThat(dialogs.questions).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo(text);
        dialogs.confirmAnswers.push(true);
        assertThat(vm.save()).isTrue();
        assertThat(ScenarioReader.read(file).name().text()).isEqualTo("Renamed");
        assertThat(Files.readString(file)).doesNotContain("my own closing remark");
    }

    @Test
    void unsavedChangesAreNeverLostWithoutAsking() throws Exception {
        vm.field("serviceCount").setValue("9");
        dialogs.unsavedAnswers.add(Dialogs.Unsaved.CANCEL);
        assertThat(vm.newScenario()).isFalse();
        assertThat(vm.field("serviceCount").value()).isEqualTo("9");
        assertThat(dialogs.unsavedAsked).isEqualTo(1);

        Path file = vm.fileProperty().get();
        dialogs.unsavedAnswers.add(Dialogs.Unsaved.SAVE);
        assertThat(vm.newScenario()).isTrue();
        assertThat(vm.fileProperty().get()).isNull();
        assertThat(ScenarioReader.read(file).workload().serviceCount()).isEqualTo(9);

        Path other = dir.resolve("other.yaml");
        vm.field("serviceCount").setValue("10");
        dialogs.unsavedAnswers.add(Dialogs.Unsaved.SAVE);
        dialogs.saveAnswers.add(other);
        assertThat(vm.open()).isFalse();
        assertThat(ScenarioReader.read(other).workload().serviceCount()).isEqualTo(10);

        vm.field("serviceCount").setValue("11");
        dialogs.unsavedAnswers.add(Dialogs.Unsaved.DISCARD);
        assertThat(vm.confirmDiscard()).isTrue();
    }

    @Test
    void anInvalidScenarioIsNotSavedAndTheFileIsLeftAlone() throws Exception {
        Path file = dir.resolve("kept.yaml");
        dialogs.saveAnswers.add(file);
        assertThat(vm.saveAs()).isTrue();
        String before = Files.readString(file);
        vm.field("grafana.users").setValue("-3");
        assertThat(vm.save()).isFalse();
        assertThat(dialogs.errors).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(vm.field("grafana.users").hasError()).isTrue();
    }

    @Test
    void aFileThatCannotBeReadIsReportedAndTheDocumentKept() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "version: 1\nname: x\nregion: ap-northeast-2\nserviceCount: many\n");
        dialogs.openAnswers.add(bad);
        assertThat(vm.open()).isFalse();
        assertThat(dialogs.errors.get(0)).contains("bad.yaml").contains("serviceCount");
        assertThat(vm.field("serviceCount").value()).isEqualTo("5");
    }

    @Test
    void korean_changesValidationMessagesAndKeepsTheValues() {
        vm.field("serviceCount").setValue("0");
        i18n.setLocale(I18n.KOREAN);
        assertThat(vm.field("serviceCount").error()).isEqualTo("허용되지 않는 값입니다: 0. 허용 범위는 1~10000입니다.");
        assertThat(vm.titleProperty().get()).startsWith("Promplan - ");
    }

    @Test
    void theSweepCoversOneToFiftyServicesForEveryAlternative() {
        PlanResults r = vm.results();
        assertThat(r.sweep()).hasSize(50);
        assertThat(r.sweep().get(0).services()).isEqualTo(1);
        assertThat(r.sweep().get(49).costs()).hasSize(r.plan().alternatives().size());
        ServiceCountSweep.Point five = r.sweep().get(4);
        for (ServiceCountSweep.Cost c : five.costs()) {
            Alternative a = r.plan().alternative(c.alternativeId()).orElseThrow();
            assertThat(c.monthly()).as(c.alternativeId() + " at the scenario's own 5 services").isEqualTo(a.monthly());
        }
        Money cw1 = r.sweep().get(0).costs().stream().filter(c -> c.alternativeId().equals(Alternative.CLOUDWATCH_ONLY)).findFirst().orElseThrow().monthly();
        Money cw50 = r.sweep().get(49).costs().stream().filter(c -> c.alternativeId().equals(Alternative.CLOUDWATCH_ONLY)).findFirst().orElseThrow().monthly();
        assertThat(cw50.toDouble()).isGreaterThan(cw1.toDouble() * 10);
    }
}
