package io.promplan.pricing.match;

import io.promplan.core.price.Price;
import io.promplan.core.price.PriceId;
import io.promplan.core.price.PriceStatus;
import io.promplan.core.price.Tier;
import io.promplan.pricing.PriceSnapshots.Observed;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Gathers, per region and price id, every on-demand term whose item matches the id's rule, then resolves
 * each price: exactly one candidate gives the price (its dimensions are the tiers, sorted numerically, units
 * normalised); none gives a missing price with a note; two or more stop with a message naming the key and
 * every candidate. Used by both the live refresh and the offer-file import.
 */
public final class PriceCollector {
    /** One matching on-demand term of one SKU. */
    public record Candidate(PriceItem item, OnDemandTerm term) {
    }

    /** A resolved price and, when it came from an item, what was observed (SKU, usage type, publication date). */
    public record Resolved(Price price, Observed observed) {
    }

    private final Set<String> regions;
    private final Map<String, Map<PriceId, List<Candidate>>> candidates = new TreeMap<>();
    private final Map<String, String> latestPublication = new TreeMap<>();
    private long itemsSeen;
    private long itemsKept;

    /** Collects for these regions; an empty collection means every region the items name. */
    public PriceCollector(Collection<String> regions) {
        this.regions = new LinkedHashSet<>(regions);
    }

    private boolean wanted(String region) {
        return regions.isEmpty() ? !region.isEmpty() : regions.contains(region);
    }

