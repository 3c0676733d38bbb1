package io.promplan.ui;

import io.promplan.core.workload.Scenario;
import io.promplan.io.InputFileException;
import io.promplan.service.PlanningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Start-up work that needs no window, done on a thread of its own while JavaFX starts: the price snapshot
 * and the first scenario read, so that the window is built and shown with nothing heavy before it.
 */
final class Preload {
    /** What the app opens with: the planning service (or why the prices cannot be read) and the first scenario, if it could be read. */
    record Loaded(PlanningService service, InputFileException pricesError, Path file, Scenario scenario) {
    }

    private static volatile CompletableFuture<Loaded> started;

    private Preload() {
    }

    /** Starts reading and warming (once); {@code first} is the scenario file the app opens. */
    static synchronized void start(Path first) {
        if (started != null) {
            return;
        }
        // (a warm-up plan here was tried: on two busy cores it slowed the window's first frame more than it sped the plan)
        started = CompletableFuture.supplyAsync(() -> load(first), r -> {
            Thread t = new Thread(r, "promplan-preload");
            t.setDaemon(true);
            t.start();
        });
    }

    static Loaded load(Path first) {
        PlanningService service;
        try {
            service = PlanningService.open(null);
        } catch (InputFileException e) {
            return new Loaded(null, e, first, null);
        }
        Scenario s = null;
        if (first != null && Files.isRegularFile(first)) {
            try {
                s = service.load(first);
            } catch (InputFileException | RuntimeException e) {
                s = null; // the app reports it when it opens the file itself
            }
        }
        return new Loaded(service, null, first, s);
    }

    /** The preloaded start, waiting for it if it is not done; started here when {@link #start} was not called. */
    static Loaded get(Path first) {
        start(first);
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return load(first);
        } catch (ExecutionException e) {
            return load(first);
        }
    }
}
