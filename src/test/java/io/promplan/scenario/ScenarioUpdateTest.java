package io.promplan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.core.workload.BaselineLine;
import io.promplan.core.workload.GrafanaSpec;
import io.promplan.core.workload.LocalText;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ServiceSpec;
import io.promplan.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving into the file a scenario came from keeps its comments and layout. */
class ScenarioUpdateTest {
    private static final Path SEED = Path.of("scenarios/seed-5-services.yaml");

    static List<String> comments(String text) {
        return text.lines().filter(l -> l.strip().startsWith("#")).toList();
    }

    @Test
    void theSeedKeepsAllItsCommentsWhenTwoValuesChange(@TempDir Path dir) throws Exception {
        String original = Files.readString(SEED);
        Scenario seed = ScenarioReader.parse(original, SEED.toString());
        GrafanaSpec g = seed.workload().grafana();
        Scenario edited = seed.withWorkload(seed.workload().toBuilder().serviceCount(7)
                .grafana(new GrafanaSpec(g.users() + 5, g.editors(), g.concurrentUsers(), g.dashboards(), g.panelsPerDashboard(),
                        g.refreshInterval(), g.activeHoursPerMonth(), g.kbPerPanelRefresh()))
                .build());
        ScenarioUpdate.Result r = ScenarioUpdate.update(original, edited, SEED.toString());
        assertThat(r.kept()).isTrue();
        assertThat(comments(original)).hasSizeGreaterThanOrEqualTo(84);
        assertThat(comments(r.text())).isEqualTo(comments(original));
        // only the two lines changed
        List<String> a = original.lines().toList();
        List<String> b = r.text().lines().toList();
        assertThat(b).hasSameSizeAs(a);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(b.get(i));
            }
        }
        assertThat(changed).containsExactly("serviceCount: 7", "  users: " + (g.users() + 5));

        Path f = dir.resolve("seed.yaml");
        AtomicFiles.writeString(f, r.text());
        Scenario back = ScenarioReader.read(f);
        assertThat(back).isEqualTo(edited);
        assertThat(back.workload().serviceCount()).isEqualTo(7);
        assertThat(back.workload().grafana().users()).isEqualTo(g.users() + 5);
    }

    @Test
    void aValueWithACommentAfterItKeepsTheComment() {
        assertThat(ScenarioUpdate.replaceValue("  users: 10   # named users", "15")).isEqualTo("  users: 15   # named users");
        assertThat(ScenarioUpdate.replaceValue("name: \"a # b\" # the name", "\"c\"")).isEqualTo("name: \"c\" # the name");
        assertThat(ScenarioUpdate.replaceValue("text: |", "x")).isNull();
    }

    @Test
    void listsAndMissingKeysAreWrittenWithoutLosingTheOtherComments() throws Exception {
        String original = Files.readString(SEED);
        Scenario seed = ScenarioReader.parse(original, SEED.toString());
        List<ServiceSpec> services = new ArrayList<>(seed.workload().serviceOverrides());
        services.set(1, new ServiceSpec("payments", 250, 0, 0, -1, 0));
        List<BaselineLine> lines = new ArrayList<>(seed.baseline().lines());
        lines.remove(lines.size() - 1);
        Scenario edited = seed.withWorkload(seed.workload().toBuilder().serviceOverrides(services).prometheusVersion("2.53").build());
        edited = new Scenario(edited.version(), edited.name(), edited.description(), edited.workload(), edited.cloudwatchOnly(), edited.roi(),
                new io.promplan.core.workload.Baseline(seed.baseline().lowUsd(), seed.baseline().highUsd(), seed.baseline().priceRegion(), lines,
                        seed.baseline().cloudwatchOnlyUsd(), seed.baseline().cloudwatchOnlyLines(), seed.baseline().claimedGiBPerDay(),
                        seed.baseline().roiClaim()), edited.uncertainty());
        ScenarioUpdate.Result r = ScenarioUpdate.update(original, edited, SEED.toString());
        assertThat(r.kept()).isTrue();
        assertThat(ScenarioReader.parse(r.text(), "x.yaml")).isEqualTo(edited);
        assertThat(comments(r.text())).containsAll(comments(original).stream().filter(c -> !c.contains("- name")).toList());
        assertThat(r.text()).contains("prometheusVersion: \"2.53\"").contains("payments");
    }

    @Test
    void aFileItCannotEditIsRewrittenAndSaysSo() throws Exception {
        String original = Files.readString(SEED).replace("grafana:\n", "grafana: &g\n");
        Scenario seed = ScenarioReader.parse(Files.readString(SEED), SEED.toString());
        ScenarioUpdate.Result same = ScenarioUpdate.update(Files.readString(SEED), seed, SEED.toString());
        assertThat(same.kept()).isTrue();
        assertThat(same.text()).isEqualTo(Files.readString(SEED));
        ScenarioUpdate.Result broken = ScenarioUpdate.update("not: [valid", seed, "x.yaml");
        assertThat(broken.kept()).isFalse();
        assertThat(ScenarioReader.parse(broken.text(), "x.yaml")).isEqualTo(seed);
    }

    /** The lines that differ, as the new text has them (same number of lines). */
    private static List<String> changedLines(String original, String updated) {
        List<String> a = original.lines().toList();
        List<String> b = updated.lines().toList();
        assertThat(b).hasSameSizeAs(a);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(b.get(i));
            }
        }
        return changed;
    }

    @Test
    void aTextByLanguageEditedInOneLanguageChangesThatLanguageOnly() throws Exception {
        String original = Files.readString(SEED);
        Scenario seed = ScenarioReader.parse(original, SEED.toString());
        // the scenario's name, edited in the Korean app: its Korean entry changes, the English one and every comment stay
        Scenario renamed = seed.withName(seed.name().with("ko", "원안: 서비스 5개 (수정)"));
        ScenarioUpdate.Result r = ScenarioUpdate.update(original, renamed, SEED.toString());
        assertThat(r.kept()).isTrue();
        assertThat(changedLines(original, r.text())).containsExactly("name: { en: \"Seed plan: 5 services (as written)\", ko: \"원안: 서비스 5개 (수정)\" }");
        Scenario back = ScenarioReader.parse(r.text(), "x.yaml");
        assertThat(back.name().text("en")).isEqualTo(seed.name().text("en"));
        assertThat(back.name().text("ko")).isEqualTo("원안: 서비스 5개 (수정)");

        // the same name written in block style: only its Korean line changes
        String block = original.replace("name: { en: \"Seed plan: 5 services (as written)\", ko: \"원안: 서비스 5개 (작성된 그대로)\" }",
                "name:\n  en: \"Seed plan: 5 services (as written)\"  # the plan's title\n  ko: \"원안: 서비스 5개 (작성된 그대로)\"");
        assertThat(block).isNotEqualTo(original);
        assertThat(ScenarioReader.parse(block, "block.yaml")).isEqualTo(seed);
        ScenarioUpdate.Result b = ScenarioUpdate.update(block, renamed, "block.yaml");
        assertThat(b.kept()).isTrue();
        assertThat(changedLines(block, b.text())).containsExactly("  ko: \"원안: 서비스 5개 (수정)\"");
        // a language added to a block: one more line under the others
        Scenario english = seed.withName(io.promplan.core.workload.LocalText.of(java.util.Map.of("en", "Seed plan")));
        String enOnly = block.replace("\n  ko: \"원안: 서비스 5개 (작성된 그대로)\"", "").replace("\"Seed plan: 5 services (as written)\"", "\"Seed plan\"");
        ScenarioUpdate.Result added = ScenarioUpdate.update(enOnly, english.withName(english.name().with("ko", "원안")), "en.yaml");
        assertThat(added.kept()).isTrue();
        assertThat(added.text()).contains("name:\n  en: \"Seed plan\"  # the plan's title\n  ko: \"원안\"\n");

        // a plan line's note edited in English: its English entry changes, the Korean one stays; a plain name stays plain
        List<BaselineLine> lines = new ArrayList<>(seed.baseline().lines());
        BaselineLine alb = lines.get(4);
        assertThat(alb.name().isPlain()).isTrue();
        lines.set(4, new BaselineLine(LocalText.plain("ALB (HTTPS)"), alb.lowUsd(), alb.highUsd(), alb.planHours(), alb.covers(), alb.planFormula(),
                alb.note().with("en", "the LCU line is off"), alb.notPriced()));
        Scenario edited = seed.withBaseline(new io.promplan.core.workload.Baseline(seed.baseline().lowUsd(), seed.baseline().highUsd(),
                seed.baseline().priceRegion(), lines, seed.baseline().cloudwatchOnlyUsd(), seed.baseline().cloudwatchOnlyLines(),
                seed.baseline().claimedGiBPerDay(), seed.baseline().roiClaim()));
        ScenarioUpdate.Result n = ScenarioUpdate.update(original, edited, SEED.toString());
        assertThat(n.kept()).isTrue();
        assertThat(comments(n.text())).isEqualTo(comments(original));
        // the changed list is written by the writer (its figures as the writer writes them: 6.60 as 6.6), the other lines stay
        assertThat(changedLines(original, n.text())).containsExactly("      usd: 6.6", "    - name: \"ALB (HTTPS)\"",
                "      note: { en: \"the LCU line is off\", ko: " + ScenarioWriter.q(alb.note().text("ko")) + " }");
        BaselineLine read = ScenarioReader.parse(n.text(), "x.yaml").baseline().lines().get(4);
        assertThat(read.name()).isEqualTo(LocalText.plain("ALB (HTTPS)"));
        assertThat(read.note().text("ko")).isEqualTo(alb.note().text("ko"));
        assertThat(read.note().text("en")).isEqualTo("the LCU line is off");
    }

    @Test
    void aFlowMappingIsReplacedToItsClosingBrace() {
        assertThat(ScenarioUpdate.replaceValue("name: { en: \"a } b\", ko: 'c''d' }  # title", "{ en: \"x\" }")).isEqualTo("name: { en: \"x\" }  # title");
        assertThat(ScenarioUpdate.replaceValue("name: { en: \"a\"", "{ en: \"x\" }")).isNull();
        assertThat(ScenarioUpdate.replaceValue("name: { en: \"a\" }", "\"plain\"")).isNull();
    }
}
