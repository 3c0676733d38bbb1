package io.promplan.bench;

import io.promplan.core.analysis.MonteCarlo;
import io.promplan.core.workload.Scenario;
import io.promplan.scenario.ScenarioReader;
import io.promplan.service.PlanningService;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 100,000 Monte Carlo draws of a shipped scenario (8 ranged inputs), the fast method; and one full
 * plan, the unit the exact method pays per draw. Run: {@code bench/monte-carlo.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MonteCarloBench {
    @Param({"seed-5-services.yaml", "services-20.yaml"})
    public String scenario;

    private MonteCarlo mc;
    private PlanningService service;
    private Scenario s;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        service = PlanningService.open(Path.of("pricing-data"));
        s = ScenarioReader.read(Path.of("scenarios").resolve(scenario));
        mc = new MonteCarlo(s, service::plan);
        mc.prepare();
    }

    @Benchmark
    public MonteCarlo.Result hundredThousandDraws() {
        return mc.run(new MonteCarlo.Options(100_000, 42, false));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object onePlan() {
        return service.plan(s);
    }

    @Benchmark
    public MonteCarlo.Result prepareAndHundredThousandDraws() {
        MonteCarlo fresh = new MonteCarlo(s, service::plan);
        return fresh.run(new MonteCarlo.Options(100_000, 42, false));
    }
}
