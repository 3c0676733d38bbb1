package io.promplan.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window of File &gt; New from measurement: targets ({@code name=URL} lines) or a Prometheus
 * URL, an optional base scenario, the file to write; Measure runs {@link MeasureViewModel} on a
 * worker thread of its own and closes the window once the scenario is open.
 */
final class MeasureDialog {
    private final MeasureViewModel model;
    private final I18n t;
    private final ExecutorService worker;
    private final Stage stage = new Stage();

    MeasureDialog(MainViewModel vm, Window owner) {
        this.t = vm.i18n();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "promplan-measure");
            th.setDaemon(true);
            return th;
        });
        this.model = new MeasureViewModel(vm, worker, Platform::runLater);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.WINDOW_MODAL);
        stage.titleProperty().bind(t.bind("measure.title"));
        stage.setScene(new Scene(build(), 720, 520));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setOnHidden(e -> worker.shutdownNow());
    }

    MeasureViewModel model() {
        return model;
    }

    Stage stage() {
        return stage;
    }

    void show() {
        stage.show();
    }

    private GridPane build() {
        GridPane g = new GridPane();
        g.setId("measure-dialog");
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        ColumnConstraints c0 = new ColumnConstraints();
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(c0, c1, new ColumnConstraints());

        TextArea targets = new TextArea();
        targets.setId("measure-targets");
        targets.setPrefRowCount(5);
        targets.promptTextProperty().bind(t.bind("measure.targets.prompt"));
        targets.textProperty().bindBidirectional(model.targetsProperty());
        TextField prometheus = new TextField();
        prometheus.setId("measure-prometheus");
        prometheus.promptTextProperty().bind(t.bind("measure.prometheus.prompt"));
        prometheus.textProperty().bindBidirectional(model.prometheusProperty());
        TextField base = new TextField();
        base.setId("measure-base");
        base.promptTextProperty().bind(t.bind("measure.base.prompt"));
        base.textProperty().bindBidirectional(model.baseProperty());
        TextField out = new TextField();
        out.setId("measure-out");
        out.textProperty().bindBidirectional(model.outProperty());

        Button chooseBase = new Button();
        chooseBase.textProperty().bind(t.bind("measure.browse"));
        chooseBase.setOnAction(e -> {
            File f = chooser("dialog.open").showOpenDialog(stage);
            if (f != null) {
                model.baseProperty().set(f.toPath().toString());
            }
        });
        Button chooseOut = new Button();
        chooseOut.textProperty().bind(t.bind("measure.browse"));
        chooseOut.setOnAction(e -> {
            FileChooser fc = chooser("dialog.saveAs");
            fc.setInitialFileName("measured.yaml");
            File f = fc.showSaveDialog(stage);
            if (f != null) {
                model.outProperty().set(f.toPath().toString());
            }
        });

        Label status = new Label();
        status.setId("measure-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        ListView<String> errors = new ListView<>(model.errors());
        errors.setId("measure-errors");
        errors.setPrefHeight(110);
        errors.visibleProperty().bind(Bindings.isNotEmpty(model.errors()));
        errors.managedProperty().bind(errors.visibleProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.runningProperty());
        Button run = new Button();
        run.setId("measure-run");
        run.textProperty().bind(t.bind("measure.run"));
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.start().thenAccept(o -> {
            if (o == MeasureViewModel.Outcome.OPENED) {
                stage.close();
            }
        }));
        Button close = new Button();
        close.setId("measure-close");
        close.textProperty().bind(t.bind("measure.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, busy, run, close);

        int r = 0;
        g.add(label("measure.targets"), 0, r);
        g.add(targets, 1, r++, 2, 1);
        g.add(label("measure.prometheus"), 0, r);
        g.add(prometheus, 1, r++, 2, 1);
        g.add(label("measure.base"), 0, r);
        g.add(base, 1, r);
        g.add(chooseBase, 2, r++);
        g.add(label("measure.out"), 0, r);
        g.add(out, 1, r);
        g.add(chooseOut, 2, r++);
        Label hint = label("measure.hint");
        hint.setWrapText(true);
        g.add(hint, 0, r++, 3, 1);
        g.add(status, 0, r++, 3, 1);
        g.add(errors, 0, r++, 3, 1);
        g.add(buttons, 0, r, 3, 1);
        return g;
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(t.bind(key));
        return l;
    }

    private FileChooser chooser(String titleKey) {
        FileChooser fc = new FileChooser();
        fc.setTitle(t.get(titleKey));
        fc.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(t.get("dialog.yamlFiles"), "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter(t.get("dialog.allFiles"), "*"));
        Path folder = model.folder();
        if (folder != null && Files.isDirectory(folder)) {
            fc.setInitialDirectory(folder.toFile());
        }
        return fc;
    }
}
