package io.promplan.core.baseline;

import io.promplan.core.money.Money;
import io.promplan.core.workload.LocalText;
import java.util.List;

/**
 * One cause of a difference between the plan's figure and the computed one, as data: its kind, the
 * part of the difference it explains (null for a cause that explains no amount of its own), and the
 * figures the sentence names. {@code render} and {@code ui} turn it into English or Korean. {@code text} is the
 * scenario file's own words of a {@link Kind#NOTE} (each language's; empty for the other kinds).
 */
public record Reason(Kind kind, Money amount, List<String> args, LocalText text) {
    public enum Kind {
        /** The plan's hourly figure at 730 h instead of its own hours; args: 730, the plan's hours. */
        HOURS,
        /** The model's sizes instead of the plan's pinned ones (same prices as the plan's region). */
        SIZING,
        /** The plan's quantities or arithmetic (traffic, API calls, unit prices it used) at the plan's region prices; args: that region. */
        QUANTITIES,
        /** The stack's region prices instead of the plan's; args: region, the plan's region. */
        REGION,
        /** The plan describes the item but does not price it. */
        NOT_PRICED,
        /** A computed line for which the plan has no line at all. */
        NOT_IN_PLAN,
        /** The plan's total differs from the sum of its own lines. */
        PLAN_ROUNDING,
        /** A price is missing in the region; args: region. */
        MISSING_PRICE,
        /** The plan line matches no computed line. */
        NO_COMPUTED_LINE,
        /** The computed figure lies within the plan's range (no amount). */
        WITHIN_RANGE,
        /** The exporter's API calls at its interval, and what 60 s and 300 s would cost; args: interval, API, cost at 60 s, cost at 300 s. */
        EXPORTER_INTERVAL,
        /** The scenario's own note on the plan line (the file's words); args: the note's English (or plain) text; text: the note. */
        NOTE
    }

    public Reason {
        args = List.copyOf(args);
        text = text == null ? LocalText.EMPTY : text;
    }

    public Reason(Kind kind, Money amount, List<String> args) {
        this(kind, amount, args, LocalText.EMPTY);
    }

    public static Reason of(Kind k, Money amount, String... args) {
        return new Reason(k, amount, List.of(args));
    }

    /** The scenario's own note on a plan line, in each language it is written in. */
    public static Reason note(LocalText note) {
        return new Reason(Kind.NOTE, null, List.of(note.text()), note);
    }
}
