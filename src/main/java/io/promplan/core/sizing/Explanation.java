package io.promplan.core.sizing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a figure was computed: the formula in words and symbols, the inputs with their values, and the
 * result. Shown in tables, the JSON output and the app, so that a figure can be defended. An
 * explanation a reader sees in his own language also carries an {@code id} and the result's figures
 * ({@code args}), from which {@code render} makes the sentence; {@code result} is the command line's English.
 */
public record Explanation(String figure, String formula, Map<String, String> inputs, String result, String id, java.util.List<String> args) {
    public Explanation {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        args = java.util.List.copyOf(args);
    }

    public Explanation(String figure, String formula, Map<String, String> inputs, String result) {
        this(figure, formula, inputs, result, "", java.util.List.of());
    }

    public static Builder of(String figure, String formula) {
        return new Builder(figure, formula);
    }

    public String oneLine() {
        StringBuilder sb = new StringBuilder(figure).append(" = ").append(formula);
        if (!inputs.isEmpty()) {
            sb.append(" with ");
            boolean first = true;
            for (Map.Entry<String, String> e : inputs.entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append(" = ").append(e.getValue());
                first = false;
            }
        }
        return sb.append(" -> ").append(result).toString();
    }

    /** Collects inputs in order. */
    public static final class Builder {
        private final String figure;
        private final String formula;
        private final Map<String, String> inputs = new LinkedHashMap<>();

        private Builder(String figure, String formula) {
            this.figure = figure;
            this.formula = formula;
        }

        public Builder in(String name, Object value) {
            inputs.put(name, Num.text(value));
            return this;
        }

        public Explanation result(Object value) {
            return new Explanation(figure, formula, inputs, Num.text(value));
        }

        /** The result as the command line's English, and as data: an id and its figures. */
        public Explanation result(String text, String id, java.util.List<String> args) {
            return new Explanation(figure, formula, inputs, text, id, args);
        }
    }
}
