package io.promplan.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** measure --prometheus plans for the version it read: the scenario's prometheusVersion, which picks the calibration. */
class MeasuredVersionTest {
    @Test
    void theReportedVersionBecomesTheScenariosVersion() {
        assertThat(MeasureService.plannedVersion("3.5.3+ds1")).isEqualTo("3.5.3");
        assertThat(MeasureService.plannedVersion("v2.53.4")).isEqualTo("2.53.4");
        assertThat(MeasureService.plannedVersion("2.10.0")).isEqualTo("2.10.0");
        assertThat(MeasureService.plannedVersion("3.5")).isEqualTo("3.5");
    }

    @Test
    void aVersionNoCalibrationFitsIsLeftToTheDefault() {
        assertThat(MeasureService.plannedVersion("1.8.2")).isNull();
        assertThat(MeasureService.plannedVersion("")).isNull();
        assertThat(MeasureService.plannedVersion("unknown")).isNull();
        assertThat(MeasureService.plannedVersion(null)).isNull();
    }
}
