package io.promplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.export.ExportWriter;
import io.promplan.pricing.aws.FakePriceListServer;
import io.promplan.pricing.aws.PriceListFixture;
import io.promplan.pricing.aws.RefreshTestSupport;
import io.promplan.service.PlanningService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Tools actions without a window: export, price refresh (local Price List server), report, cancel, failures. */
class ToolsViewModelTest {
    @TempDir
    Path dir;
    FakeDialogs dialogs;
    I18n i18n;
    MainViewModel vm;
    ToolsViewModel tools;
    /** Background jobs held back until the test runs them (to cancel in between). */
    final Deque<Runnable> held = new ArrayDeque<>();
    boolean hold;
    FakePriceListServer server;
    Path prices;

    @BeforeEach
    void setUp() throws Exception {
        prices = RefreshTestSupport.pricesDir(dir);
        dialogs = new FakeDialogs();
        i18n = new I18n(I18n.ENGLISH);
        vm = new MainViewModel(PlanningService.open(prices), i18n, dialogs, new RecentFiles(dir.resolve("recent.txt")), PlanRunner.direct());
        Path seed = dir.resolve("seed-5-services.yaml");
        Files.copy(TestSupport.SCENARIOS.resolve("seed-5-services.yaml"), seed);
        assertThat(vm.load(seed)).isTrue();
        Executor worker = r -> {
            if (hold) {
                held.add(r);
            } else {
                r.run();
            }
        };
        tools = new ToolsViewModel(vm, worker, Runnable::run);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        vm.close();
    }

    // ---- export -------------------------------------------------------------------------------

    @Test
    void exportWritesTheStackIntoTheChosenFolder() throws Exception {
        Path out = dir.resolve("stack");
        dialogs.folderAnswers.add(out);

        assertThat(tools.exportTerraform()).isTrue();

        assertThat(out.resolve("terraform/monitoring/main.tf")).isRegularFile();
        assertThat(Files.readString(out.resolve("README.md"))).startsWith(ExportWriter.MARKER);
        assertThat(vm.statusProperty().get()).startsWith("Exported ").endsWith(" files to " + out);
        assertThat(dialogs.errors).isEmpty();
        assertThat(tools.runningProperty().get()).isFalse();
    }

    @Test
    void aNonEmptyFolderIsReplacedOnlyWhenItHoldsAnEarlierExportAndTheUserAgrees() throws Exception {
        Path out = dir.resolve("stack");
        dialogs.folderAnswers.add(out);
        tools.exportTerraform();
        Files.writeString(out.resolve("notes.txt"), "mine");

        // asked, and the answer is no: nothing happens
        dialogs.folderAnswers.add(out);
        dialogs.confirmAnswers.add(false);
        assertThat(tools.exportTerraform()).isFalse();
        assertThat(dialogs.questions).hasSize(1).allMatch(q -> q.contains(out + " is not empty"));
        assertThat(out.resolve("notes.txt")).exists();

        // yes: the earlier export's files are replaced; a file the export did not write is kept
        dialogs.folderAnswers.add(out);
        dialogs.confirmAnswers.add(true);
        assertThat(tools.exportTerraform()).isTrue();
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        assertThat(out.resolve("terraform/monitoring/main.tf")).isRegularFile();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aFolderThatIsNotAnExportIsRefusedWithTheWritersMessageAndLeftAsItWas() throws Exception {
        Path mine = dir.resolve("documents");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("budget.xlsx"), "numbers");
        dialogs.folderAnswers.add(mine);
        dialogs.confirmAnswers.add(true);

        tools.exportTerraform();

        assertThat(dialogs.errors).singleElement().asString().startsWith("Cannot export: ").contains("does not hold a Promplan export");
        assertThat(vm.statusProperty().get()).contains("does not hold a Promplan export");
        try (var files = Files.list(mine)) {
            assertThat(files.toList()).containsExactly(mine.resolve("budget.xlsx"));
        }
        assertThat(tools.runningProperty().get()).isFalse();
    }

