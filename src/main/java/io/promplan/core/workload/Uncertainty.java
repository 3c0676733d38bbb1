package io.promplan.core.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ranges for numeric inputs of a scenario, by field path ({@code seriesPerMetric},
 * {@code grafana.users}, {@code roi.hoursSavedPerWeek}, ...): the scenario's own value is the
 * deterministic plan; a range says how far it may really be off. Empty for a scenario without ranges.
 */
public record Uncertainty(Map<String, Range> ranges) {
    public Uncertainty {
        ranges = Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
    }

    public static Uncertainty none() {
        return new Uncertainty(Map.of());
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** How a range is sampled: PERT (a Beta weighted towards the likely value) or triangular. */
    public enum Shape {
        PERT, TRIANGULAR;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Shape> parse(String s) {
            return java.util.Arrays.stream(values()).filter(v -> v.key().equalsIgnoreCase(s == null ? "" : s.trim())).findFirst();
        }
    }

    /**
     * low <= likely <= high. {@code likely} is NaN when the file leaves it out: the scenario's own
     * value is the likely one then.
     */
    public record Range(double low, double likely, double high, Shape shape) {
        public boolean hasLikely() {
            return !Double.isNaN(likely);
        }

        /** The likely value, the scenario's own value when none was given. */
        public double likelyOr(double scenarioValue) {
            return hasLikely() ? likely : scenarioValue;
        }
    }
}
