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
    public Alternative price(PlanContext ctx, List<Alternative> before) {
        return ctx.costModel().cloudwatchOnly(ctx.scenario(), ctx.sizing().serviceSeries());
    }
}
