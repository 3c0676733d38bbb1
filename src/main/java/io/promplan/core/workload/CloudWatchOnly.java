package io.promplan.core.workload;

/**
 * The CloudWatch-only alternative's quantities: dashboards, custom metrics, alarm metrics,
 * high-resolution alarm metrics, Logs Insights data scanned a month; whether CloudWatch's free tier
 * (3 dashboards, 10 metrics, 10 alarms, 1M API requests) is counted; whether the services' series are
 * published as custom metrics (true: the same workload as the Prometheus alternatives, {@code customMetrics}
 * then counts the metrics besides them; false: the plan's narrower reading, only {@code customMetrics}).
 */
public record CloudWatchOnly(int dashboards, int customMetrics, int alarms, int highResAlarms,
                             double logsInsightsGbScanned, boolean freeTier, boolean publishServiceSeries) {
    public CloudWatchOnly(int dashboards, int customMetrics, int alarms, int highResAlarms, double logsInsightsGbScanned, boolean freeTier) {
        this(dashboards, customMetrics, alarms, highResAlarms, logsInsightsGbScanned, freeTier, true);
    }
}
