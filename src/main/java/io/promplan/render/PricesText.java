package io.promplan.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promplan.core.price.Price;
import io.promplan.core.price.PriceCatalog;
import io.promplan.core.price.PriceStatus;
import io.promplan.pricing.PriceSnapshot;
import io.promplan.pricing.PriceSnapshots;
import io.promplan.pricing.SnapshotDiff;
import io.promplan.pricing.SnapshotUpdate;
import io.promplan.service.PriceRefreshService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Text and JSON for the price commands: the snapshot in use, and what a refresh or import wrote and changed. */
public final class PricesText {
    private PricesText() {
    }

    /** The report of a refresh or an import. */
    public static String outcome(PriceRefreshService.Outcome o) {
        SnapshotUpdate.Written w = o.written();
        StringBuilder sb = new StringBuilder();
        if (o.endpoint().isEmpty()) {
            sb.append("Imported ").append(String.join(", ", w.updatedRegions())).append(" from ").append(o.calls())
                    .append(o.calls() == 1 ? " offer file (" : " offer files (").append(o.items()).append(" products read)\n");
        } else {
            sb.append("Refreshed ").append(String.join(", ", w.updatedRegions())).append(" from the ").append(o.source()).append(" at ")
                    .append(o.endpoint()).append(": ").append(o.calls()).append(" queries, ").append(o.pages()).append(" pages, ")
                    .append(o.items()).append(" items\n");
        }
        sb.append("Retrieved: ").append(o.retrievedAt()).append("; prices as of ").append(w.catalog().asOf()).append('\n');
        if (!o.publicationDates().isEmpty()) {
            sb.append("Publication dates:");
            o.publicationDates().forEach((sc, d) -> sb.append(' ').append(sc).append(' ').append(d).append(';'));
            sb.setLength(sb.length() - 1);
            sb.append('\n');
        }
        sb.append("Wrote ").append(w.file()).append('\n');
        if (w.previous() != null) {
            sb.append("Previous snapshot ").append(w.previous().file()).append(" (").append(w.previous().catalog().snapshotName())
                    .append(") left as it was\n");
            if (!w.keptRegions().isEmpty()) {
                sb.append("Kept as they were in ").append(w.previous().catalog().snapshotName()).append(": ")
                        .append(String.join(", ", w.keptRegions())).append('\n');
            }
        }
        List<SnapshotDiff.Change> ch = w.changes();
        sb.append('\n').append(w.previous() == null ? "Prices (no previous snapshot):" : "Changes against " + w.previous().catalog().snapshotName() + ":")
                .append(ch.isEmpty() ? " none" : "").append('\n');
        for (SnapshotDiff.Change c : ch) {
            sb.append("  ").append(c.line()).append('\n');
        }
        if (!o.missing().isEmpty()) {
            sb.append("\nMissing (reported by every plan, never counted as zero):\n");
            for (String m : o.missing()) {
                sb.append("  ").append(m).append('\n');
            }
        }
        for (String warn : o.warnings()) {
            sb.append("\nWarning: ").append(warn).append('\n');
        }
        return sb.toString();
    }

    /** The prices in use as a table, then what is missing or assumed. */
    public static String show(PriceSnapshot s, String region) {
        PriceCatalog c = s.catalog();
        StringBuilder sb = new StringBuilder();
        sb.append("Price snapshot ").append(c.snapshotName()).append(" (").append(s.file()).append("), as of ").append(c.asOf())
                .append(c.retrievedAt().isEmpty() ? "" : ", retrieved " + c.retrievedAt()).append('\n');
        List<String> regions = region == null ? new ArrayList<>(c.regions()) : List.of(region);
        List<String> attention = new ArrayList<>();
        for (String r : regions) {
            sb.append('\n').append(r).append(c.hasRegion(r) ? "" : " (not in this snapshot: every price is missing)").append('\n');
            TextTable t = new TextTable("price", "key", "unit", "USD (tiers: from..to price)", "status", "source", "date");
            for (Price p : c.prices(r)) {
                t.row(p.id().id(), p.id().keyText(), p.unit(), SnapshotDiff.text(p).replace(" (assumed)", ""), p.status().name().toLowerCase(),
                        p.source(), p.sourceDate());
                if (p.status() != PriceStatus.VERIFIED) {
                    attention.add(r + " " + p.id().id() + " " + p.status().name().toLowerCase() + ": " + p.note());
                }
            }
            sb.append(t.render("  "));
        }
        sb.append('\n').append(attention.isEmpty() ? "Every price is verified.\n" : "Missing or assumed (" + attention.size() + "):\n");
        for (String a : attention) {
            sb.append("  ").append(a).append('\n');
        }
        return sb.toString();
    }

    public static String showJson(PriceSnapshot s, String region) {
        PriceCatalog c = s.catalog();
        JsonNodeFactory f = JsonNodeFactory.withExactBigDecimals(true);
        ObjectNode root = f.objectNode();
        root.put("snapshot", c.snapshotName());
        root.put("file", s.file().toString());
        root.put("asOf", c.asOf());
        root.put("retrievedAt", c.retrievedAt());
        Map<String, PriceSnapshots.Observed> observed = PriceSnapshots.observed(s.file());
        ArrayNode prices = root.putArray("prices");
        List<String> regions = region == null ? new ArrayList<>(c.regions()) : List.of(region);
        for (String r : regions) {
            for (Price p : c.prices(r)) {
                ObjectNode n = prices.addObject();
                n.put("region", r);
                n.put("id", p.id().id());
                PriceSnapshots.putPrice(n, p, observed.get(r + "/" + p.id().id()));
            }
        }
        try {
            return PlanJson.MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
