package io.promplan.core.workload;

import java.util.List;

/**
 * One CloudWatch metric the exporter requests: namespace, name, dimensions, statistics and the
 * number of dimension combinations (resources) it exists for; {@code perService} means one
 * combination per monitored service.
 */
public record CloudWatchMetric(String namespace, String name, List<String> dimensions, List<String> statistics,
                               boolean perService, int resources) {
    public CloudWatchMetric {
        dimensions = List.copyOf(dimensions);
        statistics = List.copyOf(statistics);
    }

    public int combinations(int serviceCount) {
        return perService ? serviceCount : resources;
    }
}
