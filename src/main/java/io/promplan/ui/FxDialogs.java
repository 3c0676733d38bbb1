package io.promplan.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
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
    public void showError(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.setTitle(t.get("app.name"));
        a.setHeaderText(t.get("dialog.errorHeader"));
        a.initOwner(owner);
        a.showAndWait();
    }
}
