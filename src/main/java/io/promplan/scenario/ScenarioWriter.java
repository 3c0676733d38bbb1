package io.promplan.scenario;

import io.promplan.core.sizing.Num;
import io.promplan.io.AtomicFiles;
import io.promplan.core.workload.Baseline;
import io.promplan.core.workload.BaselineLine;
import io.promplan.core.workload.CloudWatchMetric;
import io.promplan.core.workload.CloudWatchOnly;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.FargateSize;
import io.promplan.core.workload.GrafanaSpec;
import io.promplan.core.workload.Measurement;
import io.promplan.core.workload.RoiAssumptions;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ServiceSpec;
import io.promplan.core.workload.Uncertainty;
import io.promplan.core.workload.Workload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a scenario as YAML with a comment on each key, so that a saved file can be read and edited
 * by hand. Writes atomically: a temporary file in the same folder, then a move over the old file.
 */
public final class ScenarioWriter {
    private ScenarioWriter() {
    }

    public static void write(Scenario s, Path file) throws IOException {
        AtomicFiles.writeString(file, toYaml(s));
    }

    /** With the {@code measured:} block that says where the workload's figures came from (null: none). */
    public static void write(Scenario s, Measurement measured, Path file) throws IOException {
        AtomicFiles.writeString(file, toYaml(s, measured));
    }

    /** The scenario, then the {@code measured:} block (null: none). */
    public static String toYaml(Scenario s, Measurement measured) {
        String yaml = toYaml(s);
        return measured == null ? yaml : yaml + measured(measured);
    }

    private static String measured(Measurement m) {
        StringBuilder b = new StringBuilder();
        b.append("# measured: where the workload figures above came from (written by promplan measure; the plan does not read it)\nmeasured:\n");
        kv(b, 1, "method", m.method(), "how: targets (metrics endpoints scraped) | prometheus (a running Prometheus read through its HTTP API)");
        kv(b, 1, "at", q(m.at()), "when (UTC)");
        kv(b, 1, "by", q(m.by()), "the build that measured");
        if (m.server() != null) {
            b.append("  # server: the Prometheus read\n  server:\n");
            source(b, m.server(), "    ", "    ");
        }
        if (!m.sources().isEmpty()) {
            b.append("  # sources: one entry per measured endpoint or job\n  sources:\n");
            for (Measurement.Source src : m.sources()) {
                source(b, src, "    - ", "      ");
            }
        }
        if (!m.failed().isEmpty()) {
            b.append("  # failed: sources that could not be read, and why (left out of the workload)\n  failed:\n");
            for (String f : m.failed()) {
                b.append("    - ").append(q(f)).append('\n');
            }
        }
        return b.toString();
    }

    private static void source(StringBuilder b, Measurement.Source src, String first, String pad) {
        b.append(first.replace("- ", "")).append("# name of the source (service or job)\n");
        b.append(first).append("name: ").append(q(src.name())).append('\n');
        b.append(pad).append("# address read (credentials are never written)\n");
        b.append(pad).append("url: ").append(q(src.url())).append('\n');
        for (Map.Entry<String, String> e : src.figures().entrySet()) {
            b.append(pad).append("# ").append(Measurement.FIGURES.getOrDefault(e.getKey(), e.getKey())).append('\n');
            String v = e.getValue();
            b.append(pad).append(e.getKey()).append(": ").append(v.matches("-?\\d+(\\.\\d+)?") ? v : q(v)).append('\n');
        }
    }

