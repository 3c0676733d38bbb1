package io.promplan.core.workload;

import java.util.List;

/**
 * The plan's own budget: its total range, the region whose prices it used, its lines, and its
 * CloudWatch-only figure with lines.
 */
public record Baseline(double lowUsd, double highUsd, String priceRegion, List<BaselineLine> lines,
                       double cloudwatchOnlyUsd, List<BaselineLine> cloudwatchOnlyLines) {
    public Baseline {
        lines = List.copyOf(lines);
        cloudwatchOnlyLines = List.copyOf(cloudwatchOnlyLines);
    }

    public static Baseline none() {
        return new Baseline(0, 0, "us-east-1", List.of(), 0, List.of());
    }

    public boolean isEmpty() {
        return lines.isEmpty() && cloudwatchOnlyLines.isEmpty() && lowUsd == 0 && highUsd == 0;
    }
}
