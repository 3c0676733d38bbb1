package io.promplan.core.sizing;

import java.util.ArrayList;
import java.util.List;

/**
 * How a figure was computed, as data: the figure, the formula and each input's name are keys chosen by
 * the core with the figures they embed ({@link Phrase}); the inputs' values and the result are data.
 * {@code render} turns the keys into English or Korean (the bundles' {@code explain.figure.<key>},
 * {@code explain.formula.<key>}, {@code explain.input.<key>}; an implication's {@code implication.<key>.*}).
 * Shown in tables, the JSON output and the app, so that a figure can be defended.
 *
 * @param result the result: a key with its figures, or no key ({@code ""}) and the value alone as its one figure
 */
public record Explanation(Phrase figure, Phrase formula, List<Input> inputs, Phrase result) {
    public Explanation {
        inputs = List.copyOf(inputs);
    }

    /** A key and the figures its text embeds (MessageFormat arguments {0}, {1}, ... of the bundles). */
    public record Phrase(String key, List<String> args) {
        public Phrase {
            args = List.copyOf(args);
        }

        public static Phrase of(String key, Object... args) {
            return new Phrase(key, texts(args));
        }
    }

    /**
     * An input: its name's key (with the figures the name embeds, such as an interval) and its value as written;
     * or, for where a figure comes from, a citation ({@code cite}: the key of {@code explain.cite.<key>}, its
     * arguments keys of citations too, such as "documented" or "assumed") and no value.
     */
    public record Input(String key, List<String> args, String value, Phrase cite) {
        public Input {
            args = List.copyOf(args);
        }

        public Input(String key, List<String> args, String value) {
            this(key, args, value, null);
        }
    }

    /** A figure by its key, with the figures its name embeds (a component's name, a resolution). */
    public static Builder of(String figureKey, Object... figureArgs) {
        return new Builder(Phrase.of(figureKey, figureArgs));
    }

    /** The result's value ({@code result} without a key); the result's first figure otherwise. */
    public String value() {
        return result.args().isEmpty() ? "" : result.args().get(0);
    }

    /** The value of the input of this key, or null. */
    public String input(String key) {
        return inputs.stream().filter(i -> i.key().equals(key)).map(Input::value).findFirst().orElse(null);
    }

    /** The citation of the input of this key ("source"), or null. */
    public Phrase cite(String key) {
        return inputs.stream().filter(i -> i.key().equals(key)).map(Input::cite).findFirst().orElse(null);
    }

    private static List<String> texts(Object... args) {
        List<String> out = new ArrayList<>();
        for (Object a : args) {
            out.add(Num.text(a));
        }
        return out;
    }

    /** Collects the formula and the inputs in order. */
    public static final class Builder {
        private final Phrase figure;
        private Phrase formula = Phrase.of("");
        private final List<Input> inputs = new ArrayList<>();

        private Builder(Phrase figure) {
            this.figure = figure;
        }

        /** The formula by its key, with the figures (constants of the model) its text embeds. */
        public Builder formula(String key, Object... args) {
            this.formula = Phrase.of(key, args);
            return this;
        }

        public Builder in(String key, Object value) {
            inputs.add(new Input(key, List.of(), Num.text(value)));
            return this;
        }

        /**
         * Where the figure comes from, as the input "source": a citation by its key, with the keys of the
         * citations it ends with ("documented": the Thanos documentation, not measured here; "assumed").
         */
        public Builder cite(String citeKey, String... endKeys) {
            inputs.add(new Input("source", List.of(), "", new Phrase(citeKey, List.of(endKeys))));
            return this;
        }

        /** An input whose name embeds figures ("B/sample at the scrape interval (15s)"). */
        public Builder in(String key, List<?> nameArgs, Object value) {
            inputs.add(new Input(key, texts(nameArgs.toArray()), Num.text(value)));
            return this;
        }

        public Explanation result(Object value) {
            return new Explanation(figure, formula, inputs, Phrase.of("", value));
        }

        /** The result as a key and its figures. */
        public Explanation result(String key, List<String> args) {
            return new Explanation(figure, formula, inputs, new Phrase(key, args));
        }
    }
}
