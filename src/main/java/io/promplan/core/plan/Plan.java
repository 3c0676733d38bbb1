package io.promplan.core.plan;

import io.promplan.core.baseline.BaselineComparison;
import io.promplan.core.baseline.Roi;
import io.promplan.core.cost.Alternative;
import io.promplan.core.sizing.Explanation;
import io.promplan.core.sizing.Sizing;
import io.promplan.core.workload.Scenario;
import java.util.List;
import java.util.Optional;

/**
 * Everything planned for one scenario: sizing, priced alternatives, the baseline, ROI, warnings, and
 * what the workload's figures imply (to check a plan's statements against each other), the basis the
 * sizes rest on and, when the model's sizes replace the scenario's pins, the self-hosted stack as pinned.
 */
public record Plan(Scenario scenario, String region, String priceSnapshot, String pricesAsOf, int hoursPerMonth,
                   Sizing sizing, List<Alternative> alternatives, BaselineComparison baseline, Roi roi,
                   List<Warning> warnings, List<PriceRef> missingPrices, List<PriceRef> assumedPrices,
                   List<Explanation> implications, SizingBasis sizingBasis, Alternative selfHostedAsPinned, Sizing sizingAsPinned) {
    public Plan {
        implications = List.copyOf(implications);
        alternatives = List.copyOf(alternatives);
        warnings = List.copyOf(warnings);
        missingPrices = List.copyOf(missingPrices);
        assumedPrices = List.copyOf(assumedPrices);
    }

    /** The self-hosted stack at the scenario's pinned sizes, when the plan rests on the model's sizes instead. */
    public Optional<Alternative> asPinned() {
        return Optional.ofNullable(selfHostedAsPinned);
    }

    public Optional<Alternative> alternative(String id) {
        return alternatives.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Alternative selfHosted() {
        return alternatives.stream().filter(Alternative::isSelfHosted).findFirst().orElseThrow();
    }

    public Alternative cloudwatchOnly() {
        return alternatives.stream().filter(Alternative::isInPlace).findFirst().orElseThrow();
    }
}
