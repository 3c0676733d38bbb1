package io.promplan.ui;

import io.promplan.core.workload.schema.Field;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.property.StringProperty;

/**
 * One input of the scenario form: its key (the field name the scenario file and the validator use,
 * e.g. {@code grafana.users}), its group, its kind, the UI text keys of its label and unit, the text
 * the user typed and the message shown at the field when the value is not allowed (empty when fine).
 */
public final class InputField {
    /** How a field's text is read. */
    public enum Kind { TEXT, INT, DECIMAL, DURATION, CHOICE, BOOL, SIZE }

    private final String key;
    private final Field schema;
    private final String group;
    private final Kind kind;
    private final String unitKey;
    private final ObservableList<String> choices;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    public InputField(String key, String group, Kind kind, String unitKey, List<String> choices) {
        this(key, group, kind, unitKey, choices, null);
    }

    /** An input for a key of the scenario schema (null: an input of its own). */
    public InputField(String key, String group, Kind kind, String unitKey, List<String> choices, Field schema) {
        this.schema = schema;
        this.key = key;
        this.group = group;
        this.kind = kind;
        this.unitKey = unitKey;
        this.choices = FXCollections.observableArrayList(choices);
    }

    public String key() {
        return key;
    }

    /** The bundle key of the field's label: {@code field.<key>}. */
    public String labelKey() {
        return "field." + key;
    }

    /** The schema's description of the key (its range, default and kind), or null. */
    public Field schema() {
        return schema;
    }

    public String group() {
        return group;
    }

    public Kind kind() {
        return kind;
    }

    /** The bundle key of the unit, or empty when the value has none. */
    public String unitKey() {
        return unitKey;
    }

    /** The allowed values of a choice (the regions follow the price snapshot in use). */
    public ObservableList<String> choices() {
        return choices;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String value() {
        return value.get();
    }

    public void setValue(String v) {
        value.set(v == null ? "" : v);
    }

    public StringProperty errorProperty() {
        return error;
    }

    public String error() {
        return error.get();
    }

    public boolean hasError() {
        return !error.get().isEmpty();
    }

    @Override
    public String toString() {
        return key + "=" + value.get() + (hasError() ? " (" + error.get() + ")" : "");
    }
}
