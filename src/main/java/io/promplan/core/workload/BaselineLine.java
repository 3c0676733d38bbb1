package io.promplan.core.workload;

import java.util.List;

/**
 * One line of the plan's own cost table: its figure (a range when low != high), the hours a month it
 * assumed (0 when not hourly), the computed cost lines it corresponds to (by line key, e.g.
 * {@code fargate:prometheus}), the plan's own arithmetic, and whether the plan describes the item
 * without pricing it (then the whole difference is that omission). Its name, arithmetic and note are the
 * file's own words, one text for every language or one per language.
 */
public record BaselineLine(LocalText name, double lowUsd, double highUsd, int planHours, List<String> covers, LocalText planFormula,
                           LocalText note, boolean notPriced) {
    public BaselineLine(String name, double lowUsd, double highUsd, int planHours, List<String> covers, String planFormula, String note) {
        this(name, lowUsd, highUsd, planHours, covers, planFormula, note, false);
    }

    public BaselineLine(String name, double lowUsd, double highUsd, int planHours, List<String> covers, String planFormula, String note,
                        boolean notPriced) {
        this(name == null ? null : LocalText.plain(name), lowUsd, highUsd, planHours, covers, LocalText.plain(planFormula), LocalText.plain(note), notPriced);
    }

    public BaselineLine {
        covers = List.copyOf(covers);
        planFormula = planFormula == null ? LocalText.EMPTY : planFormula;
        note = note == null ? LocalText.EMPTY : note;
    }
}
