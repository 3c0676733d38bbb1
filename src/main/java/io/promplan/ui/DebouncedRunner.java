package io.promplan.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs the latest submission on a background thread once no newer one has come for the debounce
 * delay; cancels a waiting or running older one; delivers the outcome through {@code ui} (the
 * JavaFX thread in the app) only if no newer submission came meanwhile.
 */
public final class DebouncedRunner implements PlanRunner {
    private final ScheduledExecutorService worker;
    private final Executor ui;
    private final long delayMillis;
    private final AtomicLong generation = new AtomicLong();
    private ScheduledFuture<?> pending;

    public DebouncedRunner(Executor ui, long delayMillis) {
        this.ui = ui;
        this.delayMillis = delayMillis;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "promplan-planner");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized <T> void submit(Callable<T> job, Consumer<T> onResult, Consumer<Throwable> onError) {
        submit(job, onResult, onError, delayMillis);
    }

    @Override
    public synchronized <T> void submitNow(Callable<T> job, Consumer<T> onResult, Consumer<Throwable> onError) {
        submit(job, onResult, onError, 0);
    }

    private <T> void submit(Callable<T> job, Consumer<T> onResult, Consumer<Throwable> onError, long delay) {
        long gen = generation.incrementAndGet();
        if (pending != null) {
            pending.cancel(true);
        }
        pending = worker.schedule(() -> {
            if (generation.get() != gen) {
                return;
            }
            try {
                T result = job.call();
                if (!Thread.currentThread().isInterrupted()) {
                    ui.execute(() -> {
                        if (generation.get() == gen) {
                            onResult.accept(result);
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception | LinkageError e) {
                ui.execute(() -> {
                    if (generation.get() == gen) {
                        onError.accept(e);
                    }
                });
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Drops the waiting or running submission (an edit that is not allowed): nothing older is delivered after this. */
    @Override
    public synchronized void cancel() {
        generation.incrementAndGet();
        if (pending != null) {
            pending.cancel(true);
            pending = null;
        }
    }

    /**
     * Returns once no submission is waiting or running (its result, if any, handed to the UI executor): the point
     * after which nothing submitted so far can still arrive. For tests that show an absence without guessing a time.
     */
    public void awaitQuiet(long timeoutMillis) throws InterruptedException, java.util.concurrent.TimeoutException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            ScheduledFuture<?> p;
            synchronized (this) {
                p = pending;
            }
            if (p == null || p.isDone()) {
                synchronized (this) {
                    if (pending == p) {
                        return;
                    }
                }
                continue; // submitted again meanwhile: wait for that one
            }
            try {
                p.get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.CancellationException | java.util.concurrent.ExecutionException e) {
                // cancelled or failed: either way nothing more comes from it
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
