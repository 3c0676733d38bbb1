package io.promplan.ui;

import io.promplan.core.plan.Plan;
import java.util.List;

/** What one recomputation produced: the plan and, once computed, the service-count sweep for its chart (empty until then). */
public record PlanResults(Plan plan, List<ServiceCountSweep.Point> sweep) {
    public static final int SWEEP_MAX_SERVICES = 50;

    public PlanResults {
        sweep = List.copyOf(sweep);
    }
}
