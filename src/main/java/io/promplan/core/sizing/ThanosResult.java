package io.promplan.core.sizing;

import java.util.List;
import java.util.Optional;

/**
 * The Thanos stack as sized by {@link ThanosSizing}: the four components, the disks, S3 storage month by month until steady
 * state, S3 requests a month, what a task replacement loses, warnings, and an explanation for every figure.
 *
 * @param localTsdbGiBPerShard   what each Prometheus keeps locally: blocks of the local retention, WAL and head chunks
 * @param localVolumeGiBPerShard the local volume to provision per shard (need / 0.85, at least 1)
 * @param compactorScratchGiB    the compactor's --data-dir: the largest compaction's sources and its output
 * @param storeGatewayDiskGiB    the Store Gateway's --data-dir: index-headers of every block
 * @param blocksInBucket         blocks in the bucket at steady state, every shard and resolution (what a sync lists)
 * @param s3Months               average GB stored in each month from the first until the first month at steady state
 * @param steadyStateMonth       the first month whose storage no longer grows
 * @param headLossHours          history a Prometheus task replacement loses with ephemeral local storage: the head not yet uploaded
 */
public record ThanosResult(List<ThanosComponentSizing> components, double localTsdbGiBPerShard, double localVolumeGiBPerShard,
                           double compactorScratchGiB, double storeGatewayDiskGiB, double blocksInBucket, List<ThanosS3Month> s3Months,
                           int steadyStateMonth, ThanosRequests requests, double headLossHours, List<ThanosWarning> warnings,
                           List<Explanation> explanations) {
    public ThanosResult {
        components = List.copyOf(components);
        s3Months = List.copyOf(s3Months);
        warnings = List.copyOf(warnings);
        explanations = List.copyOf(explanations);
    }

    public Optional<ThanosComponentSizing> component(ThanosComponent c) {
        return components.stream().filter(x -> x.component() == c).findFirst();
    }

    /** GB stored in a month (the last listed month, steady state, for any later month). */
    public double s3GiB(int month) {
        if (month < 1) {
            throw new IllegalArgumentException("months start at 1: " + month);
        }
        return s3Months.get(Math.min(month, s3Months.size()) - 1).totalGiB();
    }

    public double steadyStateGiB() {
        return s3Months.get(s3Months.size() - 1).totalGiB();
    }
}
