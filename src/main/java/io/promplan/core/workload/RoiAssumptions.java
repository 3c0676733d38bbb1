package io.promplan.core.workload;

/**
 * ROI inputs: hours the stack saves a week, the hourly rate range, hours a month that running the
 * self-hosted stack costs, and one-off set-up hours.
 */
public record RoiAssumptions(double hoursSavedPerWeek, double hourlyRateLow, double hourlyRateHigh,
                             double opsHoursPerMonth, double setupHours) {
    /**
     * Hours a month running a self-hosted stack takes when a scenario does not say: Prometheus and
     * Grafana upgrades, storage and retention, broken scrapes and alert routes, about one hour a week.
     */
    public static final double DEFAULT_OPS_HOURS_PER_MONTH = 4;
}
