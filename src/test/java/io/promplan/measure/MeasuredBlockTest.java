package io.promplan.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promplan.TestSupport;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Measurement;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ServiceSpec;
import io.promplan.io.InputFileException;
import io.promplan.scenario.ScenarioReader;
import io.promplan.scenario.ScenarioWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional measured: block: written with comments, read back, checked, and ignored by the plan. */
class MeasuredBlockTest {
    private static final Measurement M = new Measurement("targets", "2026-12-01T10:00:00Z", "promplan test measure",
            null, List.of(new Measurement.Source("api", "http://10.0.0.5:8080/metrics", Map.of("series", "1234", "format", "text 0.0.4"))),
            List.of("target db (http://10.0.0.6/metrics): HTTP 401 Unauthorized"));

    @Test
    void roundTripsWithACommentOnEveryKeyAndThePlanIgnoresIt() throws Exception {
        Scenario seed = TestSupport.seed();
        String yaml = ScenarioWriter.toYaml(seed, M);
        assertThat(yaml).contains("\nmeasured:\n").contains("  # how: targets").contains("      # series one target exposes");
        Measurement back = ScenarioReader.measurement(yaml, "m.yaml");
        assertThat(back.method()).isEqualTo("targets");
        assertThat(back.sources().get(0).figures()).containsEntry("series", "1234").containsEntry("format", "text 0.0.4");
        assertThat(back.failed()).containsExactly("target db (http://10.0.0.6/metrics): HTTP 401 Unauthorized");
        Plan with = TestSupport.service().plan(ScenarioReader.parse(yaml, "m.yaml"));
        Plan without = TestSupport.service().plan(ScenarioReader.parse(ScenarioWriter.toYaml(seed), "s.yaml"));
        assertThat(with.selfHosted().monthly()).isEqualTo(without.selfHosted().monthly());
        assertThat(ScenarioReader.measurement(ScenarioWriter.toYaml(seed), "s.yaml")).isNull();
    }

    @Test
    void aTypoInTheBlockIsNamedWithItsLine() {
        String yaml = ScenarioWriter.toYaml(TestSupport.seed(), M).replace("      series: 1234", "      serise: 1234");
        assertThatThrownBy(() -> ScenarioReader.parse(yaml, "m.yaml")).isInstanceOf(InputFileException.class)
                .hasMessageContaining("measured.sources[0].serise: unknown key");
        String bad = ScenarioWriter.toYaml(TestSupport.seed(), M).replace("method: targets", "method: guessed");
        assertThatThrownBy(() -> ScenarioReader.parse(bad, "m.yaml")).hasMessageContaining("measured.method: is 'guessed'; allowed: targets, prometheus");
    }

    @Test
    void serviceFiguresReproduceTheMeasuredSeries() {
        for (var s : List.of(new ScenarioBuilder.Service("a", 1, 5005, 71, 11, 11.96), new ScenarioBuilder.Service("b", 3, 17, 17, 0, 0),
                new ScenarioBuilder.Service("c", 1, 250_000, 900, 120, 30), new ScenarioBuilder.Service("d", 2, 3, 5, 5, 0))) {
            ServiceSpec spec = ScenarioBuilder.spec(s, 12);
            assertThat(spec.seriesPerTarget()).as(s.toString()).isCloseTo(s.seriesPerTarget(), org.assertj.core.data.Percentage.withPercentage(0.1));
            assertThat(spec.histogramBuckets()).isPositive();
        }
    }
}
