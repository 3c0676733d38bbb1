package io.promplan.pricing.match;

import java.util.Map;

/**
 * The product part of one AWS Price List item (a GetProducts entry or a product of a bulk offer file):
 * its SKU, service code, product family and attributes. Terms are read only for the items a rule can use.
 */
public record PriceItem(String sku, String serviceCode, String productFamily, Map<String, String> attributes, String publicationDate) {
    public PriceItem {
        sku = sku == null ? "" : sku;
        serviceCode = serviceCode == null ? "" : serviceCode;
        productFamily = productFamily == null ? "" : productFamily;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        publicationDate = publicationDate == null ? "" : publicationDate;
    }

    public String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }

    public String usageType() {
        return attribute("usagetype");
    }
}
