package io.promplan.core.sizing;

import io.promplan.core.workload.Component;
import io.promplan.core.workload.FargateSize;
import java.util.List;

/**
 * One task of the stack as sized: the model's need before headroom ({@code requiredVcpu},
 * {@code requiredMemoryMiB}), the need with headroom and floors, and the valid Fargate size used.
 * {@code shard} is 0 unless Prometheus is split across servers; {@code requested} is a pinned size
 * (maybe invalid) the scenario asked for.
 */
public record ComponentSizing(Component component, int shard, FargateSize size, double requiredVcpu, double requiredMemoryMiB,
                              double targetVcpu, double targetMemoryMiB, FargateSize requested, boolean pinned,
                              List<String> services, List<Explanation> explanations) {
    public ComponentSizing {
        services = List.copyOf(services);
        explanations = List.copyOf(explanations);
    }

    /** "prometheus", or "prometheus-2" for the second shard. */
    public String key() {
        return shard <= 1 ? component.key() : component.key() + "-" + shard;
    }

    public String displayName() {
        return shard == 0 ? component.key() : component.key() + " (shard " + shard + ")";
    }
}
