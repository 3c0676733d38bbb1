package io.promplan.core.workload.schema;

import io.promplan.core.workload.Scenario;
import java.util.List;
import java.util.function.Function;

/**
 * One key of a scenario file, described once: its YAML path ({@code grafana.users}; elements of a list are
 * {@code services[].metrics}), its kind, the bundle key of its unit (empty when it has none), the form group
 * it is shown in (empty: not on the form), its default as the file would write it (null: required; empty
 * text for a default that depends on other keys), the values allowed, and how to read it from a scenario
 * (null for list elements and containers).
 *
 * <p>Texts are bundle keys: the label {@code field.<path>} and help {@code help.<path>} in the app's messages,
 * the comment the writer puts above the key {@code <path>} in the scenario writer's comments.
 */
public record Field(String path, Kind kind, String unitKey, String group, String defaultText, Range range, List<String> allowed,
                    Function<Scenario, Object> get) {
    public Field {
        allowed = List.copyOf(allowed);
    }

    /** The last segment of the path: the key as it is written in its mapping. */
    public String key() {
        int cut = path.lastIndexOf('.');
        return cut < 0 ? path : path.substring(cut + 1);
    }

    /** The path of the enclosing mapping ("" at the top). */
    public String parent() {
        int cut = path.lastIndexOf('.');
        return cut < 0 ? "" : path.substring(0, cut);
    }

    public String labelKey() {
        return "field." + path;
    }

    public String helpKey() {
        return "help." + path;
    }

    public String commentKey() {
        return path;
    }

    public boolean required() {
        return defaultText == null;
    }

    public boolean onForm() {
        return !group.isEmpty();
    }

    /** The value in a scenario (Integer, Long, Double, Boolean, String, TimeSpan, FargateSize or an enum's key as String). */
    public Object read(Scenario s) {
        if (get == null) {
            throw new IllegalStateException(path + " is not a value of its own");
        }
        return get.apply(s);
    }

    /** The value as a number (durations in seconds); NaN when it is none. */
    public double number(Scenario s) {
        Object v = read(s);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof io.promplan.core.units.TimeSpan t) {
            return t.seconds();
        }
        return Double.NaN;
    }
}
