package io.promplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.TestSupport;
import io.promplan.core.workload.Scenario;
import io.promplan.scenario.ScenarioReader;
import io.promplan.scenario.ScenarioWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** compare, sweep and simulate in every format (golden files), ranges in scenario files, and their bad input. */
class DecisionCommandsTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        String seed = "scenarios/seed-5-services.yaml";
        return Stream.of(
                Arguments.of("compare-table.txt", List.of("compare", seed, "scenarios/services-10.yaml", "scenarios/services-20.yaml")),
                Arguments.of("compare.json", List.of("compare", seed, "scenarios/services-10.yaml", "scenarios/services-20.yaml", "--format", "json")),
                Arguments.of("compare.md", List.of("compare", seed, "scenarios/services-10.yaml", "scenarios/services-20.yaml", "--format", "md")),
                Arguments.of("sweep-seed.csv", List.of("sweep", seed, "--services", "1..50", "--format", "csv")),
                Arguments.of("sweep-seed.txt", List.of("sweep", seed, "--services", "1..50")),
                Arguments.of("sweep-seed.json", List.of("sweep", seed, "--services", "3..8", "--format", "json")),
                Arguments.of("simulate-seed.txt", List.of("simulate", seed, "--runs", "5000", "--seed", "7")),
                Arguments.of("simulate-seed.json", List.of("simulate", seed, "--runs", "5000", "--seed", "7", "--format", "json")),
                Arguments.of("compare-thanos.txt", List.of("compare", seed, "scenarios/services-10.yaml", "scenarios/services-20.yaml",
                        "scenarios/thanos-40-services-1y.yaml")),
                Arguments.of("compare-thanos.json", List.of("compare", "scenarios/thanos-40-services-1y.yaml", "--format", "json")),
                Arguments.of("sweep-thanos.txt", List.of("sweep", "scenarios/thanos-40-services-1y.yaml", "--services", "1..50")),
                Arguments.of("sweep-thanos.json", List.of("sweep", "scenarios/thanos-40-services-1y.yaml", "--services", "20..40", "--format", "json")),
                Arguments.of("simulate-thanos.txt", List.of("simulate", "scenarios/thanos-40-services-1y.yaml", "--runs", "2000", "--seed", "7")),
                Arguments.of("simulate-services-20.csv", List.of("simulate", "scenarios/services-20.yaml", "--runs", "5000", "--seed", "7", "--format", "csv")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputMatchesItsGoldenFile(String golden, List<String> args) throws IOException {
        List<String> a = new java.util.ArrayList<>(args);
        a.add("--prices");
        a.add("pricing-data");
        TestSupport.Run r = TestSupport.cli(a.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        if (golden.endsWith(".json")) {
            JsonNode n = new ObjectMapper().readTree(r.out());
            assertThat(n.isObject()).isTrue();
        }
        Path g = GOLDEN.resolve(golden);
        if (Boolean.getBoolean("golden.update") || !Files.exists(g)) {
            Files.writeString(g, r.out(), StandardCharsets.UTF_8);
        }
        assertThat(r.out()).isEqualTo(Files.readString(g, StandardCharsets.UTF_8));
    }

    @Test
    void compareShowsEveryAlternativeForEachScenario() {
        TestSupport.Run r = TestSupport.cli("compare", "scenarios/seed-5-services.yaml", "scenarios/services-20.yaml", "--prices", "pricing-data");
        assertThat(r.out()).contains("$148.33", "$201.77", "$145.71", "$313.07", "amp-amg");
    }

    @Test
    void simulateWithTheSameSeedPrintsTheSameResult() {
        TestSupport.Run a = TestSupport.cli("simulate", "scenarios/services-10.yaml", "--runs", "3000", "--seed", "99", "--prices", "pricing-data");
        TestSupport.Run b = TestSupport.cli("simulate", "scenarios/services-10.yaml", "--runs", "3000", "--seed", "99", "--prices", "pricing-data");
        assertThat(a.out()).isEqualTo(b.out()).contains("P10", "P50", "P90");
    }

    @Test
    void rangesAreWrittenAndReadBack() throws Exception {
        Scenario s = TestSupport.seed();
        Path f = dir.resolve("copy.yaml");
        ScenarioWriter.write(s, f);
        Scenario back = ScenarioReader.read(f);
        assertThat(back.uncertainty()).isEqualTo(s.uncertainty());
        assertThat(back.uncertainty().ranges()).containsKeys("seriesPerMetric", "roi.hoursSavedPerWeek");
    }

    private TestSupport.Run simulateWith(String yaml) throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, yaml);
        return TestSupport.cli("simulate", f.toString(), "--runs", "100", "--prices", "pricing-data");
    }

    private static void assertOneLine(TestSupport.Run r, String... parts) {
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception");
        for (String p : parts) {
            assertThat(r.err()).contains(p);
        }
    }

    private static String seed() throws IOException {
        return Files.readString(Path.of("scenarios/seed-5-services.yaml"));
    }

    @Test
    void anUnknownInputPathNamesItsLineAndTheAllowedPaths() throws IOException {
        String y = seed().replace("  seriesPerMetric: { low: 1, likely: 1, high: 30 }", "  seriesPerMetrik: { low: 1, high: 30 }");
        int line = (int) y.lines().takeWhile(l -> !l.contains("seriesPerMetrik")).count() + 1;
        assertOneLine(simulateWith(y), "bad.yaml:" + line + ":", "uncertainty.seriesPerMetrik", "allowed:", "grafana.users");
    }

    @Test
    void lowAboveHighIsRefused() throws IOException {
        assertOneLine(simulateWith(seed().replace("roi.setupHours: { low: 40, high: 160 }", "roi.setupHours: { low: 400, high: 160 }")),
                "roi.setupHours", "low (400) must be below high (160)");
    }

    @Test
    void theScenarioValueMustLieInItsRange() throws IOException {
        assertOneLine(simulateWith(seed().replace("logs.servicesGbPerMonth: { low: 20, high: 30 }", "logs.servicesGbPerMonth: { low: 30, high: 40 }")),
                "logs.servicesGbPerMonth", "the scenario's value 25 must lie between low 30 and high 40");
    }

    @Test
    void anUnknownShapeIsRefused() throws IOException {
        assertOneLine(simulateWith(seed().replace("roi.setupHours: { low: 40, high: 160 }", "roi.setupHours: { low: 40, high: 160, shape: normal }")),
                "shape", "allowed: pert, triangular");
    }

    @Test
    void aBadServicesRangeIsRefused() {
        TestSupport.Run r = TestSupport.cli("sweep", "scenarios/seed-5-services.yaml", "--services", "10..2", "--prices", "pricing-data");
        assertOneLine(r, "--services '10..2' is not allowed");
    }

    @Test
    void aBadGrowthIsRefused() {
        TestSupport.Run r = TestSupport.cli("compare", "scenarios/seed-5-services.yaml", "--growth", "fast", "--prices", "pricing-data");
        assertOneLine(r, "growth 'fast' is not allowed");
    }
}
