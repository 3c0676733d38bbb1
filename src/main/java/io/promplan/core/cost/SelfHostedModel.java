package io.promplan.core.cost;

import io.promplan.core.workload.Scenario;
import java.util.List;

/** Self-hosted Prometheus + Grafana on Fargate: the stack the export builds. */
public final class SelfHostedModel implements AlternativeModel {
    public static final String ID = "self-hosted";
    public static final SelfHostedModel INSTANCE = new SelfHostedModel();

    private SelfHostedModel() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Self-hosted Prometheus + Grafana on Fargate";
    }

    @Override
    public Role role() {
        return Role.OWN_STACK;
    }

    @Override
    public List<String> noteKeys(Scenario s) {
        return List.of("note.self-hosted.0");
    }

    @Override
    public Alternative price(PlanContext ctx, List<Alternative> before) {
        return ctx.costModel().selfHosted(ctx.scenario().workload(), ctx.sizing(), ctx.scenario().cloudwatchOnly().freeTier());
    }
}
