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

    @Override
    public List<String> notes(io.promplan.core.workload.Scenario s) {
        return NOTES;
    }

    static final List<String> NOTES = List.of(
            "No ALB, EFS, backup or data-transfer-out lines: Managed Grafana serves the dashboards and the workspace keeps the data (sign-in through IAM Identity Center or SAML, no charge of its own).",
            "Not priced, as in the self-hosted stack: the NAT gateway or AMP VPC endpoint the remote write goes through.",
            "Free tiers not in the price list are not counted: 10 GB of storage and 200B query samples a month (what the account pays once other use has taken them).");

    /** What the managed services demand, with the lines they share with the self-hosted stack (the services' logs, the exporter's API calls). */
    @Override
    public List<CostDemand> demands(PlanContext ctx) {
        Workload w = ctx.scenario().workload();
        Sizing s = ctx.sizing();
        CostModel cm = ctx.costModel();
        List<CostDemand> lines = new ArrayList<>();

        double samples = ingestedSamplesPerSecond(w, s);
        double interval = w.scrapeInterval().seconds();
        long sentSeries = s.serviceSeries() + s.metaSeries() + s.exporterSeries();
        lines.add(CostDemand.of("amp:samples", "managed-prometheus", "Managed Prometheus samples ingested",
                CostModel.dec(samples * Hours.SECONDS_PER_MONTH / 1e7), PriceId.AMP_SAMPLES,
                Formula.of("q.amp.samples", s.serviceSeries(), s.metaSeries(), w.scrapeInterval().text(), s.exporterSeries(), w.exporter().scrapeInterval().text(),
                        Num.fmt(samples), Hours.SECONDS_PER_MONTH)).withNote(Formula.of("n.amp.samples")));
        double storedGiB = samples * w.retention().seconds() * s.coefficients().blockBytesPerSample() / GIB;
        lines.add(CostDemand.of("amp:storage", "managed-prometheus", "Managed Prometheus storage", CostModel.dec(storedGiB), PriceId.AMP_STORAGE,
                Formula.of("q.amp.storage", Num.fmt(samples), w.retention().text(), Num.fmt(s.coefficients().blockBytesPerSample())))
                .withNote(Formula.of("n.amp.storage", w.retention().text())));

        GrafanaSpec g = w.grafana();
        double seriesPerPanel = seriesPerPanel(w, s);
        double panelQueries = panelQueriesPerMonth(g);
        double samplesPerPanel = seriesPerPanel * DASHBOARD_RANGE_SECONDS / interval;
        lines.add(CostDemand.of("amp:query:dashboards", "managed-prometheus", "Managed Prometheus query samples, dashboards",
                CostModel.dec(panelQueries * samplesPerPanel / 1e9), PriceId.AMP_QUERY,
                Formula.of("q.amp.query.dashboards", g.concurrentUsers(), g.panelsPerDashboard(), g.refreshInterval().text(), Num.fmt(g.activeHoursPerMonth()),
                        Num.fmt(panelQueries), Num.fmt(seriesPerPanel), w.scrapeInterval().text())).withNote(Formula.of("n.amp.query.dashboards")));
        double ruleEvals = w.alertRules() * (Hours.SECONDS_PER_MONTH / interval);
        double ruleSamples = ruleEvals * seriesPerPanel * (RULE_WINDOW_SECONDS / interval);
        lines.add(CostDemand.of("amp:query:rules", "managed-prometheus", "Managed Prometheus query samples, rule evaluation",
                CostModel.dec(ruleSamples / 1e9), PriceId.AMP_QUERY,
                Formula.of("q.amp.query.rules", w.alertRules(), Hours.SECONDS_PER_MONTH, w.scrapeInterval().text(), Num.fmt(seriesPerPanel)))
                .withNote(Formula.of("n.amp.query.rules")));

        int editors = Math.min(g.editors(), g.users());
        int viewers = Math.max(0, g.users() - editors);
        lines.add(CostDemand.of("amg:editors", "managed-grafana", "Managed Grafana editor/admin licences", CostModel.dec(editors), PriceId.AMG_EDITOR,
                Formula.of("q.amg.editors", editors)).withNote(Formula.of("n.amg.active")));
        lines.add(CostDemand.of("amg:viewers", "managed-grafana", "Managed Grafana viewer licences", CostModel.dec(viewers), PriceId.AMG_VIEWER,
                Formula.of("q.amg.viewers", g.users(), editors)).withNote(Formula.of("n.amg.active")));

        boolean arm = w.architecture() == Architecture.ARM64;
        PriceId vcpu = arm ? PriceId.FARGATE_VCPU_ARM : PriceId.FARGATE_VCPU_X86;
        PriceId mem = arm ? PriceId.FARGATE_MEMORY_ARM : PriceId.FARGATE_MEMORY_X86;
        FargateSize collector = collectorSize(w, s, ctx.catalog().price(ctx.region(), vcpu), ctx.catalog().price(ctx.region(), mem));
        lines.add(CostDemand.of("fargate:collector:vcpu", "collector", "collector (Prometheus agent / ADOT) vCPU", CostModel.dec(collector.vcpu() * Hours.PER_MONTH), vcpu,
                CostModel.taskVcpu(collector.vcpu()))
                .withNote(Formula.of("n.collector", sentSeries, Num.fmt(samples), collector.cpuUnits(), collector.memoryMiB())));
        lines.add(CostDemand.of("fargate:collector:memory", "collector", "collector (Prometheus agent / ADOT) memory", CostModel.dec(collector.memoryGb() * Hours.PER_MONTH), mem,
                CostModel.taskMemory(collector.memoryGb())));
        FargateSize exporter = s.component(Component.CLOUDWATCH_EXPORTER).map(ComponentSizing::size).orElse(FargateSizes.SMALLEST);
        lines.add(CostDemand.of("fargate:cloudwatch-exporter:vcpu", "cloudwatch-exporter", "cloudwatch-exporter vCPU", CostModel.dec(exporter.vcpu() * Hours.PER_MONTH), vcpu,
                CostModel.taskVcpu(exporter.vcpu())).withNote(Formula.of("n.exporter.same")));
        lines.add(CostDemand.of("fargate:cloudwatch-exporter:memory", "cloudwatch-exporter", "cloudwatch-exporter memory", CostModel.dec(exporter.memoryGb() * Hours.PER_MONTH), mem,
                CostModel.taskMemory(exporter.memoryGb())));

        int selfTasks = s.components().size();
        double stackLogs = w.logs().stackGbPerMonth() * 2.0 / Math.max(1, selfTasks);
        lines.add(CostDemand.of("logs:stack:ingest", "logs", "CloudWatch Logs ingestion, collector and exporter containers", CostModel.dec(stackLogs), PriceId.CW_LOGS_INGEST,
                Formula.of("q.logs.collector", Num.fmt(w.logs().stackGbPerMonth()), selfTasks)));
        lines.add(CostDemand.of("logs:stack:storage", "logs", "CloudWatch Logs storage, collector and exporter containers",
                CostModel.dec(stackLogs * w.logs().retentionDays() / Hours.DAYS_PER_MONTH), PriceId.CW_LOGS_STORAGE,
                Formula.of("q.logs.storage", Num.fmt(stackLogs), w.logs().retentionDays(), Num.fmt(Hours.DAYS_PER_MONTH))));
        // the same demands as the self-hosted stack's: the services' own logs and the exporter's API calls
        lines.addAll(cm.serviceLogDemands(w));
        lines.addAll(cm.exporterApiDemands(w, ctx.scenario().cloudwatchOnly().freeTier()));
        return lines;
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
