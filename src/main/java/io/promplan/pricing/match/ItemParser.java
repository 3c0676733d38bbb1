package io.promplan.pricing.match;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads price list items with Jackson: the product (SKU, family, attributes) and the on-demand terms.
 * Map keys (term codes, rate codes) are iterated, never assumed; prices and ranges are read as BigDecimal
 * from their decimal strings; "Inf" is an open end. Reserved terms are ignored.
 */
public final class ItemParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemParser() {
    }

    /** One GetProducts entry: the product and, unparsed, its OnDemand terms. */
    public record Entry(PriceItem item, JsonNode onDemand) {
    }

    /** Parses one string of a GetProducts PriceList. */
    public static Entry getProductsEntry(String json, String serviceCode) throws PriceListFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PriceListFormatException("an item of " + serviceCode + " is not valid JSON: " + e.getOriginalMessage()
                    + " (starts: " + abbreviate(json) + ")");
        }
        if (root == null || !root.isObject() || !root.path("product").isObject()) {
            throw new PriceListFormatException("an item of " + serviceCode + " has no \"product\" object (starts: " + abbreviate(json) + ")");
        }
        String sc = root.path("serviceCode").asText(serviceCode);
        PriceItem item = product(root.get("product"), sc, root.path("publicationDate").asText(""));
        return new Entry(item, root.path("terms").path("OnDemand"));
    }

    /** The product object of an item or of an offer file's products map. */
    public static PriceItem product(JsonNode product, String serviceCode, String publicationDate) throws PriceListFormatException {
        String sku = product.path("sku").asText("");
        if (sku.isEmpty()) {
            throw new PriceListFormatException("a product of " + serviceCode + " has no sku");
        }
        JsonNode attrs = product.path("attributes");
        Map<String, String> a = new LinkedHashMap<>();
        if (attrs.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                a.put(e.getKey(), e.getValue().asText(""));
            }
        } else if (!attrs.isMissingNode()) {
            throw new PriceListFormatException("SKU " + sku + ": \"attributes\" is not an object");
        }
        String sc = a.getOrDefault("servicecode", serviceCode);
        return new PriceItem(sku, sc.isEmpty() ? serviceCode : sc, product.path("productFamily").asText(""), a, publicationDate);
    }

    /**
     * The on-demand terms of one SKU: {@code {<sku>.<term>: {priceDimensions: {...}}}} (GetProducts, and an
     * offer file's {@code terms.OnDemand.<sku>}). Missing terms give an empty list.
     */
    public static List<OnDemandTerm> onDemandTerms(JsonNode terms, String sku) throws PriceListFormatException {
        List<OnDemandTerm> out = new ArrayList<>();
        if (terms == null || terms.isMissingNode() || terms.isNull()) {
            return out;
        }
        if (!terms.isObject()) {
            throw new PriceListFormatException("SKU " + sku + ": terms.OnDemand is not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = terms.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> t = it.next();
            JsonNode term = t.getValue();
            String code = term.path("offerTermCode").asText(t.getKey());
            JsonNode dims = term.path("priceDimensions");
            if (!dims.isObject()) {
                throw new PriceListFormatException("SKU " + sku + ": term " + t.getKey() + " has no priceDimensions object");
            }
            List<PriceDimension> ds = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> di = dims.fields(); di.hasNext();) {
                Map.Entry<String, JsonNode> d = di.next();
                ds.add(dimension(d.getValue(), sku, d.getKey()));
            }
            out.add(new OnDemandTerm(code, term.path("effectiveDate").asText(""), ds));
        }
        return out;
    }

    private static PriceDimension dimension(JsonNode d, String sku, String rateCode) throws PriceListFormatException {
        String where = "SKU " + sku + ", price dimension " + rateCode;
        JsonNode usd = d.path("pricePerUnit").path("USD");
        if (!usd.isTextual() && !usd.isNumber()) {
            throw new PriceListFormatException(where + ": no pricePerUnit.USD");
        }
        BigDecimal price = decimal(usd.asText(), where + ": pricePerUnit.USD");
        if (price.signum() < 0) {
            throw new PriceListFormatException(where + ": pricePerUnit.USD is negative (" + usd.asText() + ")");
        }
        String begin = d.path("beginRange").asText("0");
        String end = d.path("endRange").asText("Inf");
        BigDecimal b = begin.isEmpty() ? BigDecimal.ZERO : decimal(begin, where + ": beginRange");
        BigDecimal e = end.isEmpty() || end.equalsIgnoreCase("Inf") ? null : decimal(end, where + ": endRange");
        return new PriceDimension(d.path("rateCode").asText(rateCode), d.path("unit").asText(""), b, e, price, d.path("description").asText(""));
    }

    private static BigDecimal decimal(String text, String where) throws PriceListFormatException {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new PriceListFormatException(where + " is '" + text + "', not a decimal number");
        }
    }

    static String abbreviate(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ");
        return t.length() > 60 ? t.substring(0, 60) + "..." : t;
    }
}
