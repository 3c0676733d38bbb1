package io.promplan.pricing.match;

/**
 * The price list does not let a price be read without guessing: a key that several price dimensions
 * match, tiers with gaps, a unit that cannot be converted. The message names the key and the candidates.
 */
public final class PriceMatchException extends Exception {
    public PriceMatchException(String message) {
        super(message);
    }
}
