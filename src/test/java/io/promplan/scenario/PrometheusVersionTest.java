package io.promplan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promplan.TestSupport;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.Workload;
import io.promplan.io.InputFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prometheusVersion: optional, "3.5" when left out, 2.x or 3.x, written only when it is not the default. */
class PrometheusVersionTest {
    private static final String MINIMAL = "version: 1\nname: m\nregion: us-east-1\nserviceCount: 2\nmetricsPerService: 3\n"
            + "seriesPerMetric: 4\nscrapeInterval: 15s\nretention: 15d\n";

    @Test
    void leftOutItIsTheDefaultAndTheWriterLeavesItOut() throws Exception {
        Scenario s = ScenarioReader.parse(MINIMAL, "m.yaml");
        assertThat(s.workload().prometheusVersion()).isEqualTo("3.5").isEqualTo(Workload.DEFAULT_PROMETHEUS_VERSION);
        assertThat(ScenarioWriter.toYaml(s)).doesNotContain("prometheusVersion");
        Scenario seed = TestSupport.seed();
        assertThat(seed.workload().prometheusVersion()).isEqualTo("3.5");
    }

    @Test
    void aVersionIsKeptAsWrittenAndRoundTrips() throws Exception {
        for (String v : new String[] {"2.53", "\"2.53.4\"", "3.10", "3.0"}) {
            Scenario s = ScenarioReader.parse(MINIMAL + "prometheusVersion: " + v + "\n", "v.yaml");
            String expected = v.replace("\"", "");
            assertThat(s.workload().prometheusVersion()).as(v).isEqualTo(expected);
            String yaml = ScenarioWriter.toYaml(s);
            assertThat(yaml).contains("prometheusVersion: \"" + expected + "\"");
            assertThat(ScenarioReader.parse(yaml, "w.yaml")).isEqualTo(s);
        }
    }

    @Test
    void aBadVersionNamesTheFieldAndLine() {
        for (String v : new String[] {"4.0", "latest", "\"3\"", "2.x", "[3.5]"}) {
            assertThatThrownBy(() -> ScenarioReader.parse(MINIMAL + "prometheusVersion: " + v + "\n", "v.yaml")).as(v)
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("v.yaml")
                    .hasMessageContaining("prometheusVersion")
                    .hasMessageContaining("v.yaml:9:");
        }
    }

    @Test
    void theCliExitsWith2NamingTheField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, Files.readString(Path.of("scenarios/seed-5-services.yaml")) + "prometheusVersion: \"4.1\"\n");
        TestSupport.Run r = TestSupport.cli("plan", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml").contains("prometheusVersion").contains("2.x or 3.x");
    }
}
