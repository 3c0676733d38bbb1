package io.promplan.pricing.match;

import java.util.List;

/** One on-demand term of a SKU: its code and its price dimensions (several when the price is tiered). */
public record OnDemandTerm(String termCode, String effectiveDate, List<PriceDimension> dimensions) {
    public OnDemandTerm {
        dimensions = List.copyOf(dimensions);
    }
}
