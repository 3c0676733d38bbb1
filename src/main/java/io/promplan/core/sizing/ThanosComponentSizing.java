package io.promplan.core.sizing;

import io.promplan.core.workload.FargateSize;
import java.util.List;

/**
 * One Thanos component as sized: its need before headroom ({@code requiredVcpu}, {@code requiredMemoryMiB}), the need with
 * headroom and floor, and the valid Fargate size chosen. For the {@link ThanosComponent#SIDECAR} the size is that of the
 * Prometheus task the sidecar joins (Prometheus's need plus the sidecar's), one per shard. {@code tooLarge} is set when even
 * the largest Fargate task is below the need (the size is then the largest task).
 */
public record ThanosComponentSizing(ThanosComponent component, double requiredVcpu, double requiredMemoryMiB, double targetVcpu,
                                    double targetMemoryMiB, FargateSize size, int tasks, boolean tooLarge, List<Explanation> explanations) {
    public ThanosComponentSizing {
        explanations = List.copyOf(explanations);
    }
}
