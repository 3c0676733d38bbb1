package io.promplan.core.workload;

import io.promplan.core.sizing.FargateSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a scenario's values; every problem names its field and what is allowed. */
public final class ScenarioValidator {
    public static final int MAX_SERVICES = 10_000;

    private ScenarioValidator() {
    }

    public static List<Problem> validate(Scenario s) {
        List<Problem> out = new ArrayList<>();
        if (s.version() != Scenario.CURRENT_VERSION) {
            out.add(new Problem("version", "is " + s.version() + "; this Promplan reads version " + Scenario.CURRENT_VERSION));
        }
        if (s.name() == null || s.name().isBlank()) {
            out.add(new Problem("name", "must not be empty"));
        }
        Workload w = s.workload();
        if (w.region() == null || !w.region().matches("[a-z]{2}(-gov)?-[a-z]+-\\d")) {
            out.add(new Problem("region", "'" + w.region() + "' is not an AWS region code such as ap-northeast-2"));
        }
        intRange(out, "serviceCount", w.serviceCount(), 1, MAX_SERVICES);
        intRange(out, "metricsPerService", w.metricsPerService(), 1, 1_000_000);
        positive(out, "seriesPerMetric", w.seriesPerMetric(), 1_000_000);
        intRange(out, "targetsPerService", w.targetsPerService(), 1, 10_000);
        if (w.histogramShare() < 0 || w.histogramShare() > 1 || Double.isNaN(w.histogramShare())) {
            out.add(new Problem("histogramShare", "is " + w.histogramShare() + "; allowed: 0 to 1 (the share of metric names that are histograms)"));
        }
        intRange(out, "histogramBuckets", w.histogramBuckets(), 1, 1000);
        if (w.serviceOverrides().size() > w.serviceCount()) {
            out.add(new Problem("services", "lists " + w.serviceOverrides().size() + " services but serviceCount is " + w.serviceCount()
                    + "; raise serviceCount or remove entries"));
        }
        for (int i = 0; i < w.serviceOverrides().size(); i++) {
            ServiceSpec o = w.serviceOverrides().get(i);
            String f = "services[" + i + "]";
            if (o.metrics() < 0) {
                out.add(new Problem(f + ".metrics", "is " + o.metrics() + "; allowed: 1 or more (or leave it out)"));
            }
            if (o.seriesPerMetric() < 0 || Double.isNaN(o.seriesPerMetric())) {
                out.add(new Problem(f + ".seriesPerMetric", "is " + o.seriesPerMetric() + "; allowed: above 0 (or leave it out)"));
            }
            if (o.targets() < 0) {
                out.add(new Problem(f + ".targets", "is " + o.targets() + "; allowed: 1 or more (or leave it out)"));
            }
            if (o.histogramShare() > 1) {
                out.add(new Problem(f + ".histogramShare", "is " + o.histogramShare() + "; allowed: 0 to 1"));
            }
        }
        if (w.scrapeInterval().seconds() < 1 || w.scrapeInterval().seconds() > 3600) {
            out.add(new Problem("scrapeInterval", "is " + w.scrapeInterval() + "; allowed: 1s to 1h"));
        }
        if (w.retention().seconds() < 3600 || w.retention().days() > 3650) {
            out.add(new Problem("retention", "is " + w.retention() + "; allowed: 1h to 3650d"));
        }
        StorageSpec st = w.storage();
        nonNegative(out, "storageGiB.prometheus", st.prometheusGiB(), 65_536);
        nonNegative(out, "storageGiB.grafana", st.grafanaGiB(), 65_536);
        if (st.backend() == StorageBackend.AMP_REMOTE_WRITE && (st.localRetention().seconds() < 3600)) {
            out.add(new Problem("localRetention", "is " + st.localRetention() + "; allowed: 1h or more (what Prometheus keeps locally before remote_write)"));
        }
        for (Map.Entry<Component, FargateSize> e : w.pinned().entrySet()) {
            FargateSize f = e.getValue();
            String field = "pinned." + e.getKey().key();
            if (f.cpuUnits() <= 0 || f.memoryMiB() <= 0) {
                out.add(new Problem(field, "cpu and memoryMiB must be above 0 (e.g. cpu: 1024, memoryMiB: 2048)"));
            } else if (f.cpuUnits() > FargateSizes.LARGEST.cpuUnits() || f.memoryMiB() > FargateSizes.LARGEST.memoryMiB()) {
                out.add(new Problem(field, f.text() + " is above the largest Fargate task (" + FargateSizes.LARGEST.text() + ")"));
            }
        }
        GrafanaSpec g = w.grafana();
        intRange(out, "grafana.users", g.users(), 0, 100_000);
        intRange(out, "grafana.editors", g.editors(), 0, Math.max(0, g.users()));
        intRange(out, "grafana.concurrentUsers", g.concurrentUsers(), 0, Math.max(0, g.users()));
        intRange(out, "grafana.dashboards", g.dashboards(), 0, 100_000);
        intRange(out, "grafana.panelsPerDashboard", g.panelsPerDashboard(), 0, 500);
        if (g.refreshInterval().seconds() < 1) {
            out.add(new Problem("grafana.refreshInterval", "is " + g.refreshInterval() + "; allowed: 1s or more"));
        }
        nonNegative(out, "grafana.activeHoursPerMonth", g.activeHoursPerMonth(), 730);
        nonNegative(out, "grafana.kbPerPanelRefresh", g.kbPerPanelRefresh(), 100_000);
        intRange(out, "alertRules", w.alertRules(), 0, 1_000_000);
        nonNegative(out, "logs.stackGbPerMonth", w.logs().stackGbPerMonth(), 1e7);
        nonNegative(out, "logs.servicesGbPerMonth", w.logs().servicesGbPerMonth(), 1e7);
        intRange(out, "logs.retentionDays", w.logs().retentionDays(), 1, 3653);
        if (w.exporter().scrapeInterval().seconds() < 1) {
            out.add(new Problem("cloudwatchExporter.scrapeInterval", "is " + w.exporter().scrapeInterval() + "; allowed: 1s or more"));
        }
        for (int i = 0; i < w.exporter().metrics().size(); i++) {
            CloudWatchMetric m = w.exporter().metrics().get(i);
            String f = "cloudwatchExporter.metrics[" + i + "]";
            if (m.statistics().isEmpty()) {
                out.add(new Problem(f + ".statistics", "must list at least one statistic (Average, Maximum, Minimum, Sum, SampleCount)"));
            }
            if (!m.perService() && m.resources() < 1) {
                out.add(new Problem(f + ".resources", "is " + m.resources() + "; allowed: 1 or more, or set perService: true"));
            }
        }
        nonNegative(out, "dataTransfer.extraOutGbPerMonth", w.extraDataTransferOutGb(), 1e9);
        nonNegative(out, "sizing.headroomPercent", w.sizing().headroomPercent(), 500);
        if (w.sizing().maxSeriesPerServer() < 1000) {
            out.add(new Problem("sizing.maxSeriesPerServer", "is " + w.sizing().maxSeriesPerServer() + "; allowed: 1000 or more"));
        }
        CloudWatchOnly c = s.cloudwatchOnly();
        intRange(out, "cloudwatchOnly.dashboards", c.dashboards(), 0, 100_000);
        intRange(out, "cloudwatchOnly.customMetrics", c.customMetrics(), 0, 100_000_000);
        intRange(out, "cloudwatchOnly.alarms", c.alarms(), 0, 10_000_000);
        intRange(out, "cloudwatchOnly.highResAlarms", c.highResAlarms(), 0, 10_000_000);
        nonNegative(out, "cloudwatchOnly.logsInsightsGbScanned", c.logsInsightsGbScanned(), 1e9);
        RoiAssumptions r = s.roi();
        nonNegative(out, "roi.hoursSavedPerWeek", r.hoursSavedPerWeek(), 168);
        nonNegative(out, "roi.hourlyRateLow", r.hourlyRateLow(), 100_000);
        nonNegative(out, "roi.hourlyRateHigh", r.hourlyRateHigh(), 100_000);
        if (r.hourlyRateHigh() < r.hourlyRateLow()) {
            out.add(new Problem("roi.hourlyRateHigh", "is below roi.hourlyRateLow (" + r.hourlyRateLow() + ")"));
        }
        nonNegative(out, "roi.opsHoursPerMonth", r.opsHoursPerMonth(), 730);
        nonNegative(out, "roi.setupHours", r.setupHours(), 100_000);
        NetworkSpec n = s.workload().network();
        intRange(out, "network.availabilityZones", n.availabilityZones(), 1, 6);
        if (!n.natGbEstimated()) {
            nonNegative(out, "network.natGbPerMonth", n.natGbPerMonth(), 1e9);
        }
        if (s.workload().exporter().listMetricsCacheTtl().seconds() < 0) {
            out.add(new Problem("cloudwatchExporter.listMetricsCacheTtl", "is negative; allowed: 0s or more"));
        }
        return out;
    }

    private static void intRange(List<Problem> out, String field, int v, int min, int max) {
        if (v < min || v > max) {
            out.add(new Problem(field, "is " + v + "; allowed: " + min + " to " + max));
        }
    }

    private static void positive(List<Problem> out, String field, double v, double max) {
        if (!(v > 0) || v > max) {
            out.add(new Problem(field, "is " + v + "; allowed: above 0 up to " + (long) max));
        }
    }

    private static void nonNegative(List<Problem> out, String field, double v, double max) {
        if (!(v >= 0) || v > max) {
            out.add(new Problem(field, "is " + v + "; allowed: 0 to " + (long) max));
        }
    }
}
