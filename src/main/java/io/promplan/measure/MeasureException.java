package io.promplan.measure;

/** A source (endpoint, Prometheus) that could not be measured; the message says why in one line, without credentials. */
public final class MeasureException extends Exception {
    public MeasureException(String message) {
        super(message);
    }

    public MeasureException(String message, Throwable cause) {
        super(message, cause);
    }
}
