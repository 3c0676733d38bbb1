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
    final Deque<Path> folderAnswers = new ArrayDeque<>();
    final Deque<Path> reportAnswers = new ArrayDeque<>();
    final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    final Deque<String> textAnswers = new ArrayDeque<>();
    final List<String> questions = new ArrayList<>();
    final List<String> textInitials = new ArrayList<>();
    final List<String> infos = new ArrayList<>();

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

    @Override
    public Optional<Path> chooseFolder(Path folder) {
        return Optional.ofNullable(folderAnswers.poll());
    }

    @Override
    public Optional<Path> chooseReport(Path folder, String suggestedName) {
        return Optional.ofNullable(reportAnswers.poll());
    }

    @Override
    public boolean confirm(String header, String message) {
        questions.add(message);
        return !confirmAnswers.isEmpty() && confirmAnswers.pop();
    }

    @Override
    public Optional<String> askText(String header, String message, String initial) {
        textInitials.add(initial);
        return Optional.ofNullable(textAnswers.poll());
    }

    @Override
    public void showInfo(String header, String message) {
        infos.add(message);
    }
}
