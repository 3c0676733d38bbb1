package io.promplan.pricing.aws;

/**
 * A GetProducts call that failed (credentials, permission, throttling past the retries, timeout, server
 * error, network). The message says what failed and what to do; it never contains credentials.
 */
public final class PriceListException extends Exception {
    public enum Kind { CREDENTIALS, ACCESS_DENIED, THROTTLED, TIMEOUT, SERVICE, NETWORK, CANCELLED }

    private final Kind kind;

    public PriceListException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