    public static String toYaml(Scenario s) {
        Workload w = s.workload();
        StringBuilder b = new StringBuilder();
        b.append("# Promplan scenario file. Every key is explained on the line above it; durations use Prometheus units (15s, 5m, 2h, 15d).\n");
        kv(b, 0, "version", Scenario.CURRENT_VERSION, "format version of this file");
        kv(b, 0, "name", q(s.name()), "shown in the title bar and reports");
        if (!s.description().isEmpty()) {
            kv(b, 0, "description", q(s.description()), "free text: what this scenario stands for");
        }
        kv(b, 0, "region", q(w.region()), "AWS region code the stack runs in (prices are taken for it)");
        kv(b, 0, "architecture", w.architecture().key(), "Fargate CPU architecture: x86_64 | arm64");
        kv(b, 0, "serviceCount", w.serviceCount(), "ECS services Prometheus scrapes");
        kv(b, 0, "metricsPerService", w.metricsPerService(), "metric names each service exposes");
        kv(b, 0, "seriesPerMetric", Num.fmt(w.seriesPerMetric()), "average label combinations (series) per metric name and target");
        kv(b, 0, "targetsPerService", w.targetsPerService(), "tasks (scrape targets) per service");
        kv(b, 0, "histogramShare", Num.fmt(w.histogramShare()), "share of metric names that are histograms (0 to 1)");
        kv(b, 0, "histogramBuckets", w.histogramBuckets(), "buckets per histogram, +Inf included (each also has _sum and _count)");
        if (!w.serviceOverrides().isEmpty()) {
            b.append("# services: per-service figures that override the shorthand above for the first services (omitted fields keep the shorthand's)\n");
            b.append("services:\n");
            for (ServiceSpec o : w.serviceOverrides()) {
                b.append("  - name: ").append(q(o.name())).append('\n');
                if (o.metrics() > 0) {
                    b.append("    metrics: ").append(o.metrics()).append('\n');
                }
                if (o.seriesPerMetric() > 0) {
                    b.append("    seriesPerMetric: ").append(Num.fmt(o.seriesPerMetric())).append('\n');
                }
                if (o.targets() > 0) {
                    b.append("    targets: ").append(o.targets()).append('\n');
                }
                if (o.histogramShare() >= 0) {
                    b.append("    histogramShare: ").append(Num.fmt(o.histogramShare())).append('\n');
                }
                if (o.histogramBuckets() > 0) {
                    b.append("    histogramBuckets: ").append(o.histogramBuckets()).append('\n');
                }
            }
        }
        kv(b, 0, "scrapeInterval", w.scrapeInterval().text(), "scrape and rule evaluation interval");
        kv(b, 0, "retention", w.retention().text(), "how long Prometheus keeps data (--storage.tsdb.retention.time)");
        kv(b, 0, "storage", w.storage().backend().key(), "where the TSDB lives: efs | ebs | ephemeral | amp-remote-write");
        b.append("# storageGiB: pinned sizes in GiB (0 or absent = sized by the model)\nstorageGiB:\n");
        kv(b, 1, "prometheus", Num.fmt(w.storage().prometheusGiB()), "Prometheus data volume");
        kv(b, 1, "grafana", Num.fmt(w.storage().grafanaGiB()), "Grafana data on EFS (0 = 1 GiB)");
        kv(b, 0, "localRetention", w.storage().localRetention().text(), "with amp-remote-write: what Prometheus keeps locally");
        kv(b, 0, "backup", w.storage().backup(), "daily AWS Backup of the data, kept 7 days");
        kv(b, 0, "alertmanager", w.alertmanager(), "run an Alertmanager task");
        kv(b, 0, "alertsReachPeople", w.alertmanager(), "alerts must reach people (Slack): Alertmanager is then planned, priced and exported");
        if (!w.pinned().isEmpty()) {
            b.append("# pinned: task sizes fixed by hand (cpu in CPU units, 1024 = 1 vCPU; memory in MiB); unpinned tasks are sized by the model\npinned:\n");
            for (Map.Entry<Component, FargateSize> e : w.pinned().entrySet()) {
                b.append("  ").append(ScenarioReader.camel(e.getKey().key())).append(": { cpu: ").append(e.getValue().cpuUnits())
                        .append(", memoryMiB: ").append(e.getValue().memoryMiB()).append(" }\n");
            }
        }
        GrafanaSpec g = w.grafana();
        b.append("# grafana: who looks at dashboards and how\ngrafana:\n");
        kv(b, 1, "users", g.users(), "named users");
        kv(b, 1, "editors", g.editors(), "of which editors or admins (the rest view)");
        kv(b, 1, "concurrentUsers", g.concurrentUsers(), "users looking at dashboards at once");
        kv(b, 1, "dashboards", g.dashboards(), "dashboards");
        kv(b, 1, "panelsPerDashboard", g.panelsPerDashboard(), "panels (queries) per dashboard");
        kv(b, 1, "refreshInterval", g.refreshInterval().text(), "dashboard auto-refresh");
        kv(b, 1, "activeHoursPerMonth", Num.fmt(g.activeHoursPerMonth()), "hours a month somebody has dashboards open");
        kv(b, 1, "kbPerPanelRefresh", Num.fmt(g.kbPerPanelRefresh()), "KB one panel refresh sends to the browser");
        kv(b, 0, "alertRules", w.alertRules(), "alerting and recording rules Prometheus evaluates");
        b.append("# logs: CloudWatch Logs\nlogs:\n");
        kv(b, 1, "stackGbPerMonth", Num.fmt(w.logs().stackGbPerMonth()), "GB a month the stack's own containers log");
        kv(b, 1, "servicesGbPerMonth", Num.fmt(w.logs().servicesGbPerMonth()), "GB a month the services already log (kept in every alternative)");
        kv(b, 1, "retentionDays", w.logs().retentionDays(), "log group retention");
        b.append("# cloudwatchExporter: what the CloudWatch Exporter requests (each scrape requests every metric again)\ncloudwatchExporter:\n");
        kv(b, 1, "scrapeInterval", w.exporter().scrapeInterval().text(), "how often Prometheus scrapes the exporter");
        kv(b, 1, "period", w.exporter().period().text(), "CloudWatch period requested");
        kv(b, 1, "api", w.exporter().api().apiName(), "API the exporter calls: GetMetricData (use_get_metric_data: true) or GetMetricStatistics; the export's config and IAM role follow it");
        kv(b, 1, "listMetricsCacheTtl", w.exporter().listMetricsCacheTtl().text(), "the exporter lists each metric's dimensions again after this (list_metrics_cache_ttl)");
        b.append("  metrics:\n");
        for (CloudWatchMetric m : w.exporter().metrics()) {
            b.append("    - namespace: ").append(q(m.namespace())).append('\n');
            b.append("      name: ").append(q(m.name())).append('\n');
            b.append("      dimensions: ").append(list(m.dimensions())).append('\n');
            b.append("      statistics: ").append(list(m.statistics())).append('\n');
            if (m.perService()) {
                b.append("      perService: true    # one dimension combination per service\n");
            } else {
                b.append("      resources: ").append(m.resources()).append("    # dimension combinations\n");
            }
        }
        b.append("# dataTransfer: traffic out to the internet besides dashboards\ndataTransfer:\n");
        kv(b, 1, "extraOutGbPerMonth", Num.fmt(w.extraDataTransferOutGb()), "GB a month");
        b.append("# sizing: how needs become Fargate sizes\nsizing:\n");
        kv(b, 1, "headroomPercent", Num.fmt(w.sizing().headroomPercent()), "added to each need before rounding up to a valid Fargate size");
        kv(b, 1, "maxSeriesPerServer", w.sizing().maxSeriesPerServer(), "active series one Prometheus server carries before the plan shards");
        kv(b, 1, "pinsAreRequirements", w.sizing().pinsAreRequirements(), "true: pinned sizes are kept (raised to the model's need when below it); false: the decision uses the model's sizes and shows the pinned ones beside them");
        b.append("# network: how the private subnets reach AWS, an account-dependent part of the bill\nnetwork:\n");
        kv(b, 1, "nat", w.network().nat().key(), "existing (the subnets already use a NAT gateway: only the data is new) | new (a NAT gateway for the stack) | vpc-endpoints");
        kv(b, 1, "availabilityZones", w.network().availabilityZones(), "zones the ALB spans (one public IPv4 address each) and endpoints are placed in");
        if (!w.network().natGbEstimated()) {
            kv(b, 1, "natGbPerMonth", Num.fmt(w.network().natGbPerMonth()), "GB a month through the NAT gateway or endpoints");
        }
        CloudWatchOnly c = s.cloudwatchOnly();
        b.append("# cloudwatchOnly: the CloudWatch-only alternative's quantities\ncloudwatchOnly:\n");
        kv(b, 1, "dashboards", c.dashboards(), "CloudWatch dashboards");
        kv(b, 1, "publishServiceSeries", c.publishServiceSeries(), "publish the services' series as custom metrics (the same workload as the Prometheus alternatives)");
        kv(b, 1, "customMetrics", c.customMetrics(), c.publishServiceSeries() ? "custom metrics published besides the services' series" : "custom metrics published");
        kv(b, 1, "alarms", c.alarms(), "standard-resolution alarm metrics");
        kv(b, 1, "highResAlarms", c.highResAlarms(), "high-resolution alarm metrics");
        kv(b, 1, "logsInsightsGbScanned", Num.fmt(c.logsInsightsGbScanned()), "GB a month scanned by Logs Insights queries");
        kv(b, 1, "freeTier", c.freeTier(), "count CloudWatch's free tier (3 dashboards, 10 metrics, 10 alarms)");
        RoiAssumptions r = s.roi();
        b.append("# roi: what the stack is worth\nroi:\n");
        kv(b, 1, "hoursSavedPerWeek", Num.fmt(r.hoursSavedPerWeek()), "engineering hours the stack saves a week");
        kv(b, 1, "hourlyRateLow", Num.fmt(r.hourlyRateLow()), "USD an hour, low end");
        kv(b, 1, "hourlyRateHigh", Num.fmt(r.hourlyRateHigh()), "USD an hour, high end");
        kv(b, 1, "opsHoursPerMonth", Num.fmt(r.opsHoursPerMonth()), "hours a month running the self-hosted stack costs");
        kv(b, 1, "setupHours", Num.fmt(r.setupHours()), "one-off hours to set it up");
        Baseline bl = s.baseline();
        if (!bl.isEmpty()) {
            b.append("# baseline: the plan's own figures, compared line by line with the computed ones\nbaseline:\n");
            kv(b, 1, "lowUsd", Num.fmt(bl.lowUsd()), "the plan's total, low end (USD a month)");
            kv(b, 1, "highUsd", Num.fmt(bl.highUsd()), "the plan's total, high end");
            kv(b, 1, "priceRegion", q(bl.priceRegion()), "region whose prices the plan used");
            if (bl.claimedGiBPerDay() > 0) {
                kv(b, 1, "claimedGiBPerDay", Num.fmt(bl.claimedGiBPerDay()), "the daily storage growth the plan claims (GB a day)");
            }
            if (!bl.roiClaim().isEmpty()) {
                b.append("  roi:\n");
                kv(b, 2, "claimedLowPercent", Num.fmt(bl.roiClaim().lowPercent()), "the ROI the plan claims, low end (%)");
                kv(b, 2, "claimedHighPercent", Num.fmt(bl.roiClaim().highPercent()), "high end (%)");
                kv(b, 2, "hoursSavedPerMonth", Num.fmt(bl.roiClaim().hoursSavedPerMonth()), "hours saved a month the plan counts");
            }
            b.append("  lines:\n");
            baselineLines(b, bl.lines(), 4);
            b.append("  cloudwatchOnly:\n");
            kv(b, 2, "totalUsd", Num.fmt(bl.cloudwatchOnlyUsd()), "the plan's CloudWatch-only figure");
            b.append("    lines:\n");
            baselineLines(b, bl.cloudwatchOnlyLines(), 6);
        }
        if (!s.uncertainty().isEmpty()) {
            b.append("# uncertainty: ranges for inputs (path: {low, likely, high, shape pert|triangular}); likely left out = the value above.\n");
            b.append("# `promplan simulate` samples them; the plan itself uses the values above.\nuncertainty:\n");
            s.uncertainty().ranges().forEach((path, u) -> b.append("  ").append(path).append(": { low: ").append(Num.fmt(u.low()))
                    .append(u.hasLikely() ? ", likely: " + Num.fmt(u.likely()) : "")
                    .append(", high: ").append(Num.fmt(u.high()))
                    .append(u.shape() == Uncertainty.Shape.PERT ? "" : ", shape: " + u.shape().key()).append(" }\n"));
        }
        return b.toString();
    }

