package io.promplan.core.cost;

import io.promplan.core.price.PriceCatalog;
import io.promplan.core.sizing.Sizing;
import io.promplan.core.workload.Scenario;

/** What an added alternative gets to work with: the planned scenario, its sizing and the prices. */
public record PlanContext(Scenario scenario, Sizing sizing, PriceCatalog catalog, String region, CostModel costModel) {
}
