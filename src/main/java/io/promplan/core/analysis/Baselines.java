package io.promplan.core.analysis;

import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.CostLine;
import io.promplan.core.money.Money;
import io.promplan.core.price.Price;
import io.promplan.core.price.PriceCatalog;
import io.promplan.core.units.Hours;
import io.promplan.core.workload.Baseline;
import io.promplan.core.workload.BaselineLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the plan's lines with the computed ones and splits each difference into its causes:
 * the hours a month the plan used, the quantities (sizing, traffic) it assumed, and the prices of
 * the region it priced with.
 */
public final class Baselines {
    /** Differences up to this are the rounding of the plan's own figures, not a cause. */
    static final BigDecimal ROUNDING = new BigDecimal("0.03");
    private Baselines() {
    }

    public static BaselineComparison compare(Baseline b, Alternative selfHosted, Alternative cwOnly, PriceCatalog catalog, String region) {
        List<BaselineRow> rows = new ArrayList<>();
        for (BaselineLine l : b.lines()) {
            rows.add(row(l, selfHosted, catalog, b.priceRegion(), region));
        }
        List<BaselineRow> cwRows = new ArrayList<>();
        for (BaselineLine l : b.cloudwatchOnlyLines()) {
            cwRows.add(row(l, cwOnly, catalog, b.priceRegion(), region));
        }
        Money low = Money.usd(BigDecimal.valueOf(b.lowUsd()));
        Money high = Money.usd(BigDecimal.valueOf(b.highUsd()));
        Money computed = selfHosted.monthly();
        String summary;
        if (b.lowUsd() == 0 && b.highUsd() == 0) {
            summary = "This scenario carries no baseline of its own.";
        } else if (computed.compareTo(high) > 0) {
            summary = "The computed stack costs " + computed.format() + " a month, " + computed.minus(high).format() + " above the plan's "
                    + low.format() + "-" + high.format() + ".";
        } else if (computed.compareTo(low) < 0) {
            summary = "The computed stack costs " + computed.format() + " a month, " + low.minus(computed).format() + " below the plan's "
                    + low.format() + "-" + high.format() + ".";
        } else {
            summary = "The computed stack costs " + computed.format() + " a month, within the plan's " + low.format() + "-" + high.format() + ".";
        }
        if (!selfHosted.complete()) {
            summary += " Some prices are missing: the computed total leaves them out.";
        }
        return new BaselineComparison(low, high, computed, rows, Money.usd(BigDecimal.valueOf(b.cloudwatchOnlyUsd())), cwOnly.monthly(), cwRows, summary);
    }

    static BaselineRow row(BaselineLine l, Alternative alt, PriceCatalog catalog, String planRegion, String region) {
        Money low = Money.usd(BigDecimal.valueOf(l.lowUsd()));
        Money high = Money.usd(BigDecimal.valueOf(l.highUsd()));
        Money mid = low.plus(high).times(new BigDecimal("0.5"));
        List<CostLine> covered = alt.linesOf(l.covers());
        Money computed = alt.sumOf(l.covers());
        boolean complete = covered.stream().noneMatch(CostLine::isMissing);
        List<String> reasons = new ArrayList<>();
        if (covered.isEmpty()) {
            reasons.add("no computed line corresponds");
        }
        Money planAt730 = mid;
        if (l.planHours() > 0 && l.planHours() != Hours.PER_MONTH) {
            planAt730 = mid.times(BigDecimal.valueOf(Hours.PER_MONTH).divide(BigDecimal.valueOf(l.planHours()), 12, RoundingMode.HALF_UP));
            reasons.add(signed(planAt730.minus(mid)) + " for " + Hours.PER_MONTH + " h a month instead of " + l.planHours() + " h");
        }
        // The same quantities at the plan's price region.
        Money atPlanRegion = Money.ZERO_USD;
        boolean refComplete = true;
        for (CostLine c : covered) {
            Price p = catalog.price(planRegion, c.price().id());
            if (p.isMissing()) {
                refComplete = false;
                continue;
            }
            atPlanRegion = atPlanRegion.plus(Money.usd(p.costOf(c.quantity())).rounded());
        }
        if (!covered.isEmpty() && refComplete && complete) {
            Money qty = atPlanRegion.minus(planAt730);
            if (qty.cents().abs().compareTo(ROUNDING) > 0) {
                reasons.add(signed(qty) + " for the plan's quantities or arithmetic (sizing, traffic, API calls, unit prices it used), at " + planRegion + " prices");
            }
            Money reg = computed.minus(atPlanRegion);
            if (!planRegion.equals(region) && reg.cents().signum() != 0) {
                reasons.add(signed(reg) + " for " + region + " prices instead of " + planRegion);
            }
        } else if (!complete) {
            reasons.add("a price is missing for " + region + ": the computed figure leaves it out");
        }
        if (computed.compareTo(low) >= 0 && computed.compareTo(high) <= 0 && l.lowUsd() != l.highUsd()) {
            reasons.add("within the plan's range");
        }
        if (!l.note().isEmpty()) {
            reasons.add(l.note());
        }
        return new BaselineRow(l.name(), low, high, computed, computed.minus(mid), complete, l.planFormula(), reasons);
    }

    private static String signed(Money m) {
        return (m.isNegative() ? "-" : "+") + Money.usd(m.amount().abs()).format();
    }
}
