package io.promplan.core.workload;

import java.util.List;

/**
 * A value that is not allowed: the field (as the scenario file names it), the English message, and the
 * same as data for other languages: a {@code code} ({@link #RANGE} "is {0}; allowed: {1} to {2}",
 * {@link #ABOVE} "above {1} up to {2}", {@link #AT_LEAST} "{1} or more", {@link #EMPTY}, {@link #ORDER}
 * "is below {1}", {@link #OTHER} the message itself) and its figures.
 */
public record Problem(String field, String message, String code, List<String> args) {
    public static final String RANGE = "range";
    public static final String ABOVE = "above";
    public static final String AT_LEAST = "atLeast";
    public static final String EMPTY = "empty";
    public static final String ORDER = "order";
    public static final String OTHER = "other";

    public Problem {
        args = List.copyOf(args);
    }

    /** A problem known by its message only. */
    public Problem(String field, String message) {
        this(field, message, OTHER, List.of(message));
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
