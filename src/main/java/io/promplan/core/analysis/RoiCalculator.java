package io.promplan.core.analysis;

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

    public static Roi compute(Money stack, Money cloudwatchOnly, RoiAssumptions a) {
        double hoursPerMonth = a.hoursSavedPerWeek() * Hours.WEEKS_PER_MONTH;
        Money base = stack.minus(cloudwatchOnly);
        Money extraLow = base.plus(rate(a.opsHoursPerMonth(), a.hourlyRateLow()));
        Money extraHigh = base.plus(rate(a.opsHoursPerMonth(), a.hourlyRateHigh()));
        Money valueLow = rate(hoursPerMonth, a.hourlyRateLow());
        Money valueHigh = rate(hoursPerMonth, a.hourlyRateHigh());
        Money setupLow = rate(a.setupHours(), a.hourlyRateLow());
        Money setupHigh = rate(a.setupHours(), a.hourlyRateHigh());
        return new Roi(new Roi.Range(extraLow.rounded(), extraHigh.rounded()), new Roi.Range(valueLow.rounded(), valueHigh.rounded()),
                roi(valueLow, extraLow), roi(valueHigh, extraHigh), payback(setupLow, valueLow, extraLow), payback(setupHigh, valueHigh, extraHigh),
                new Roi.Range(setupLow.rounded(), setupHigh.rounded()), hoursPerMonth, FORMULA);
    }

    private static Money rate(double hours, double rate) {
        return Money.usd(BigDecimal.valueOf(hours).multiply(BigDecimal.valueOf(rate)));
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
