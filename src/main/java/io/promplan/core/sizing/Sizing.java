package io.promplan.core.sizing;

import io.promplan.core.workload.Component;
import java.util.List;
import java.util.Optional;

/** The sized stack: demand figures, every task, storage, warnings (as data: {@link SizingWarning}), and how each was computed. */
public record Sizing(long activeSeries, long serviceSeries, long metaSeries, long selfSeries, long exporterSeries,
                     double samplesPerSecond, double queriesPerSecond, int shards, List<ComponentSizing> components,
                     StorageSizing storage, List<SizingWarning> findings, List<Explanation> explanations,
                     SizingCoefficients coefficients, double headroomPercent) {
    public Sizing {
        components = List.copyOf(components);
        findings = List.copyOf(findings);
        explanations = List.copyOf(explanations);
    }

    /** The warnings as the English sentences of the command line (and the exported README). */
    public List<String> warnings() {
        return findings.stream().map(SizingWarning::text).toList();
    }

    public Optional<ComponentSizing> component(Component c) {
        return components.stream().filter(x -> x.component() == c).findFirst();
    }

    public List<ComponentSizing> all(Component c) {
        return components.stream().filter(x -> x.component() == c).toList();
    }
}
