package io.promplan.export;

/** A plan that cannot be exported, or an output folder that cannot be used: the message says why and what to do. */
public final class ExportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
