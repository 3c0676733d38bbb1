package io.promplan.core.price;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A unit price for one region, with where it came from. Tiers are sorted and contiguous; a missing
 * price has no tiers.
 */
public record Price(PriceId id, String region, String unit, List<Tier> tiers, PriceStatus status,
                    String source, String sourceDate, String note) {
    public Price {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(status, "status");
        tiers = tiers == null ? List.of() : tiers.stream().sorted(Comparator.comparing(Tier::from)).toList();
        if (status != PriceStatus.MISSING && tiers.isEmpty()) {
            throw new IllegalArgumentException(id.id() + " in " + region + ": a " + status + " price needs at least one tier");
        }
        for (int i = 1; i < tiers.size(); i++) {
            BigDecimal prevEnd = tiers.get(i - 1).to();
            if (prevEnd == null || prevEnd.compareTo(tiers.get(i).from()) != 0) {
                throw new IllegalArgumentException(id.id() + " in " + region + ": tiers are not contiguous at " + tiers.get(i).from());
            }
        }
        source = source == null ? "" : source;
        sourceDate = sourceDate == null ? "" : sourceDate;
        note = note == null ? "" : note;
    }

    public static Price missing(PriceId id, String region, String note) {
        return new Price(id, region, id.unit(), List.of(), PriceStatus.MISSING, "", "", note);
    }

    public boolean isMissing() {
        return status == PriceStatus.MISSING;
    }

    public boolean isTiered() {
        return tiers.size() > 1;
    }

    /** The first tier's unit price (the price of a flat price). */
    public BigDecimal firstTierUsd() {
        if (tiers.isEmpty()) {
            throw new IllegalStateException("price " + id.id() + " is missing in " + region);
        }
        return tiers.get(0).usd();
    }

    /** Cost of a quantity through the tiers, full precision. */
    public BigDecimal costOf(BigDecimal quantity) {
        if (tiers.isEmpty()) {
            throw new IllegalStateException("price " + id.id() + " is missing in " + region);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Tier t : tiers) {
            if (quantity.compareTo(t.from()) <= 0) {
                break;
            }
            BigDecimal upper = t.to() == null ? quantity : quantity.min(t.to());
            total = total.add(upper.subtract(t.from()).multiply(t.usd()));
        }
        return total;
    }

    /** The part of a quantity one tier prices, at that tier's unit price (full precision). */
    public record TierUse(BigDecimal quantity, BigDecimal usd) {
    }

    /** The tiers a quantity goes through, in order, each with the quantity it prices: 10,000 at 0.30 then 5,000 at 0.10. */
    public List<TierUse> tiersOf(BigDecimal quantity) {
        List<TierUse> parts = new ArrayList<>();
        for (Tier t : tiers) {
            if (quantity.compareTo(t.from()) <= 0) {
                break;
            }
            BigDecimal upper = t.to() == null ? quantity : quantity.min(t.to());
            parts.add(new TierUse(upper.subtract(t.from()), t.usd()));
        }
        return parts;
    }

    /** "AWS Price List, 2025-10" or the note of an assumption. */
    public String provenance() {
        String s = source + (sourceDate.isEmpty() ? "" : ", " + sourceDate);
        return status == PriceStatus.VERIFIED ? s : status.name().toLowerCase() + ": " + (note.isEmpty() ? s : note + " (" + s + ")");
    }
}
