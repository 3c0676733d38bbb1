package io.promplan.core.workload;

import java.util.List;

/**
 * The plan's own budget: its total range, the region whose prices it used, its lines, its
 * CloudWatch-only figure with lines, and the daily storage growth it claims (GiB a day, 0 = none).
 */
public record Baseline(double lowUsd, double highUsd, String priceRegion, List<BaselineLine> lines,
                       double cloudwatchOnlyUsd, List<BaselineLine> cloudwatchOnlyLines, double claimedGiBPerDay, RoiClaim roiClaim) {
    /**
     * The plan's own ROI statement: the percent range it claims and the hours saved a month it counts
     * (0 = none stated).
     */
    public record RoiClaim(double lowPercent, double highPercent, double hoursSavedPerMonth) {
        public static RoiClaim none() {
            return new RoiClaim(0, 0, 0);
        }

        public boolean isEmpty() {
            return lowPercent == 0 && highPercent == 0;
        }
    }

    public Baseline {
        lines = List.copyOf(lines);
        cloudwatchOnlyLines = List.copyOf(cloudwatchOnlyLines);
        roiClaim = roiClaim == null ? RoiClaim.none() : roiClaim;
    }

    public Baseline(double lowUsd, double highUsd, String priceRegion, List<BaselineLine> lines,
                    double cloudwatchOnlyUsd, List<BaselineLine> cloudwatchOnlyLines, double claimedGiBPerDay) {
        this(lowUsd, highUsd, priceRegion, lines, cloudwatchOnlyUsd, cloudwatchOnlyLines, claimedGiBPerDay, RoiClaim.none());
    }

    public static Baseline none() {
        return new Baseline(0, 0, "us-east-1", List.of(), 0, List.of(), 0);
    }

    public boolean isEmpty() {
        return lines.isEmpty() && cloudwatchOnlyLines.isEmpty() && lowUsd == 0 && highUsd == 0 && claimedGiBPerDay == 0;
    }
}