    private static void baselineLines(StringBuilder b, List<BaselineLine> lines, int indent) {
        String pad = " ".repeat(indent);
        if (lines.isEmpty()) {
            b.setLength(b.length() - 1);
            b.append(" []\n");
            return;
        }
        for (BaselineLine l : lines) {
            b.append(pad).append("- name: ").append(q(l.name())).append('\n');
            if (l.lowUsd() == l.highUsd()) {
                b.append(pad).append("  usd: ").append(Num.fmt(l.lowUsd())).append('\n');
            } else {
                b.append(pad).append("  lowUsd: ").append(Num.fmt(l.lowUsd())).append('\n');
                b.append(pad).append("  highUsd: ").append(Num.fmt(l.highUsd())).append('\n');
            }
            if (l.planHours() > 0) {
                b.append(pad).append("  planHours: ").append(l.planHours()).append('\n');
            }
            b.append(pad).append("  covers: ").append(list(l.covers())).append('\n');
            if (!l.planFormula().isEmpty()) {
                b.append(pad).append("  planFormula: ").append(q(l.planFormula())).append('\n');
            }
            if (!l.note().isEmpty()) {
                b.append(pad).append("  note: ").append(q(l.note())).append('\n');
            }
            if (l.notPriced()) {
                b.append(pad).append("  notPriced: true\n");
            }
        }
    }

    private static void kv(StringBuilder b, int level, String key, Object value, String comment) {
        String pad = "  ".repeat(level);
        b.append(pad).append("# ").append(comment).append('\n');
        b.append(pad).append(key).append(": ").append(value).append('\n');
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items.stream().map(ScenarioWriter::q).toList()) + "]";
    }

    /** A double-quoted YAML string. */
    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\x%02x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
