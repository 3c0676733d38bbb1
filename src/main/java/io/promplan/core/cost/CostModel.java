package io.promplan.core.cost;

import io.promplan.core.money.Money;
import io.promplan.core.price.Price;
import io.promplan.core.price.PriceCatalog;
import io.promplan.core.price.PriceId;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.sizing.Num;
import io.promplan.core.sizing.Sizing;
import io.promplan.core.sizing.StorageSizing;
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

/** Demands x unit prices -> priced lines, for each alternative. */
public final class CostModel {
    /** Days AWS Backup keeps the daily copies the export schedules. */
    public static final int BACKUP_RETENTION_DAYS = 7;
    public static final int CW_FREE_DASHBOARDS = 3;
    public static final int CW_FREE_METRICS = 10;
    public static final int CW_FREE_ALARMS = 10;

    private final PriceCatalog catalog;
    private final String region;

    public CostModel(PriceCatalog catalog, String region) {
        this.catalog = catalog;
        this.region = region;
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
        List<CostLine> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean arm = w.architecture() == Architecture.ARM64;
        PriceId vcpu = arm ? PriceId.FARGATE_VCPU_ARM : PriceId.FARGATE_VCPU_X86;
        PriceId mem = arm ? PriceId.FARGATE_MEMORY_ARM : PriceId.FARGATE_MEMORY_X86;
        for (ComponentSizing c : s.components()) {
            String k = "fargate:" + c.key();
            String comp = c.component().key();
            double v = c.size().vcpu();
            double gb = c.size().memoryGb();
            lines.add(line(k + ":vcpu", comp, c.displayName() + " vCPU", dec(v * Hours.PER_MONTH), vcpu,
                    Num.fmt(v) + " vCPU x " + Hours.PER_MONTH + " h", ""));
            lines.add(line(k + ":memory", comp, c.displayName() + " memory", dec(gb * Hours.PER_MONTH), mem,
                    Num.fmt(gb) + " GB x " + Hours.PER_MONTH + " h", ""));
        }
        StorageSizing st = s.storage();
        switch (st.backend()) {
            case EFS -> {
                lines.add(line("storage:efs:prometheus", "storage", "EFS Standard, Prometheus data", dec(st.billedPrometheusGiB()), PriceId.EFS_STANDARD,
                        st.pinned() ? "pinned " + Num.fmt(st.billedPrometheusGiB()) + " GB" : "steady-state stored GB (blocks + WAL + head chunks)", ""));
            }
            case EBS -> lines.add(line("storage:ebs:prometheus", "storage", "EBS gp3 volume, Prometheus data", dec(st.volumeGiB() * s.shards()),
                    PriceId.EBS_GP3, Num.fmt(st.volumeGiB()) + " GB provisioned" + (s.shards() > 1 ? " x " + s.shards() + " shards" : ""), "3,000 IOPS and 125 MB/s baseline included"));
            case EPHEMERAL, AMP_REMOTE_WRITE -> {
                if (st.billedPrometheusGiB() > 0) {
                    lines.add(line("fargate:prometheus:ephemeral", "storage", "Fargate ephemeral storage above 20 GB", dec(st.billedPrometheusGiB() * Hours.PER_MONTH * s.shards()),
                            PriceId.FARGATE_EPHEMERAL, Num.fmt(st.billedPrometheusGiB()) + " GB x " + Hours.PER_MONTH + " h" + (s.shards() > 1 ? " x " + s.shards() : ""), ""));
                }
            }
            default -> throw new IllegalStateException();
        }
        if (st.backend() == StorageBackend.AMP_REMOTE_WRITE) {
            BigDecimal samples10M = dec(s.samplesPerSecond() * Hours.SECONDS_PER_MONTH / 10_000_000.0);
            lines.add(line("amp:samples", "managed-prometheus", "Managed Prometheus samples ingested", samples10M, PriceId.AMP_SAMPLES,
                    Num.fmt(s.samplesPerSecond()) + " samples/s x " + Hours.SECONDS_PER_MONTH + " s / 10^7", "tiered; the first 40M samples are free in the price list"));
            lines.add(line("amp:storage", "managed-prometheus", "Managed Prometheus storage", dec(st.remoteStoredGiB()), PriceId.AMP_STORAGE,
                    "stored GB for " + w.retention().text(), ""));
        }
        lines.add(line("storage:efs:grafana", "storage", "EFS Standard, Grafana data", dec(st.grafanaGiB()), PriceId.EFS_STANDARD,
                (w.storage().grafanaGiB() > 0 ? "pinned " : "default ") + Num.fmt(st.grafanaGiB()) + " GB (SQLite, plugins)", ""));
        if (w.storage().backup()) {
            double stored = st.blocksGiB() + st.walGiB() + st.headChunksGiB();
            if (st.backend() == StorageBackend.EBS) {
                // the stored blocks, WAL and head chunks are the whole stack's (every shard's share together)
                double gb = stored * (1 + BACKUP_RETENTION_DAYS / Math.max(1.0, w.retention().days()));
                lines.add(line("backup:ebs", "backup", "EBS snapshots of the Prometheus volume", dec(gb), PriceId.EBS_SNAPSHOT,
                        "stored GB" + (s.shards() > 1 ? " of all " + s.shards() + " shards" : "") + " x (1 + " + BACKUP_RETENTION_DAYS
                                + " d of daily backups / retention days): snapshots are incremental and bill the blocks written, not the volume", ""));
            }
            double efsGb = (st.backend() == StorageBackend.EFS ? stored * (1 + BACKUP_RETENTION_DAYS / Math.max(1.0, w.retention().days())) : 0)
                    + st.grafanaGiB();
            lines.add(line("backup:efs", "backup", "AWS Backup, EFS warm storage", dec(efsGb), PriceId.BACKUP_EFS_WARM,
                    "EFS GB x (1 + " + BACKUP_RETENTION_DAYS + " d of daily backups / retention days) for Prometheus data on EFS, + Grafana GB", ""));
        }
        Traffic t = Traffic.of(w.grafana(), w.extraDataTransferOutGb());
        lines.add(line("alb:hours", "alb", "ALB hours", dec(Hours.PER_MONTH), PriceId.ALB_HOUR, Hours.PER_MONTH + " h", ""));
        lines.add(line("alb:lcu", "alb", "ALB LCU-hours", dec(t.lcuHoursPerMonth()), PriceId.ALB_LCU,
                Num.fmt(t.lcuPerActiveHour()) + " LCU x " + Num.fmt(t.activeHours()) + " active h", "largest LCU dimension: processed bytes"));
        int azs = w.network().availabilityZones();
        lines.add(line("network:ipv4", "network", "Public IPv4 addresses of the internet-facing ALB", dec((double) azs * Hours.PER_MONTH), PriceId.VPC_PUBLIC_IPV4,
                azs + " addresses (one per availability zone) x " + Hours.PER_MONTH + " h", "AWS bills every public IPv4 address in use since February 2024"));
        double stackLogs = w.logs().stackGbPerMonth();
        lines.add(line("logs:stack:ingest", "logs", "CloudWatch Logs ingestion, stack containers", dec(stackLogs), PriceId.CW_LOGS_INGEST,
                Num.fmt(stackLogs) + " GB a month", ""));
        lines.add(line("logs:stack:storage", "logs", "CloudWatch Logs storage, stack containers", dec(stackLogs * storedMonths(w)), PriceId.CW_LOGS_STORAGE,
                Num.fmt(stackLogs) + " GB x " + w.logs().retentionDays() + " d / " + Num.fmt(Hours.DAYS_PER_MONTH) + " d (uncompressed, an upper bound)", ""));
        addServiceLogs(w, lines);
        lines.addAll(exporterApiLines(w, cwFreeTier));
        lines.addAll(networkLines(w, natGb(w, s, false), false));
        lines.add(line("dns:cloudmap-zone", "dns", "Route 53 private hosted zone of the Cloud Map namespace", BigDecimal.ONE, PriceId.ROUTE53_HOSTED_ZONE,
                "1 zone (the monitoring namespace's, created with it)", ""));
        int secrets = 1 + (w.alertmanager() ? 1 : 0);
        lines.add(line("secrets:secretsmanager", "secrets", "Secrets Manager secrets the stack reads", BigDecimal.valueOf(secrets), PriceId.SECRETS_MANAGER_SECRET,
                secrets + " secrets (Grafana admin password" + (w.alertmanager() ? ", Slack webhook" : "") + ")",
                "an SSM SecureString parameter instead costs nothing; an OAuth client secret adds one"));
        lines.add(line("s3:config", "config", "S3 bucket of the exported configuration", dec(CONFIG_BUCKET_GB), PriceId.S3_STANDARD,
                "about 1 MB of configuration and dashboards with their versions", "requests at apply and task start are a few hundred a month"));
        lines.add(line("transfer:out", "data-transfer", "Data transfer out (dashboards)", dec(t.gbOutPerMonth()), PriceId.DATA_TRANSFER_OUT,
                Num.fmt(t.gbPerHour()) + " GB/h x " + Num.fmt(t.activeHours()) + " active h + " + Num.fmt(w.extraDataTransferOutGb()) + " GB",
                "the account-wide 100 GB free tier is not counted"));
        notes.add("Not priced: the ACM certificate (public certificates are free) and the Route 53 record for Grafana in a zone the account already has.");
        return new Alternative(SelfHostedModel.ID, SelfHostedModel.INSTANCE.name(), SelfHostedModel.INSTANCE.role(), lines, notes);
    }

