package io.promplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bill's account-dependent inputs: a value that is not allowed ends with exit 2 and the field's message, and nothing is written. */
class BillInputsBadInputTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "network:\\n  nat: sometimes|nat|existing, new, vpc-endpoints",
            "network:\\n  availabilityZones: 0|network.availabilityZones|allowed: 1 to 6",
            "cloudwatchExporter:\\n  api: GetMetricStats|api|GetMetricData, GetMetricStatistics",
            "roi:\\n  opsHoursPerMonth: -3|roi.opsHoursPerMonth|allowed",
            "roi:\\n  opsHoursPerMonth: 900|roi.opsHoursPerMonth|allowed",
            "sizing:\\n  pinsAreRequirements: perhaps|pinsAreRequirements|true or false"})
    void aValueThatIsNotAllowedNamesItsField(String block, String field, String allowed) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                version: 1
                name: bad
                region: us-east-1
                serviceCount: 3
                metricsPerService: 100
                seriesPerMetric: 2
                scrapeInterval: 30s
                retention: 15d
                """ + block.replace("\\n", "\n") + "\n");
        byte[] before = Files.readAllBytes(f);
        var r = TestSupport.cli("plan", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("s.yaml").contains(field).contains(allowed).doesNotContain("Exception");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }
}
