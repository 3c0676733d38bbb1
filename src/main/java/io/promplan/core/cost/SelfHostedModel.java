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

    static final List<String> NOTES = List.of(
            "Not priced: the ACM certificate (public certificates are free) and the Route 53 record for Grafana in a zone the account already has.");

    @Override
    public List<String> notes(Scenario s) {
        return NOTES;
    }

    @Override
    public List<CostDemand> demands(PlanContext ctx) {
        return ctx.costModel().selfHostedDemands(ctx.scenario().workload(), ctx.sizing(), ctx.scenario().cloudwatchOnly().freeTier());
    }
}
