package io.promplan.core.workload;

/**
 * Sizing knobs: headroom added to every component's need before it is rounded to a Fargate size
 * (percent), and the most active series one Prometheus server should carry before the plan shards.
 */
public record SizingOptions(double headroomPercent, long maxSeriesPerServer) {
    /** 30 %: see docs in the sizing model. */
    public static final double DEFAULT_HEADROOM_PERCENT = 30;
    public static final long DEFAULT_MAX_SERIES_PER_SERVER = 2_000_000;

    public static SizingOptions defaults() {
        return new SizingOptions(DEFAULT_HEADROOM_PERCENT, DEFAULT_MAX_SERIES_PER_SERVER);
    }
}
