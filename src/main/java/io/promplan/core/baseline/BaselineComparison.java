package io.promplan.core.baseline;

import io.promplan.core.money.Money;
import java.util.List;

/**
 * The plan's own table beside the computed one, for the stack and for CloudWatch-only. The rows'
 * differences add up exactly to the total's: {@code computed - planMid} (the plan's range taken at
 * its middle); the overrun against the range itself is {@link #aboveHigh()} and {@link #aboveLow()}.
 */
public record BaselineComparison(Money planLow, Money planHigh, Money computed, List<BaselineRow> rows,
                                 Money cloudwatchOnlyPlan, Money cloudwatchOnlyComputed, List<BaselineRow> cloudwatchOnlyRows,
                                 Position position, boolean complete) {
    public enum Position { NONE, ABOVE, WITHIN, BELOW }

    public BaselineComparison {
        rows = List.copyOf(rows);
        cloudwatchOnlyRows = List.copyOf(cloudwatchOnlyRows);
    }

    public Money planMid() {
        return planLow.plus(planHigh).times(new java.math.BigDecimal("0.5")).rounded();
    }

    /** Computed minus the plan's high end (negative when below it). */
    public Money aboveHigh() {
        return computed.minus(planHigh);
    }

    /** Computed minus the plan's low end. */
    public Money aboveLow() {
        return computed.minus(planLow);
    }

    /**
     * The overrun against the plan's range itself (the headline gap of the main screen, the report and compare):
     * computed minus the high end when above it, computed minus the low end when below it (negative), zero within.
     * {@link #delta()} is the other, labelled figure: against the middle, split line by line.
     */
    public Money outsideRange() {
        if (computed.compareTo(planHigh) > 0) {
            return computed.minus(planHigh);
        }
        if (computed.compareTo(planLow) < 0) {
            return computed.minus(planLow);
        }
        return computed.minus(computed);
    }

    /** Computed minus the middle of the plan's range: the sum of the rows' differences. */
    public Money delta() {
        return computed.minus(planMid());
    }

    public Money cloudwatchOnlyDelta() {
        return cloudwatchOnlyComputed.minus(cloudwatchOnlyPlan);
    }
}
