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

    /** The self-hosted stack: Fargate tasks, storage, backup, ALB, logs, exporter API calls, data out. */
    public Alternative selfHosted(Workload w, Sizing s) {
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
            if (st.backend() == StorageBackend.EBS) {
                double gb = st.neededGiB() * (1 + BACKUP_RETENTION_DAYS / Math.max(1.0, w.retention().days()));
                lines.add(line("backup:ebs", "backup", "EBS snapshots of the Prometheus volume", dec(gb), PriceId.EBS_SNAPSHOT,
                        "stored GB x (1 + " + BACKUP_RETENTION_DAYS + " d of daily backups / retention days)", ""));
            }
            double efsGb = (st.backend() == StorageBackend.EFS ? st.billedPrometheusGiB() * (1 + BACKUP_RETENTION_DAYS / Math.max(1.0, w.retention().days())) : 0)
                    + st.grafanaGiB();
            lines.add(line("backup:efs", "backup", "AWS Backup, EFS warm storage", dec(efsGb), PriceId.BACKUP_EFS_WARM,
                    "EFS GB x (1 + " + BACKUP_RETENTION_DAYS + " d of daily backups / retention days) for Prometheus data on EFS, + Grafana GB", ""));
        }
        Traffic t = Traffic.of(w.grafana(), w.extraDataTransferOutGb());
        lines.add(line("alb:hours", "alb", "ALB hours", dec(Hours.PER_MONTH), PriceId.ALB_HOUR, Hours.PER_MONTH + " h", ""));
        lines.add(line("alb:lcu", "alb", "ALB LCU-hours", dec(t.lcuHoursPerMonth()), PriceId.ALB_LCU,
                Num.fmt(t.lcuPerActiveHour()) + " LCU x " + Num.fmt(t.activeHours()) + " active h", "largest LCU dimension: processed bytes"));
        double stackLogs = w.logs().stackGbPerMonth();
        lines.add(line("logs:stack:ingest", "logs", "CloudWatch Logs ingestion, stack containers", dec(stackLogs), PriceId.CW_LOGS_INGEST,
                Num.fmt(stackLogs) + " GB a month", ""));
        lines.add(line("logs:stack:storage", "logs", "CloudWatch Logs storage, stack containers", dec(stackLogs * storedMonths(w)), PriceId.CW_LOGS_STORAGE,
                Num.fmt(stackLogs) + " GB x " + w.logs().retentionDays() + " d / " + Num.fmt(Hours.DAYS_PER_MONTH) + " d (uncompressed, an upper bound)", ""));
        addServiceLogs(w, lines);
        long combos = w.exporter().metricsPerScrape(w.serviceCount());
        double perMonth = combos * (Hours.SECONDS_PER_MONTH / (double) w.exporter().scrapeInterval().seconds());
        lines.add(line("cloudwatch:exporter-api", "cloudwatch-api", "GetMetricData from the CloudWatch Exporter", dec(perMonth / 1000.0), PriceId.CW_GET_METRIC_DATA,
                combos + " metric-statistics x " + Hours.SECONDS_PER_MONTH + " s / " + w.exporter().scrapeInterval().text() + " scrape / 1000",
                "every scrape of the exporter requests every metric again"));
        lines.add(line("transfer:out", "data-transfer", "Data transfer out (dashboards)", dec(t.gbOutPerMonth()), PriceId.DATA_TRANSFER_OUT,
                Num.fmt(t.gbPerHour()) + " GB/h x " + Num.fmt(t.activeHours()) + " active h + " + Num.fmt(w.extraDataTransferOutGb()) + " GB",
                "the account-wide 100 GB free tier is not counted"));
        notes.add("Not priced: NAT gateway or VPC endpoints the private subnets already use, Route 53 hosted zone, ACM certificate (free), Secrets Manager secrets.");
        return new Alternative(Alternative.SELF_HOSTED, "Self-hosted Prometheus + Grafana on Fargate", lines, notes);
    }

    /** CloudWatch alone: dashboards, custom metrics, alarms, Logs Insights, and the services' logs. */
    public Alternative cloudwatchOnly(Scenario sc) {
        Workload w = sc.workload();
        CloudWatchOnly c = sc.cloudwatchOnly();
        List<CostLine> lines = new ArrayList<>();
        int freeD = c.freeTier() ? CW_FREE_DASHBOARDS : 0;
        int freeM = c.freeTier() ? CW_FREE_METRICS : 0;
        int freeA = c.freeTier() ? CW_FREE_ALARMS : 0;
        lines.add(line("cloudwatch:dashboards", "cloudwatch", "CloudWatch dashboards", dec(Math.max(0, c.dashboards() - freeD)), PriceId.CW_DASHBOARD,
                c.dashboards() + " dashboards" + (freeD > 0 ? " - " + freeD + " free" : ""), ""));
        lines.add(line("cloudwatch:metrics", "cloudwatch", "CloudWatch custom metrics", dec(Math.max(0, c.customMetrics() - freeM)), PriceId.CW_METRIC,
                c.customMetrics() + " metrics" + (freeM > 0 ? " - " + freeM + " free" : ""), ""));
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
        return new Alternative(Alternative.CLOUDWATCH_ONLY, "CloudWatch only", lines, notes);
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
