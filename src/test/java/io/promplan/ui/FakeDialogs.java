package io.promplan.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Scripted answers instead of windows: view-model and UI tests never block on a dialog. */
final class FakeDialogs implements Dialogs {
    final Deque<Unsaved> unsavedAnswers = new ArrayDeque<>();
    final Deque<Path> openAnswers = new ArrayDeque<>();
    final Deque<Path> saveAnswers = new ArrayDeque<>();
    List<Path> compareAnswer = List.of();
    final List<String> errors = new ArrayList<>();
    int unsavedAsked;

    @Override
    public Unsaved askUnsaved(String scenarioName) {
        unsavedAsked++;
        return unsavedAnswers.isEmpty() ? Unsaved.CANCEL : unsavedAnswers.pop();
    }

    @Override
    public Optional<Path> chooseOpen(Path folder) {
        return Optional.ofNullable(openAnswers.poll());
    }

    @Override
    public Optional<Path> chooseSave(Path folder, String suggestedName) {
        return Optional.ofNullable(saveAnswers.poll());
    }

    @Override
    public List<Path> chooseCompare(Path folder) {
        return compareAnswer;
    }

    @Override
    public void showError(String message) {
        errors.add(message);
    }
}
