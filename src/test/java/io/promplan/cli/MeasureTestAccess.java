package io.promplan.cli;

import java.util.function.Function;

/** Lets tests outside the cli package replace the environment lookup of the measure options. */
public final class MeasureTestAccess {
    private MeasureTestAccess() {
    }

    /** Sets the lookup; returns the previous one. */
    public static Function<String, String> env(Function<String, String> f) {
        Function<String, String> old = MeasureCommand.Access.env;
        MeasureCommand.Access.env = f;
        return old;
    }
}
