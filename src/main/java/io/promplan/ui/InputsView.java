package io.promplan.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The inputs, grouped, each with its label, its unit and the message shown under it when the value
 * is not allowed. Built in code; every control is bound to its {@link InputField}.
 */
final class InputsView {
    private final MainViewModel vm;
    private final I18n t;
    private final Map<String, Control> controls = new LinkedHashMap<>();

    InputsView(MainViewModel vm) {
        this.vm = vm;
        this.t = vm.i18n();
    }

    Node build() {
        VBox box = new VBox(6);
        box.setPadding(new Insets(6));
        box.getChildren().add(grid("scenario", false));
        for (String g : ScenarioForm.GROUPS) {
            TitledPane p = new TitledPane();
            p.textProperty().bind(t.bind("group." + g));
            p.setContent(grid(g, true));
            p.setExpanded(true);
            p.setId("group-" + g);
            box.getChildren().add(p);
        }
        for (ListForms.Kind k : ListForms.Kind.values()) {
            box.getChildren().add(new ListEditorView(vm, k).build());
        }
        Label others = new Label();
        others.getStyleClass().add("field-error");
        others.setWrapText(true);
        others.textProperty().bind(vm.otherProblemsProperty());
        others.visibleProperty().bind(vm.otherProblemsProperty().isNotEmpty());
        others.managedProperty().bind(others.visibleProperty());
        box.getChildren().add(others);
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sp.setId("inputs");
        sp.setMinWidth(220);
        return sp;
    }

    /** The node id of a field's control or message: dots become dashes, so that CSS selectors can find it. */
    static String id(String prefix, String key) {
        return prefix + key.replace('.', '-');
    }

    Control control(String key) {
        return controls.get(key);
    }

    private GridPane grid(String group, boolean withUnits) {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(2);
        g.setPadding(new Insets(2));
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(104);
        c0.setPrefWidth(126);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        c1.setMinWidth(90);
        ColumnConstraints c2 = new ColumnConstraints();
        // units wrap in their column (the duration hint "15s, 5m, 2h, 15d" on two lines) rather than being cut
        c2.setMinWidth(withUnits ? 60 : 0);
        c2.setPrefWidth(withUnits ? 64 : 0);
        c2.setMaxWidth(withUnits ? 84 : 0);
        g.getColumnConstraints().addAll(c0, c1, c2);
        javafx.beans.value.ObservableValue<String> storageValue = vm.field("storage").valueProperty();
        int row = 0;
        for (InputField f : vm.fields()) {
            if (!f.group().equals(group)) {
                continue;
            }
            Label label = new Label();
            label.textProperty().bind(t.bind(f.labelKey()));
            label.setWrapText(true);
            Control c = control(f);
            c.setId(id("field-", f.key()));
            label.setLabelFor(c);
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(Bindings.createStringBinding(() -> f.hasError() ? f.error()
                    : (unusedReason(f, storageValue.getValue()).isEmpty() ? "" : unusedReason(f, storageValue.getValue()) + "\n")
                    + (t.has("help." + f.key()) ? t.get("help." + f.key()) : t.get(f.labelKey()))
                    + (ScenarioForm.allowedText(f, t).isEmpty() ? "" : "\n" + ScenarioForm.allowedText(f, t)), f.errorProperty(), t.localeProperty(),
                    storageValue));
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            c.setTooltip(tip);
            Label unit = new Label();
            if (!f.unitKey().isEmpty()) {
                unit.textProperty().bind(t.bind(f.unitKey()));
            }
            unit.getStyleClass().add("unit");
            unit.setWrapText(true);
            unit.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label error = new Label();
            error.setId(id("error-", f.key()));
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.textProperty().bind(f.errorProperty());
            error.visibleProperty().bind(f.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            f.errorProperty().addListener((o, a, b) -> {
                if (b.isEmpty()) {
                    c.getStyleClass().remove("invalid");
                } else if (!c.getStyleClass().contains("invalid")) {
                    c.getStyleClass().add("invalid");
                }
            });
            g.add(label, 0, row);
            if (f.unitKey().isEmpty() && f.kind() == InputField.Kind.CHOICE && withUnits) {
                g.add(c, 1, row, 2, 1); // a choice without a unit takes the unit's column too: "ap-northeast-2" whole
            } else {
                g.add(c, 1, row);
                g.add(unit, 2, row);
            }
            if (!usedOnlyWith(f.key()).isEmpty()) {
                // a field the chosen storage ignores is disabled, its label and unit greyed; the reason is in their tooltips
                // (a disabled control shows none) and in the control's accessible help; the field comes back with its storage
                javafx.beans.binding.BooleanBinding unused = Bindings.createBooleanBinding(
                        () -> !unusedReason(f, storageValue.getValue()).isEmpty(), storageValue);
                c.disableProperty().bind(unused);
                Tooltip why = new Tooltip();
                why.textProperty().bind(Bindings.createStringBinding(() -> unusedReason(f, storageValue.getValue()), storageValue, t.localeProperty()));
                why.setWrapText(true);
                why.setMaxWidth(420);
                c.accessibleHelpProperty().bind(why.textProperty());
                Runnable grey = () -> {
                    for (Label l : java.util.List.of(label, unit)) {
                        l.getStyleClass().remove("unused");
                        if (unused.get()) {
                            l.getStyleClass().add("unused");
                            l.setTooltip(why);
                        } else {
                            l.setTooltip(null);
                        }
                    }
                };
                unused.addListener((o, a, b) -> grey.run());
                grey.run();
            }
            GridPane.setHalignment(label, javafx.geometry.HPos.LEFT);
            row++;
            g.add(error, 1, row, 2, 1);
            row++;
            controls.put(f.key(), c);
        }
        g.setAlignment(Pos.TOP_LEFT);
        return g;
    }

    /** The storage a field is used with ("thanos-s3" for the Thanos fields), or empty when every storage uses it. */
    static String usedOnlyWith(String key) {
        if (key.startsWith("thanos.")) {
            return io.promplan.core.workload.StorageBackend.THANOS_S3.key();
        }
        if (key.equals("localRetention")) {
            return io.promplan.core.workload.StorageBackend.AMP_REMOTE_WRITE.key();
        }
        return "";
    }

    /** Why a field does nothing with the chosen storage, or empty when it is used. */
    private String unusedReason(InputField f, String storage) {
        String only = usedOnlyWith(f.key());
        if (only.isEmpty() || only.equalsIgnoreCase(storage == null ? "" : storage.trim())) {
            return "";
        }
        return t.get("field.unusedWithStorage", choiceName("storage", only), choiceName("storage", storage == null ? "" : storage.trim()));
    }

    /** A choice's name in the app's language ("Thanos on S3" for thanos-s3); the key itself when it has none. */
    private String choiceName(String field, String value) {
        String k = "choice." + field + "." + value;
        return t.has(k) ? t.get(k) : value;
    }

    /** Shows each choice by its name in the app's language while the value stays the key the scenario file takes. */
    private javafx.util.StringConverter<String> choiceConverter(InputField f) {
        String field = f.key().equals("thanos.localStorage") ? "storage" : f.key();
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(String key) {
                return key == null ? "" : choiceName(field, key);
            }

            @Override
            public String fromString(String text) {
                for (String k : f.choices()) {
                    if (choiceName(field, k).equals(text) || k.equals(text)) {
                        return k;
                    }
                }
                return text;
            }
        };
    }

