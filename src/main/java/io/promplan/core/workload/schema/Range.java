package io.promplan.core.workload.schema;

/**
 * The values a number or duration may take, as a scenario file or the form may hold them (durations in
 * seconds). {@code planningMax} is the upper limit the planner takes for a quantity the analyses derive
 * (a sweep scales it); {@code maxOf} names another field whose value is the upper limit of file input.
 * {@code note} is the text added after the range in a message (empty for none).
 */
public record Range(double min, boolean minExclusive, double max, double planningMax, String maxOf, String note) {
    public static final double NONE = Double.POSITIVE_INFINITY;

    public static Range of(double min, double max) {
        return new Range(min, false, max, max, "", "");
    }

    public static Range above(double min, double max) {
        return new Range(min, true, max, max, "", "");
    }

    public static Range atLeast(double min) {
        return new Range(min, false, NONE, NONE, "", "");
    }

    public Range planning(double max) {
        return new Range(min, minExclusive, this.max, max, maxOf, note);
    }

    public Range upTo(String field) {
        return new Range(min, minExclusive, max, planningMax, field, note);
    }

    public Range noted(String text) {
        return new Range(min, minExclusive, max, planningMax, maxOf, text);
    }

    public boolean bounded() {
        return max != NONE;
    }

    /** Whether v is allowed, with {@code max} as the upper limit. */
    public boolean allows(double v, double max) {
        return (minExclusive ? v > min : v >= min) && v <= max;
    }
}
