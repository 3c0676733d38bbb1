package io.promplan.core.analysis;

import io.promplan.core.workload.CloudWatchOnly;
import io.promplan.core.workload.LogsSpec;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.Workload;

/**
 * A scenario at another service count: the workload's per-service figures stay, the quantities that
 * grow with services grow in proportion (the services' own logs, CloudWatch-only dashboards, custom
 * metrics, alarms and Logs Insights scanning, rounded up; the hours saved a week, which the plan
 * gives per service); Grafana's users and dashboards stay, and
 * pinned task sizes stay pinned (the model's warnings say when they become too small).
 */
public final class Scaling {
    public static final String RULE = "services' logs, CloudWatch-only dashboards, custom metrics, alarms and Logs Insights GB and the hours saved a week scale with the service count; "
            + "Grafana users, dashboards and pinned sizes stay";

    private Scaling() {
    }

    public static Scenario withServices(Scenario s, int n) {
        Workload w = s.workload();
        int n0 = Math.max(1, w.serviceCount());
        if (n == w.serviceCount()) {
            return s;
        }
        double f = n / (double) n0;
        LogsSpec l = w.logs();
        CloudWatchOnly c = s.cloudwatchOnly();
        Workload w2 = w.toBuilder().serviceCount(n)
                .serviceOverrides(w.serviceOverrides().subList(0, Math.min(n, w.serviceOverrides().size())))
                .logs(new LogsSpec(l.stackGbPerMonth(), l.servicesGbPerMonth() * f, l.retentionDays())).build();
        CloudWatchOnly c2 = new CloudWatchOnly(up(c.dashboards() * f), up(c.customMetrics() * f), up(c.alarms() * f), up(c.highResAlarms() * f),
                c.logsInsightsGbScanned() * f, c.freeTier(), c.publishServiceSeries());
        var r = s.roi();
        var r2 = new io.promplan.core.workload.RoiAssumptions(r.hoursSavedPerWeek() * f, r.hourlyRateLow(), r.hourlyRateHigh(), r.opsHoursPerMonth(), r.setupHours());
        return s.withWorkload(w2).withCloudwatchOnly(c2).withRoi(r2);
    }

    private static int up(double d) {
        return (int) Math.ceil(d - 1e-9);
    }
}
