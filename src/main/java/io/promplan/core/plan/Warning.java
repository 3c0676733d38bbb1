package io.promplan.core.plan;

import io.promplan.core.sizing.SizingWarning;
import java.util.List;

/**
 * A warning of the plan as data: its kind and the figures it names (numbers and amounts as the command
 * line writes them, "$148.30"). {@code render} and {@code ui} make the sentence, in English or Korean,
 * from the bundles; the core writes no prose.
 */
public record Warning(Kind kind, List<String> args) {
    public enum Kind {
        // of the sizing (SizingWarning.Kind, same names and arguments)
        SHARDS, PIN_NOT_VALID, PIN_RAISED, PIN_BELOW_NEED, TOO_LARGE, EFS_TSDB, EPHEMERAL_TOO_BIG, EPHEMERAL_LOST, STORAGE_PIN_BELOW, STORAGE_PIN_ABOVE,
        THANOS_HEAD_LOSS, THANOS_GLOBAL_VIEW, THANOS_LOCAL_RETENTION_SHORT, THANOS_RETENTION_BEFORE_DOWNSAMPLING, THANOS_COMPACTOR_SCRATCH_TOO_BIG,
        /** The plan rests on the model's sizes; args: the stack a month, the stack as pinned a month. */
        MODEL_BASIS,
        /** Sharded, and the managed services cost more; args: shards, the stack a month, the managed alternative's id, its cost, the difference. */
        SHARDS_MANAGED_DEARER,
        /** Sharded, and the managed services cost less; args as {@link #SHARDS_MANAGED_DEARER}. */
        SHARDS_MANAGED_CHEAPER,
        /** args: price id, its Price List key, region, the price's note (may be empty), the lines that use it (alternative/line, comma-separated). */
        MISSING_PRICE,
        /** args: how many, region, the price ids (comma-separated). */
        ASSUMED_PRICES;

        /** True for the warnings about a pinned task size or volume (the scenario's own figures). */
        public boolean aboutPins() {
            return this == PIN_NOT_VALID || this == PIN_RAISED || this == PIN_BELOW_NEED || this == STORAGE_PIN_BELOW || this == STORAGE_PIN_ABOVE;
        }
    }

    public Warning {
        args = List.copyOf(args);
    }

    public static Warning of(Kind kind, String... args) {
        return new Warning(kind, List.of(args));
    }

    public static Warning of(SizingWarning w) {
        return new Warning(Kind.valueOf(w.kind().name()), w.args());
    }
}
