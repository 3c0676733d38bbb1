package io.promplan.core.price;

/** How far a unit price can be trusted. */
public enum PriceStatus {
    /** Taken from the AWS Price List (or a dated extraction of it) for this region. */
    VERIFIED,
    /** Not verified for this region: an explicit assumption that every output shows as such. */
    ASSUMED,
    /** No price known: every line that needs it is reported missing, never counted as zero. */
    MISSING
}