    /** A cell showing a choice by its name in the app's language, again when the language changes. */
    private javafx.scene.control.ListCell<String> choiceCell(ComboBox<String> cb) {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    textProperty().bind(Bindings.createStringBinding(() -> cb.getConverter().toString(item), t.localeProperty()));
                    Tooltip tip = new Tooltip();
                    tip.textProperty().bind(textProperty());
                    setTooltip(tip);
                }
            }
        };
    }

    private Control control(InputField f) {
        switch (f.kind()) {
            case CHOICE -> {
                ComboBox<String> cb = new ComboBox<>();
                cb.setConverter(choiceConverter(f));
                // the shown names follow the language (the list's cells and the button's)
                cb.setCellFactory(l -> choiceCell(cb));
                cb.setButtonCell(choiceCell(cb));
                cb.getItems().setAll(f.choices());
                if (!f.value().isEmpty() && !cb.getItems().contains(f.value())) {
                    cb.getItems().add(f.value());
                }
                // choices that appear later (regions of a refreshed snapshot) are added, never replaced: the value stays
                f.choices().addListener((javafx.collections.ListChangeListener<String>) c -> f.choices().stream()
                        .filter(x -> !cb.getItems().contains(x)).forEach(cb.getItems()::add));
                f.valueProperty().addListener((o, a, b) -> {
                    if (b != null && !b.isEmpty() && !cb.getItems().contains(b)) {
                        cb.getItems().add(b);
                    }
                });
                cb.valueProperty().bindBidirectional(f.valueProperty());
                cb.setMaxWidth(Double.MAX_VALUE);
                return cb;
            }
            case BOOL -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(f.value()));
                box.selectedProperty().addListener((o, a, b) -> {
                    if (!String.valueOf(b).equals(f.value())) {
                        f.setValue(String.valueOf(b));
                    }
                });
                f.valueProperty().addListener((o, a, b) -> box.setSelected(Boolean.parseBoolean(b)));
                return box;
            }
            default -> {
                TextField tf = new TextField();
                tf.textProperty().bindBidirectional(f.valueProperty());
                tf.setPrefColumnCount(f.kind() == InputField.Kind.TEXT ? 20 : 8);
                if (f.kind() == InputField.Kind.SIZE) {
                    tf.promptTextProperty().bind(t.bind("prompt.size"));
                }
                return tf;
            }
        }
    }
}
