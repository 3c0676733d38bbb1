package io.promplan.core.workload;

/**
 * Sizing knobs: headroom added to every component's need before it is rounded to a Fargate size
 * (percent), the most active series one Prometheus server should carry before the plan shards, and
 * whether pinned sizes are requirements (then they are kept, raised to the model's need when below it)
 * or the plan's own choice (then the decision rests on the model's sizes and the pinned figures are shown beside them).
 */
public record SizingOptions(double headroomPercent, long maxSeriesPerServer, boolean pinsAreRequirements) {
    public SizingOptions(double headroomPercent, long maxSeriesPerServer) {
        this(headroomPercent, maxSeriesPerServer, false);
    }

    public SizingOptions withPinsAreRequirements(boolean v) {
        return new SizingOptions(headroomPercent, maxSeriesPerServer, v);
    }

    /** 30 %: see docs in the sizing model. */
    public static final double DEFAULT_HEADROOM_PERCENT = 30;
    public static final long DEFAULT_MAX_SERIES_PER_SERVER = 2_000_000;

    public static SizingOptions defaults() {
        return new SizingOptions(DEFAULT_HEADROOM_PERCENT, DEFAULT_MAX_SERIES_PER_SERVER);
    }
}
