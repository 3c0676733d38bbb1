package io.promplan.service;

import io.promplan.core.analysis.Decision;
import io.promplan.core.analysis.GrowthPlan;
import io.promplan.core.analysis.MonteCarlo;
import io.promplan.core.analysis.Tco;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import java.util.function.Function;

/**
 * The decision analyses over {@link PlanningService}: the planner as a function (optionally in
 * another region), and the defaults the CLI and the app share.
 */
public final class DecisionService {
    public static final int DEFAULT_RUNS = 100_000;
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_MONTHS = 36;
    public static final int DEFAULT_SWEEP_TO = 50;

    private final PlanningService planning;

    public DecisionService(PlanningService planning) {
        this.planning = planning;
    }

    public Function<Scenario, Plan> planner(String region) {
        return s -> planning.plan(s, region);
    }

    /** TCO options: months, growth ("default", "flat", "+N/q", "5,10,20"), migration hours. */
    public static Tco.Options tcoOptions(Scenario s, int months, String growth, double migrationHours) {
        return new Tco.Options(months, GrowthPlan.parse(growth, s.workload().serviceCount()), migrationHours, Tco.MANAGED_SETUP_SHARE);
    }

    public Decision decide(Scenario s, String region, Tco.Options tco, int runs, long seed) {
        return Decision.make(s, new Decision.Options(tco, new MonteCarlo.Options(runs, seed, false), DEFAULT_SWEEP_TO), planner(region));
    }
}
