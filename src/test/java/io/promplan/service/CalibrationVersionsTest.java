package io.promplan.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promplan.core.sizing.SizingCoefficients;
import org.junit.jupiter.api.Test;

class CalibrationVersionsTest {
    @Test
    void versionStringsPickTheCalibrationOfTheirMajorVersion() {
        SizingCoefficients v242 = Calibration.forVersion("2.42");
        SizingCoefficients v35 = Calibration.forVersion("3.5");
        assertThat(v242.prometheusVersion()).contains("2.42");
        assertThat(v35.prometheusVersion()).contains("3.5.3");
        for (String v : new String[] {"2.x", "2", "v2.53.1", "2.42.0", "2.X"}) {
            assertThat(Calibration.forVersion(v)).as(v).isEqualTo(v242);
        }
        for (String v : new String[] {"3.x", "3", "3.5.3", "v3.5", "3.7", " 3.5 "}) {
            assertThat(Calibration.forVersion(v)).as(v).isEqualTo(v35);
        }
        assertThat(Calibration.forVersion(null)).isEqualTo(v35);
        assertThat(Calibration.forVersion("")).isEqualTo(v35);
        assertThat(Calibration.shipped()).isEqualTo(v35);
    }

    @Test
    void anUncalibratedVersionIsRefusedNamingTheCalibratedOnes() {
        for (String v : new String[] {"1.8", "4.0", "latest", "3.five"}) {
            assertThatThrownBy(() -> Calibration.forVersion(v)).as(v).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + v + "'").hasMessageContaining("2.42, 3.5");
        }
    }

    @Test
    void theDefaultCarriesItsDiskModelAndTheOldOneStaysFlat() {
        assertThat(Calibration.shipped().disk()).isNotNull();
        assertThat(Calibration.shipped().disk().mix()).isEqualTo("synthetic");
        assertThat(Calibration.forVersion("2.42").disk()).isNull();
        assertThat(Calibration.withMix("3.5", "fleet")).hasValueSatisfying(k -> {
            assertThat(k.disk().mix()).isEqualTo("fleet");
            assertThat(k.disk().changingShareOther()).isLessThan(Calibration.shipped().disk().changingShareOther());
        });
        assertThat(Calibration.withMix("3.5", "none")).isEmpty();
    }

    @Test
    void thePlanningServicePlansWithTheCalibrationOfAVersion() throws Exception {
        PlanningService s = PlanningService.open(java.nio.file.Path.of("pricing-data"));
        assertThat(s.coefficients()).isEqualTo(Calibration.forVersion("3.5"));
        PlanningService old = s.forPrometheusVersion("2.x");
        assertThat(old.coefficients()).isEqualTo(Calibration.forVersion("2.42"));
        assertThat(old.snapshot()).isSameAs(s.snapshot());
        var scenario = s.load(java.nio.file.Path.of("scenarios", "seed-5-services.yaml"));
        assertThat(old.plan(scenario).sizing().coefficients().prometheusSelfSeries()).isEqualTo(399);
        assertThat(s.plan(scenario).sizing().coefficients().prometheusSelfSeries()).isEqualTo(600);
    }
}
