package io.promplan.core.baseline;

import io.promplan.core.money.Money;
import io.promplan.core.units.Hours;
import io.promplan.core.workload.RoiAssumptions;
import java.math.BigDecimal;

/**
 * The value of time, in one place: hours x hourly rate (ops hours, set-up hours, hours saved), the
 * hours saved a month from the hours a week, and the middle hourly rate the TCO, the decision and the
 * simulation work at.
 */
public final class TimeValue {
    private TimeValue() {
    }

    /** The middle of the scenario's hourly rate range. */
    public static double middleRate(RoiAssumptions r) {
        return (r.hourlyRateLow() + r.hourlyRateHigh()) / 2;
    }

    /** Hours at an hourly rate, in USD. */
    public static double usd(double hours, double rate) {
        return hours * rate;
    }

    /** Hours at an hourly rate, as money at full precision. */
    public static Money money(double hours, double rate) {
        return Money.usd(BigDecimal.valueOf(hours).multiply(BigDecimal.valueOf(rate)));
    }

    /** Hours a week as hours a month (52/12 weeks). */
    public static double hoursPerMonth(double hoursPerWeek) {
        return hoursPerWeek * Hours.WEEKS_PER_MONTH;
    }

    /** What the hours saved a week are worth a month at a rate: hours a week x 52/12 x rate. */
    public static double savedUsdPerMonth(double hoursPerWeek, double rate) {
        return usd(hoursPerMonth(hoursPerWeek), rate);
    }
}
