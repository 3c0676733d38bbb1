package io.promplan.pricing.aws;

import io.promplan.core.price.PriceId;
import io.promplan.pricing.match.ItemParser;
import io.promplan.pricing.match.PriceCollector;
import io.promplan.pricing.match.PriceItem;
import io.promplan.pricing.match.PriceListFormatException;
import io.promplan.pricing.match.PriceMatchException;
import io.promplan.pricing.match.PriceRule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Reads every price the model uses for some regions through GetProducts: one query per service code and
 * product family, filtered with TERM_MATCH on the region attribute and the product family, every page
 * followed; each item's product is matched by the shared rules ({@link PriceRule}) and only matching items'
 * terms are read. Nothing is written here: the caller writes a snapshot only when everything succeeded.
 */
public final class PriceRefresher {
    public static final String SOURCE = "AWS Price List API (GetProducts)";

    /** Progress: {@code done} of {@code total} queries, and what was just read. */
    @FunctionalInterface
    public interface Progress {
        void step(int done, int total, String message);
    }

    /** What a refresh read: the resolved prices per region, the publication dates, and counts. */
    public record Result(Map<String, Map<PriceId, PriceCollector.Resolved>> prices, Map<String, String> publicationDates,
                         int calls, int pages, long items, Instant retrievedAt, String endpoint) {
    }

    private final PriceListClient client;
    private final Clock clock;

    public PriceRefresher(PriceListClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public Result refresh(List<String> regions, Progress progress, BooleanSupplier cancelled)
            throws PriceListException, PriceListFormatException, PriceMatchException {
        Instant retrievedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        PriceCollector collector = new PriceCollector(regions);
        List<PriceRule.Query> queries = PriceRule.queries();
        int total = regions.size() * queries.size();
        int done = 0;
        int pages = 0;
        long items = 0;
        Map<String, Integer> perQuery = new HashMap<>();
        Map<String, Integer> perService = new HashMap<>();
        for (String region : regions) {
            for (PriceRule.Query q : queries) {
                int[] count = {0};
                List<String[]> filters = List.of(new String[] {q.regionField(), region}, new String[] {"productFamily", q.productFamily()});
                int n = client.getProducts(q.serviceCode(), filters, (page, list) -> {
                    for (String s : list) {
                        count[0]++;
                        ItemParser.Entry e = ItemParser.getProductsEntry(s, q.serviceCode());
                        PriceItem item = e.item();
                        List<PriceRule> rules = collector.rulesFor(item);
                        if (!rules.isEmpty()) {
                            var terms = ItemParser.onDemandTerms(e.onDemand(), item.sku());
                            for (PriceRule r : rules) {
                                collector.add(r, item, terms);
                            }
                        }
                    }
                }, cancelled);
                pages += n;
                items += count[0];
                perQuery.put(region + "|" + q.serviceCode() + "|" + q.productFamily(), count[0]);
                perService.merge(region + "|" + q.serviceCode(), count[0], Integer::sum);
                done++;
                progress.step(done, total, region + ": " + q.serviceCode() + " / " + q.productFamily() + " (" + n + (n == 1 ? " page, " : " pages, ")
                        + count[0] + " items)");
            }
        }
        var resolved = collector.resolve(regions, Arrays.asList(PriceId.values()), SOURCE, (region, id) -> {
            int inService = perService.getOrDefault(region + "|" + id.serviceCode(), 0);
            if (inService == 0) {
                return id.serviceCode() + " has no products for " + region + " in the AWS Price List (GetProducts returned none): "
                        + "the service is not offered in this region";
            }
            int inQuery = perQuery.getOrDefault(region + "|" + id.serviceCode() + "|" + id.productFamily(), 0);
            return "no item of the AWS Price List matched " + id.keyText() + " in " + region + " (GetProducts " + id.serviceCode()
                    + " productFamily=" + id.productFamily() + " returned " + inQuery + " items, none with usage type "
                    + PriceRule.of(id).patternText() + (id.attributes().isEmpty() ? "" : " and " + id.attributes()) + "): not offered in this region";
        });
        return new Result(resolved, new java.util.TreeMap<>(collector.publicationDates()), total, pages, items, retrievedAt,
                client.settings().endpointText());
    }

    /** Keeps the calls a refresh makes visible for tests and docs. */
    public static List<String> plannedCalls(List<String> regions) {
        List<String> out = new ArrayList<>();
        for (String r : regions) {
            for (PriceRule.Query q : PriceRule.queries()) {
                out.add(r + " " + q.serviceCode() + " " + q.regionField() + "=" + r + " productFamily=" + q.productFamily());
            }
        }
        return out;
    }
}
