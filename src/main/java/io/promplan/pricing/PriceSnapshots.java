package io.promplan.pricing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promplan.core.price.Price;
import io.promplan.core.price.PriceCatalog;
import io.promplan.core.price.PriceId;
import io.promplan.core.price.PriceStatus;
import io.promplan.core.price.Tier;
import io.promplan.io.AtomicFiles;
import io.promplan.io.InputFileException;
import io.promplan.io.InputFiles;
import io.promplan.io.Texts;
import io.promplan.io.LocatedNode;
import io.promplan.io.Locations;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads and writes the price snapshot format (pricing-data/README.md): one JSON file per snapshot,
 * named {@code prices-YYYY-MM-DD[THHMMSSZ].json}; in a folder, the newest name is the one in use.
 * Writing is atomic (temporary file, then a move), so a failed write never leaves half a snapshot.
 */
public final class PriceSnapshots {
    public static final String FORMAT = "promplan-prices";
    public static final int FORMAT_VERSION = 1;
    public static final Pattern FILE_NAME = Pattern.compile("prices-\\d{4}-\\d{2}-\\d{2}(T\\d{6}Z)?\\.json");
    private static final ObjectMapper JSON = Locations.jsonMapper();

    private PriceSnapshots() {
    }

    /** The snapshot in use in a folder (newest file name), or a file given directly. */
    public static PriceSnapshot load(Path dirOrFile) throws InputFileException {
        if (Files.isDirectory(dirOrFile)) {
            List<Path> files = list(dirOrFile);
            if (files.isEmpty()) {
                throw new InputFileException(dirOrFile.toString(), 0, "", "holds no price snapshot (files named prices-YYYY-MM-DD.json)");
            }
            return read(files.get(files.size() - 1));
        }
        if (Files.exists(dirOrFile)) {
            return read(dirOrFile);
        }
        throw new InputFileException(dirOrFile.toString(), 0, "", "no such price snapshot file or folder");
    }

