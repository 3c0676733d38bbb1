package io.promplan.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's prometheusVersion picks the calibration it is planned with, in the service and through the CLI. */
class ScenarioPrometheusVersionTest {
    private static Scenario withVersion(Scenario s, String v) {
        return s.withWorkload(s.workload().toBuilder().prometheusVersion(v).build());
    }

    @Test
    void theScenariosVersionPicksItsCalibration() {
        PlanningService service = TestSupport.service();
        Scenario seed = TestSupport.seed();
        Plan v3 = service.plan(seed);
        Plan v2 = service.plan(withVersion(seed, "2.53"));
        assertThat(v3.sizing().coefficients().prometheusVersion()).isEqualTo(Calibration.forVersion("3.5").prometheusVersion()).contains("3.5");
        assertThat(v2.sizing().coefficients().prometheusVersion()).isEqualTo(Calibration.forVersion("2.42").prometheusVersion()).contains("2.42");
        // 3.x exposes more series about itself than 2.42 does: the same services give another active-series figure
        assertThat(v2.sizing().activeSeries()).isLessThan(v3.sizing().activeSeries());
        assertThat(service.plan(withVersion(seed, "3.5.3")).sizing()).isEqualTo(v3.sizing());
    }

    @Test
    void aCalibrationChosenForEveryPlanIsKept() {
        PlanningService fixed = TestSupport.service().withCalibration(Calibration.forVersion("2.42"));
        assertThat(fixed.plan(TestSupport.seed()).sizing().coefficients().prometheusVersion()).contains("2.42");
        assertThat(fixed.plan(withVersion(TestSupport.seed(), "3.5")).sizing().coefficients().prometheusVersion()).contains("2.42");
    }

    @Test
    void theCommandLinePlansA2ScenarioWithThe242Calibration(@TempDir Path dir) throws Exception {
        String seed = Files.readString(TestSupport.SCENARIOS.resolve("seed-5-services.yaml"));
        Path v2 = dir.resolve("seed-2x.yaml");
        Files.writeString(v2, seed.replaceFirst("(?m)^region:", "prometheusVersion: \"2.53.4\"\nregion:"));
        TestSupport.Run r2 = TestSupport.cli("plan", v2.toString(), "--format", "json");
        TestSupport.Run r3 = TestSupport.cli("plan", TestSupport.SCENARIOS.resolve("seed-5-services.yaml").toString(), "--format", "json");
        assertThat(r2.code()).as(r2.err()).isZero();
        assertThat(r2.out()).contains("2.42").isNotEqualTo(r3.out());
        assertThat(r3.out()).contains("3.5.3");
    }
}