    /** CloudWatch alone: dashboards, custom metrics, alarms, Logs Insights, and the services' logs. */
    /** @param serviceSeries the services' series, as the sizing counts them for the Prometheus alternatives */
    public Alternative cloudwatchOnly(Scenario sc, long serviceSeries) {
        Workload w = sc.workload();
        CloudWatchOnly c = sc.cloudwatchOnly();
        List<CostLine> lines = new ArrayList<>();
        int freeD = c.freeTier() ? CW_FREE_DASHBOARDS : 0;
        int freeM = c.freeTier() ? CW_FREE_METRICS : 0;
        int freeA = c.freeTier() ? CW_FREE_ALARMS : 0;
        lines.add(line("cloudwatch:dashboards", "cloudwatch", "CloudWatch dashboards", dec(Math.max(0, c.dashboards() - freeD)), PriceId.CW_DASHBOARD,
                c.dashboards() + " dashboards" + (freeD > 0 ? " - " + freeD + " free" : ""), ""));
        long metrics = c.customMetrics() + (c.publishServiceSeries() ? serviceSeries : 0);
        lines.add(line("cloudwatch:metrics", "cloudwatch", "CloudWatch custom metrics", dec(Math.max(0, metrics - freeM)), PriceId.CW_METRIC,
                (c.publishServiceSeries() ? serviceSeries + " service series (the same as the Prometheus alternatives scrape)"
                        + (c.customMetrics() > 0 ? " + " + c.customMetrics() + " other metrics" : "") : c.customMetrics() + " metrics (the services' own series left out)")
                        + (freeM > 0 ? " - " + freeM + " free" : ""),
                c.publishServiceSeries() ? "each series (metric name x label set) is one custom metric" : "the plan's narrower reading: only AWS's own metrics and a few custom ones"));
        lines.add(line("cloudwatch:alarms", "cloudwatch", "CloudWatch alarms (standard)", dec(Math.max(0, c.alarms() - freeA)), PriceId.CW_ALARM,
                c.alarms() + " alarm metrics" + (freeA > 0 ? " - " + freeA + " free" : ""), ""));
        if (c.highResAlarms() > 0) {
            lines.add(line("cloudwatch:alarms-highres", "cloudwatch", "CloudWatch alarms (high resolution)", dec(c.highResAlarms()), PriceId.CW_ALARM_HIGHRES,
                    c.highResAlarms() + " alarm metrics", ""));
        }
        lines.add(line("cloudwatch:logs-insights", "cloudwatch", "CloudWatch Logs Insights", dec(c.logsInsightsGbScanned()), PriceId.CW_LOGS_INSIGHTS,
                Num.fmt(c.logsInsightsGbScanned()) + " GB scanned", ""));
        addServiceLogs(w, lines);
        List<String> notes = List.of("CloudWatch free tier " + (c.freeTier() ? "counted (3 dashboards, 10 metrics, 10 alarms)" : "not counted"));
        return new Alternative(CloudWatchOnlyModel.ID, CloudWatchOnlyModel.INSTANCE.name(), CloudWatchOnlyModel.INSTANCE.role(), lines, notes);
    }

