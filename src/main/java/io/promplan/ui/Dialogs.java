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

    /** A folder to write into (the Terraform export). */
    Optional<Path> chooseFolder(Path folder);

    /** A report file to write: .pdf, .csv or .md. */
    Optional<Path> chooseReport(Path folder, String suggestedName);

    /** A yes/no question; true for yes. */
    boolean confirm(String header, String message);

    /** One line of text (empty when cancelled), starting with {@code initial}. */
    Optional<String> askText(String header, String message, String initial);

    /** A message that needs no answer (what a finished action did). */
    void showInfo(String header, String message);
}
