package io.promplan.core.cost;

import io.promplan.core.price.PriceCatalog;
import io.promplan.core.price.PriceId;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.sizing.Num;
import io.promplan.core.sizing.Sizing;
import io.promplan.core.sizing.StorageSizing;
import io.promplan.core.sizing.SizingModel;
import io.promplan.core.sizing.ThanosComponent;
import io.promplan.core.sizing.ThanosComponentSizing;
import io.promplan.core.sizing.ThanosResult;
import io.promplan.core.units.Hours;
import io.promplan.core.workload.Architecture;
import io.promplan.core.workload.CloudWatchOnly;
import io.promplan.core.workload.ExporterApi;
import io.promplan.core.workload.NetworkSpec;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.StorageBackend;
import io.promplan.core.workload.Workload;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** What each built-in alternative demands (quantities, their formulas, price ids), and those demands priced by its {@link Pricer}. */
public final class CostModel {
    /** Days AWS Backup keeps the daily copies the export schedules. */
    public static final int BACKUP_RETENTION_DAYS = 7;
    public static final int CW_FREE_DASHBOARDS = 3;
    public static final int CW_FREE_METRICS = 10;
    public static final int CW_FREE_ALARMS = 10;

    private final Pricer pricer;

    public CostModel(PriceCatalog catalog, String region) {
        this.pricer = new Pricer(catalog, region);
    }

    /** The CloudWatch API free tier: 1M requests a month (GetMetricStatistics, ListMetrics, ...; not GetMetricData). */
    public static final long CW_FREE_API_REQUESTS = 1_000_000;
    /** Bytes one requested metric-statistic brings back through NAT (a few datapoints with their envelope): an assumption. */
    public static final double EXPORTER_BYTES_PER_METRIC = 200;
    /** GB an image pull of a stack task moves through NAT, and pulls a month (deployments, replacements): assumptions. */
    public static final double IMAGE_GB_PER_PULL = 0.15;
    public static final double IMAGE_PULLS_PER_MONTH = 4;
    /** Remote write sends about 12 bytes a sample (protobuf, snappy): an assumption. */
    public static final double REMOTE_WRITE_BYTES_PER_SAMPLE = 12;
    /** The exported configuration: prometheus.yml, rules, alertmanager.yml, Grafana provisioning and dashboards, with S3 versions. */
    public static final double CONFIG_BUCKET_GB = 0.001;

    /** The self-hosted stack: Fargate tasks, storage, backup, ALB, logs, exporter API calls, network, DNS, secrets, data out. */
    public Alternative selfHosted(Workload w, Sizing s) {
        return selfHosted(w, s, false);
    }

    /** @param cwFreeTier whether CloudWatch's free tier (1M API requests among them) is counted */
    public Alternative selfHosted(Workload w, Sizing s, boolean cwFreeTier) {
        SelfHostedModel m = SelfHostedModel.INSTANCE;
        return new Alternative(m.id(), m.name(), m.role(), pricer.price(selfHostedDemands(w, s, cwFreeTier)), SelfHostedModel.NOTES);
    }