    /** The rules an item can satisfy for one of the collected regions (empty for a distractor). */
    public List<PriceRule> rulesFor(PriceItem item) {
        itemsSeen++;
        List<PriceRule> out = new ArrayList<>();
        for (PriceRule r : PriceRule.all()) {
            if (wanted(r.regionOf(item)) && r.matchesKey(item)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Records the on-demand terms of an item a rule matched. */
    public void add(PriceRule rule, PriceItem item, List<OnDemandTerm> terms) {
        String region = rule.regionOf(item);
        List<Candidate> list = candidates.computeIfAbsent(region, r -> new EnumMap<>(PriceId.class))
                .computeIfAbsent(rule.id(), i -> new ArrayList<>());
        for (OnDemandTerm t : terms) {
            // the same SKU and term seen twice (a page served again, an item in two answers) is one price dimension set
            boolean seen = list.stream().anyMatch(c -> c.item().sku().equals(item.sku()) && c.term().termCode().equals(t.termCode()));
            if (!seen) {
                list.add(new Candidate(item, t));
            }
        }
        itemsKept++;
        if (!item.publicationDate().isEmpty()) {
            latestPublication.merge(item.serviceCode(), item.publicationDate(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
    }

    public long itemsSeen() {
        return itemsSeen;
    }

    public long itemsKept() {
        return itemsKept;
    }

    /** Service code -> the latest publication date among the items kept. */
    public Map<String, String> publicationDates() {
        return latestPublication;
    }

    public List<Candidate> candidates(String region, PriceId id) {
        return candidates.getOrDefault(region, Map.of()).getOrDefault(id, List.of());
    }

    /**
     * Resolves the given ids in the given regions.
     *
     * @param source      the price's source text ("AWS Price List API (GetProducts)")
     * @param missingNote the note of a price no item matched, from (region, id)
     */
    public Map<String, Map<PriceId, Resolved>> resolve(Collection<String> inRegions, Collection<PriceId> ids, String source,
                                                       BiFunction<String, PriceId, String> missingNote) throws PriceMatchException {
        Map<String, Map<PriceId, Resolved>> out = new java.util.LinkedHashMap<>();
        for (String region : inRegions) {
            Map<PriceId, Resolved> m = new EnumMap<>(PriceId.class);
            for (PriceId id : ids) {
                m.put(id, resolveOne(region, id, source, missingNote));
            }
            out.put(region, m);
        }
        return out;
    }

    private Resolved resolveOne(String region, PriceId id, String source, BiFunction<String, PriceId, String> missingNote)
            throws PriceMatchException {
        PriceRule rule = PriceRule.of(id);
        List<Candidate> cs = candidates(region, id);
        if (cs.isEmpty()) {
            return new Resolved(Price.missing(id, region, missingNote.apply(region, id)), null);
        }
        if (cs.size() > 1) {
            StringBuilder sb = new StringBuilder("price ").append(id.id()).append(" in ").append(region).append(" (")
                    .append(id.keyText()).append(", usage type ").append(rule.patternText()).append(") matches ").append(cs.size())
                    .append(" on-demand terms; it must match exactly one. Candidates: ");
            for (int i = 0; i < cs.size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(describe(cs.get(i)));
            }
            throw new PriceMatchException(sb.toString());
        }
        Candidate c = cs.get(0);
        List<Tier> tiers = tiers(region, id, c);
        String pub = c.item().publicationDate();
        String date = pub.length() >= 10 ? pub.substring(0, 10) : pub;
        Price p = new Price(id, region, id.unit(), tiers, PriceStatus.VERIFIED, source, date, rule.note());
        return new Resolved(p, new Observed(c.item().sku(), c.item().usageType(), pub));
    }

    private static List<Tier> tiers(String region, PriceId id, Candidate c) throws PriceMatchException {
        String where = "price " + id.id() + " in " + region + " (" + id.keyText() + ", SKU " + c.item().sku() + " "
                + c.item().usageType() + ")";
        List<PriceDimension> dims = new ArrayList<>(c.term().dimensions());
        if (dims.isEmpty()) {
            throw new PriceMatchException(where + ": the on-demand term has no price dimension");
        }
        dims.sort(Comparator.comparing(PriceDimension::begin));
        List<Tier> out = new ArrayList<>();
        for (PriceDimension d : dims) {
            BigDecimal f = Units.factor(d.unit(), id.unit()).orElseThrow(() -> new PriceMatchException(where + ": unit '" + d.unit()
                    + "' cannot be converted to " + id.unit() + " (known: " + Units.accepted(id.unit()) + ")"));
            BigDecimal from = scaleDown(d.begin(), f);
            BigDecimal to = d.end() == null ? null : scaleDown(d.end(), f);
            BigDecimal usd = d.usd().multiply(f).stripTrailingZeros();
            if (usd.scale() < 0) {
                usd = usd.setScale(0);
            }
            if (out.isEmpty() && from.signum() != 0) {
                throw new PriceMatchException(where + ": the first tier starts at " + d.begin().toPlainString() + ", not 0");
            }
            if (!out.isEmpty()) {
                BigDecimal prevEnd = out.get(out.size() - 1).to();
                if (prevEnd == null || prevEnd.compareTo(from) != 0) {
                    throw new PriceMatchException(where + ": tiers are not contiguous: " + describeDims(dims));
                }
            }
            try {
                out.add(new Tier(from, to, usd));
            } catch (IllegalArgumentException e) {
                throw new PriceMatchException(where + ": " + e.getMessage());
            }
        }
        if (out.get(out.size() - 1).to() != null) {
            throw new PriceMatchException(where + ": the last tier ends at " + out.get(out.size() - 1).to().toPlainString()
                    + "; it must be open (\"Inf\")");
        }
        return out;
    }

    private static BigDecimal scaleDown(BigDecimal v, BigDecimal f) {
        BigDecimal r = v.divide(f, MathContext.DECIMAL128).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    private static String describe(Candidate c) {
        return "SKU " + c.item().sku() + " " + c.item().usageType() + " [" + c.item().productFamily() + "] term " + c.term().termCode()
                + ": " + describeDims(c.term().dimensions());
    }

    private static String describeDims(List<PriceDimension> dims) {
        StringBuilder sb = new StringBuilder();
        for (PriceDimension d : dims) {
            sb.append(sb.length() == 0 ? "" : ", ").append(d.begin().toPlainString()).append("..")
                    .append(d.end() == null ? "Inf" : d.end().toPlainString()).append(" ").append(d.usd().toPlainString())
                    .append(" per ").append(d.unit());
            if (!d.description().isEmpty()) {
                sb.append(" (\"").append(d.description()).append("\")");
            }
        }
        return sb.toString();
    }
}
