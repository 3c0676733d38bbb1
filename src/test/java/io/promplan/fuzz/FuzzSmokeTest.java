package io.promplan.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small, bounded run of the project's fuzzer in every build (bench/fuzz runs the long one): nothing crashes, hangs or loses data. */
class FuzzSmokeTest {
    @Test
    void twelveMutantsThroughEveryCommandEndCleanly(@TempDir Path work) throws Exception {
        Fuzz.Summary s = Fuzz.run(new Fuzz.Settings(12, 90, 16, 60, work, false));
        assertThat(s.tried()).isGreaterThan(0);
        assertThat(s.problems()).as(s.line()).isEmpty();
        assertThat(s.crashes() + s.hangs() + s.violations() + s.oddities()).isZero();
        assertThat(s.clean()).isEqualTo(s.tried());
    }
}
