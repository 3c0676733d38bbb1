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
        return thanos(s) ? List.of("note.self-hosted.0", "note.self-hosted.thanos.0", "note.self-hosted.thanos.1") : List.of("note.self-hosted.0");
    }

    static final List<String> NOTES = List.of(
            "Not priced: the ACM certificate (public certificates are free) and the Route 53 record for Grafana in a zone the account already has.");

    static final List<String> THANOS_NOTES = List.of(NOTES.get(0),
            "Thanos on S3: each Prometheus task carries a Thanos sidecar; Thanos Query is the one global view over every shard and the bucket,"
                    + " so Grafana gets one datasource (Thanos Query). Query, Store Gateway and Compactor run as their own Fargate services.",
            "Every Thanos figure (tasks, disks, S3 GB and requests) is from the Thanos documentation, not measured here;"
                    + " S3 storage is billed at steady state (the TCO lets it grow month by month).");

    private static boolean thanos(Scenario s) {
        return s.workload().storage().backend() == io.promplan.core.workload.StorageBackend.THANOS_S3;
    }

    @Override
    public List<String> notes(Scenario s) {
        return thanos(s) ? THANOS_NOTES : NOTES;
    }

    @Override
    public List<CostDemand> demands(PlanContext ctx) {
        return ctx.costModel().selfHostedDemands(ctx.scenario().workload(), ctx.sizing(), ctx.scenario().cloudwatchOnly().freeTier());
    }
}
