package io.promplan.core.baseline;

import io.promplan.core.money.Money;

/**
 * Return on the extra money the stack costs over CloudWatch-only, at the low and high ends of the
 * hourly rate. {@code roiPercent} and {@code paybackMonths} are null when they do not exist (the stack
 * costs no more, or the value never covers the extra cost). The break-even hours (extra cost / hourly
 * rate) lead; the percent is meaningful only when the extra cost is not near zero (at least
 * {@link RoiCalculator#MEANINGFUL_EXTRA_SHARE} of the stack's cost): on an extra cost of a few dollars any
 * time saved gives thousands of percent.
 */
public record Roi(Range extraMonthly, Range valueMonthly, Double roiPercentLow, Double roiPercentHigh,
                  Double paybackMonthsLow, Double paybackMonthsHigh, Range setupCost, double hoursSavedPerMonth, String formula,
                  Double breakEvenHoursLow, Double breakEvenHoursHigh, boolean percentMeaningful, PlanClaim planClaim) {

    /**
     * The plan's own ROI statement beside the tool's: the percent it claims, the same plan figures
     * through the plan's formula (value / extra) and through the tool's ((value - extra) / extra).
     * Null fields where the plan states nothing.
     */
    public record PlanClaim(double claimedLowPercent, double claimedHighPercent, double hoursSavedPerMonth, Range planValue, Range planExtra,
                            Double planFormulaLowPercent, Double planFormulaHighPercent, Double toolFormulaLowPercent, Double toolFormulaHighPercent) {
    }

    /** The lead figure: hours saved a month above which the stack pays for its extra cost (low and high rate). */
    public boolean paysOff() {
        return breakEvenHoursLow != null && Math.max(breakEvenHoursLow, breakEvenHoursHigh == null ? 0 : breakEvenHoursHigh) <= hoursSavedPerMonth;
    }

    /** The break-even hours a month, the smaller first; empty when there is none (no hourly rate). */
    public java.util.Optional<HoursRange> breakEvenHours() {
        if (breakEvenHoursLow == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new HoursRange(Math.min(breakEvenHoursLow, breakEvenHoursHigh), Math.max(breakEvenHoursLow, breakEvenHoursHigh)));
    }

    /** Hours a month from the smaller to the larger figure. */
    public record HoursRange(double from, double to) {
    }

    /** A pair of amounts at the low and the high hourly rate. */
    public record Range(Money low, Money high) {
    }
}
