package io.promplan.core.sizing;

import io.promplan.core.workload.StorageBackend;
import java.util.List;

/**
 * Prometheus's disk, piece by piece, and what is provisioned and billed. {@code volumeGiB} is the
 * volume to provision (or, on EFS, the size budgeted); {@code retentionSizeGiB} is the value for
 * {@code --storage.tsdb.retention.size} (85 % of the volume); {@code billedPrometheusGiB} is what the
 * storage line is priced on; {@code monthlyGiB} is the stored size at the end of each month from
 * the start until the retention window is full.
 */
public record StorageSizing(StorageBackend backend, double blocksGiB, double walGiB, double headChunksGiB, double compactionGiB,
                            double neededGiB, double modelVolumeGiB, double volumeGiB, double retentionSizeGiB, double billedPrometheusGiB,
                            double grafanaGiB, boolean pinned, double localRetentionDays, double remoteStoredGiB,
                            List<Double> monthlyGiB, List<Explanation> explanations) {
    public StorageSizing {
        monthlyGiB = List.copyOf(monthlyGiB);
        explanations = List.copyOf(explanations);
    }

    /** Total GiB on the storage lines: Prometheus's billed size plus Grafana's. */
    public double totalBilledGiB() {
        return billedPrometheusGiB + grafanaGiB;
    }
}
