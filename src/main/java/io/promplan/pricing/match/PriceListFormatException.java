package io.promplan.pricing.match;

/** A price list item that cannot be read (bad JSON, a missing field, a price that is not a number). */
public final class PriceListFormatException extends Exception {
    public PriceListFormatException(String message) {
        super(message);
    }

    public PriceListFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
