package io.promplan.core.workload;

/**
 * CloudWatch Logs: what the stack's own containers log, what the services already log (kept in
 * every alternative), and how long log groups keep it.
 */
public record LogsSpec(double stackGbPerMonth, double servicesGbPerMonth, int retentionDays) {
}
