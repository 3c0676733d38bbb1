package io.promplan.core.sizing;

import io.promplan.core.workload.Component;
import java.util.List;
import java.util.Optional;

/**
 * The sized stack: demand figures, every task, storage, warnings (as data: {@link SizingWarning}), and how each was computed.
 * With storage: thanos-s3, {@code thanos} holds the Thanos components and the bucket (null otherwise); each Prometheus
 * component is then the whole task, the sidecar included, and {@code storage} its short local TSDB.
 */
public record Sizing(long activeSeries, long serviceSeries, long metaSeries, long selfSeries, long exporterSeries,
                     double samplesPerSecond, double queriesPerSecond, int shards, List<ComponentSizing> components,
                     StorageSizing storage, List<SizingWarning> findings, List<Explanation> explanations,
                     SizingCoefficients coefficients, double headroomPercent, ThanosResult thanos) {
    public Sizing {
        components = List.copyOf(components);
        findings = List.copyOf(findings);
        explanations = List.copyOf(explanations);
    }

    /** The warnings as the English sentences of the command line (and the exported README). */
    public List<String> warnings() {
        return findings.stream().map(SizingWarning::text).toList();
    }

    /** The stack without Thanos (storage other than thanos-s3). */
    public Sizing(long activeSeries, long serviceSeries, long metaSeries, long selfSeries, long exporterSeries,
                  double samplesPerSecond, double queriesPerSecond, int shards, List<ComponentSizing> components,
                  StorageSizing storage, List<SizingWarning> findings, List<Explanation> explanations,
                  SizingCoefficients coefficients, double headroomPercent) {
        this(activeSeries, serviceSeries, metaSeries, selfSeries, exporterSeries, samplesPerSecond, queriesPerSecond, shards, components,
                storage, findings, explanations, coefficients, headroomPercent, null);
    }

    /** Thanos Query, Store Gateway, Compactor, the sidecar's share, S3 and its requests: present only with storage: thanos-s3. */
    public Optional<ThanosResult> thanosResult() {
        return Optional.ofNullable(thanos);
    }

    public Optional<ComponentSizing> component(Component c) {
        return components.stream().filter(x -> x.component() == c).findFirst();
    }

    public List<ComponentSizing> all(Component c) {
        return components.stream().filter(x -> x.component() == c).toList();
    }
}
