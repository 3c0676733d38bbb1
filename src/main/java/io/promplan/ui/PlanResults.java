package io.promplan.ui;

import io.promplan.core.plan.Plan;
import java.util.List;

/** What one recomputation produced: the plan and the service-count sweep for the charts. */
public record PlanResults(Plan plan, List<ServiceCountSweep.Point> sweep) {
    public static final int SWEEP_MAX_SERVICES = 50;

    public PlanResults {
        sweep = List.copyOf(sweep);
    }
}
