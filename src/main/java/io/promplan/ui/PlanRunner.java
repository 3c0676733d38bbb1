package io.promplan.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs planning work away from the caller and hands the outcome back. A newer submission supersedes
 * an older one: the older one's outcome is never delivered.
 */
public interface PlanRunner extends AutoCloseable {
    <T> void submit(Callable<T> job, Consumer<T> onResult, Consumer<Throwable> onError);

    /** As {@link #submit}, without waiting for further input first (a file just opened: nothing to debounce). */
    default <T> void submitNow(Callable<T> job, Consumer<T> onResult, Consumer<Throwable> onError) {
        submit(job, onResult, onError);
    }

    /** Drops the waiting or running submission: its outcome is never delivered. */
    default void cancel() {
        // nothing waits in a runner that runs at once
    }

    /** Runs every job at once on the calling thread: for view-model tests. */
    static PlanRunner direct() {
        return new PlanRunner() {
            @Override
            public <T> void submit(Callable<T> job, Consumer<T> onResult, Consumer<Throwable> onError) {
                T result;
                try {
                    result = job.call();
                } catch (Exception | LinkageError e) {
                    onError.accept(e);
                    return;
                }
                onResult.accept(result);
            }

            @Override
            public void close() {
                // nothing runs in the background
            }
        };
    }

    @Override
    void close();
}
