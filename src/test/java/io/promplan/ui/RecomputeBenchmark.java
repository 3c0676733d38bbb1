package io.promplan.ui;

import io.promplan.TestSupport;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.service.PlanningService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one edit in the desktop app costs off the JavaFX thread: planning the scenario (shown first) and
 * the 1..50 service sweep of the cost-by-services chart (shown next). Run:
 * {@code mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main RecomputeBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecomputeBenchmark {
    private PlanningService service;
    private Scenario seed;

    @Setup
    public void setUp() {
        service = TestSupport.service();
        seed = TestSupport.seed();
    }

    @Benchmark
    public Plan planSeed() {
        return service.plan(seed);
    }

    @Benchmark
    public List<ServiceCountSweep.Point> sweepOneToFiftyServices() {
        return ServiceCountSweep.run(service, seed, 1, PlanResults.SWEEP_MAX_SERVICES);
    }
}
