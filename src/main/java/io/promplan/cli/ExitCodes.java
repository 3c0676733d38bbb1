package io.promplan.cli;

/** What the exit code of a command means. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** Something outside the user's input failed (network, disk, a service): the cause is printed. */
    public static final int FAILURE = 1;
    /** The input is not usable (file, field, option): the message names it and what is allowed. */
    public static final int BAD_INPUT = 2;
    /** {@code promplan check}: the running stack has outgrown its plan (for cron and CI); the figures that crossed are printed. */
    public static final int OUTGROWN = 3;
    /** A bug in Promplan (an exception no input should cause; 70 is EX_SOFTWARE of sysexits.h): the message says so; PROMPLAN_DEBUG=1 prints the stack trace. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
