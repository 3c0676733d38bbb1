package io.promplan.ui;

import io.promplan.core.cost.Alternative;
import io.promplan.core.money.Money;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.CloudWatchOnly;
import io.promplan.core.workload.LogsSpec;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.Workload;
import io.promplan.service.PlanningService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario planned again for 1..N services, as the shipped growth steps (services-10, services-20)
 * do it: the per-service workload unchanged; the CloudWatch-only quantities and the services' own log
 * volume scale with the service count; pinned sizes stay pinned. Pure; meant for a background thread.
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

    /** The scenario with another service count, the count-driven quantities scaled. */
    public static Scenario withServices(Scenario s, int n) {
        Workload w = s.workload();
        double f = n / (double) w.serviceCount();
        CloudWatchOnly c = s.cloudwatchOnly();
        LogsSpec l = w.logs();
        Workload scaled = w.toBuilder()
                .serviceCount(n)
                .serviceOverrides(w.serviceOverrides().subList(0, Math.min(n, w.serviceOverrides().size())))
                .logs(new LogsSpec(l.stackGbPerMonth(), l.servicesGbPerMonth() * f, l.retentionDays()))
                .build();
        return s.withWorkload(scaled).withCloudwatchOnly(new CloudWatchOnly((int) Math.round(c.dashboards() * f),
                (int) Math.round(c.customMetrics() * f), (int) Math.round(c.alarms() * f), (int) Math.round(c.highResAlarms() * f),
                c.logsInsightsGbScanned() * f, c.freeTier()));
    }

    public static List<Point> run(PlanningService service, Scenario s, int from, int to) {
        List<Point> out = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            Plan p = service.plan(withServices(s, n));
            List<Cost> costs = new ArrayList<>();
            for (Alternative a : p.alternatives()) {
                costs.add(new Cost(a.id(), a.name(), a.monthly(), a.complete()));
            }
            out.add(new Point(n, costs));
        }
        return out;
    }
}
