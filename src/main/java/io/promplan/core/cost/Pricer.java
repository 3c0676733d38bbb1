package io.promplan.core.cost;

import io.promplan.core.money.Money;
import io.promplan.core.price.Price;
import io.promplan.core.price.PriceCatalog;
import java.util.List;

/**
 * Prices demands in one region: quantity x the catalogue's unit price (through its tiers) = the
 * monthly cost at full precision. A price the catalogue does not have stays missing: the line keeps
 * its quantity and the missing price with its key, and has no monthly cost (never zero).
 */
public final class Pricer {
    private final PriceCatalog catalog;
    private final String region;

    public Pricer(PriceCatalog catalog, String region) {
        this.catalog = catalog;
        this.region = region;
    }

    public CostLine price(CostDemand d) {
        return price(d, catalog.price(region, d.priceId()));
    }

    public List<CostLine> price(List<CostDemand> demands) {
        return demands.stream().map(this::price).toList();
    }

    /** A demand at a given price (the price's own region). */
    public static CostLine price(CostDemand d, Price p) {
        Money m = p.isMissing() ? null : Money.usd(p.costOf(d.quantity()));
        return new CostLine(d.key(), d.component(), d.item(), d.quantity(), p.unit().isEmpty() ? p.id().unit() : p.unit(), p, m, d.quantityFormula(), d.note());
    }
}