    /**
     * The CloudWatch Exporter's requests, as the API it calls bills them. GetMetricData: every
     * metric x statistic x dimension combination of every scrape is a billed metric. GetMetricStatistics:
     * one request per metric x dimension combination a scrape (its statistics in one request), billed
     * as API requests with the free tier's 1M requests where counted. ListMetrics: once per metric and
     * page of 500 each time the exporter's cache expires, billed as API requests.
     */
    public List<CostLine> exporterApiLines(Workload w, boolean freeTier) {
        List<CostLine> out = new ArrayList<>();
        var e = w.exporter();
        double scrapes = e.scrapesPerMonth();
        double list = e.listMetricsCallsPerMonth(w.serviceCount());
        long free = freeTier ? CW_FREE_API_REQUESTS : 0;
        String scrapesText = Hours.SECONDS_PER_MONTH + " s / " + e.scrapeInterval().text() + " scrape";
        if (e.api() == ExporterApi.GET_METRIC_DATA) {
            long per = e.metricsPerScrape(w.serviceCount());
            out.add(line("cloudwatch:exporter-api", "cloudwatch-api", "GetMetricData from the CloudWatch Exporter", dec(per * scrapes / 1000.0), PriceId.CW_GET_METRIC_DATA,
                    per + " metric-statistics x " + scrapesText + " / 1000", "every scrape requests every metric again; the API free tier does not cover GetMetricData"));
            double listBilled = Math.max(0, list - free);
            out.add(line("cloudwatch:exporter-api:listmetrics", "cloudwatch-api", "ListMetrics from the CloudWatch Exporter", dec(listBilled / 1000.0), PriceId.CW_API_REQUESTS,
                    Num.fmt(list) + " calls (metrics x pages, every " + (e.listMetricsCacheTtl().seconds() > e.scrapeInterval().seconds() ? e.listMetricsCacheTtl().text() + " cache" : e.scrapeInterval().text() + " scrape") + ")"
                            + (free > 0 ? " - " + free + " free" : "") + " / 1000", ""));
        } else {
            long per = e.combinationsPerScrape(w.serviceCount());
            double requests = per * scrapes + list;
            double billed = Math.max(0, requests - free);
            out.add(line("cloudwatch:exporter-api", "cloudwatch-api", "GetMetricStatistics and ListMetrics from the CloudWatch Exporter", dec(billed / 1000.0), PriceId.CW_API_REQUESTS,
                    "(" + per + " metric x dimension combinations x " + scrapesText + " + " + Num.fmt(list) + " ListMetrics calls)" + (free > 0 ? " - " + free + " free" : "") + " / 1000",
                    "one request per combination a scrape, all its statistics in it"));
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

    static String natGbFormula(Workload w, boolean collectorOnly) {
        if (!w.network().natGbEstimated()) {
            return "network.natGbPerMonth";
        }
        return "tasks x " + Num.fmt(IMAGE_GB_PER_PULL) + " GB x " + Num.fmt(IMAGE_PULLS_PER_MONTH) + " image pulls + stack logs GB + exporter metric-statistics x "
                + Num.fmt(EXPORTER_BYTES_PER_METRIC) + " B" + (collectorOnly || w.storage().backend() == StorageBackend.AMP_REMOTE_WRITE
                ? " + samples x " + Num.fmt(REMOTE_WRITE_BYTES_PER_SAMPLE) + " B of remote write" : "");
    }

    /** NAT gateway or interface endpoints, as the scenario's {@code network.nat} says. */
    public List<CostLine> networkLines(Workload w, double gb, boolean collectorOnly) {
        List<CostLine> out = new ArrayList<>();
        String gbText = Num.fmt(gb) + " GB a month (" + natGbFormula(w, collectorOnly) + ")";
        switch (w.network().nat()) {
            case EXISTING -> out.add(line("network:nat:data", "network", "NAT gateway data processed (the subnets' existing gateway)", dec(gb), PriceId.NAT_GB,
                    gbText, "the gateway's hours are already paid; every GB through it is billed"));
            case NEW -> {
                out.add(line("network:nat:hours", "network", "NAT gateway hours (a new gateway for the stack)", dec(Hours.PER_MONTH), PriceId.NAT_HOUR,
                        "1 gateway x " + Hours.PER_MONTH + " h", "one gateway in one zone; one per zone for zone failures doubles it"));
                out.add(line("network:nat:data", "network", "NAT gateway data processed", dec(gb), PriceId.NAT_GB, gbText, ""));
            }
            case VPC_ENDPOINTS -> {
                int n = NetworkSpec.INTERFACE_ENDPOINTS + (collectorOnly || w.storage().backend() == StorageBackend.AMP_REMOTE_WRITE ? 1 : 0);
                int azs = w.network().availabilityZones();
                out.add(line("network:endpoints:hours", "network", "Interface VPC endpoints", dec((double) n * azs * Hours.PER_MONTH), PriceId.VPC_ENDPOINT_HOUR,
                        n + " endpoints x " + azs + " zones x " + Hours.PER_MONTH + " h", "ecr.api, ecr.dkr, logs, monitoring, secretsmanager, ssm, sts"
                                + (n > NetworkSpec.INTERFACE_ENDPOINTS ? ", aps-workspaces" : "") + "; S3 through a free gateway endpoint"));
                out.add(line("network:endpoints:data", "network", "Interface VPC endpoints data processed", dec(gb), PriceId.VPC_ENDPOINT_GB, gbText, ""));
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }

    private void addServiceLogs(Workload w, List<CostLine> lines) {
        double gb = w.logs().servicesGbPerMonth();
        if (gb <= 0) {
            return;
        }
        lines.add(line("logs:services:ingest", "logs", "CloudWatch Logs ingestion, the services' own logs (kept in every alternative)", dec(gb),
                PriceId.CW_LOGS_INGEST, Num.fmt(gb) + " GB a month", ""));
        lines.add(line("logs:services:storage", "logs", "CloudWatch Logs storage, the services' own logs", dec(gb * storedMonths(w)), PriceId.CW_LOGS_STORAGE,
                Num.fmt(gb) + " GB x " + w.logs().retentionDays() + " d / " + Num.fmt(Hours.DAYS_PER_MONTH) + " d", ""));
    }

    private static double storedMonths(Workload w) {
        return w.logs().retentionDays() / Hours.DAYS_PER_MONTH;
    }

    /** A line priced in this model's region. */
    public CostLine line(String key, String component, String item, BigDecimal qty, PriceId id, String quantityFormula, String note) {
        return line(key, component, item, qty, catalog.price(region, id), quantityFormula, note);
    }

    public static CostLine line(String key, String component, String item, BigDecimal qty, Price p, String quantityFormula, String note) {
        Money m = p.isMissing() ? null : Money.usd(p.costOf(qty));
        return new CostLine(key, component, item, qty, p.unit().isEmpty() ? p.id().unit() : p.unit(), p, m, quantityFormula, note);
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
