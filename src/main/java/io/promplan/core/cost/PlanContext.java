package io.promplan.core.cost;

import io.promplan.core.price.PriceCatalog;
import io.promplan.core.sizing.Sizing;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.Workload;
import java.util.function.Function;

/**
 * What an added alternative gets to work with: the planned scenario, its sizing and the prices, and the sizing model
 * itself ({@code sizer}) for an alternative that runs the same workload another way (null when none is given).
 */
public record PlanContext(Scenario scenario, Sizing sizing, PriceCatalog catalog, String region, CostModel costModel,
                          Function<Workload, Sizing> sizer) {
    public PlanContext(Scenario scenario, Sizing sizing, PriceCatalog catalog, String region, CostModel costModel) {
        this(scenario, sizing, catalog, region, costModel, null);
    }

    /** The workload sized by the plan's model; an alternative that needs it fails loudly when the context has no model. */
    public Sizing size(Workload w) {
        if (sizer == null) {
            throw new IllegalStateException("this plan context carries no sizing model");
        }
        return sizer.apply(w);
    }
}
