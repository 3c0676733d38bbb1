package io.promplan.core.sizing;

import java.util.List;

/**
 * A warning of the sizing as data: its kind and the figures it names (already formatted as the
 * command line writes them), with the English sentence the command line and the exported README
 * have always shown. The app and the reports make their own sentence from the kind and the figures,
 * in the reader's language.
 */
public record SizingWarning(Kind kind, List<String> args, String text) {
    public enum Kind {
        /** args: shards, active series, series one server should carry, the largest Fargate task. */
        SHARDS,
        /** args: component, pinned size, its cpu/memory, the valid size priced, its cpu/memory. */
        PIN_NOT_VALID,
        /** args: component, pinned size, vCPU needed, MiB needed, the size planned instead. */
        PIN_RAISED,
        /** args: component, pinned size, vCPU needed, MiB needed. */
        PIN_BELOW_NEED,
        /** args: component, vCPU with headroom, MiB with headroom, the largest Fargate task. */
        TOO_LARGE,
        /** Prometheus's TSDB on EFS (NFS): not supported, data loss reported. */
        EFS_TSDB,
        /** args: GiB needed on ephemeral storage (above a task's 200 GiB). */
        EPHEMERAL_TOO_BIG,
        /** The TSDB on ephemeral storage is lost with the task. */
        EPHEMERAL_LOST,
        /** args: pinned GiB, GiB needed, retention. */
        STORAGE_PIN_BELOW,
        /** args: pinned GiB, times the need, GiB needed, retention. */
        STORAGE_PIN_ABOVE,
        /** Thanos on S3: what a Prometheus task replacement loses; args: hours of head not yet uploaded (one block span). */
        THANOS_HEAD_LOSS,
        /** Thanos Query is the one global view; args: Prometheus shards. Grafana gets one datasource. */
        THANOS_GLOBAL_VIEW,
        /** args: local retention hours, the recommended minimum (3 x the 2-hour block). */
        THANOS_LOCAL_RETENTION_SHORT,
        /** args: resolution, its retention in days, the age in days at which the next resolution is made from it. */
        THANOS_RETENTION_BEFORE_DOWNSAMPLING,
        /** args: compactor scratch GiB, the 200 GiB of ephemeral storage a Fargate task can have. */
        THANOS_COMPACTOR_SCRATCH_TOO_BIG
    }

    /** A warning of the Thanos model as a warning of the sizing (its TOO_LARGE is the sizing's own, with the same figures). */
    static SizingWarning of(ThanosWarning w) {
        Kind k = w.kind() == ThanosWarning.Kind.TOO_LARGE ? Kind.TOO_LARGE : Kind.valueOf("THANOS_" + w.kind().name());
        return new SizingWarning(k, w.args(), w.text());
    }

    public SizingWarning {
        args = List.copyOf(args);
    }

    static SizingWarning of(Kind kind, String text, Object... args) {
        return new SizingWarning(kind, java.util.Arrays.stream(args).map(String::valueOf).toList(), text);
    }

    @Override
    public String toString() {
        return text;
    }
}
