package io.promplan.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: alerts and file choosers owned by the main window. */
final class FxDialogs implements Dialogs {
    private final I18n t;
    private Window owner;

    FxDialogs(I18n t) {
        this.t = t;
    }

    void setOwner(Window owner) {
        this.owner = owner;
    }

    @Override
    public Unsaved askUnsaved(String scenarioName) {
        ButtonType save = new ButtonType(t.get("dialog.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(t.get("dialog.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(t.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, t.get("dialog.unsaved", scenarioName), save, discard, cancel);
        a.setTitle(t.get("app.name"));
        a.setHeaderText(t.get("dialog.unsavedHeader"));
        a.initOwner(owner);
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == cancel) {
            return Unsaved.CANCEL;
        }
        return r.get() == save ? Unsaved.SAVE : Unsaved.DISCARD;
    }

    private FileChooser chooser(String titleKey, Path folder) {
        FileChooser fc = new FileChooser();
        fc.setTitle(t.get(titleKey));
        fc.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(t.get("dialog.yamlFiles"), "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter(t.get("dialog.allFiles"), "*"));
        if (folder != null && Files.isDirectory(folder)) {
            fc.setInitialDirectory(folder.toFile());
        }
        return fc;
    }

    @Override
    public Optional<Path> chooseOpen(Path folder) {
        File f = chooser("dialog.open", folder).showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(Path folder, String suggestedName) {
        FileChooser fc = chooser("dialog.saveAs", folder);
        fc.setInitialFileName(suggestedName);
        File f = fc.showSaveDialog(owner);
        if (f == null) {
            return Optional.empty();
        }
        Path p = f.toPath();
        String n = p.getFileName().toString();
        return Optional.of(n.endsWith(".yaml") || n.endsWith(".yml") ? p : p.resolveSibling(n + ".yaml"));
    }

    @Override
    public List<Path> chooseCompare(Path folder) {
        List<File> files = chooser("dialog.compare", folder).showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).limit(CompareViewModel.MAX_SCENARIOS).toList();
    }

    @Override
    public Optional<Path> chooseFolder(Path folder) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(t.get("dialog.exportFolder"));
        if (folder != null && Files.isDirectory(folder)) {
            dc.setInitialDirectory(folder.toFile());
        }
        return Optional.ofNullable(dc.showDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseReport(Path folder, String suggestedName) {
        FileChooser fc = new FileChooser();
        fc.setTitle(t.get("dialog.reportFile"));
        FileChooser.ExtensionFilter pdf = new FileChooser.ExtensionFilter(t.get("dialog.pdfFiles"), "*.pdf");
        FileChooser.ExtensionFilter csv = new FileChooser.ExtensionFilter(t.get("dialog.csvFiles"), "*.csv");
        FileChooser.ExtensionFilter md = new FileChooser.ExtensionFilter(t.get("dialog.mdFiles"), "*.md");
        fc.getExtensionFilters().setAll(pdf, csv, md);
        fc.setSelectedExtensionFilter(pdf);
        fc.setInitialFileName(suggestedName);
        if (folder != null && Files.isDirectory(folder)) {
            fc.setInitialDirectory(folder.toFile());
        }
        File f = fc.showSaveDialog(owner);
        if (f == null) {
            return Optional.empty();
        }
        Path p = f.toPath();
        if (ToolsViewModel.reportKind(p).isPresent()) {
            return Optional.of(p);
        }
        // no known extension typed: take the one of the chosen filter
        FileChooser.ExtensionFilter chosen = fc.getSelectedExtensionFilter() == null ? pdf : fc.getSelectedExtensionFilter();
        String ext = chosen.getExtensions().get(0).substring(1);
        return Optional.of(p.resolveSibling(p.getFileName() + ext));
    }

    @Override
    public boolean confirm(String header, String message) {
        ButtonType yes = new ButtonType(t.get("dialog.yes"), ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType(t.get("dialog.no"), ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, yes, no);
        a.setTitle(t.get("app.name"));
        a.setHeaderText(header);
        a.initOwner(owner);
        safeDefault(a, yes, no);
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }

    /**
     * Enter (and the focus) go to the safe answer {@code safe}, never to {@code risky}: replacing a folder or
     * a file's comments takes a deliberate choice.
     */
    static void safeDefault(Alert a, ButtonType risky, ButtonType safe) {
        javafx.scene.control.Button r = (javafx.scene.control.Button) a.getDialogPane().lookupButton(risky);
        javafx.scene.control.Button s = (javafx.scene.control.Button) a.getDialogPane().lookupButton(safe);
        r.setDefaultButton(false);
        s.setDefaultButton(true);
        s.setCancelButton(true);
        javafx.application.Platform.runLater(s::requestFocus);
    }

    /** OK in the app's language (JavaFX's own ButtonType.OK keeps the language the JVM started in). */
    private ButtonType ok() {
        return new ButtonType(t.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    @Override
    public Optional<String> askText(String header, String message, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.setTitle(t.get("app.name"));
        d.setHeaderText(header);
        d.setContentText(message);
        d.getDialogPane().getButtonTypes().setAll(ok(), new ButtonType(t.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        d.initOwner(owner);
        return d.showAndWait();
    }

    @Override
    public void showInfo(String header, String message) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ok());
        a.setTitle(t.get("app.name"));
        a.setHeaderText(header);
        // a long list of changed prices: scrollable, selectable text
        TextArea text = new TextArea(message);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(20, (int) message.lines().count() + 1));
        text.setPrefColumnCount(80);
        a.getDialogPane().setContent(text);
        a.setResizable(true);
        a.initOwner(owner);
        a.showAndWait();
    }

    @Override
    public void showError(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ok());
        a.setTitle(t.get("app.name"));
        a.setHeaderText(t.get("dialog.errorHeader"));
        a.initOwner(owner);
        a.showAndWait();
    }
}
