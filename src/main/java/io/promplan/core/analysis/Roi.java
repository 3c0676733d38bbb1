package io.promplan.core.analysis;

import io.promplan.core.money.Money;

/**
 * Return on the extra money the stack costs over CloudWatch-only, at the low and high ends of the
 * hourly rate. {@code roiPercent} and {@code paybackMonths} are null when they do not exist (the stack
 * costs no more, or the value never covers the extra cost).
 */
public record Roi(Range extraMonthly, Range valueMonthly, Double roiPercentLow, Double roiPercentHigh,
                  Double paybackMonthsLow, Double paybackMonthsHigh, Range setupCost, double hoursSavedPerMonth, String formula) {

    /** A pair of amounts at the low and the high hourly rate. */
    public record Range(Money low, Money high) {
    }
}