    /** What the self-hosted stack demands, before prices. */
    public List<CostDemand> selfHostedDemands(Workload w, Sizing s, boolean cwFreeTier) {
        List<CostDemand> lines = new ArrayList<>();
        boolean arm = w.architecture() == Architecture.ARM64;
        PriceId vcpu = arm ? PriceId.FARGATE_VCPU_ARM : PriceId.FARGATE_VCPU_X86;
        PriceId mem = arm ? PriceId.FARGATE_MEMORY_ARM : PriceId.FARGATE_MEMORY_X86;
        for (ComponentSizing c : s.components()) {
            String k = "fargate:" + c.key();
            String comp = c.component().key();
            double v = c.size().vcpu();
            double gb = c.size().memoryGb();
            lines.add(CostDemand.of(k + ":vcpu", comp, c.displayName() + " vCPU", dec(v * Hours.PER_MONTH), vcpu, taskVcpu(v)));
            lines.add(CostDemand.of(k + ":memory", comp, c.displayName() + " memory", dec(gb * Hours.PER_MONTH), mem, taskMemory(gb)));
        }
        StorageSizing st = s.storage();
        int shards = s.shards();
        switch (st.backend()) {
            case EFS -> lines.add(CostDemand.of("storage:efs:prometheus", "storage", "EFS Standard, Prometheus data", dec(st.billedPrometheusGiB()), PriceId.EFS_STANDARD,
                    st.pinned() ? Formula.of("q.efs.pinned", Num.fmt(st.billedPrometheusGiB())) : Formula.of("q.efs.stored")));
            case EBS -> lines.add(CostDemand.of("storage:ebs:prometheus", "storage", "EBS gp3 volume, Prometheus data", dec(st.volumeGiB() * shards),
                    PriceId.EBS_GP3, shards > 1 ? Formula.of("q.ebs.shards", Num.fmt(st.volumeGiB()), shards) : Formula.of("q.ebs", Num.fmt(st.volumeGiB())))
                    .withNote(Formula.of("n.ebs")));
            case EPHEMERAL, AMP_REMOTE_WRITE -> {
                if (st.billedPrometheusGiB() > 0) {
                    lines.add(CostDemand.of("fargate:prometheus:ephemeral", "storage", "Fargate ephemeral storage above 20 GB", dec(st.billedPrometheusGiB() * Hours.PER_MONTH * shards),
                            PriceId.FARGATE_EPHEMERAL, shards > 1 ? Formula.of("q.ephemeral.shards", Num.fmt(st.billedPrometheusGiB()), Hours.PER_MONTH, shards)
                                    : Formula.of("q.ephemeral", Num.fmt(st.billedPrometheusGiB()), Hours.PER_MONTH)));
                }
            }
            case THANOS_S3 -> lines.addAll(thanosLocalDemands(w, st, shards));
            default -> throw new IllegalStateException();
        }
        s.thanosResult().ifPresent(t -> lines.addAll(thanosDemands(t, vcpu, mem)));
        if (st.backend() == StorageBackend.AMP_REMOTE_WRITE) {
            BigDecimal samples10M = dec(s.samplesPerSecond() * Hours.SECONDS_PER_MONTH / 10_000_000.0);
            lines.add(CostDemand.of("amp:samples", "managed-prometheus", "Managed Prometheus samples ingested", samples10M, PriceId.AMP_SAMPLES,
                    Formula.of("q.amp.samples.remote", Num.fmt(s.samplesPerSecond()), Hours.SECONDS_PER_MONTH)).withNote(Formula.of("n.amp.samples.remote")));
            lines.add(CostDemand.of("amp:storage", "managed-prometheus", "Managed Prometheus storage", dec(st.remoteStoredGiB()), PriceId.AMP_STORAGE,
                    Formula.of("q.amp.storage.remote", w.retention().text())));
        }
        lines.add(CostDemand.of("storage:efs:grafana", "storage", "EFS Standard, Grafana data", dec(st.grafanaGiB()), PriceId.EFS_STANDARD,
                Formula.of(w.storage().grafanaGiB() > 0 ? "q.efs.grafana.pinned" : "q.efs.grafana.default", Num.fmt(st.grafanaGiB()))));
        if (w.storage().backup()) {
            double stored = st.blocksGiB() + st.walGiB() + st.headChunksGiB();
            if (st.backend() == StorageBackend.EBS) {
                // the stored blocks, WAL and head chunks are the whole stack's (every shard's share together)
                double gb = stored * (1 + BACKUP_RETENTION_DAYS / Math.max(1.0, w.retention().days()));
                lines.add(CostDemand.of("backup:ebs", "backup", "EBS snapshots of the Prometheus volume", dec(gb), PriceId.EBS_SNAPSHOT,
                        shards > 1 ? Formula.of("q.backup.ebs.shards", BACKUP_RETENTION_DAYS, shards) : Formula.of("q.backup.ebs", BACKUP_RETENTION_DAYS)));
            }
            double efsGb = (st.backend() == StorageBackend.EFS ? stored * (1 + BACKUP_RETENTION_DAYS / Math.max(1.0, w.retention().days())) : 0)
                    + st.grafanaGiB();
            lines.add(CostDemand.of("backup:efs", "backup", "AWS Backup, EFS warm storage", dec(efsGb), PriceId.BACKUP_EFS_WARM,
                    Formula.of("q.backup.efs", BACKUP_RETENTION_DAYS)));
        }
        Traffic t = Traffic.of(w.grafana(), w.extraDataTransferOutGb());
        lines.add(CostDemand.of("alb:hours", "alb", "ALB hours", dec(Hours.PER_MONTH), PriceId.ALB_HOUR, Formula.of("q.hours", Hours.PER_MONTH)));
        lines.add(CostDemand.of("alb:lcu", "alb", "ALB LCU-hours", dec(t.lcuHoursPerMonth()), PriceId.ALB_LCU,
                Formula.of("q.alb.lcu", Num.fmt(t.lcuPerActiveHour()), Num.fmt(t.activeHours()))).withNote(Formula.of("n.alb.lcu")));
        int azs = w.network().availabilityZones();
        lines.add(CostDemand.of("network:ipv4", "network", "Public IPv4 addresses of the internet-facing ALB", dec((double) azs * Hours.PER_MONTH), PriceId.VPC_PUBLIC_IPV4,
                Formula.of("q.ipv4", azs, Hours.PER_MONTH)).withNote(Formula.of("n.ipv4")));
        double stackLogs = w.logs().stackGbPerMonth();
        lines.add(CostDemand.of("logs:stack:ingest", "logs", "CloudWatch Logs ingestion, stack containers", dec(stackLogs), PriceId.CW_LOGS_INGEST,
                Formula.of("q.gbMonth", Num.fmt(stackLogs))));
        lines.add(CostDemand.of("logs:stack:storage", "logs", "CloudWatch Logs storage, stack containers", dec(stackLogs * storedMonths(w)), PriceId.CW_LOGS_STORAGE,
                Formula.of("q.logs.storage.bound", Num.fmt(stackLogs), w.logs().retentionDays(), Num.fmt(Hours.DAYS_PER_MONTH))));
        lines.addAll(serviceLogDemands(w));
        lines.addAll(exporterApiDemands(w, cwFreeTier));
        lines.addAll(networkDemands(w, natGb(w, s, false), false));
        lines.add(CostDemand.of("dns:cloudmap-zone", "dns", "Route 53 private hosted zone of the Cloud Map namespace", BigDecimal.ONE, PriceId.ROUTE53_HOSTED_ZONE,
                Formula.of("q.dns.zone")));
        int secrets = 1 + (w.alertmanager() ? 1 : 0);
        lines.add(CostDemand.of("secrets:secretsmanager", "secrets", "Secrets Manager secrets the stack reads", BigDecimal.valueOf(secrets), PriceId.SECRETS_MANAGER_SECRET,
                Formula.of(w.alertmanager() ? "q.secrets.slack" : "q.secrets", secrets)).withNote(Formula.of("n.secrets")));
        lines.add(CostDemand.of("s3:config", "config", "S3 bucket of the exported configuration", dec(CONFIG_BUCKET_GB), PriceId.S3_STANDARD,
                Formula.of("q.s3.config")).withNote(Formula.of("n.s3.config")));
        lines.add(CostDemand.of("transfer:out", "data-transfer", "Data transfer out (dashboards)", dec(t.gbOutPerMonth()), PriceId.DATA_TRANSFER_OUT,
                Formula.of("q.transfer.out", Num.fmt(t.gbPerHour()), Num.fmt(t.activeHours()), Num.fmt(w.extraDataTransferOutGb())))
                .withNote(Formula.of("n.transfer.out")));
        return lines;
    }

