package io.promplan.pricing.offers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.core.price.PriceId;
import io.promplan.io.InputFileException;
import io.promplan.pricing.match.ItemParser;
import io.promplan.pricing.match.OnDemandTerm;
import io.promplan.pricing.match.PriceCollector;
import io.promplan.pricing.match.PriceItem;
import io.promplan.pricing.match.PriceListFormatException;
import io.promplan.pricing.match.PriceMatchException;
import io.promplan.pricing.match.PriceRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Imports AWS bulk offer files ({@code offers/v1.0/aws/<service>/current/<region>/index.json}) with
 * Jackson's streaming parser: products and on-demand terms are two maps joined by SKU; only the products
 * whose attributes can match a {@link PriceId} are kept (a handful per file), every other product and
 * term is skipped token by token, so memory stays bounded whatever the file size (the AmazonEC2 file is
 * several GB). Products usually precede terms; when a file puts terms first, a second pass reads them.
 */
public final class OfferFileImporter {
    public static final String SOURCE = "AWS bulk offer file";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** Progress: bytes read of the current file, its size, and which file. */
    @FunctionalInterface
    public interface Progress {
        void step(long bytesRead, long bytesTotal, String file);
    }

    /** What one file held. */
    public record FileResult(Path file, String offerCode, String version, String publicationDate, Set<String> regions,
                             long bytes, long products, long productsKept, long termsRead) {
    }

    /** The resolved prices per region (only the ids of the service codes the files cover) and per-file facts. */
    public record Result(Map<String, Map<PriceId, PriceCollector.Resolved>> prices, List<FileResult> files) {
    }

    private OfferFileImporter() {
    }

