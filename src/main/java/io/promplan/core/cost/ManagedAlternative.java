package io.promplan.core.cost;

import io.promplan.core.price.Price;
import io.promplan.core.price.PriceId;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.workload.FargateSizes;
import io.promplan.core.sizing.Num;
import io.promplan.core.sizing.Sizing;
import io.promplan.core.units.Hours;
import io.promplan.core.workload.Architecture;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.FargateSize;
import io.promplan.core.workload.GrafanaSpec;
import io.promplan.core.workload.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Amazon Managed Service for Prometheus + Amazon Managed Grafana, priced on the same workload as the
 * self-hosted stack.
 *
 * <p>Rules (each line carries its own formula):
 * <ul>
 * <li>Samples ingested = (service series + scrape meta-series) / scrape interval + exporter series /
 *     exporter scrape interval, x seconds a month. Prometheus's own series are not sent: no server
 *     runs, and the collector's own metrics are not remote-written. Priced through the tiers of the
 *     price list, whose first 40M samples cost 0 (the free tier written into the price list).</li>
 * <li>Storage = samples/s x retention x blockBytesPerSample (the calibrated compressed size), at the
 *     steady state once the retention window is full. The 10 GB free storage is not in the price
 *     list and is not counted.</li>
 * <li>Query samples processed: dashboards = panel queries a month (users at once x panels / refresh
 *     x active hours) x series one panel reads (service series / metric names: one metric name across
 *     every service and target) x samples in the dashboard's time range (6 h, Grafana's default /
 *     scrape interval); rules = rules x evaluations a month x the same series x samples in a 5-minute
 *     rule window. The 200B free query samples are not in the price list and are not counted: the
 *     figure is what the account pays once its free tier is used by anything else.</li>
 * <li>Grafana licences: editors at the editor price, the other named users at the viewer price, all
 *     counted as active every month.</li>
 * <li>Still on Fargate: the CloudWatch Exporter (the same task size as in the self-hosted plan) and a
 *     collector (Prometheus in agent mode or the ADOT collector) that scrapes the services and
 *     remote-writes to the workspace; the collector is sized like Prometheus's ingestion with half the
 *     memory per series (agent mode keeps no head chunks or index) and priced with the same Fargate
 *     prices. Its GetMetricData calls, the services' own logs and the stack's container logs (for the
 *     two tasks) are priced as in the self-hosted stack.</li>
 * </ul>
 */
public final class ManagedAlternative implements AlternativeModel {
    public static final String ID = "amp-amg";
    public static final ManagedAlternative INSTANCE = new ManagedAlternative();
    /** Grafana's default dashboard time range. */
    public static final double DASHBOARD_RANGE_SECONDS = 6 * 3600;
    /** The window an alerting rule reads (for 5m, rate(...[5m])). */
    public static final double RULE_WINDOW_SECONDS = 300;
    public static final double COLLECTOR_BASE_MIB = 100;
    public static final double COLLECTOR_BASE_CORES = 0.02;
    /** Agent mode keeps about half of a server's memory per series (no head chunks, no index). */
    public static final double COLLECTOR_MEMORY_SHARE = 0.5;
    public static final FargateSize COLLECTOR_FLOOR = new FargateSize(256, 512);
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double MIB = 1024.0 * 1024;

