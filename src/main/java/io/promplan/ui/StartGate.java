package io.promplan.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders the work of start-up so that the window comes first: {@link #FIRST_FRAME} holds back the first plan
 * until the window's first frame is drawn, {@link #ANSWERED} holds back the heavy background work (the
 * service-count sweep, the decision's simulation) until the frame with the answer is drawn; on a machine with
 * two cores those would otherwise take the CPU from the window's first layout. Open unless the app closes
 * them at start-up (tests and all later work run at once). JavaFX thread only.
 */
final class StartGate {
    static final StartGate FIRST_FRAME = new StartGate();
    static final StartGate ANSWERED = new StartGate();

    private boolean closed;
    private final List<Runnable> waiting = new ArrayList<>();

    private StartGate() {
    }

    /** From now on, work passed to {@link #whenOpen} waits for {@link #open}. */
    void close() {
        closed = true;
    }

    boolean isOpen() {
        return !closed;
    }

    /** Runs the work now, or once the gate opens. */
    void whenOpen(Runnable work) {
        if (closed) {
            waiting.add(work);
        } else {
            work.run();
        }
    }

    /** Runs what waited, in order; later work runs at once. */
    void open() {
        closed = false;
        List<Runnable> w = new ArrayList<>(waiting);
        waiting.clear();
        w.forEach(Runnable::run);
    }
}
