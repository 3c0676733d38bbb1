package io.promplan.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.testfx.util.WaitForAsyncUtils;

/** What the headless window tests share: reading on the JavaFX thread, and waiting for a condition read there. */
final class FxWait {
    private FxWait() {
    }

    /** Waits up to 20 s for the condition, read on the JavaFX thread. */
    static void waitFor(Supplier<Boolean> condition) {
        waitFor(20, condition);
    }

    static void waitFor(int seconds, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met in " + seconds + " s", e);
        }
    }

    /** The value, read on the JavaFX thread once the events queued before are handled. */
    static <T> T onFx(Supplier<T> s) {
        AtomicReference<T> r = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> r.set(s.get()));
        WaitForAsyncUtils.waitForFxEvents();
        return r.get();
    }
}
