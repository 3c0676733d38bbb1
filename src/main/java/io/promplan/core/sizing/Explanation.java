package io.promplan.core.sizing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a figure was computed: the formula in words and symbols, the inputs with their values, and the
 * result. Shown in tables, the JSON output and the app, so that a figure can be defended.
 */
public record Explanation(String figure, String formula, Map<String, String> inputs, String result) {
    public Explanation {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
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
    }
}
