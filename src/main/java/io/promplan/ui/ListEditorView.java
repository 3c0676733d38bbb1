package io.promplan.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One list of the scenario in the inputs pane (the services, the exporter's metrics, the baseline lines or the
 * uncertainty ranges): a row of fields per entry, a button to remove it, one to add an entry, and the message
 * saying which entry is not allowed. A field's change is taken on Enter or when the focus leaves it; every
 * control is reached with Tab. Node ids: {@code list-<kind>}, {@code list-<kind>-<row>-<column>},
 * {@code list-<kind>-<row>-remove}, {@code list-<kind>-add}, {@code list-<kind>-error}.
 */
final class ListEditorView {
    private final MainViewModel vm;
    private final I18n t;
    private final ListForms.Kind kind;
    private final GridPane grid = new GridPane();
    private final List<List<Control>> cells = new ArrayList<>();
    private List<List<String>> shown = List.of();
    /** Whether the rows were made (the list was opened once). */
    private boolean built;

    ListEditorView(MainViewModel vm, ListForms.Kind kind) {
        this.vm = vm;
        this.t = vm.i18n();
        this.kind = kind;
    }

    Node build() {
        grid.setHgap(4);
        grid.setVgap(2);
        grid.setPadding(new Insets(2));
        Button add = new Button();
        add.textProperty().bind(t.bind("list.add"));
        add.setId("list-" + kind.key() + "-add");
        add.setOnAction(e -> {
            List<List<String>> rows = rowsShown();
            rows.add(new ArrayList<>(ListForms.newRow(vm.baseProperty().get(), kind)));
            commit(rows, 0);
        });
        Label error = new Label();
        error.setId("list-" + kind.key() + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.listErrorProperty(kind));
        error.visibleProperty().bind(vm.listErrorProperty(kind).isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label help = new Label();
        help.textProperty().bind(t.bind("list." + kind.key() + ".help"));
        help.setWrapText(true);
        help.getStyleClass().add("unit");
        VBox box = new VBox(4, help, grid, new HBox(add), error);
        TitledPane p = new TitledPane();
        p.textProperty().bind(t.bind("list." + kind.key()));
        p.setContent(box);
        p.setExpanded(false);
        p.setId("list-" + kind.key());
        // the rows are made when the list is first opened: the first frame lays out no editor nobody has opened
        p.expandedProperty().addListener((o, a, open) -> {
            if (open && !built) {
                built = true;
                shown = vm.listRows(kind);
                rebuild();
            }
        });
        vm.baseProperty().addListener((o, a, b) -> refresh());
        t.localeProperty().addListener((o, a, b) -> {
            if (built) {
                shown = vm.listRows(kind); // the scenario's texts by language in the new language
                rebuild();
            }
        });
        return p;
    }

    /** Rebuilds the rows when the scenario's list is not what they show (a file opened, undo, an added entry). */
    private void refresh() {
        if (!built) {
            return;
        }
        List<List<String>> rows = vm.listRows(kind);
        boolean same = rows.equals(rowsShown());
        shown = rows;
        if (!same) {
            rebuild(); // the fields keep the focus when they already show the list
        }
    }

    private void rebuild() {
        if (!built) {
            return;
        }
        grid.getChildren().clear();
        cells.clear();
        List<String> cols = kind.columns();
        for (int c = 0; c < cols.size(); c++) {
            Label h = new Label(t.get("list." + kind.key() + "." + cols.get(c)));
            h.getStyleClass().add("unit");
            grid.add(h, c, 0);
        }
        for (int r = 0; r < shown.size(); r++) {
            List<Control> row = new ArrayList<>();
            for (int c = 0; c < cols.size(); c++) {
                Control ctl = cell(cols.get(c), shown.get(r).get(c));
                ctl.setId("list-" + kind.key() + "-" + r + "-" + cols.get(c));
                ctl.setTooltip(new Tooltip(t.get("list." + kind.key() + "." + cols.get(c))));
                ctl.setAccessibleText(t.get("list." + kind.key() + "." + cols.get(c)) + " " + (r + 1));
                grid.add(ctl, c, r + 1);
                row.add(ctl);
            }
            int index = r;
            Button remove = new Button(t.get("list.remove"));
            remove.setId("list-" + kind.key() + "-" + r + "-remove");
            remove.setAccessibleText(t.get("list.remove") + " " + (r + 1));
            remove.setOnAction(e -> {
                List<List<String>> rows = rowsShown();
                rows.remove(index);
                commit(rows, 1);
            });
            grid.add(remove, cols.size(), r + 1);
            cells.add(row);
        }
    }

    private Control cell(String column, String value) {
        if (kind == ListForms.Kind.METRICS && column.equals("perService")) {
            CheckBox b = new CheckBox();
            b.setSelected(Boolean.parseBoolean(value));
            b.selectedProperty().addListener((o, a, x) -> commit(rowsShown(), 0));
            return b;
        }
        if (kind == ListForms.Kind.RANGES && (column.equals("path") || column.equals("shape"))) {
            ComboBox<String> cb = new ComboBox<>();
            cb.getItems().setAll(column.equals("path") ? ListForms.rangePaths() : List.of("pert", "triangular"));
            cb.setValue(value);
            cb.valueProperty().addListener((o, a, x) -> commit(rowsShown(), 0));
            return cb;
        }
        TextField tf = new TextField(value);
        tf.setPrefColumnCount(column.equals("name") || column.equals("namespace") || column.equals("note")
                || column.equals("dimensions") || column.equals("covers") ? 10 : 5);
        tf.setOnAction(e -> commitIfChanged());
        tf.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                commitIfChanged();
            }
        });
        return tf;
    }

    /** The rows as the fields hold them now. */
    private List<List<String>> rowsShown() {
        List<List<String>> out = new ArrayList<>();
        for (List<Control> row : cells) {
            List<String> r = new ArrayList<>();
            for (Control c : row) {
                if (c instanceof TextField tf) {
                    r.add(tf.getText());
                } else if (c instanceof CheckBox b) {
                    r.add(String.valueOf(b.isSelected()));
                } else if (c instanceof ComboBox<?> cb) {
                    r.add(cb.getValue() == null ? "" : String.valueOf(cb.getValue()));
                }
            }
            out.add(r);
        }
        return out;
    }

    private void commitIfChanged() {
        List<List<String>> rows = rowsShown();
        if (!rows.equals(shown)) {
            commit(rows, 0);
        }
    }

    private void commit(List<List<String>> rows, int removed) {
        if (grid.getScene() == null || grid.getScene().getWindow() == null || !grid.getScene().getWindow().isShowing()) {
            return; // the window is going away: a field losing the focus then is no edit
        }
        vm.editList(kind, rows, kind == ListForms.Kind.SERVICES ? removed : 0);
    }
}
