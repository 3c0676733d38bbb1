package io.promplan.core.workload;

import io.promplan.core.units.TimeSpan;

/**
 * Storage choices: the backend, pinned sizes (GiB, 0 = sized by the model), the local retention
 * kept when remote-writing to Managed Prometheus, and whether AWS Backup keeps daily copies.
 */
public record StorageSpec(StorageBackend backend, double prometheusGiB, double grafanaGiB,
                          TimeSpan localRetention, boolean backup) {
}
