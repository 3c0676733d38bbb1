package io.promplan.core.price;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tier of a unit price: quantities from {@code from} (inclusive) up to {@code to} (exclusive,
 * null = unbounded) cost {@code usd} per unit. Full precision.
 */
public record Tier(BigDecimal from, BigDecimal to, BigDecimal usd) {
    public Tier {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(usd, "usd");
        if (from.signum() < 0) {
            throw new IllegalArgumentException("tier start below zero: " + from);
        }
        if (to != null && to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("tier end " + to + " not above its start " + from);
        }
        if (usd.signum() < 0) {
            throw new IllegalArgumentException("negative unit price: " + usd);
        }
    }

    public static Tier flat(BigDecimal usd) {
        return new Tier(BigDecimal.ZERO, null, usd);
    }
}