    public static Result importFiles(List<Path> files, Progress progress, BooleanSupplier cancelled)
            throws InputFileException, PriceMatchException, IOException, InterruptedException {
        PriceCollector collector = new PriceCollector(List.of());
        List<FileResult> results = new ArrayList<>();
        // region -> service codes covered, and a note per (region, service) for missing prices
        Map<String, Map<String, String>> covered = new TreeMap<>();
        for (Path f : files) {
            FileResult r = readFile(f, collector, progress, cancelled);
            results.add(r);
            for (String region : r.regions()) {
                covered.computeIfAbsent(region, k -> new LinkedHashMap<>()).put(r.offerCode(),
                        r.file() + " (" + r.offerCode() + ", version " + r.version() + ")");
            }
        }
        Map<String, Map<PriceId, PriceCollector.Resolved>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : covered.entrySet()) {
            String region = e.getKey();
            List<PriceId> ids = Arrays.stream(PriceId.values()).filter(id -> e.getValue().containsKey(id.serviceCode())).toList();
            var resolved = collector.resolve(List.of(region), ids, SOURCE, (rg, id) -> "the offer file " + e.getValue().get(id.serviceCode())
                    + " has no product matching " + id.keyText() + " in " + rg + " (usage type " + PriceRule.of(id).patternText()
                    + "): not offered in this region");
            out.put(region, resolved.get(region));
        }
        return new Result(out, results);
    }

    private static final class State {
        String offerCode = "";
        String version = "";
        String publicationDate = "";
        final Map<String, PriceItem> kept = new HashMap<>();
        final Map<String, List<PriceRule>> keptRules = new HashMap<>();
        final Map<String, List<OnDemandTerm>> terms = new HashMap<>();
        final Set<String> regions = new TreeSet<>();
        long products;
        long termsRead;
        boolean productsSeen;
        boolean termsSkipped;
    }

    private static FileResult readFile(Path file, PriceCollector collector, Progress progress, BooleanSupplier cancelled)
            throws InputFileException, IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            throw new InputFileException(file.toString(), 0, "", "no such offer file");
        }
        long size = Files.size(file);
        State st = new State();
        pass(file, size, collector, st, progress, cancelled, false);
        if (st.termsSkipped) {
            pass(file, size, collector, st, progress, cancelled, true);
        }
        if (st.offerCode.isEmpty()) {
            throw new InputFileException(file.toString(), 0, "offerCode", "missing: an AWS bulk offer file (offers/v1.0/aws/<service>/current/<region>/index.json) names its service");
        }
        if (!PriceRule.serviceCodes().contains(st.offerCode)) {
            throw new InputFileException(file.toString(), 0, "offerCode", "is " + st.offerCode + "; Promplan uses prices of "
                    + String.join(", ", PriceRule.serviceCodes()));
        }
        if (!st.productsSeen) {
            throw new InputFileException(file.toString(), 0, "products", "missing: not an AWS bulk offer file");
        }
        for (Map.Entry<String, PriceItem> e : st.kept.entrySet()) {
            PriceItem p = e.getValue();
            PriceItem dated = new PriceItem(p.sku(), p.serviceCode(), p.productFamily(), p.attributes(), st.publicationDate);
            List<OnDemandTerm> t = st.terms.getOrDefault(e.getKey(), List.of());
            for (PriceRule r : st.keptRules.get(e.getKey())) {
                collector.add(r, dated, t);
            }
        }
        progress.step(size, size, file.toString());
        return new FileResult(file, st.offerCode, st.version, st.publicationDate, st.regions, size, st.products, st.kept.size(), st.termsRead);
    }

    private static void pass(Path file, long size, PriceCollector collector, State st, Progress progress, BooleanSupplier cancelled,
                             boolean termsOnly) throws InputFileException, IOException, InterruptedException {
        String name = file.toString();
        try (JsonParser p = FACTORY.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputFileException(name, line(p), "", "is not an AWS bulk offer file (a JSON object)");
            }
            long tick = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "offerCode" -> st.offerCode = p.getValueAsString("");
                    case "version" -> st.version = p.getValueAsString("");
                    case "publicationDate" -> st.publicationDate = p.getValueAsString("");
                    case "products" -> {
                        if (termsOnly) {
                            p.skipChildren();
                            break;
                        }
                        expectObject(p, v, name, "products");
                        st.productsSeen = true;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String sku = p.currentName();
                            JsonToken pv = p.nextToken();
                            expectObject(p, pv, name, "products." + sku);
                            int at = line(p);
                            st.products++;
                            PriceItem item = readProduct(p, st, name, at, sku);
                            if (item == null) {
                                if (++tick % 4096 == 0) {
                                    check(cancelled);
                                    progress.step(offset(p), size, name);
                                }
                                continue;
                            }
                            List<PriceRule> rules = collector.rulesFor(item);
                            if (!rules.isEmpty()) {
                                st.kept.put(item.sku(), item);
                                st.keptRules.put(item.sku(), rules);
                            }
                            if (++tick % 4096 == 0) {
                                check(cancelled);
                                progress.step(offset(p), size, name);
                            }
                        }
                    }
                    case "terms" -> {
                        expectObject(p, v, name, "terms");
                        if (!st.productsSeen) {
                            st.termsSkipped = true;
                            p.skipChildren();
                            break;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String termType = p.currentName();
                            JsonToken tv = p.nextToken();
                            if (!"OnDemand".equals(termType)) {
                                p.skipChildren();
                                continue;
                            }
                            expectObject(p, tv, name, "terms.OnDemand");
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String sku = p.currentName();
                                p.nextToken();
                                if (st.kept.containsKey(sku)) {
                                    int at = line(p);
                                    JsonNode node = JSON.readTree(p);
                                    try {
                                        st.terms.put(sku, ItemParser.onDemandTerms(node, sku));
                                    } catch (PriceListFormatException e) {
                                        throw new InputFileException(name, at, "terms.OnDemand." + sku, e.getMessage());
                                    }
                                    st.termsRead++;
                                } else {
                                    p.skipChildren();
                                }
                                if (++tick % 4096 == 0) {
                                    check(cancelled);
                                    progress.step(offset(p), size, name);
                                }
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new InputFileException(name, l == null ? 0 : l.getLineNr(), "", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads one product token by token into a small map (no tree). Returns null, having only noted its region, for a
     * product whose service code and product family no price id has: the large majority, which is why this is fast.
     */
    private static PriceItem readProduct(JsonParser p, State st, String name, int at, String key) throws IOException, InputFileException {
        String sku = null;
        String family = "";
        Map<String, String> attrs = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "sku" -> sku = p.getValueAsString();
                case "productFamily" -> family = p.getValueAsString("");
                case "attributes" -> {
                    if (t != JsonToken.START_OBJECT) {
                        throw new InputFileException(name, at, "products." + key + ".attributes", "must be a JSON object");
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        JsonToken v = p.nextToken();
                        if (v.isStructStart()) {
                            p.skipChildren();
                        } else {
                            attrs.put(k, p.getValueAsString(""));
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (sku == null || sku.isEmpty()) {
            throw new InputFileException(name, at, "products." + key, "has no sku");
        }
        String sc = attrs.getOrDefault("servicecode", st.offerCode);
        if (PriceRule.serviceCodes().contains(sc)) {
            String region = attrs.getOrDefault("AWSDataTransfer".equals(sc) ? "fromRegionCode" : "regionCode", "");
            if (!region.isEmpty()) {
                st.regions.add(region);
            }
        }
        if (!FAMILIES.contains(sc + "|" + family)) {
            return null;
        }
        return new PriceItem(sku, sc, family, attrs, st.publicationDate);
    }

    private static final Set<String> FAMILIES = familyKeys();

    private static Set<String> familyKeys() {
        Set<String> s = new java.util.HashSet<>();
        for (PriceRule.Query q : PriceRule.queries()) {
            s.add(q.serviceCode() + "|" + q.productFamily());
        }
        return s;
    }

    private static void expectObject(JsonParser p, JsonToken t, String name, String field) throws InputFileException {
        if (t != JsonToken.START_OBJECT) {
            throw new InputFileException(name, line(p), field, "must be a JSON object");
        }
    }

    private static void check(BooleanSupplier cancelled) throws InterruptedException {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("import cancelled");
        }
    }

    private static int line(JsonParser p) {
        return p.currentLocation().getLineNr();
    }

    private static long offset(JsonParser p) {
        return p.currentLocation().getByteOffset();
    }
}