    /** The local TSDB beside each Thanos sidecar: an EBS gp3 volume per shard, or ephemeral storage above the 20 GB included. */
    static List<CostDemand> thanosLocalDemands(Workload w, StorageSizing st, int shards) {
        List<CostDemand> lines = new ArrayList<>();
        if (w.thanos().localStorage() == StorageBackend.EBS) {
            lines.add(CostDemand.of("storage:ebs:prometheus", "storage", "EBS gp3 volume, Prometheus local TSDB beside the Thanos sidecar", dec(st.volumeGiB() * shards),
                    PriceId.EBS_GP3, shards > 1 ? Formula.of("q.ebs.shards", Num.fmt(st.volumeGiB()), shards) : Formula.of("q.ebs", Num.fmt(st.volumeGiB())))
                    .withNote(Formula.of("n.ebs")));
        } else if (st.billedPrometheusGiB() > 0) {
            lines.add(CostDemand.of("fargate:prometheus:ephemeral", "storage", "Fargate ephemeral storage above 20 GB", dec(st.billedPrometheusGiB() * Hours.PER_MONTH * shards),
                    PriceId.FARGATE_EPHEMERAL, shards > 1 ? Formula.of("q.ephemeral.shards", Num.fmt(st.billedPrometheusGiB()), Hours.PER_MONTH, shards)
                            : Formula.of("q.ephemeral", Num.fmt(st.billedPrometheusGiB()), Hours.PER_MONTH)));
        }
        return lines;
    }

