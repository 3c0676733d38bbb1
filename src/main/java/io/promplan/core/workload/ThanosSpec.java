package io.promplan.core.workload;

import io.promplan.core.units.TimeSpan;

/**
 * The {@code thanos:} block of a scenario with {@code storage: thanos-s3}: the compactor's retention of each resolution
 * ({@code --retention.resolution-raw}, {@code -5m}, {@code -1h}), what Prometheus keeps in its own TSDB beside the sidecar,
 * and where that local TSDB lives ({@link StorageBackend#EPHEMERAL} or {@link StorageBackend#EBS}).
 */
public record ThanosSpec(TimeSpan retentionRaw, TimeSpan retention5m, TimeSpan retention1h, TimeSpan localRetention,
                         StorageBackend localStorage) {
    /** Prometheus's own retention beside the sidecar when the scenario does not say: 3 x the 2-hour block. */
    public static final TimeSpan DEFAULT_LOCAL_RETENTION = TimeSpan.parse("6h");
    /** The block range the sidecar uploads: no retention may be shorter. */
    public static final TimeSpan BLOCK_RANGE = TimeSpan.parse("2h");

    public ThanosSpec {
        if (localStorage != StorageBackend.EPHEMERAL && localStorage != StorageBackend.EBS) {
            throw new IllegalArgumentException("the local TSDB beside the sidecar lives on ephemeral or ebs, not " + localStorage);
        }
    }

    /** Every resolution kept as long as the scenario's retention, 6 hours locally on ephemeral storage. */
    public static ThanosSpec defaults(TimeSpan retention) {
        return new ThanosSpec(retention, retention, retention, DEFAULT_LOCAL_RETENTION, StorageBackend.EPHEMERAL);
    }
}
