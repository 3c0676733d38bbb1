package io.promplan.pricing;

import io.promplan.core.price.Price;
import io.promplan.core.price.PriceCatalog;
import io.promplan.core.price.PriceId;
import io.promplan.core.price.PriceStatus;
import io.promplan.core.price.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two snapshots, price by price: old -> new for a changed price, and prices that
 * appeared (missing or absent before) or vanished (missing or absent now).
 */
public final class SnapshotDiff {
    public enum Kind { CHANGED, APPEARED, VANISHED }

    /** One price that differs. {@code before}/{@code after} are the tiers as text ("missing" when missing). */
    public record Change(String region, PriceId id, Kind kind, String before, String after, String unit, String note) {
        public String line() {
            return region + " " + id.id() + ": " + before + " -> " + after + " per " + unit
                    + (kind == Kind.CHANGED ? "" : " (" + kind.name().toLowerCase() + ")") + (note.isEmpty() ? "" : "  [" + note + "]");
        }
    }

    private SnapshotDiff() {
    }

    public static List<Change> between(PriceCatalog before, PriceCatalog after) {
        List<Change> out = new ArrayList<>();
        TreeSet<String> regions = new TreeSet<>();
        if (before != null) {
            regions.addAll(before.regions());
        }
        regions.addAll(after.regions());
        for (String r : regions) {
            Map<PriceId, Price> b = before == null ? Map.of() : before.all().getOrDefault(r, Map.of());
            Map<PriceId, Price> a = after.all().getOrDefault(r, Map.of());
            for (PriceId id : PriceId.values()) {
                Price pb = b.get(id);
                Price pa = a.get(id);
                boolean hadB = pb != null && !pb.isMissing();
                boolean hasA = pa != null && !pa.isMissing();
                String unit = pa != null ? pa.unit() : pb != null ? pb.unit() : id.unit();
                if (!hadB && hasA) {
                    out.add(new Change(r, id, Kind.APPEARED, pb == null ? "absent" : "missing", text(pa), unit, ""));
                } else if (hadB && !hasA) {
                    out.add(new Change(r, id, Kind.VANISHED, text(pb), pa == null ? "absent" : "missing", unit,
                            pa == null ? "" : pa.note()));
                } else if (hadB && (!sameTiers(pb.tiers(), pa.tiers()) || pb.status() != pa.status())) {
                    out.add(new Change(r, id, Kind.CHANGED, text(pb), text(pa), unit, ""));
                }
            }
        }
        return out;
    }

    /** The tiers as text: "0.04048", or "0..10000 0.30 | 10000..250000 0.10 | ..."; a non-verified status is appended. */
    public static String text(Price p) {
        if (p == null || p.isMissing()) {
            return "missing";
        }
        String t;
        if (p.tiers().size() == 1) {
            t = plain(p.tiers().get(0).usd());
        } else {
            List<String> parts = new ArrayList<>();
            for (Tier tier : p.tiers()) {
                parts.add(plain(tier.from()) + ".." + (tier.to() == null ? "" : plain(tier.to())) + " " + plain(tier.usd()));
            }
            t = String.join(" | ", parts);
        }
        return p.status() == PriceStatus.VERIFIED ? t : t + " (" + p.status().name().toLowerCase() + ")";
    }

    private static String plain(java.math.BigDecimal d) {
        java.math.BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static boolean sameTiers(List<Tier> a, List<Tier> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Tier x = a.get(i);
            Tier y = b.get(i);
            if (x.from().compareTo(y.from()) != 0 || x.usd().compareTo(y.usd()) != 0
                    || (x.to() == null) != (y.to() == null) || (x.to() != null && x.to().compareTo(y.to()) != 0)) {
                return false;
            }
        }
        return Objects.equals(a.size(), b.size());
    }
}