    /**
     * Thanos on S3 beyond the Prometheus tasks (which carry their sidecar): Query, Store Gateway and Compactor on Fargate, their
     * ephemeral storage above the 20 GB included, S3 Standard storage at steady state (every resolution), and S3 requests by
     * price class. Every figure is the Thanos model's ({@link io.promplan.core.sizing.ThanosSizing}): from the documentation, not
     * measured here.
     */
    static List<CostDemand> thanosDemands(ThanosResult t, PriceId vcpu, PriceId mem) {
        List<CostDemand> lines = new ArrayList<>();
        for (ThanosComponent c : List.of(ThanosComponent.QUERY, ThanosComponent.STORE_GATEWAY, ThanosComponent.COMPACTOR)) {
            ThanosComponentSizing z = t.component(c).orElseThrow();
            String k = "fargate:" + c.key();
            double v = z.size().vcpu() * z.tasks();
            double gb = z.size().memoryGb() * z.tasks();
            lines.add(CostDemand.of(k + ":vcpu", c.key(), c.key() + " vCPU", dec(v * Hours.PER_MONTH), vcpu, taskVcpu(v)));
            lines.add(CostDemand.of(k + ":memory", c.key(), c.key() + " memory", dec(gb * Hours.PER_MONTH), mem, taskMemory(gb)));
        }
        double scratchAbove = Math.max(0, Math.ceil(t.compactorScratchGiB()) - SizingModel.EPHEMERAL_INCLUDED_GIB);
        if (scratchAbove > 0) {
            lines.add(CostDemand.of("fargate:thanos-compact:ephemeral", "thanos-compact", "Fargate ephemeral storage above 20 GB, Thanos compactor scratch",
                    dec(scratchAbove * Hours.PER_MONTH), PriceId.FARGATE_EPHEMERAL,
                    Formula.of("q.thanos.scratch", Num.fmt(Math.ceil(t.compactorScratchGiB())), Num.fmt(SizingModel.EPHEMERAL_INCLUDED_GIB), Hours.PER_MONTH)));
        }
        double storeAbove = Math.max(0, Math.ceil(t.storeGatewayDiskGiB()) - SizingModel.EPHEMERAL_INCLUDED_GIB);
        if (storeAbove > 0) {
            lines.add(CostDemand.of("fargate:thanos-store:ephemeral", "thanos-store", "Fargate ephemeral storage above 20 GB, Thanos Store Gateway index-headers",
                    dec(storeAbove * Hours.PER_MONTH), PriceId.FARGATE_EPHEMERAL,
                    Formula.of("q.thanos.storeDisk", Num.fmt(Math.ceil(t.storeGatewayDiskGiB())), Num.fmt(SizingModel.EPHEMERAL_INCLUDED_GIB), Hours.PER_MONTH)));
        }
        var last = t.s3Months().get(t.s3Months().size() - 1);
        lines.add(CostDemand.of(THANOS_S3_STORAGE, "thanos-s3", "S3 Standard, Thanos blocks (every resolution, steady state)", dec(t.steadyStateGiB()),
                PriceId.S3_STANDARD_TIERED, Formula.of("q.thanos.s3", Num.fmt(Num.round(last.rawGiB(), 2)), Num.fmt(Num.round(last.fiveMinuteGiB(), 2)),
                        Num.fmt(Num.round(last.oneHourGiB(), 2)), t.steadyStateMonth(), Num.fmt(Num.round(t.s3GiB(1), 2)), Num.fmt(Num.round(t.s3GiB(12), 2))))
                .withNote(Formula.of("n.thanos.s3")));
        var r = t.requests();
        lines.add(CostDemand.of("s3:thanos:requests:tier1", "thanos-s3", "S3 PUT, COPY, POST and LIST requests, Thanos", dec(r.putClassPerMonth() / 1000.0),
                PriceId.S3_REQUESTS_TIER1, Formula.of("q.thanos.tier1", Num.fmt(Math.round(r.putClassPerMonth())), sources(r.putClassBySource())))
                .withNote(Formula.of("n.thanos.requests")));
        lines.add(CostDemand.of("s3:thanos:requests:tier2", "thanos-s3", "S3 GET requests, Thanos", dec(r.getClassPerMonth() / 1000.0),
                PriceId.S3_REQUESTS_TIER2, Formula.of("q.thanos.tier2", Num.fmt(Math.round(r.getClassPerMonth())), sources(r.getClassBySource())))
                .withNote(Formula.of("n.thanos.requests")));
        return lines;
    }

