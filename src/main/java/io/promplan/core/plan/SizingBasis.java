package io.promplan.core.plan;

/** What the plan's task and storage sizes rest on. */
public enum SizingBasis {
    /** Nothing is pinned: the model sizes everything. */
    NO_PINS,
    /** The scenario pins sizes but they are the plan's choice: every alternative rests on the model's sizes; the pinned stack is shown beside. */
    MODEL,
    /** The scenario marks its pins as requirements: they are kept, raised to the model's need where below it. */
    PINS_AS_REQUIRED
}
