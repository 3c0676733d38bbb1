package io.promplan.core.analysis;

import io.promplan.core.money.Money;
import java.util.List;

/**
 * One line of the plan's table beside the computed figure: the plan's range, the computed cost, the
 * difference from the middle of the plan's range and its parts in words.
 */
public record BaselineRow(String name, Money planLow, Money planHigh, Money computed, Money delta, boolean complete,
                          String planFormula, List<String> reasons) {
    public BaselineRow {
        reasons = List.copyOf(reasons);
    }

    public Money planMid() {
        return planLow.plus(planHigh).times(new java.math.BigDecimal("0.5"));
    }

    public String reason() {
        return String.join("; ", reasons);
    }
}
