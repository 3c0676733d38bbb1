package io.promplan.service;

/** A price refresh or import that wrote nothing: the previous snapshot is in use, unchanged. */
public final class PriceRefreshException extends Exception {
    public enum Kind {
        /** An option or a file the user gave is not usable (exit code 2). */
        BAD_INPUT,
        /** The Price List, the network, credentials or the disk failed (exit code 1). */
        FAILURE,
        /** Cancelled by the user. */
        CANCELLED
    }

    private final Kind kind;

    public PriceRefreshException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
