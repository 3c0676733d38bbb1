package io.promplan.core.baseline;

import io.promplan.core.money.Money;
import io.promplan.core.workload.LocalText;
import java.util.List;

/**
 * One line of the plan's table beside the computed figure: the plan's range, the computed cost, the
 * difference from the plan's figure (the middle of its range) and that difference split into causes
 * whose amounts add up to it exactly, in cents. {@code lineKeys} are the keys of the computed lines the
 * row covers ({@code name} of a {@link Kind#NOT_IN_PLAN} row lists them in English). The name and arithmetic of a
 * {@link Kind#PLAN_LINE} are the scenario file's own words, in each language it gives.
 */
public record BaselineRow(Kind kind, LocalText name, Money planLow, Money planHigh, Money computed, Money delta, boolean complete,
                          LocalText planFormula, List<Reason> reasons, List<String> lineKeys) {
    public enum Kind {
        /** A line of the plan's own table. */
        PLAN_LINE,
        /** Computed lines the plan has no line for; {@code name} lists them. */
        NOT_IN_PLAN,
        /** The plan's total is not the sum of its lines: the gap, so that the rows add up to the total. */
        PLAN_ROUNDING
    }

    public BaselineRow {
        name = name == null ? LocalText.EMPTY : name;
        planFormula = planFormula == null ? LocalText.EMPTY : planFormula;
        reasons = List.copyOf(reasons);
        lineKeys = List.copyOf(lineKeys);
    }

    /** A row without the keys of the computed lines it covers. */
    public BaselineRow(Kind kind, LocalText name, Money planLow, Money planHigh, Money computed, Money delta, boolean complete,
                       LocalText planFormula, List<Reason> reasons) {
        this(kind, name, planLow, planHigh, computed, delta, complete, planFormula, reasons, List.of());
    }

    /** A row whose name and arithmetic are one text for every language. */
    public BaselineRow(Kind kind, String name, Money planLow, Money planHigh, Money computed, Money delta, boolean complete,
                       String planFormula, List<Reason> reasons, List<String> lineKeys) {
        this(kind, LocalText.plain(name), planLow, planHigh, computed, delta, complete, LocalText.plain(planFormula), reasons, lineKeys);
    }

    public Money planMid() {
        return planLow.plus(planHigh).times(new java.math.BigDecimal("0.5"));
    }

    /** The causes that carry an amount (they add up to {@link #delta()}). */
    public List<Reason> parts() {
        return reasons.stream().filter(r -> r.amount() != null).toList();
    }
}