    private ManagedAlternative() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Amazon Managed Prometheus + Managed Grafana";
    }

    @Override
    public Role role() {
        return Role.MANAGED;
    }

    @Override
    public List<String> noteKeys(io.promplan.core.workload.Scenario s) {
        return List.of("note.amp-amg.0", "note.amp-amg.1", "note.amp-amg.2");
    }

    /** Prices the managed services, reusing the self-hosted lines shared by both. */
    @Override
    public Alternative price(PlanContext ctx, List<Alternative> before) {
        Workload w = ctx.scenario().workload();
        Sizing s = ctx.sizing();
        CostModel cm = ctx.costModel();
        List<CostLine> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        double samples = ingestedSamplesPerSecond(w, s);
        double interval = w.scrapeInterval().seconds();
        long sentSeries = s.serviceSeries() + s.metaSeries() + s.exporterSeries();
        lines.add(cm.line("amp:samples", "managed-prometheus", "Managed Prometheus samples ingested",
                CostModel.dec(samples * Hours.SECONDS_PER_MONTH / 1e7), PriceId.AMP_SAMPLES,
                "((" + s.serviceSeries() + " service + " + s.metaSeries() + " meta series) / " + w.scrapeInterval().text() + " + "
                        + s.exporterSeries() + " exporter series / " + w.exporter().scrapeInterval().text() + ") = " + Num.fmt(samples)
                        + " samples/s x " + Hours.SECONDS_PER_MONTH + " s / 10^7",
                "tiered; the first 40M samples a month cost 0 in the price list (free tier); Prometheus's own series are not sent"));
        double storedGiB = samples * w.retention().seconds() * s.coefficients().blockBytesPerSample() / GIB;
        lines.add(cm.line("amp:storage", "managed-prometheus", "Managed Prometheus storage", CostModel.dec(storedGiB), PriceId.AMP_STORAGE,
                Num.fmt(samples) + " samples/s x " + w.retention().text() + " x " + Num.fmt(s.coefficients().blockBytesPerSample())
                        + " B/sample / 2^30 (steady state, retention window full)",
                "set the workspace retention to " + w.retention().text() + " (the default is 150 d); the 10 GB free storage is not in the price list and not counted"));

        GrafanaSpec g = w.grafana();
        double seriesPerPanel = seriesPerPanel(w, s);
        double panelQueries = panelQueriesPerMonth(g);
        double samplesPerPanel = seriesPerPanel * DASHBOARD_RANGE_SECONDS / interval;
        lines.add(cm.line("amp:query:dashboards", "managed-prometheus", "Managed Prometheus query samples, dashboards",
                CostModel.dec(panelQueries * samplesPerPanel / 1e9), PriceId.AMP_QUERY,
                g.concurrentUsers() + " users x " + g.panelsPerDashboard() + " panels / " + g.refreshInterval().text() + " x "
                        + Num.fmt(g.activeHoursPerMonth()) + " h = " + Num.fmt(panelQueries) + " panel queries x " + Num.fmt(seriesPerPanel)
                        + " series x (6 h / " + w.scrapeInterval().text() + ") samples / 10^9",
                "series per panel = service series / metric names; the 200B free query samples are not in the price list and not counted"));
        double ruleEvals = w.alertRules() * (Hours.SECONDS_PER_MONTH / interval);
        double ruleSamples = ruleEvals * seriesPerPanel * (RULE_WINDOW_SECONDS / interval);
        lines.add(cm.line("amp:query:rules", "managed-prometheus", "Managed Prometheus query samples, rule evaluation",
                CostModel.dec(ruleSamples / 1e9), PriceId.AMP_QUERY,
                w.alertRules() + " rules x " + Hours.SECONDS_PER_MONTH + " s / " + w.scrapeInterval().text() + " x " + Num.fmt(seriesPerPanel)
                        + " series x (5m / " + w.scrapeInterval().text() + ") samples / 10^9",
                "the workspace's managed rules and alert manager have no charge of their own"));

        int editors = Math.min(g.editors(), g.users());
        int viewers = Math.max(0, g.users() - editors);
        lines.add(cm.line("amg:editors", "managed-grafana", "Managed Grafana editor/admin licences", CostModel.dec(editors), PriceId.AMG_EDITOR,
                editors + " editors or admins", "billed per active user a month"));
        lines.add(cm.line("amg:viewers", "managed-grafana", "Managed Grafana viewer licences", CostModel.dec(viewers), PriceId.AMG_VIEWER,
                g.users() + " users - " + editors + " editors", "billed per active user a month"));

        boolean arm = w.architecture() == Architecture.ARM64;
        PriceId vcpu = arm ? PriceId.FARGATE_VCPU_ARM : PriceId.FARGATE_VCPU_X86;
        PriceId mem = arm ? PriceId.FARGATE_MEMORY_ARM : PriceId.FARGATE_MEMORY_X86;
        FargateSize collector = collectorSize(w, s, ctx.catalog().price(ctx.region(), vcpu), ctx.catalog().price(ctx.region(), mem));
        lines.add(cm.line("fargate:collector:vcpu", "collector", "collector (Prometheus agent / ADOT) vCPU", CostModel.dec(collector.vcpu() * Hours.PER_MONTH), vcpu,
                Num.fmt(collector.vcpu()) + " vCPU x " + Hours.PER_MONTH + " h",
                "sized for " + sentSeries + " series, " + Num.fmt(samples) + " samples/s: " + collector.cpuUnits() + "/" + collector.memoryMiB()));
        lines.add(cm.line("fargate:collector:memory", "collector", "collector (Prometheus agent / ADOT) memory", CostModel.dec(collector.memoryGb() * Hours.PER_MONTH), mem,
                Num.fmt(collector.memoryGb()) + " GB x " + Hours.PER_MONTH + " h", ""));
        FargateSize exporter = s.component(Component.CLOUDWATCH_EXPORTER).map(ComponentSizing::size).orElse(FargateSizes.SMALLEST);
        lines.add(cm.line("fargate:cloudwatch-exporter:vcpu", "cloudwatch-exporter", "cloudwatch-exporter vCPU", CostModel.dec(exporter.vcpu() * Hours.PER_MONTH), vcpu,
                Num.fmt(exporter.vcpu()) + " vCPU x " + Hours.PER_MONTH + " h", "the same task as in the self-hosted plan"));
        lines.add(cm.line("fargate:cloudwatch-exporter:memory", "cloudwatch-exporter", "cloudwatch-exporter memory", CostModel.dec(exporter.memoryGb() * Hours.PER_MONTH), mem,
                Num.fmt(exporter.memoryGb()) + " GB x " + Hours.PER_MONTH + " h", ""));

        Alternative self = before.stream().filter(Alternative::isSelfHosted).findFirst().orElse(null);
        int selfTasks = s.components().size();
        double stackLogs = w.logs().stackGbPerMonth() * 2.0 / Math.max(1, selfTasks);
        lines.add(cm.line("logs:stack:ingest", "logs", "CloudWatch Logs ingestion, collector and exporter containers", CostModel.dec(stackLogs), PriceId.CW_LOGS_INGEST,
                Num.fmt(w.logs().stackGbPerMonth()) + " GB x 2 of the self-hosted stack's " + selfTasks + " tasks", ""));
        lines.add(cm.line("logs:stack:storage", "logs", "CloudWatch Logs storage, collector and exporter containers",
                CostModel.dec(stackLogs * w.logs().retentionDays() / Hours.DAYS_PER_MONTH), PriceId.CW_LOGS_STORAGE,
                Num.fmt(stackLogs) + " GB x " + w.logs().retentionDays() + " d / " + Num.fmt(Hours.DAYS_PER_MONTH) + " d", ""));
        if (self != null) {
            lines.addAll(self.linesOf(List.of("logs:services:", "cloudwatch:exporter-api")));
        }
        notes.add("No ALB, EFS, backup or data-transfer-out lines: Managed Grafana serves the dashboards and the workspace keeps the data (sign-in through IAM Identity Center or SAML, no charge of its own).");
        notes.add("Not priced, as in the self-hosted stack: the NAT gateway or AMP VPC endpoint the remote write goes through.");
        notes.add("Free tiers not in the price list are not counted: 10 GB of storage and 200B query samples a month (what the account pays once other use has taken them).");
        return new Alternative(ID, name(), role(), lines, notes);
    }

    /** Samples a second the collector remote-writes: services, their meta-series and the exporter's series. */
    public static double ingestedSamplesPerSecond(Workload w, Sizing s) {
        return (s.serviceSeries() + s.metaSeries()) / (double) w.scrapeInterval().seconds()
                + s.exporterSeries() / (double) w.exporter().scrapeInterval().seconds();
    }

    /** One metric name across every service and target: service series / metric names per service. */
    public static double seriesPerPanel(Workload w, Sizing s) {
        return s.serviceSeries() / (double) Math.max(1, w.metricsPerService());
    }

    public static double panelQueriesPerMonth(GrafanaSpec g) {
        return g.queriesPerSecond() * g.activeHoursPerMonth() * 3600;
    }

    static FargateSize collectorSize(Workload w, Sizing s, Price vcpu, Price mem) {
        long series = s.serviceSeries() + s.metaSeries() + s.exporterSeries();
        double samples = ingestedSamplesPerSecond(w, s);
        double h = 1 + w.sizing().headroomPercent() / 100.0;
        double cpu = (COLLECTOR_BASE_CORES + samples / 1000.0 * s.coefficients().cpuCoresPerKSamples()) * h;
        double memMiB = (COLLECTOR_BASE_MIB + series * s.coefficients().rssBytesPerSeries() * COLLECTOR_MEMORY_SHARE / MIB) * h;
        double vw = vcpu.isMissing() ? 0 : vcpu.firstTierUsd().doubleValue();
        double gw = mem.isMissing() ? 0 : mem.firstTierUsd().doubleValue();
        return FargateSizes.cheapestFitting(Math.max(cpu, COLLECTOR_FLOOR.vcpu()), Math.max(memMiB, COLLECTOR_FLOOR.memoryMiB()), vw, gw)
                .orElse(FargateSizes.LARGEST);
    }
}