    /** The key of the S3 storage line of Thanos: billed on what is stored, it grows month by month (see Tco). */
    public static final String THANOS_S3_STORAGE = "s3:thanos:storage";

    /** Requests by source ("sidecar uploads 1234, ..."): the figures, the sources named by the bundle. */
    private static Formula sources(java.util.Map<String, Double> bySource) {
        Formula f = Formula.NONE;
        List<Object> parts = new ArrayList<>();
        for (var e : bySource.entrySet()) {
            parts.add(Formula.of("q.thanos.source." + e.getKey().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT),
                    Num.fmt(Math.round(e.getValue()))));
        }
        String kind = "q.thanos.sources." + parts.size();
        return parts.isEmpty() ? f : new Formula(kind, parts);
    }

    /** A task's vCPU-hours: "0.5 vCPU x 730 h". */
    static Formula taskVcpu(double vcpu) {
        return Formula.of("q.fargate.vcpu", Num.fmt(vcpu), Hours.PER_MONTH);
    }

    /** A task's GB-hours: "1 GB x 730 h". */
    static Formula taskMemory(double gb) {
        return Formula.of("q.fargate.memory", Num.fmt(gb), Hours.PER_MONTH);
    }

    /** " - 3 free" after a count, or nothing when no free tier is counted. */
    static Formula free(long free) {
        return free > 0 ? Formula.of("q.free", free) : Formula.NONE;
    }

    /** CloudWatch alone: dashboards, custom metrics, alarms, Logs Insights, and the services' logs. */
    /** @param serviceSeries the services' series, as the sizing counts them for the Prometheus alternatives */
    public Alternative cloudwatchOnly(Scenario sc, long serviceSeries) {
        CloudWatchOnlyModel m = CloudWatchOnlyModel.INSTANCE;
        return new Alternative(m.id(), m.name(), m.role(), pricer.price(cloudwatchOnlyDemands(sc, serviceSeries)), m.notes(sc));
    }

    /** What CloudWatch alone demands, before prices. */
    public List<CostDemand> cloudwatchOnlyDemands(Scenario sc, long serviceSeries) {
        Workload w = sc.workload();
        CloudWatchOnly c = sc.cloudwatchOnly();
        List<CostDemand> lines = new ArrayList<>();
        int freeD = c.freeTier() ? CW_FREE_DASHBOARDS : 0;
        int freeM = c.freeTier() ? CW_FREE_METRICS : 0;
        int freeA = c.freeTier() ? CW_FREE_ALARMS : 0;
        lines.add(CostDemand.of("cloudwatch:dashboards", "cloudwatch", "CloudWatch dashboards", dec(Math.max(0, c.dashboards() - freeD)), PriceId.CW_DASHBOARD,
                Formula.of("q.cw.dashboards", c.dashboards(), free(freeD))));
        long metrics = c.customMetrics() + (c.publishServiceSeries() ? serviceSeries : 0);
        lines.add(CostDemand.of("cloudwatch:metrics", "cloudwatch", "CloudWatch custom metrics", dec(Math.max(0, metrics - freeM)), PriceId.CW_METRIC,
                c.publishServiceSeries() ? Formula.of("q.cw.metrics.series", serviceSeries,
                        c.customMetrics() > 0 ? Formula.of("q.cw.metrics.other", c.customMetrics()) : Formula.NONE, free(freeM))
                        : Formula.of("q.cw.metrics.custom", c.customMetrics(), free(freeM)))
                .withNote(Formula.of(c.publishServiceSeries() ? "n.cw.metrics.series" : "n.cw.metrics.narrow")));
        lines.add(CostDemand.of("cloudwatch:alarms", "cloudwatch", "CloudWatch alarms (standard)", dec(Math.max(0, c.alarms() - freeA)), PriceId.CW_ALARM,
                Formula.of("q.cw.alarms", c.alarms(), free(freeA))));
        if (c.highResAlarms() > 0) {
            lines.add(CostDemand.of("cloudwatch:alarms-highres", "cloudwatch", "CloudWatch alarms (high resolution)", dec(c.highResAlarms()), PriceId.CW_ALARM_HIGHRES,
                    Formula.of("q.cw.alarms", c.highResAlarms(), Formula.NONE)));
        }
        lines.add(CostDemand.of("cloudwatch:logs-insights", "cloudwatch", "CloudWatch Logs Insights", dec(c.logsInsightsGbScanned()), PriceId.CW_LOGS_INSIGHTS,
                Formula.of("q.cw.insights", Num.fmt(c.logsInsightsGbScanned()))));
        lines.addAll(serviceLogDemands(w));
        return lines;
    }

    /** The CloudWatch Exporter's requests, priced (see {@link #exporterApiDemands}). */
    public List<CostLine> exporterApiLines(Workload w, boolean freeTier) {
        return pricer.price(exporterApiDemands(w, freeTier));
    }

    /**
     * The CloudWatch Exporter's requests, as the API it calls bills them. GetMetricData: every
     * metric x statistic x dimension combination of every scrape is a billed metric. GetMetricStatistics:
     * one request per metric x dimension combination a scrape (its statistics in one request), billed
     * as API requests with the free tier's 1M requests where counted. ListMetrics: once per metric and
     * page of 500 each time the exporter's cache expires, billed as API requests.
     */
    public List<CostDemand> exporterApiDemands(Workload w, boolean freeTier) {
        List<CostDemand> out = new ArrayList<>();
        var e = w.exporter();
        double scrapes = e.scrapesPerMonth();
        double list = e.listMetricsCallsPerMonth(w.serviceCount());
        long free = freeTier ? CW_FREE_API_REQUESTS : 0;
        if (e.api() == ExporterApi.GET_METRIC_DATA) {
            long per = e.metricsPerScrape(w.serviceCount());
            out.add(CostDemand.of("cloudwatch:exporter-api", "cloudwatch-api", "GetMetricData from the CloudWatch Exporter", dec(per * scrapes / 1000.0), PriceId.CW_GET_METRIC_DATA,
                    Formula.of("q.exporter.gmd", per, Hours.SECONDS_PER_MONTH, e.scrapeInterval().text())).withNote(Formula.of("n.exporter.gmd")));
            double listBilled = Math.max(0, list - free);
            out.add(CostDemand.of("cloudwatch:exporter-api:listmetrics", "cloudwatch-api", "ListMetrics from the CloudWatch Exporter", dec(listBilled / 1000.0), PriceId.CW_API_REQUESTS,
                    Formula.of("q.exporter.listmetrics", Num.fmt(list), e.listMetricsCacheTtl().seconds() > e.scrapeInterval().seconds()
                            ? Formula.of("q.every.cache", e.listMetricsCacheTtl().text()) : Formula.of("q.every.scrape", e.scrapeInterval().text()), free(free))));
        } else {
            long per = e.combinationsPerScrape(w.serviceCount());
            double requests = per * scrapes + list;
            double billed = Math.max(0, requests - free);
            out.add(CostDemand.of("cloudwatch:exporter-api", "cloudwatch-api", "GetMetricStatistics and ListMetrics from the CloudWatch Exporter", dec(billed / 1000.0), PriceId.CW_API_REQUESTS,
                    Formula.of("q.exporter.gms", per, Hours.SECONDS_PER_MONTH, e.scrapeInterval().text(), Num.fmt(list), free(free)))
                    .withNote(Formula.of("n.exporter.gms")));
        }
        return out;
    }

    /**
     * GB a month the stack moves through NAT (or the endpoints): image pulls of its tasks, its
     * container logs, the exporter's CloudWatch responses, and remote write when it sends samples out.
     */
    public static double natGb(Workload w, Sizing s, boolean collectorOnly) {
        if (!w.network().natGbEstimated()) {
            return w.network().natGbPerMonth();
        }
        int tasks = collectorOnly ? 2 : s.components().size();
        double logs = collectorOnly ? w.logs().stackGbPerMonth() * 2.0 / Math.max(1, s.components().size()) : w.logs().stackGbPerMonth();
        double exporter = w.exporter().metricsPerScrape(w.serviceCount()) * w.exporter().scrapesPerMonth() * EXPORTER_BYTES_PER_METRIC / 1e9;
        double remote = 0;
        if (collectorOnly || w.storage().backend() == StorageBackend.AMP_REMOTE_WRITE) {
            remote = s.samplesPerSecond() * Hours.SECONDS_PER_MONTH * REMOTE_WRITE_BYTES_PER_SAMPLE / 1e9;
        }
        return tasks * IMAGE_GB_PER_PULL * IMAGE_PULLS_PER_MONTH + logs + exporter + remote;
    }

    static Formula natGbFormula(Workload w, boolean collectorOnly) {
        if (!w.network().natGbEstimated()) {
            return Formula.of("q.nat.given");
        }
        boolean remote = collectorOnly || w.storage().backend() == StorageBackend.AMP_REMOTE_WRITE;
        return remote ? Formula.of("q.nat.estimated.remote", Num.fmt(IMAGE_GB_PER_PULL), Num.fmt(IMAGE_PULLS_PER_MONTH), Num.fmt(EXPORTER_BYTES_PER_METRIC),
                Num.fmt(REMOTE_WRITE_BYTES_PER_SAMPLE))
                : Formula.of("q.nat.estimated", Num.fmt(IMAGE_GB_PER_PULL), Num.fmt(IMAGE_PULLS_PER_MONTH), Num.fmt(EXPORTER_BYTES_PER_METRIC));
    }

    /** NAT gateway or interface endpoints, as the scenario's {@code network.nat} says. */
    public List<CostDemand> networkDemands(Workload w, double gb, boolean collectorOnly) {
        List<CostDemand> out = new ArrayList<>();
        Formula gbText = Formula.of("q.nat.gb", Num.fmt(gb), natGbFormula(w, collectorOnly));
        switch (w.network().nat()) {
            case EXISTING -> out.add(CostDemand.of("network:nat:data", "network", "NAT gateway data processed (the subnets' existing gateway)", dec(gb), PriceId.NAT_GB,
                    gbText).withNote(Formula.of("n.nat.existing")));
            case NEW -> {
                out.add(CostDemand.of("network:nat:hours", "network", "NAT gateway hours (a new gateway for the stack)", dec(Hours.PER_MONTH), PriceId.NAT_HOUR,
                        Formula.of("q.nat.hours", Hours.PER_MONTH)).withNote(Formula.of("n.nat.hours")));
                out.add(CostDemand.of("network:nat:data", "network", "NAT gateway data processed", dec(gb), PriceId.NAT_GB, gbText));
            }
            case VPC_ENDPOINTS -> {
                int n = NetworkSpec.INTERFACE_ENDPOINTS + (collectorOnly || w.storage().backend() == StorageBackend.AMP_REMOTE_WRITE ? 1 : 0);
                int azs = w.network().availabilityZones();
                out.add(CostDemand.of("network:endpoints:hours", "network", "Interface VPC endpoints", dec((double) n * azs * Hours.PER_MONTH), PriceId.VPC_ENDPOINT_HOUR,
                        Formula.of("q.endpoints", n, azs, Hours.PER_MONTH)).withNote(Formula.of(n > NetworkSpec.INTERFACE_ENDPOINTS ? "n.endpoints.aps" : "n.endpoints")));
                out.add(CostDemand.of("network:endpoints:data", "network", "Interface VPC endpoints data processed", dec(gb), PriceId.VPC_ENDPOINT_GB, gbText));
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }

    /** The services' own logs, kept in every alternative (none when the scenario has none). */
    public List<CostDemand> serviceLogDemands(Workload w) {
        double gb = w.logs().servicesGbPerMonth();
        if (gb <= 0) {
            return List.of();
        }
        return List.of(
                CostDemand.of("logs:services:ingest", "logs", "CloudWatch Logs ingestion, the services' own logs (kept in every alternative)", dec(gb),
                        PriceId.CW_LOGS_INGEST, Formula.of("q.gbMonth", Num.fmt(gb))),
                CostDemand.of("logs:services:storage", "logs", "CloudWatch Logs storage, the services' own logs", dec(gb * storedMonths(w)), PriceId.CW_LOGS_STORAGE,
                        Formula.of("q.logs.storage", Num.fmt(gb), w.logs().retentionDays(), Num.fmt(Hours.DAYS_PER_MONTH))));
    }

    private static double storedMonths(Workload w) {
        return w.logs().retentionDays() / Hours.DAYS_PER_MONTH;
    }

    /** The pricer of this model's region. */
    public Pricer pricer() {
        return pricer;
    }

    /** A quantity with 6 significant decimals: exact enough, and stable in golden files. */
    public static BigDecimal dec(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return BigDecimal.valueOf((long) d);
        }
        BigDecimal b = new BigDecimal(d);
        return (Math.abs(d) >= 1 ? b.setScale(6, RoundingMode.HALF_UP) : b.round(new MathContext(6, RoundingMode.HALF_UP))).stripTrailingZeros();
    }
}
