package io.promplan.core.cost;

import io.promplan.core.sizing.Sizing;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.StorageBackend;
import io.promplan.core.workload.Workload;
import java.util.List;

/**
 * The same self-hosted stack with its whole retention on EBS instead of Thanos on S3: the other side of the decision
 * "long retention on EBS vs Thanos on S3 vs the managed services". It applies only to a scenario whose storage is
 * thanos-s3 (for any other the self-hosted stack is already this one): the workload is sized again with
 * {@code storage: ebs} (the full retention in each shard's volume, local compaction on, no sidecar, no Thanos tasks) and
 * priced with the self-hosted stack's demands.
 */
public final class SelfHostedEbsModel implements AlternativeModel {
    public static final String ID = "self-hosted-ebs";
    public static final SelfHostedEbsModel INSTANCE = new SelfHostedEbsModel();

    private SelfHostedEbsModel() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Self-hosted on Fargate, the whole retention on EBS (no Thanos)";
    }

    @Override
    public Role role() {
        return Role.OWN_STACK;
    }

    @Override
    public boolean appliesTo(Scenario s) {
        return s.workload().storage().backend() == StorageBackend.THANOS_S3;
    }

    @Override
    public List<String> noteKeys(Scenario s) {
        return List.of("note.self-hosted-ebs.0", "note.self-hosted.0");
    }

    static final List<String> NOTES = List.of(
            "The same workload with storage: ebs: each shard keeps the whole retention on its own gp3 volume (local compaction room included);"
                    + " no global view across shards (one Grafana datasource per shard), and a volume lost or replaced takes its history with it.",
            SelfHostedModel.NOTES.get(0));

    @Override
    public List<String> notes(Scenario s) {
        return NOTES;
    }

    /** The scenario's workload with its retention on EBS. */
    public static Workload onEbs(Workload w) {
        return w.toBuilder().storageBackend(StorageBackend.EBS).build();
    }

    @Override
    public List<CostDemand> demands(PlanContext ctx) {
        Workload ebs = onEbs(ctx.scenario().workload());
        Sizing s = ctx.size(ebs);
        return ctx.costModel().selfHostedDemands(ebs, s, ctx.scenario().cloudwatchOnly().freeTier());
    }
}
