package io.promplan.core.baseline;

import io.promplan.core.money.Money;
import io.promplan.core.units.Hours;
import io.promplan.core.workload.RoiAssumptions;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * extra = stack - CloudWatch-only + ops hours x rate; value = hours saved a week x 52/12 x rate;
 * ROI % = (value - extra) / extra x 100; payback months = set-up hours x rate / (value - extra).
 */
public final class RoiCalculator {
    public static final String FORMULA = "extra = stack - CloudWatch-only + opsHoursPerMonth x rate; value = hoursSavedPerWeek x 52/12 x rate; "
            + "ROI % = (value - extra) / extra x 100; payback months = setupHours x rate / (value - extra)";

    private RoiCalculator() {
    }

    /** A ROI percent is shown as meaningful only when the extra cost is at least this share of the stack's monthly cost. */
    public static final double MEANINGFUL_EXTRA_SHARE = 0.10;

    public static Roi compute(Money stack, Money cloudwatchOnly, RoiAssumptions a) {
        return compute(stack, cloudwatchOnly, a, null);
    }

    public static Roi compute(Money stack, Money cloudwatchOnly, RoiAssumptions a, io.promplan.core.workload.Baseline baseline) {
        double hoursPerMonth = TimeValue.hoursPerMonth(a.hoursSavedPerWeek());
        Money base = stack.minus(cloudwatchOnly);
        Money extraLow = base.plus(rate(a.opsHoursPerMonth(), a.hourlyRateLow()));
        Money extraHigh = base.plus(rate(a.opsHoursPerMonth(), a.hourlyRateHigh()));
        Money valueLow = rate(hoursPerMonth, a.hourlyRateLow());
        Money valueHigh = rate(hoursPerMonth, a.hourlyRateHigh());
        Money setupLow = rate(a.setupHours(), a.hourlyRateLow());
        Money setupHigh = rate(a.setupHours(), a.hourlyRateHigh());
        boolean meaningful = extraLow.amount().signum() > 0
                && extraLow.amount().doubleValue() >= MEANINGFUL_EXTRA_SHARE * Math.max(stack.amount().doubleValue(), 0.01);
        return new Roi(new Roi.Range(extraLow.rounded(), extraHigh.rounded()), new Roi.Range(valueLow.rounded(), valueHigh.rounded()),
                roi(valueLow, extraLow), roi(valueHigh, extraHigh), payback(setupLow, valueLow, extraLow), payback(setupHigh, valueHigh, extraHigh),
                new Roi.Range(setupLow.rounded(), setupHigh.rounded()), hoursPerMonth, FORMULA,
                breakEven(extraLow, a.hourlyRateLow()), breakEven(extraHigh, a.hourlyRateHigh()), meaningful, claim(baseline, a));
    }

    /** Hours saved a month at which the value equals the extra cost: extra / rate (0 when the stack costs no more). */
    private static Double breakEven(Money extra, double rate) {
        if (rate <= 0) {
            return null;
        }
        return Math.max(0, extra.amount().doubleValue() / rate);
    }

    private static Roi.PlanClaim claim(io.promplan.core.workload.Baseline b, RoiAssumptions a) {
        if (b == null || b.roiClaim().isEmpty()) {
            return null;
        }
        var c = b.roiClaim();
        double h = c.hoursSavedPerMonth() > 0 ? c.hoursSavedPerMonth() : TimeValue.hoursPerMonth(a.hoursSavedPerWeek());
        Money vLow = rate(h, a.hourlyRateLow());
        Money vHigh = rate(h, a.hourlyRateHigh());
        // The plan's extra cost: its stack's range minus its CloudWatch-only figure (the low end of the range gives the smaller extra).
        Money cw = Money.usd(BigDecimal.valueOf(b.cloudwatchOnlyUsd()));
        Money eLow = Money.usd(BigDecimal.valueOf(b.lowUsd())).minus(cw);
        Money eHigh = Money.usd(BigDecimal.valueOf(b.highUsd())).minus(cw);
        // Lowest: least value over the biggest extra; highest: most value over the smallest extra.
        return new Roi.PlanClaim(c.lowPercent(), c.highPercent(), h, new Roi.Range(vLow.rounded(), vHigh.rounded()), new Roi.Range(eLow.rounded(), eHigh.rounded()),
                ratio(vLow, eHigh), ratio(vHigh, eLow), roi(vLow, eHigh), roi(vHigh, eLow));
    }

    private static Double ratio(Money value, Money extra) {
        if (extra.amount().signum() <= 0) {
            return null;
        }
        return value.amount().multiply(BigDecimal.valueOf(100)).divide(extra.amount(), 1, RoundingMode.HALF_UP).doubleValue();
    }

    private static Money rate(double hours, double rate) {
        return TimeValue.money(hours, rate);
    }

    private static Double roi(Money value, Money extra) {
        if (extra.amount().signum() <= 0) {
            return null;
        }
        return value.minus(extra).amount().multiply(BigDecimal.valueOf(100)).divide(extra.amount(), 1, RoundingMode.HALF_UP).doubleValue();
    }

    private static Double payback(Money setup, Money value, Money extra) {
        Money net = value.minus(extra);
        if (net.amount().signum() <= 0) {
            return null;
        }
        return setup.amount().divide(net.amount(), 2, RoundingMode.HALF_UP).doubleValue();
    }
}
