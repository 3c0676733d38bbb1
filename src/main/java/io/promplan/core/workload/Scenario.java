package io.promplan.core.workload;

/**
 * A named, versioned description of one planning case: the workload, the CloudWatch-only
 * alternative's quantities, the ROI assumptions and the plan's own baseline to compare with.
 */
public record Scenario(int version, LocalText name, LocalText description, Workload workload, CloudWatchOnly cloudwatchOnly,
                       RoiAssumptions roi, Baseline baseline, Uncertainty uncertainty) {
    /** The scenario file format this build reads and writes. */
    public static final int CURRENT_VERSION = 1;

    public Scenario {
        uncertainty = uncertainty == null ? Uncertainty.none() : uncertainty;
        description = description == null ? LocalText.EMPTY : description;
    }

    /** A scenario whose name and description are one text for every language. */
    public Scenario(int version, String name, String description, Workload workload, CloudWatchOnly cloudwatchOnly,
                    RoiAssumptions roi, Baseline baseline, Uncertainty uncertainty) {
        this(version, name == null ? null : LocalText.plain(name), LocalText.plain(description), workload, cloudwatchOnly, roi, baseline, uncertainty);
    }

    public Scenario withUncertainty(Uncertainty u) {
        return new Scenario(version, name, description, workload, cloudwatchOnly, roi, baseline, u);
    }

    public Scenario withWorkload(Workload w) {
        return new Scenario(version, name, description, w, cloudwatchOnly, roi, baseline, uncertainty);
    }

    public Scenario withName(String n) {
        return withName(LocalText.plain(n));
    }

    public Scenario withName(LocalText n) {
        return new Scenario(version, n, description, workload, cloudwatchOnly, roi, baseline, uncertainty);
    }

    public Scenario withBaseline(Baseline b) {
        return new Scenario(version, name, description, workload, cloudwatchOnly, roi, b, uncertainty);
    }

    public Scenario withCloudwatchOnly(CloudWatchOnly c) {
        return new Scenario(version, name, description, workload, c, roi, baseline, uncertainty);
    }

    public Scenario withRoi(RoiAssumptions r) {
        return new Scenario(version, name, description, workload, cloudwatchOnly, r, baseline, uncertainty);
    }
}
