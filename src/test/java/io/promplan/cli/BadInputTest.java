package io.promplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends with exit code 2 and one line naming the file and line, or the field and what is allowed. */
class BadInputTest {
    @TempDir
    Path dir;

    private String seedText() throws IOException {
        return Files.readString(Path.of("scenarios/seed-5-services.yaml"));
    }

    private TestSupport.Run planWith(String yaml) throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, yaml);
        return TestSupport.cli("plan", f.toString(), "--prices", "pricing-data");
    }

    private static void assertOneLine(TestSupport.Run r, String... parts) {
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        for (String p : parts) {
            assertThat(r.err()).contains(p);
        }
    }

    @Test
    void malformedYamlNamesFileAndLine() throws IOException {
        TestSupport.Run r = planWith("version: 1\nname: x\nregion: [unclosed\nserviceCount: 5\n");
        assertOneLine(r, "bad.yaml:", "not valid YAML");
    }

    @Test
    void unknownKeyNamesItsLineAndTheAllowedKeys() throws IOException {
        TestSupport.Run r = planWith(seedText().replace("serviceCount: 5", "serviceCount: 5\nserviceCont: 7"));
        assertOneLine(r, "bad.yaml:16: serviceCont: unknown key", "allowed here:", "serviceCount");
    }

    @Test
    void zeroServiceCountIsRefusedWithTheAllowedRange() throws IOException {
        TestSupport.Run r = planWith(seedText().replace("serviceCount: 5", "serviceCount: 0").replace("services:\n  - name: \"atlantis\"\n  - name: \"api-1\"\n  - name: \"api-2\"\n  - name: \"worker\"\n  - name: \"service-5\"\n", ""));
        assertOneLine(r, "bad.yaml:15: serviceCount: is 0; allowed: 1 to 10000");
    }

    @Test
    void negativeCountIsRefused() throws IOException {
        TestSupport.Run r = planWith(seedText().replace("metricsPerService: 100", "metricsPerService: -100"));
        assertOneLine(r, "metricsPerService: is -100; allowed: 1 to");
    }

    @Test
    void zeroScrapeIntervalIsRefused() throws IOException {
        TestSupport.Run r = planWith(seedText().replace("scrapeInterval: 15s\n# how long", "scrapeInterval: 0s\n# how long"));
        assertOneLine(r, "scrapeInterval: is 0s; allowed: 1s to 1h");
    }

    @Test
    void textWhereANumberBelongsIsRefused() throws IOException {
        TestSupport.Run r = planWith(seedText().replace("seriesPerMetric: 1\n", "seriesPerMetric: lots\n"));
        assertOneLine(r, "seriesPerMetric: 'lots' is not a number");
    }

    @Test
    void unknownRegionInTheFileIsRefused() throws IOException {
        TestSupport.Run r = planWith(seedText().replace("region: \"ap-northeast-2\"", "region: \"af-south-1\""));
        assertOneLine(r, "region: 'af-south-1' is not in price snapshot", "ap-northeast-2");
    }

    @Test
    void unknownRegionOptionIsRefused() {
        TestSupport.Run r = TestSupport.cli("plan", "scenarios/seed-5-services.yaml", "--region", "xx-nowhere-9", "--prices", "pricing-data");
        assertOneLine(r, "--region: 'xx-nowhere-9' is not in price snapshot");
    }

    @Test
    void aMissingScenarioFileIsNamed() {
        TestSupport.Run r = TestSupport.cli("plan", dir.resolve("nope.yaml").toString(), "--prices", "pricing-data");
        assertOneLine(r, "nope.yaml: no such file");
    }

    @Test
    void aMalformedPriceSnapshotIsNamedWithItsLine() throws IOException {
        Path prices = dir.resolve("prices");
        Files.createDirectories(prices);
        Files.writeString(prices.resolve("prices-2026-01-01.json"), "{\n  \"format\": \"promplan-prices\",\n  \"formatVersion\": 1,\n  \"regions\": {\n");
        TestSupport.Run r = TestSupport.cli("plan", "scenarios/seed-5-services.yaml", "--prices", prices.toString());
        assertOneLine(r, "prices-2026-01-01.json:", "not valid JSON");
    }

    @Test
    void aPriceSnapshotWithABadValueNamesTheField() throws IOException {
        Path prices = dir.resolve("prices");
        Files.createDirectories(prices);
        String text = Files.readString(Path.of("pricing-data/prices-2026-11-26.json")).replaceFirst("\"usd\": \"0.04048\"", "\"usd\": \"cheap\"");
        Files.writeString(prices.resolve("prices-2026-01-01.json"), text);
        TestSupport.Run r = TestSupport.cli("plan", "scenarios/seed-5-services.yaml", "--prices", prices.toString());
        assertOneLine(r, "prices-2026-01-01.json:", "regions.us-east-1.fargate.vcpu.x86.tiers[0].usd: 'cheap' is not a decimal number");
    }

    @Test
    void anEmptyPriceFolderIsNamed() throws IOException {
        TestSupport.Run r = TestSupport.cli("plan", "scenarios/seed-5-services.yaml", "--prices", dir.toString());
        assertOneLine(r, "holds no price snapshot");
    }

    @Test
    void anUnknownFormatIsRefused() {
        TestSupport.Run r = TestSupport.cli("plan", "scenarios/seed-5-services.yaml", "--format", "xml");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--format").contains("table, json, csv");
    }
    // ---- storage: thanos-s3

    private String thanosText() throws IOException {
        return Files.readString(Path.of("scenarios/thanos-40-services-1y.yaml"));
    }

    @Test
    void thanosWithARetentionShorterThanTheBlockRangeIsRefused() throws IOException {
        TestSupport.Run r = planWith(thanosText().replace("retention: 365d", "retention: 1h"));
        assertOneLine(r, "bad.yaml:", "retention: is 1h; allowed: 2h or more with storage: thanos-s3");
    }

    @Test
    void aThanosResolutionShorterThanTheBlockRangeIsRefused() throws IOException {
        TestSupport.Run r = planWith(thanosText().replace("retentionRaw: 30d", "retentionRaw: 1h"));
        assertOneLine(r, "bad.yaml:", "thanos.retentionRaw: is 1h; allowed: 2h to");
    }

    @Test
    void thanosResolutionsOutOfOrderAreRefused() throws IOException {
        TestSupport.Run r = planWith(thanosText().replace("retention5m: 180d", "retention5m: 10d"));
        assertOneLine(r, "thanos.retention5m: is 10d, below thanos.retentionRaw (30d)");
    }

    @Test
    void thanosWithTheAmpRemoteWriteSettingIsRefused() throws IOException {
        TestSupport.Run r = planWith(thanosText().replace("backup: true\n", "backup: true\nlocalRetention: 2d\n"));
        assertOneLine(r, "bad.yaml:", "localRetention: is the amp-remote-write setting and is not allowed with storage: thanos-s3", "thanos.localRetention");
    }

    @Test
    void aThanosLocalRetentionBelowTheBlockRangeIsRefused() throws IOException {
        TestSupport.Run r = planWith(thanosText().replace("localRetention: 6h", "localRetention: 1h"));
        assertOneLine(r, "thanos.localRetention: is 1h; allowed: 2h to");
    }

    @Test
    void aThanosBlockWithAnotherStorageIsRefused() throws IOException {
        TestSupport.Run r = planWith(thanosText().replace("storage: thanos-s3", "storage: ebs"));
        assertOneLine(r, "bad.yaml:", "thanos: is allowed only with storage: thanos-s3 (storage is ebs)");
    }

    @Test
    void aThanosLocalStorageOtherThanEphemeralOrEbsIsRefused() throws IOException {
        TestSupport.Run r = planWith(thanosText().replace("localStorage: ephemeral", "localStorage: efs"));
        assertOneLine(r, "thanos.localStorage: is 'efs'; allowed: ephemeral | ebs");
    }
}
