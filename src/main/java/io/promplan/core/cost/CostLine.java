package io.promplan.core.cost;

import io.promplan.core.money.Money;
import io.promplan.core.price.Price;
import io.promplan.core.price.PriceStatus;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One priced line: quantity x unit price = monthly cost, with the price and where it came from.
 * {@code key} identifies the line ({@code fargate:prometheus:vcpu}); {@code component} groups lines
 * for charts; a line whose price is missing has no monthly cost and says so.
 *
 * <p>Made by {@link Pricer} from a {@link CostDemand}.
 *
 * @param quantityFormula how the quantity was computed, as data (the renderers write it in the reader's language)
 * @param note what the reader should know about the line, as data ({@link Formula#NONE} for nothing)
 */
public record CostLine(String key, String component, String item, BigDecimal quantity, String unit, Price price,
                       Money monthly, Formula quantityFormula, Formula note) {

    public boolean isMissing() {
        return price.isMissing();
    }

    public PriceStatus status() {
        return price.status();
    }

    /** The first-tier (or flat) unit price, empty when missing. */
    public Optional<BigDecimal> unitPriceUsd() {
        return price.isMissing() ? Optional.empty() : Optional.of(price.firstTierUsd());
    }

    /** The effective unit price for a tiered line (monthly / quantity), else the flat price. */
    public Optional<BigDecimal> effectiveUnitPriceUsd() {
        if (price.isMissing()) {
            return Optional.empty();
        }
        if (!price.isTiered() || quantity.signum() == 0) {
            return Optional.of(price.firstTierUsd());
        }
        return Optional.of(monthly.amount().divide(quantity, java.math.MathContext.DECIMAL64));
    }

    /** The monthly cost rounded to cents, or empty when the price is missing. */
    public Optional<Money> monthlyRounded() {
        return monthly == null ? Optional.empty() : Optional.of(monthly.rounded());
    }
}
