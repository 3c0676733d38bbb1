package io.promplan.core.sizing;

import io.promplan.core.workload.Component;
import java.util.List;
import java.util.Optional;

/** The sized stack: demand figures, every task, storage, warnings, and how each was computed. */
public record Sizing(long activeSeries, long serviceSeries, long metaSeries, long selfSeries, long exporterSeries,
                     double samplesPerSecond, double queriesPerSecond, int shards, List<ComponentSizing> components,
                     StorageSizing storage, List<String> warnings, List<Explanation> explanations,
                     SizingCoefficients coefficients, double headroomPercent) {
    public Sizing {
        components = List.copyOf(components);
        warnings = List.copyOf(warnings);
        explanations = List.copyOf(explanations);
    }

    public Optional<ComponentSizing> component(Component c) {
        return components.stream().filter(x -> x.component() == c).findFirst();
    }

    public List<ComponentSizing> all(Component c) {
        return components.stream().filter(x -> x.component() == c).toList();
    }
}
