package io.promplan.measure;

/** A response body that is not valid Prometheus text format or OpenMetrics, at a given line (0 when the body as a whole is wrong). */
public final class ExpositionException extends Exception {
    private final long line;

    public ExpositionException(long line, String message) {
        super((line > 0 ? "line " + line + ": " : "") + message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