    /** The snapshot files of a folder, oldest first. */
    public static List<Path> list(Path dir) throws InputFileException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                // A name with an impossible date (prices-2026-13-45.json) is not a snapshot: it would sort as the newest.
                if (isSnapshotName(p.getFileName().toString())) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new InputFileException(dir.toString(), 0, "", "cannot be listed: " + Texts.reason(e));
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }

    /** A snapshot file name whose date (and time) exist: prices-2026-11-26.json, prices-2026-11-26T101500Z.json. */
    public static boolean isSnapshotName(String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            return false;
        }
        try {
            java.time.LocalDate.parse(name.substring(7, 17));
            if (name.charAt(17) == 'T') {
                java.time.LocalTime.parse(name.substring(18, 20) + ":" + name.substring(20, 22) + ":" + name.substring(22, 24));
            }
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    public static PriceSnapshot read(Path file) throws InputFileException {
        String text = InputFiles.readText(file, InputFiles.SNAPSHOT_LIMIT, "a price snapshot file (prices-YYYY-MM-DD.json)");
        return parse(text, file);
    }

    public static PriceSnapshot parse(String text, Path file) throws InputFileException {
        String name = file.toString();
        Locations.Parsed parsed = Locations.parse(JSON, text, name, "JSON");
        if (parsed.root() == null || !parsed.root().isObject()) {
            throw new InputFileException(name, 1, "", "is not a price snapshot (a JSON object with format \"" + FORMAT + "\")");
        }
        LocatedNode r = new LocatedNode(parsed.root(), "", name, parsed.lines());
        r.rejectUnknown(Set.of("format", "formatVersion", "name", "asOf", "retrievedAt", "description", "regions"));
        String format = r.text("format", null);
        if (!FORMAT.equals(format)) {
            throw r.get("format").error("is '" + format + "'; a price snapshot says \"" + FORMAT + "\"");
        }
        int v = r.integer("formatVersion", null);
        if (v != FORMAT_VERSION) {
            throw r.get("formatVersion").error("is " + v + "; this Promplan reads version " + FORMAT_VERSION);
        }
        String snapName = r.text("name", file.getFileName().toString());
        String asOf = r.text("asOf", null);
        String retrieved = r.text("retrievedAt", "");
        String description = r.text("description", "");
        LocatedNode regions = r.object("regions");
        if (regions.isMissing() || regions.keys().isEmpty()) {
            throw regions.error("must hold at least one region");
        }
        Map<String, Map<PriceId, Price>> byRegion = new TreeMap<>();
        for (String region : regions.keys()) {
            LocatedNode rn = regions.object(region);
            Map<PriceId, Price> prices = new EnumMap<>(PriceId.class);
            for (String id : rn.keys()) {
                LocatedNode pn = rn.object(id);
                PriceId pid = PriceId.byId(id).orElseThrow(() -> pn.error("unknown price id; known: "
                        + String.join(", ", java.util.Arrays.stream(PriceId.values()).map(PriceId::id).toList())));
                prices.put(pid, price(pn, pid, region));
            }
            byRegion.put(region, prices);
        }
        return new PriceSnapshot(file, new PriceCatalog(snapName, asOf, retrieved, byRegion), description);
    }

    private static Price price(LocatedNode n, PriceId id, String region) throws InputFileException {
        n.rejectUnknown(Set.of("serviceCode", "productFamily", "usageType", "attributes", "unit", "tiers", "status", "source", "sourceDate", "note",
                "sku", "observedUsageType", "publicationDate"));
        String statusText = n.text("status", null);
        PriceStatus status;
        try {
            status = PriceStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw n.get("status").error("is '" + statusText + "'; allowed: verified | assumed | missing");
        }
        String sc = n.text("serviceCode", id.serviceCode());
        String ut = n.text("usageType", id.usageTypeSuffix());
        if (!sc.equals(id.serviceCode()) || !ut.equals(id.usageTypeSuffix())) {
            throw n.error("key " + sc + "/" + ut + " does not match price id " + id.id() + " (" + id.keyText() + ")");
        }
        List<Tier> tiers = new ArrayList<>();
        List<LocatedNode> tn = n.list("tiers");
        for (LocatedNode t : tn) {
            t.rejectUnknown(Set.of("from", "to", "usd"));
            BigDecimal from = t.decimal("from", true);
            BigDecimal to = t.decimal("to", false);
            BigDecimal usd = t.decimal("usd", true);
            try {
                tiers.add(new Tier(from, to, usd));
            } catch (IllegalArgumentException e) {
                throw t.error(e.getMessage());
            }
        }
        if (status != PriceStatus.MISSING && tiers.isEmpty()) {
            throw n.get("tiers").error("a " + statusText + " price needs at least one tier ({\"from\": \"0\", \"to\": null, \"usd\": \"0.04048\"})");
        }
        if (!tiers.isEmpty() && tiers.get(tiers.size() - 1).to() != null) {
            throw n.get("tiers").error("the last tier must be open-ended (\"to\": null)");
        }
        try {
            return new Price(id, region, n.text("unit", id.unit()), status == PriceStatus.MISSING ? List.of() : tiers, status,
                    n.text("source", ""), n.text("sourceDate", ""), n.text("note", ""));
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }

    /** Extra facts a refresh records per price (SKU, the usage type as observed, publication date). */
    public record Observed(String sku, String usageType, String publicationDate) {
    }

    /**
     * The observed facts (SKU, usage type, publication date) a snapshot file records, by "region/id", so that
     * a refresh of other regions keeps them as they were. An unreadable file gives an empty map.
     */
    public static Map<String, Observed> observed(Path file) {
        Map<String, Observed> out = new LinkedHashMap<>();
        try {
            com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(InputFiles.readText(file, InputFiles.SNAPSHOT_LIMIT, "a price snapshot"));
            root.path("regions").fields().forEachRemaining(r -> r.getValue().fields().forEachRemaining(p -> {
                com.fasterxml.jackson.databind.JsonNode n = p.getValue();
                if (n.hasNonNull("sku")) {
                    out.put(r.getKey() + "/" + p.getKey(), new Observed(n.path("sku").asText(""),
                            n.path("observedUsageType").asText(""), n.path("publicationDate").asText("")));
                }
            }));
        } catch (IOException | InputFileException e) {
            return Map.of();
        }
        return out;
    }

    public static String toJson(PriceCatalog c, String description, Map<String, Observed> observed) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("name", c.snapshotName());
        root.put("asOf", c.asOf());
        root.put("retrievedAt", c.retrievedAt());
        root.put("description", description == null ? "" : description);
        ObjectNode regions = root.putObject("regions");
        for (Map.Entry<String, Map<PriceId, Price>> r : c.all().entrySet()) {
            ObjectNode rn = regions.putObject(r.getKey());
            for (PriceId id : PriceId.values()) {
                Price p = r.getValue().get(id);
                if (p == null) {
                    continue;
                }
                putPrice(rn.putObject(id.id()), p, observed == null ? null : observed.get(r.getKey() + "/" + id.id()));
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One price as the snapshot format writes it: key, unit, tiers (decimal strings), status, source,
     * date, note and, when a refresh observed them, SKU, usage type and publication date.
     */
    public static void putPrice(ObjectNode pn, Price p, Observed o) {
        PriceId id = p.id();
        pn.put("serviceCode", id.serviceCode());
        pn.put("productFamily", id.productFamily());
        pn.put("usageType", id.usageTypeSuffix());
        ObjectNode attrs = pn.putObject("attributes");
        new TreeMap<>(id.attributes()).forEach(attrs::put);
        pn.put("unit", p.unit());
        ArrayNode tiers = pn.putArray("tiers");
        for (Tier t : p.tiers()) {
            ObjectNode tn = tiers.addObject();
            tn.put("from", t.from().toPlainString());
            if (t.to() == null) {
                tn.putNull("to");
            } else {
                tn.put("to", t.to().toPlainString());
            }
            tn.put("usd", t.usd().toPlainString());
        }
        pn.put("status", p.status().name().toLowerCase(Locale.ROOT));
        pn.put("source", p.source());
        pn.put("sourceDate", p.sourceDate());
        pn.put("note", p.note());
        if (o != null) {
            pn.put("sku", o.sku());
            pn.put("observedUsageType", o.usageType());
            pn.put("publicationDate", o.publicationDate());
        }
    }

    /** Writes atomically: a temporary file in the same folder, then a move. */
    public static void writeAtomically(Path file, String content) throws IOException {
        AtomicFiles.writeString(file, content);
    }

    /** Price id -> price, for diffs: "region/id" keys in a stable order. */
    public static Map<String, Price> flatten(PriceCatalog c) {
        Map<String, Price> out = new LinkedHashMap<>();
        c.all().forEach((r, m) -> m.forEach((id, p) -> out.put(r + "/" + id.id(), p)));
        return out;
    }
}
