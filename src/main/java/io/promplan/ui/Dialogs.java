package io.promplan.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the app asks the user, behind an interface so that view-model tests never block on a window. */
public interface Dialogs {
    /** The answer to "save the changes first?". */
    enum Unsaved { SAVE, DISCARD, CANCEL }

    Unsaved askUnsaved(String scenarioName);

    Optional<Path> chooseOpen(Path folder);

    Optional<Path> chooseSave(Path folder, String suggestedName);

    /** Two or three scenario files to put side by side. */
    List<Path> chooseCompare(Path folder);

    void showError(String message);
}
