package io.promplan.core.price;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The unit prices of a snapshot, by region. A lookup never fails: a price the snapshot lacks comes
 * back as {@link PriceStatus#MISSING} with its key, so that the cost model reports it.
 */
public final class PriceCatalog {
    private final String snapshotName;
    private final String asOf;
    private final String retrievedAt;
    private final Map<String, Map<PriceId, Price>> byRegion;

    public PriceCatalog(String snapshotName, String asOf, String retrievedAt, Map<String, Map<PriceId, Price>> byRegion) {
        this.snapshotName = snapshotName;
        this.asOf = asOf;
        this.retrievedAt = retrievedAt == null ? "" : retrievedAt;
        Map<String, Map<PriceId, Price>> copy = new TreeMap<>();
        byRegion.forEach((r, m) -> copy.put(r, Collections.unmodifiableMap(new EnumMap<>(m.isEmpty() ? new EnumMap<>(PriceId.class) : m))));
        this.byRegion = Collections.unmodifiableMap(copy);
    }

    public String snapshotName() {
        return snapshotName;
    }

    /** The date the prices are valid for ("as of"). */
    public String asOf() {
        return asOf;
    }

    public String retrievedAt() {
        return retrievedAt;
    }

    public Set<String> regions() {
        return byRegion.keySet();
    }

    public boolean hasRegion(String region) {
        return byRegion.containsKey(region);
    }

    public Price price(String region, PriceId id) {
        Map<PriceId, Price> m = byRegion.get(region);
        if (m == null) {
            return Price.missing(id, region, "region " + region + " is not in snapshot " + snapshotName);
        }
        Price p = m.get(id);
        return p != null ? p : Price.missing(id, region, "not in snapshot " + snapshotName);
    }

    public List<Price> prices(String region) {
        Map<PriceId, Price> m = byRegion.getOrDefault(region, Map.of());
        return java.util.Arrays.stream(PriceId.values()).map(id -> m.containsKey(id) ? m.get(id) : price(region, id)).toList();
    }

    public Map<String, Map<PriceId, Price>> all() {
        return byRegion;
    }
}
