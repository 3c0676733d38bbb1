package io.promplan.pricing.match;

import io.promplan.core.price.PriceId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one {@link PriceId} is found in the AWS Price List, shared by the live refresh (GetProducts) and the
 * bulk offer-file import: same service code, same product family, the region in the service's region
 * attribute, the usage type matched by an ANCHORED pattern {@code ^([A-Z0-9]+-)?<ending>$} (so that
 * {@code USE1-Fargate-Windows-GB-Hours} or {@code SpotUsage:Fargate-...} never pass for
 * {@code Fargate-GB-Hours}), and every attribute of the id equal.
 */
public record PriceRule(PriceId id, String regionField, Pattern usageType, String note) {
    private static final Map<PriceId, PriceRule> RULES = new EnumMap<>(PriceId.class);

    static {
        for (PriceId id : PriceId.values()) {
            String regionField = "AWSDataTransfer".equals(id.serviceCode()) ? "fromRegionCode" : "regionCode";
            Pattern p = Pattern.compile("^([A-Z0-9]+-)?" + Pattern.quote(id.usageTypeSuffix()) + "$");
            RULES.put(id, new PriceRule(id, regionField, p, noteFor(id)));
        }
    }

    /** Facts the price list does not say, kept with every refreshed price (free tiers billed outside the list). */
    private static String noteFor(PriceId id) {
        return switch (id) {
            case AMP_STORAGE -> "the first 10 GB free are not in the price list and not counted";
            case AMP_QUERY -> "the 200B free query samples are not in the price list and not counted";
            case CW_DASHBOARD, CW_METRIC, CW_ALARM -> "the CloudWatch free tier is not in the price list; the cost model applies it";
            case FARGATE_EPHEMERAL -> "20 GB per task are included and not in the price list; the cost model bills only storage above them";
            case S3_REQUESTS_TIER1, S3_REQUESTS_TIER2 -> "DELETE and CANCEL requests are free and not in this price; the S3 free tier of new accounts is not counted";
            default -> "";
        };
    }

    public static PriceRule of(PriceId id) {
        return RULES.get(id);
    }

    public static List<PriceRule> all() {
        return List.copyOf(RULES.values());
    }

    /** The service codes the model needs. */
    public static Set<String> serviceCodes() {
        Set<String> s = new LinkedHashSet<>();
        Arrays.stream(PriceId.values()).forEach(id -> s.add(id.serviceCode()));
        return s;
    }

    /** One GetProducts query: a service code, its region attribute and a product family. */
    public record Query(String serviceCode, String regionField, String productFamily) {
        public List<PriceRule> rules() {
            return RULES.values().stream().filter(r -> r.id().serviceCode().equals(serviceCode)
                    && r.id().productFamily().equals(productFamily)).toList();
        }
    }

    /** The distinct (service code, product family) queries that cover every price id, in PriceId order. */
    public static List<Query> queries() {
        Set<Query> qs = new LinkedHashSet<>();
        for (PriceRule r : RULES.values()) {
            qs.add(new Query(r.id().serviceCode(), r.regionField(), r.id().productFamily()));
        }
        return new ArrayList<>(qs);
    }

    /** The key without the region: service code, family and usage type and attributes. */
    public boolean matchesKey(PriceItem item) {
        if (!id.serviceCode().equals(item.serviceCode()) || !id.productFamily().equals(item.productFamily())) {
            return false;
        }
        if (!usageType.matcher(item.usageType()).matches()) {
            return false;
        }
        for (Map.Entry<String, String> a : id.attributes().entrySet()) {
            if (!a.getValue().equals(item.attribute(a.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The region an item prices (empty when it names none). */
    public String regionOf(PriceItem item) {
        return item.attribute(regionField);
    }

    public boolean matches(PriceItem item, String region) {
        return region.equals(regionOf(item)) && matchesKey(item);
    }

    /** The anchored pattern as text, for messages. */
    public String patternText() {
        return usageType.pattern();
    }
}
