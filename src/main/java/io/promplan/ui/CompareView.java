package io.promplan.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Two or three scenarios side by side in a window of its own: a column per scenario, a row per figure. */
final class CompareView {
    private final CompareViewModel cvm;
    private final MainViewModel vm;
    private final I18n t;
    private final Stage stage = new Stage();
    private final TableView<CompareViewModel.Row> table = new TableView<>();
    private final javafx.scene.control.CheckBox includeEdited = new javafx.scene.control.CheckBox();
    private static final double LABEL_WIDTH = 250;
    private static final double COLUMN_WIDTH = 230;
    private List<Path> lastFiles = List.of();

    /** The scenario on screen: the inputs if they are allowed, else the last valid plan's scenario; null before any. */
    private io.promplan.core.workload.Scenario edited() {
        return vm.scenario().orElseGet(() -> vm.plan() == null ? null : vm.plan().scenario());
    }

    private void compareNow() {
        cvm.compare(lastFiles, includeEdited.isSelected() ? edited() : null);
    }

    javafx.scene.control.CheckBox includeEditedBox() {
        return includeEdited;
    }

    CompareView(CompareViewModel cvm, MainViewModel vm, Window owner) {
        this.cvm = cvm;
        this.vm = vm;
        this.t = vm.i18n();
        if (owner != null) {
            stage.initOwner(owner);
        }
        table.setId("compare-table");
        // the figure's name a fixed share, the scenarios the rest in equal parts (see columns())
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setItems(cvm.rows());
        cvm.headers().addListener((ListChangeListener<String>) c -> columns());
        t.localeProperty().addListener((o, a, b) -> columns());
        columns();
        Button choose = new Button();
        choose.textProperty().bind(t.bind("compare.choose"));
        choose.setMnemonicParsing(true);
        choose.setOnAction(e -> {
            List<Path> files = vm.chooseCompareFiles();
            if (!files.isEmpty()) {
                lastFiles = files;
                compareNow();
            }
        });
        includeEdited.setId("compare-include-edited");
        includeEdited.textProperty().bind(t.bind("compare.includeEdited"));
        includeEdited.setMnemonicParsing(true);
        includeEdited.setSelected(true);
        includeEdited.selectedProperty().addListener((o, a, b) -> compareNow());
        Button close = new Button();
        close.textProperty().bind(t.bind("compare.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.textProperty().bind(cvm.errorProperty());
        HBox buttons = new HBox(8, includeEdited, choose, close, error);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(8));
        BorderPane root = new BorderPane(table, null, null, buttons, null);
        root.setPadding(new Insets(6));
        // wide enough for the edited scenario and three files side by side, never wider than the screen
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(screen.getWidth() - 20, LABEL_WIDTH + 4 * COLUMN_WIDTH + 40), Math.min(screen.getHeight() - 40, 620));
        scene.getStylesheets().add(CompareView.class.getResource("/io/promplan/ui/promplan.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.titleProperty().bind(t.bind("compare.title"));
    }

    private void columns() {
        TableColumn<CompareViewModel.Row, String> label = new TableColumn<>(t.get("compare.figure"));
        label.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().label()));
        label.setPrefWidth(LABEL_WIDTH);
        label.setMinWidth(180);
        label.setMaxWidth(LABEL_WIDTH + 60);
        label.setResizable(true);
        label.setCellFactory(col -> wrapping(col));
        table.getColumns().setAll(List.of(label));
        for (int i = 0; i < cvm.headers().size(); i++) {
            int idx = i;
            TableColumn<CompareViewModel.Row, String> c = new TableColumn<>();
            // the scenario's name wraps in its header rather than being cut
            Label head = new Label(cvm.headers().get(i));
            head.setWrapText(true);
            head.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            head.maxWidthProperty().bind(c.widthProperty().subtract(8));
            head.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            c.setGraphic(head);
            c.setId("compare-column-" + i);
            c.setCellValueFactory(d -> new ReadOnlyStringWrapper(idx < d.getValue().values().size() ? d.getValue().values().get(idx) : ""));
            c.setCellFactory(col -> wrapping(col));
            c.setMinWidth(150);
            int n = cvm.headers().size();
            c.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                    () -> Math.max(150, (table.getWidth() - label.getWidth() - 22) / Math.max(1, n)), table.widthProperty(), label.widthProperty()));
            table.getColumns().add(c);
        }
    }

    /** A cell whose text wraps to the column's width (money, long notes and price lines are never cut). */
    private static javafx.scene.control.TableCell<CompareViewModel.Row, String> wrapping(TableColumn<CompareViewModel.Row, String> col) {
        return new javafx.scene.control.TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(12));
                text.getStyleClass().add("text");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    text.setText(item);
                    setGraphic(text);
                }
            }
        };
    }

    /** Compares the files (and the scenario being edited, when the box is ticked). */
    void show(List<Path> files) {
        if (!files.isEmpty()) {
            lastFiles = files;
        }
        compareNow();
        stage.show();
        stage.toFront();
    }

    void close() {
        stage.close();
    }

    CompareViewModel model() {
        return cvm;
    }

    TableView<CompareViewModel.Row> table() {
        return table;
    }
}
