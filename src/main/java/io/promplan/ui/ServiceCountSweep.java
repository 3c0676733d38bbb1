package io.promplan.ui;

import io.promplan.core.analysis.Scaling;
import io.promplan.core.cost.Alternative;
import io.promplan.core.money.Money;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.service.PlanningService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario planned again for 1..N services, scaled as {@code promplan sweep} scales it
 * ({@link Scaling#withServices}), so that the app's chart and the CLI agree. Pure; meant for a
 * background thread.
 */
public final class ServiceCountSweep {
    /** One alternative's monthly cost at one service count. */
    public record Cost(String alternativeId, String alternativeName, Money monthly, boolean complete) {
        public Money perService(int services) {
            return new Money(monthly.amount().divide(BigDecimal.valueOf(services), 2, RoundingMode.HALF_UP), monthly.currency());
        }
    }

    /** Every alternative at one service count. */
    public record Point(int services, List<Cost> costs) {
        public Point {
            costs = List.copyOf(costs);
        }
    }

    private ServiceCountSweep() {
    }

    public static List<Point> run(PlanningService service, Scenario s, int from, int to) {
        List<Point> out = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            Plan p = service.plan(Scaling.withServices(s, n));
            List<Cost> costs = new ArrayList<>();
            for (Alternative a : p.alternatives()) {
                costs.add(new Cost(a.id(), a.name(), a.monthly(), a.complete()));
            }
            out.add(new Point(n, costs));
        }
        return out;
    }
}
