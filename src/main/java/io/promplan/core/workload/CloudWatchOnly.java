package io.promplan.core.workload;

/**
 * The CloudWatch-only alternative's quantities: dashboards, custom metrics, alarm metrics,
 * high-resolution alarm metrics, Logs Insights data scanned a month; whether CloudWatch's free tier
 * (3 dashboards, 10 metrics, 10 alarms) is counted.
 */
public record CloudWatchOnly(int dashboards, int customMetrics, int alarms, int highResAlarms,
                             double logsInsightsGbScanned, boolean freeTier) {
}
