package io.promplan.core.workload;

import io.promplan.core.units.TimeSpan;

/**
 * Grafana's drivers: named users (licences for Managed Grafana), users at once, dashboards, panels
 * per dashboard, dashboard refresh interval, hours a month somebody looks at dashboards, bytes one
 * panel query sends back through the ALB, and how many users edit (the rest view).
 */
public record GrafanaSpec(int users, int editors, int concurrentUsers, int dashboards, int panelsPerDashboard,
                          TimeSpan refreshInterval, double activeHoursPerMonth, double kbPerPanelRefresh) {

    /** Panel queries per second while users are looking. */
    public double queriesPerSecond() {
        return concurrentUsers * (double) panelsPerDashboard / Math.max(1, refreshInterval.seconds());
    }
}
