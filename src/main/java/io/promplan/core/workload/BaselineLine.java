package io.promplan.core.workload;

import java.util.List;

/**
 * One line of the plan's own cost table: its figure (a range when low != high), the hours a month it
 * assumed (0 when not hourly), the computed cost lines it corresponds to (by line key, e.g.
 * {@code fargate:prometheus}) and the plan's own arithmetic.
 */
public record BaselineLine(String name, double lowUsd, double highUsd, int planHours, List<String> covers, String planFormula,
                           String note) {
    public BaselineLine {
        covers = List.copyOf(covers);
        planFormula = planFormula == null ? "" : planFormula;
        note = note == null ? "" : note;
    }
}
