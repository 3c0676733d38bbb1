package io.promplan.pricing;

import io.promplan.core.price.Price;
import io.promplan.core.price.PriceCatalog;
import io.promplan.core.price.PriceId;
import io.promplan.io.InputFileException;
import io.promplan.pricing.match.PriceCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a new snapshot next to the previous one: the previous snapshot's prices, with the fresh ones
 * (refreshed regions, or the services an import covered) put over them; every other region and price kept
 * as it was, with its source, date and observed SKU. The new file is checked by reading it back before it
 * is moved into place (atomically); the previous file is never touched.
 */
public final class SnapshotUpdate {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The written snapshot, the one it was made from, and what changed. */
    public record Written(Path file, PriceSnapshot previous, PriceCatalog catalog, List<SnapshotDiff.Change> changes,
                          List<String> updatedRegions, List<String> keptRegions) {
    }

    private SnapshotUpdate() {
    }

    /** The folder snapshots live in: the folder given, or the folder of the file given. */
    public static Path folderOf(Path pricesDirOrFile) {
        return Files.isRegularFile(pricesDirOrFile) ? pricesDirOrFile.toAbsolutePath().getParent() : pricesDirOrFile;
    }

    /** The snapshot in use, or null when the folder holds none yet. */
    public static PriceSnapshot previous(Path pricesDirOrFile) throws InputFileException {
        if (Files.isRegularFile(pricesDirOrFile)) {
            return PriceSnapshots.read(pricesDirOrFile);
        }
        if (!Files.isDirectory(pricesDirOrFile) || PriceSnapshots.list(pricesDirOrFile).isEmpty()) {
            return null;
        }
        return PriceSnapshots.load(pricesDirOrFile);
    }

    /**
     * Merges and writes.
     *
     * @param kind        "refresh" or "import": the snapshot's name starts with it
     * @param asOf        the date the fresh prices are valid for
     * @param description what was read, from where
     */
    public static Written write(Path pricesDirOrFile, Map<String, Map<PriceId, PriceCollector.Resolved>> fresh, String kind,
                                String asOf, Instant retrievedAt, String description) throws InputFileException, IOException {
        PriceSnapshot prev = previous(pricesDirOrFile);
        Path folder = folderOf(pricesDirOrFile);
        Map<String, Map<PriceId, Price>> merged = new TreeMap<>();
        Map<String, PriceSnapshots.Observed> observed = new HashMap<>();
        List<String> kept = new ArrayList<>();
        if (prev != null) {
            prev.catalog().all().forEach((r, m) -> merged.put(r, new EnumMap<>(m.isEmpty() ? new EnumMap<>(PriceId.class) : m)));
            observed.putAll(PriceSnapshots.observed(prev.file()));
            for (String r : prev.catalog().regions()) {
                if (!fresh.containsKey(r)) {
                    kept.add(r);
                }
            }
        }
        for (Map.Entry<String, Map<PriceId, PriceCollector.Resolved>> r : fresh.entrySet()) {
            Map<PriceId, Price> m = merged.computeIfAbsent(r.getKey(), k -> new EnumMap<>(PriceId.class));
            for (Map.Entry<PriceId, PriceCollector.Resolved> e : r.getValue().entrySet()) {
                m.put(e.getKey(), e.getValue().price());
                String key = r.getKey() + "/" + e.getKey().id();
                if (e.getValue().observed() != null) {
                    observed.put(key, e.getValue().observed());
                } else {
                    observed.remove(key);
                }
            }
        }
        String stamp = STAMP.format(retrievedAt);
        String name = kind + "-" + stamp;
        String desc = description + (kept.isEmpty() || prev == null ? ""
                : " Regions kept as they were in " + prev.catalog().snapshotName() + " (" + prev.file().getFileName() + "): "
                + String.join(", ", kept) + ".");
        PriceCatalog catalog = new PriceCatalog(name, asOf, retrievedAt.toString(), merged);
        String json = PriceSnapshots.toJson(catalog, desc, observed);
        Path file = folder.resolve("prices-" + stamp + ".json");
        if (Files.exists(file)) {
            throw new IOException(file + " already exists; run again in a second");
        }
        PriceSnapshots.parse(json, file); // never write a snapshot that cannot be read back
        PriceSnapshots.writeAtomically(file, json);
        List<SnapshotDiff.Change> changes = SnapshotDiff.between(prev == null ? null : prev.catalog(), catalog);
        return new Written(file, prev, catalog, changes, new ArrayList<>(fresh.keySet()), kept);
    }
}
