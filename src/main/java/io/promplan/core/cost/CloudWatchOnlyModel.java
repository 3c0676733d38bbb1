package io.promplan.core.cost;

import io.promplan.core.workload.Scenario;
import java.util.List;

/** CloudWatch alone (dashboards, custom metrics, alarms, Logs Insights): what monitors the services today. */
public final class CloudWatchOnlyModel implements AlternativeModel {
    public static final String ID = "cloudwatch-only";
    public static final CloudWatchOnlyModel INSTANCE = new CloudWatchOnlyModel();

    private CloudWatchOnlyModel() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "CloudWatch only";
    }

    @Override
    public Role role() {
        return Role.IN_PLACE;
    }

    @Override
    public List<String> noteKeys(Scenario s) {
        return List.of(s.cloudwatchOnly().freeTier() ? "note.cloudwatch-only.counted" : "note.cloudwatch-only.notCounted");
    }

    @Override
    public List<String> notes(Scenario s) {
        return List.of("CloudWatch free tier " + (s.cloudwatchOnly().freeTier() ? "counted (3 dashboards, 10 metrics, 10 alarms)" : "not counted"));
    }

    @Override
    public List<CostDemand> demands(PlanContext ctx) {
        return ctx.costModel().cloudwatchOnlyDemands(ctx.scenario(), ctx.sizing().serviceSeries());
    }
}
