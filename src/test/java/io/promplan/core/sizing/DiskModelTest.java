package io.promplan.core.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DiskModelTest {
    // the shape of the 3.5 synthetic fit
    static final DiskModel D = new DiskModel("synthetic", 7.2, 144, 6.2, 30.2, 22.7, 83.7, 0.80, 0.655, 8.09);

    @Test
    void longIntervalsPayMorePerSampleForChunkAndIndexCosts() {
        // at 5 s a block holds 1440 samples per series, at 60 s only 120: the fixed costs weigh 12 times more
        assertThat(D.blockBytesPerSample(60, 0.3)).isGreaterThan(D.blockBytesPerSample(30, 0.3));
        assertThat(D.blockBytesPerSample(30, 0.3)).isGreaterThan(D.blockBytesPerSample(15, 0.3));
        assertThat(D.blockBytesPerSample(15, 0.3)).isGreaterThan(D.blockBytesPerSample(5, 0.3));
        // the steady cost alone is the floor
        assertThat(D.blockBytesPerSample(1, 0.3)).isGreaterThan(D.steadyBits(0.3) / 8);
    }

    @Test
    void constantSeriesAndFewChangesCompressBetter() {
        DiskModel quiet = new DiskModel("q", 7.2, 144, 6.2, 30.2, 22.7, 83.7, 0.1, 0.1, 8.09);
        assertThat(quiet.blockBytesPerSample(15, 0.3)).isLessThan(D.blockBytesPerSample(15, 0.3));
        // histogram samples change more often than the rest in this mix
        assertThat(D.blockBytesPerSample(15, 0.6)).isGreaterThan(D.blockBytesPerSample(15, 0.1));
        assertThat(D.changingShare(0)).isEqualTo(0.655);
        assertThat(D.changingShare(1)).isEqualTo(0.80);
    }

    @Test
    void theFormulaAtFifteenSecondsByHand() {
        // S = 480, C = 4, m = 120; steady = 7.2 + 1 + 0.655 x 21.7; chunk = 6.2 + 2 + (144 + 118 x steady) / 8 + 0.5
        double steady = 7.2 + 1 + 0.655 * 21.7;
        double chunk = 6.2 + 2 + (144 + 118 * steady) / 8 + 0.5;
        assertThat(D.blockBytesPerSample(15, 0)).isCloseTo((4 * chunk + 83.7 + 24) / 480, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(D.headChunkBytesPerSample(15, 0)).isCloseTo((chunk + 24) / 120, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Property(tries = 200)
    void alwaysPositiveAndFinite(@ForAll @IntRange(min = 1, max = 3600) int interval, @ForAll @DoubleRange(min = 0, max = 1) double h) {
        double b = D.blockBytesPerSample(interval, h);
        assertThat(b).isPositive().isFinite();
        assertThat(D.headChunkBytesPerSample(interval, h)).isPositive().isFinite();
    }
}
