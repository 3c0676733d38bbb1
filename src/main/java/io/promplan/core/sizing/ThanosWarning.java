package io.promplan.core.sizing;

import java.util.List;

/** A warning of the Thanos sizing as data: its kind, the figures it names, and the command line's English sentence. */
public record ThanosWarning(Kind kind, List<String> args, String text) {
    public enum Kind {
        /** args: local retention hours, the recommended minimum (3 x the 2-hour block). */
        LOCAL_RETENTION_SHORT,
        /** args: resolution, its retention in days, the age at which the next resolution is made from it, in days. */
        RETENTION_BEFORE_DOWNSAMPLING,
        /** args: compactor scratch GiB, the 200 GiB a Fargate task's ephemeral storage can have. */
        COMPACTOR_SCRATCH_TOO_BIG,
        /** args: component, vCPU with headroom, MiB with headroom, the largest Fargate task. */
        TOO_LARGE
    }

    public ThanosWarning {
        args = List.copyOf(args);
    }

    static ThanosWarning of(Kind kind, String text, Object... args) {
        return new ThanosWarning(kind, java.util.Arrays.stream(args).map(String::valueOf).toList(), text);
    }

    @Override
    public String toString() {
        return text;
    }
}
