package io.promplan.ui;

import io.promplan.core.workload.Scenario;
import io.promplan.io.InputFileException;
import io.promplan.measure.Http;
import io.promplan.measure.MeasureService;
import io.promplan.measure.ScenarioBuilder;
import io.promplan.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File &gt; New from measurement: what the dialog asks (targets as {@code name=URL} lines, or a
 * Prometheus URL; an optional base scenario; where to save), and the measurement itself, run by
 * the same {@link MeasureService} as {@code promplan measure}, on the worker executor (never the
 * JavaFX thread). The scenario is written atomically and then opened like File &gt; Open does.
 * Sources that failed are listed by name; nothing is written when nothing was measured.
 */
public final class MeasureViewModel {
    /** How a run ended. */
    public enum Outcome { OPENED, WRITTEN_NOT_OPENED, NOTHING_MEASURED, FAILED, INVALID }

    private final MainViewModel vm;
    private final I18n t;
    private final Executor worker;
    private final Executor ui;
    private final StringProperty targets = new SimpleStringProperty(this, "targets", "");
    private final StringProperty prometheus = new SimpleStringProperty(this, "prometheus", "");
    private final StringProperty base = new SimpleStringProperty(this, "base", "");
    private final StringProperty out = new SimpleStringProperty(this, "out", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private int scrapes = 3;
    private Duration pause = Duration.ofSeconds(5);
    private Duration timeout = Duration.ofSeconds(10);

    public MeasureViewModel(MainViewModel vm, Executor worker, Executor ui) {
        this.vm = vm;
        this.t = vm.i18n();
        this.worker = worker;
        this.ui = ui;
    }

    public StringProperty targetsProperty() {
        return targets;
    }

    public StringProperty prometheusProperty() {
        return prometheus;
    }

    public StringProperty baseProperty() {
        return base;
    }

    public StringProperty outProperty() {
        return out;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** One line per source that could not be measured, starting with its name. */
    public ObservableList<String> errors() {
        return errors;
    }

    /** Scrapes of each target and the pause between them (3 and 5 s, as the command line's defaults). */
    void setScrapes(int scrapes, Duration pause) {
        this.scrapes = scrapes;
        this.pause = pause;
    }

    void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** The folder the dialog's file choosers start in: the open scenario's. */
    Path folder() {
        Path f = vm.fileProperty().get();
        return f == null || f.toAbsolutePath().getParent() == null ? Path.of("").toAbsolutePath() : f.toAbsolutePath().getParent();
    }

    /**
     * Checks the inputs (a message in {@link #statusProperty()} when they cannot be used), asks about
     * unsaved changes, then measures on the worker. The future completes on the UI executor once the
     * dialog's state is updated (and the scenario opened).
     */
    public CompletableFuture<Outcome> start() {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        if (running.get()) {
            done.complete(Outcome.INVALID);
            return done;
        }
        errors.clear();
        List<String> lines = new ArrayList<>();
        for (String l : targets.get() == null ? new String[0] : targets.get().split("\\R")) {
            if (!l.isBlank() && !l.strip().startsWith("#")) {
                lines.add(l.strip());
            }
        }
        String url = prometheus.get() == null ? "" : prometheus.get().strip();
        if (lines.isEmpty() == url.isEmpty()) {
            status.set(t.get(lines.isEmpty() ? "measure.error.nothingGiven" : "measure.error.both"));
            done.complete(Outcome.INVALID);
            return done;
        }
        for (String l : lines) {
            int eq = l.indexOf('=');
            if (eq <= 0 || eq == l.length() - 1) {
                status.set(t.get("measure.error.targetLine", l));
                done.complete(Outcome.INVALID);
                return done;
            }
        }
        Path outPath;
        Path basePath;
        try {
            outPath = path(out.get());
            basePath = base.get() == null || base.get().isBlank() ? null : Path.of(base.get().strip());
        } catch (InvalidPathException e) {
            status.set(t.get("measure.error.path", e.getInput()));
            done.complete(Outcome.INVALID);
            return done;
        }
        if (outPath == null) {
            status.set(t.get("measure.error.noOut"));
            done.complete(Outcome.INVALID);
            return done;
        }
        if (basePath != null && !Files.isRegularFile(basePath)) {
            status.set(t.get("measure.error.noBase", basePath));
            done.complete(Outcome.INVALID);
            return done;
        }
        if (!vm.confirmDiscard()) {
            done.complete(Outcome.INVALID);
            return done;
        }
        running.set(true);
        status.set(t.get("measure.running"));
        String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String by = "promplan " + version() + " app";
        worker.execute(() -> {
            MeasureService.Result r = null;
            String failure = null;
            try (Http http = new Http(timeout, null, null)) {
                Scenario b = basePath == null ? ScenarioBuilder.defaultBase() : ScenarioReader.read(basePath);
                r = MeasureService.measure(http, new MeasureService.Request(lines, url.isEmpty() ? null : url, b, basePath != null, null,
                        scrapes, pause, null, "5m", at, by));
                if (r.measured()) {
                    r.write(outPath);
                }
            } catch (InputFileException | IOException | IllegalArgumentException e) {
                failure = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e.toString();
            } catch (RuntimeException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            MeasureService.Result result = r;
            String fail = failure;
            ui.execute(() -> done.complete(finish(result, fail, outPath)));
        });
        return done;
    }

    private Outcome finish(MeasureService.Result r, String failure, Path outPath) {
        running.set(false);
        if (r != null) {
            for (MeasureService.Failure f : r.failures()) {
                errors.add(t.get("measure.failedSource", f.source(), f.message()));
            }
        }
        if (failure != null) {
            status.set(t.get("measure.error.failed", failure));
            return Outcome.FAILED;
        }
        if (r == null || !r.measured()) {
            status.set(t.get("measure.nothingMeasured", outPath));
            return Outcome.NOTHING_MEASURED;
        }
        if (!vm.load(outPath)) {
            status.set(t.get("measure.writtenNotOpened", outPath));
            return Outcome.WRITTEN_NOT_OPENED;
        }
        status.set(t.get("measure.opened", outPath, r.scenario().workload().serviceCount()));
        return Outcome.OPENED;
    }

    private static Path path(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Path p = Path.of(s.strip());
        String n = p.getFileName() == null ? "" : p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.isEmpty() ? p : p.resolveSibling(n + ".yaml");
    }

    private static String version() {
        String v = MeasureViewModel.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
