package io.promplan.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;

/**
 * Start-up marks for the bench ({@code bench/app-startup.sh}): with {@code -Dpromplan.startupTrace=true}
 * the app prints {@code promplan-startup <event> <epoch millis>} on stderr once per event: the first frame
 * with content, the first frame with the answer filled, and the first frame with the recommendation. Silent
 * (and free) otherwise.
 */
final class StartupTrace {
    static final boolean ON = Boolean.getBoolean("promplan.startupTrace");
    static final String FIRST_FRAME = "first-frame";
    static final String ANSWER = "filled-answer";
    /** The first recommendation on the first screen (the decision for the plan on screen). */
    static final String VERDICT = "verdict";
    private static final java.util.Map<String, AtomicBoolean> DONE = new java.util.concurrent.ConcurrentHashMap<>();

    private StartupTrace() {
    }

    static void mark(String event) {
        if (ON) {
            System.err.println("promplan-startup " + event + " " + System.currentTimeMillis());
            System.err.flush();
        }
    }

    /** Marks {@code event} after the next pulse of {@code scene} has laid it out (then it is drawn). */
    static void afterNextPulse(Scene scene, String event) {
        if (!ON || scene == null) {
            return;
        }
        AtomicBoolean once = DONE.computeIfAbsent(event, e -> new AtomicBoolean());
        if (once.get()) {
            return;
        }
        Runnable[] l = new Runnable[1];
        l[0] = () -> {
            scene.removePostLayoutPulseListener(l[0]);
            if (once.compareAndSet(false, true)) {
                mark(event);
            }
        };
        scene.addPostLayoutPulseListener(l[0]);
        javafx.application.Platform.requestNextPulse();
    }
}
