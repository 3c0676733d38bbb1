package io.promplan.core.analysis;

import io.promplan.core.money.Money;
import java.util.List;

/** The plan's own table beside the computed one, for the stack and for CloudWatch-only. */
public record BaselineComparison(Money planLow, Money planHigh, Money computed, List<BaselineRow> rows,
                                 Money cloudwatchOnlyPlan, Money cloudwatchOnlyComputed, List<BaselineRow> cloudwatchOnlyRows,
                                 String summary) {
    public BaselineComparison {
        rows = List.copyOf(rows);
        cloudwatchOnlyRows = List.copyOf(cloudwatchOnlyRows);
    }
}
