package io.promplan.core.workload;

/**
 * ROI inputs: hours the stack saves a week, the hourly rate range, hours a month that running the
 * self-hosted stack costs, and one-off set-up hours.
 */
public record RoiAssumptions(double hoursSavedPerWeek, double hourlyRateLow, double hourlyRateHigh,
                             double opsHoursPerMonth, double setupHours) {
}
