package io.promplan.core.cost;

import io.promplan.core.price.PriceId;
import java.math.BigDecimal;

/**
 * What an alternative demands of one billed item, before any price: a monthly quantity, how it is
 * computed and which price it is billed at. {@link Pricer} turns demands into priced {@link CostLine}s.
 *
 * @param key identifies the line ({@code fargate:prometheus:vcpu})
 * @param component groups lines for charts
 * @param item the line's English name (the renderers name lines from their key in other languages)
 * @param quantityFormula how the quantity is computed
 * @param note what the reader should know about the line ({@link Formula#NONE} for nothing)
 */
public record CostDemand(String key, String component, String item, BigDecimal quantity, PriceId priceId, Formula quantityFormula, Formula note) {

    public static CostDemand of(String key, String component, String item, BigDecimal quantity, PriceId priceId, Formula quantityFormula) {
        return new CostDemand(key, component, item, quantity, priceId, quantityFormula, Formula.NONE);
    }

    public CostDemand withNote(Formula n) {
        return new CostDemand(key, component, item, quantity, priceId, quantityFormula, n);
    }
}