    @Test
    void cancellingAnExportWritesNothing() {
        Path out = dir.resolve("stack");
        dialogs.folderAnswers.add(out);
        hold = true;
        tools.exportTerraform();
        assertThat(tools.runningProperty().get()).isTrue();
        assertThat(tools.taskProperty().get()).isEqualTo("Exporting Terraform");

        tools.cancel();
        held.pop().run();

        assertThat(out).doesNotExist();
        assertThat(tools.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Export cancelled; " + out + " is left as it was");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void nothingIsExportedWhileAnInputIsNotAllowed() {
        vm.field("serviceCount").valueProperty().set("many");
        dialogs.folderAnswers.add(dir.resolve("stack"));

        assertThat(tools.exportTerraform()).isFalse();

        assertThat(dialogs.errors).containsExactly("Some inputs are not allowed: correct the marked fields first");
        assertThat(dir.resolve("stack")).doesNotExist();
    }

    // ---- price refresh ------------------------------------------------------------------------

    private String snapshotName() {
        return vm.service().snapshot().catalog().snapshotName();
    }

    @Test
    void aFailedRefreshKeepsThePricesInUseAndShowsWhy() throws Exception {
        server = new FakePriceListServer(PriceListFixture.byService(), 4).failWith("AmazonCloudWatch", 500);
        tools.setRefreshServices(d -> RefreshTestSupport.service(d, server.endpoint()));
        String before = snapshotName();
        String asOf = vm.service().snapshot().catalog().asOf();
        var planBefore = vm.plan();
        dialogs.textAnswers.add("ap-northeast-2");

        assertThat(tools.refreshPrices()).isTrue();

        assertThat(dialogs.textInitials).containsExactly("ap-northeast-2"); // the scenario's region is offered
        assertThat(dialogs.errors).singleElement().asString().startsWith("Cannot refresh the prices: ").contains("HTTP 500")
                .contains("prices-2026-11-26.json stays in use as it was");
        assertThat(snapshotName()).isEqualTo(before);
        assertThat(vm.service().snapshot().catalog().asOf()).isEqualTo(asOf);
        assertThat(vm.plan()).isSameAs(planBefore);
        assertThat(vm.statusProperty().get()).contains("HTTP 500");
        try (var files = Files.list(prices)) {
            assertThat(files.toList()).containsExactly(prices.resolve("prices-2026-11-26.json"));
        }
        assertThat(tools.runningProperty().get()).isFalse();
    }

    @Test
    void aRefreshSwitchesThePlanToTheNewSnapshotAndShowsWhatChanged() throws Exception {
        server = new FakePriceListServer(PriceListFixture.byService(), 4);
        tools.setRefreshServices(d -> RefreshTestSupport.service(d, server.endpoint()));
        dialogs.textAnswers.add("ap-northeast-2, us-east-1");

        assertThat(tools.refreshPrices()).isTrue();

        assertThat(dialogs.errors).isEmpty();
        assertThat(snapshotName()).isEqualTo("refresh-2026-11-26T120000Z");
        assertThat(vm.service().snapshot().catalog().retrievedAt()).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(vm.plan().priceSnapshot()).isEqualTo("refresh-2026-11-26T120000Z");
        assertThat(dialogs.infos).singleElement().asString()
                .startsWith("Refreshed ap-northeast-2, us-east-1: ")
                .contains("ap-northeast-2 efs.ia: 0.027 -> 0.0272 per GB-month");
        assertThat(prices.resolve("prices-2026-11-26T120000Z.json")).isRegularFile();
        assertThat(tools.runningProperty().get()).isFalse();
    }

    @Test
    void cancellingARefreshKeepsThePricesInUse() throws Exception {
        server = new FakePriceListServer(PriceListFixture.byService(), 4).hang("AmazonECS");
        tools.setRefreshServices(d -> RefreshTestSupport.service(d, server.endpoint()));
        String before = snapshotName();
        dialogs.textAnswers.add("ap-northeast-2");
        hold = true;

        tools.refreshPrices();
        assertThat(server.awaitRequests(1, 10, TimeUnit.SECONDS)).isTrue();
        tools.cancel();
        held.pop().run();

        assertThat(snapshotName()).isEqualTo(before);
        assertThat(vm.statusProperty().get()).isEqualTo("Price refresh cancelled; the previous prices stay in use");
        assertThat(dialogs.errors).isEmpty();
        assertThat(tools.runningProperty().get()).isFalse();
    }

    @Test
    void aRegionThatIsNotACodeIsRefusedBeforeAnythingStarts() {
        tools.setRefreshServices(d -> {
            throw new AssertionError("no refresh may start");
        });
        dialogs.textAnswers.add("Seoul");

        assertThat(tools.refreshPrices()).isFalse();

        assertThat(dialogs.errors).containsExactly("“Seoul” is not an AWS region code (like us-east-1 or ap-northeast-2)");
    }

    // ---- report -------------------------------------------------------------------------------

    @Test
    void theReportIsWrittenAsPdfCsvOrMarkdownInTheAppsLanguage() throws Exception {
        Path pdf = dir.resolve("report.pdf");
        dialogs.reportAnswers.add(pdf);
        assertThat(tools.exportReport()).isTrue();
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(vm.statusProperty().get()).isEqualTo("Report written: " + pdf);

        i18n.setLocale(I18n.KOREAN);
        Path md = dir.resolve("report.md");
        dialogs.reportAnswers.add(md);
        tools.exportReport();
        assertThat(Files.readString(md)).startsWith("# ").contains("권고");

        Path csv = dir.resolve("report.csv");
        dialogs.reportAnswers.add(csv);
        tools.exportReport();
        assertThat(Files.readString(csv)).contains("100000");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aReportFileOfAnotherKindIsRefused() {
        dialogs.reportAnswers.add(dir.resolve("report.docx"));

        assertThat(tools.exportReport()).isFalse();

        assertThat(dialogs.errors).containsExactly("report.docx: the file name must end in .pdf, .csv or .md");
    }

    @Test
    void cancellingAReportWritesNothing() {
        Path pdf = dir.resolve("report.pdf");
        dialogs.reportAnswers.add(pdf);
        hold = true;
        tools.exportReport();

        tools.cancel();
        held.pop().run();

        assertThat(pdf).doesNotExist();
        assertThat(vm.statusProperty().get()).isEqualTo("Report cancelled; nothing was written");
    }

    // ---- decision views ------------------------------------------------------------------------

    @Test
    void theDecisionViewsFollowThePlanSeeded() {
        DecisionViewModel d = new DecisionViewModel(vm, PlanRunner.direct(), 2000);
        assertThat(d.decision()).isNotNull();
        assertThat(d.decision().simulation().runs()).isEqualTo(2000);
        assertThat(d.decision().simulation().seed()).isEqualTo(42);
        assertThat(d.decision().scenario().workload().serviceCount()).isEqualTo(5);

        vm.field("serviceCount").valueProperty().set("12");

        assertThat(d.decision().scenario().workload().serviceCount()).isEqualTo(12);
        assertThat(d.computingProperty().get()).isFalse();
        // the same inputs and seed give the same figures
        DecisionViewModel again = new DecisionViewModel(vm, PlanRunner.direct(), 2000);
        assertThat(again.decision().simulation().monthly()).isEqualTo(d.decision().simulation().monthly());
    }
}
