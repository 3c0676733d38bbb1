package io.promplan.core.analysis;

import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.CloudWatchOnly;
import io.promplan.core.workload.GrafanaSpec;
import io.promplan.core.workload.LogsSpec;
import io.promplan.core.workload.RoiAssumptions;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.SizingOptions;
import io.promplan.core.workload.StorageSpec;
import io.promplan.core.workload.Workload;
import io.promplan.core.workload.schema.Kind;
import io.promplan.core.workload.schema.ScenarioSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * The numeric inputs of a scenario that can be given as a range, by the path a scenario file uses
 * ({@code grafana.users}); durations in seconds ({@code scrapeInterval}) or days ({@code retention}).
 * Setting a whole-number input rounds the value half up.
 */
public final class InputPaths {
    /** One input: how to read it from a scenario and how to make a copy with another value. */
    public record Input(String path, String label, boolean whole, double min, ToDoubleFunction<Scenario> get,
                        BiFunction<Scenario, Double, Scenario> set) {
        public double read(Scenario s) {
            return get.applyAsDouble(s);
        }

        /** A copy of the scenario with this input at v (rounded for whole numbers, at least {@code min}). */
        public Scenario write(Scenario s, double v) {
            double x = Math.max(min, whole ? Math.floor(v + 0.5) : v);
            return set.apply(s, x);
        }
    }

    private static final Map<String, Input> ALL = new LinkedHashMap<>();

    /**
     * Whether an input is a whole number: the schema's kind for a number key; for a duration, whether it is
     * counted in seconds (days are fractions). An input that is not a scenario key (the hourly rate, the mean
     * of the low and high rates) says so itself.
     */
    private static boolean whole(String path, boolean seconds) {
        Kind k = ScenarioSchema.byPath(path).map(f -> f.kind()).orElse(Kind.DECIMAL);
        if (k == Kind.DURATION) {
            return seconds;
        }
        if (!k.numeric()) {
            throw new IllegalStateException(path + " is not a number key of the scenario schema");
        }
        return k.whole();
    }

    static {
        w("serviceCount", "services", true, 1, Workload::serviceCount, (b, v) -> b.serviceCount((int) (double) v));
        w("metricsPerService", "metric names per service", true, 1, Workload::metricsPerService, (b, v) -> b.metricsPerService((int) (double) v));
        w("seriesPerMetric", "series per metric name", false, 0.01, Workload::seriesPerMetric, (b, v) -> b.seriesPerMetric(v));
        w("targetsPerService", "tasks per service", true, 1, Workload::targetsPerService, (b, v) -> b.targetsPerService((int) (double) v));
        w("histogramShare", "share of histograms", false, 0, Workload::histogramShare, (b, v) -> b.histogramShare(Math.min(1, v)));
        w("histogramBuckets", "buckets per histogram", true, 1, Workload::histogramBuckets, (b, v) -> b.histogramBuckets((int) (double) v));
        w("scrapeInterval", "scrape interval (s)", true, 1, x -> x.scrapeInterval().seconds(), (b, v) -> b.scrapeInterval(TimeSpan.ofSeconds((long) (double) v)));
        w("retention", "retention (days)", false, 0.1, x -> x.retention().days(), (b, v) -> b.retention(TimeSpan.ofSeconds(Math.round(v * 86_400))));
        w("alertRules", "alert rules", true, 0, Workload::alertRules, (b, v) -> b.alertRules((int) (double) v));
        w("dataTransfer.extraOutGbPerMonth", "extra data out (GB/month)", false, 0, Workload::extraDataTransferOutGb, (b, v) -> b.extraDataTransferOutGb(v));
        w("storageGiB.prometheus", "Prometheus storage (GiB, pinned)", false, 0, x -> x.storage().prometheusGiB(), (b, v) -> {
            Workload cur = b.build();
            StorageSpec st = cur.storage();
            return b.storage(new StorageSpec(st.backend(), v, st.grafanaGiB(), st.localRetention(), st.backup()));
        });
        w("sizing.headroomPercent", "headroom (%)", false, 0, x -> x.sizing().headroomPercent(),
                (b, v) -> b.sizing(new SizingOptions(v, b.build().sizing().maxSeriesPerServer(), b.build().sizing().pinsAreRequirements())));
        w("cloudwatchExporter.scrapeInterval", "exporter scrape interval (s)", true, 1, x -> x.exporter().scrapeInterval().seconds(),
                (b, v) -> b.exporter(b.build().exporter().withScrapeInterval(TimeSpan.ofSeconds(Math.max(1, Math.round(v))))));
        w("network.availabilityZones", "availability zones (ALB addresses, endpoints)", true, 1, x -> x.network().availabilityZones(),
                (b, v) -> { var n = b.build().network(); return b.network(new io.promplan.core.workload.NetworkSpec(n.nat(), (int) Math.max(1, Math.round(v)), n.natGbPerMonth())); });
        g("grafana.users", "Grafana users", true, 1, GrafanaSpec::users,
                (g, v) -> new GrafanaSpec((int) v, Math.min(g.editors(), (int) v), g.concurrentUsers(), g.dashboards(), g.panelsPerDashboard(), g.refreshInterval(), g.activeHoursPerMonth(), g.kbPerPanelRefresh()));
        g("grafana.editors", "Grafana editors", true, 0, GrafanaSpec::editors,
                (g, v) -> new GrafanaSpec(g.users(), (int) Math.min(v, g.users()), g.concurrentUsers(), g.dashboards(), g.panelsPerDashboard(), g.refreshInterval(), g.activeHoursPerMonth(), g.kbPerPanelRefresh()));
        g("grafana.concurrentUsers", "users at once", true, 1, GrafanaSpec::concurrentUsers,
                (g, v) -> new GrafanaSpec(g.users(), g.editors(), (int) v, g.dashboards(), g.panelsPerDashboard(), g.refreshInterval(), g.activeHoursPerMonth(), g.kbPerPanelRefresh()));
        g("grafana.dashboards", "dashboards", true, 1, GrafanaSpec::dashboards,
                (g, v) -> new GrafanaSpec(g.users(), g.editors(), g.concurrentUsers(), (int) v, g.panelsPerDashboard(), g.refreshInterval(), g.activeHoursPerMonth(), g.kbPerPanelRefresh()));
        g("grafana.panelsPerDashboard", "panels per dashboard", true, 1, GrafanaSpec::panelsPerDashboard,
                (g, v) -> new GrafanaSpec(g.users(), g.editors(), g.concurrentUsers(), g.dashboards(), (int) v, g.refreshInterval(), g.activeHoursPerMonth(), g.kbPerPanelRefresh()));
        g("grafana.refreshInterval", "dashboard refresh (s)", true, 1, x -> x.refreshInterval().seconds(),
                (g, v) -> new GrafanaSpec(g.users(), g.editors(), g.concurrentUsers(), g.dashboards(), g.panelsPerDashboard(), TimeSpan.ofSeconds((long) v), g.activeHoursPerMonth(), g.kbPerPanelRefresh()));
        g("grafana.activeHoursPerMonth", "dashboard hours a month", false, 0, GrafanaSpec::activeHoursPerMonth,
                (g, v) -> new GrafanaSpec(g.users(), g.editors(), g.concurrentUsers(), g.dashboards(), g.panelsPerDashboard(), g.refreshInterval(), v, g.kbPerPanelRefresh()));
        g("grafana.kbPerPanelRefresh", "KB per panel refresh", false, 0, GrafanaSpec::kbPerPanelRefresh,
                (g, v) -> new GrafanaSpec(g.users(), g.editors(), g.concurrentUsers(), g.dashboards(), g.panelsPerDashboard(), g.refreshInterval(), g.activeHoursPerMonth(), v));
        l("logs.stackGbPerMonth", "stack logs (GB/month)", LogsSpec::stackGbPerMonth, (l, v) -> new LogsSpec(v, l.servicesGbPerMonth(), l.retentionDays()));
        l("logs.servicesGbPerMonth", "services' logs (GB/month)", LogsSpec::servicesGbPerMonth, (l, v) -> new LogsSpec(l.stackGbPerMonth(), v, l.retentionDays()));
        c("cloudwatchOnly.dashboards", "CloudWatch dashboards", true, CloudWatchOnly::dashboards,
                (c, v) -> new CloudWatchOnly((int) v, c.customMetrics(), c.alarms(), c.highResAlarms(), c.logsInsightsGbScanned(), c.freeTier(), c.publishServiceSeries()));
        c("cloudwatchOnly.customMetrics", "CloudWatch custom metrics", true, CloudWatchOnly::customMetrics,
                (c, v) -> new CloudWatchOnly(c.dashboards(), (int) v, c.alarms(), c.highResAlarms(), c.logsInsightsGbScanned(), c.freeTier(), c.publishServiceSeries()));
        c("cloudwatchOnly.alarms", "CloudWatch alarms", true, CloudWatchOnly::alarms,
                (c, v) -> new CloudWatchOnly(c.dashboards(), c.customMetrics(), (int) v, c.highResAlarms(), c.logsInsightsGbScanned(), c.freeTier(), c.publishServiceSeries()));
        c("cloudwatchOnly.logsInsightsGbScanned", "Logs Insights GB scanned", false, CloudWatchOnly::logsInsightsGbScanned,
                (c, v) -> new CloudWatchOnly(c.dashboards(), c.customMetrics(), c.alarms(), c.highResAlarms(), v, c.freeTier(), c.publishServiceSeries()));
        r("roi.hoursSavedPerWeek", "hours saved a week", RoiAssumptions::hoursSavedPerWeek,
                (r, v) -> new RoiAssumptions(v, r.hourlyRateLow(), r.hourlyRateHigh(), r.opsHoursPerMonth(), r.setupHours()));
        r("roi.hourlyRate", "hourly rate (USD)", r -> (r.hourlyRateLow() + r.hourlyRateHigh()) / 2,
                (r, v) -> new RoiAssumptions(r.hoursSavedPerWeek(), v, v, r.opsHoursPerMonth(), r.setupHours()));
        r("roi.opsHoursPerMonth", "ops hours a month", RoiAssumptions::opsHoursPerMonth,
                (r, v) -> new RoiAssumptions(r.hoursSavedPerWeek(), r.hourlyRateLow(), r.hourlyRateHigh(), v, r.setupHours()));
        r("roi.setupHours", "set-up hours", RoiAssumptions::setupHours,
                (r, v) -> new RoiAssumptions(r.hoursSavedPerWeek(), r.hourlyRateLow(), r.hourlyRateHigh(), r.opsHoursPerMonth(), v));
    }

    private InputPaths() {
    }

    public static Optional<Input> byPath(String path) {
        return Optional.ofNullable(ALL.get(path));
    }

    public static List<String> paths() {
        return Collections.unmodifiableList(new ArrayList<>(ALL.keySet()));
    }

    /** Inputs that only change the value of the stack (ROI), not what any alternative costs. */
    public static boolean isValueInput(String path) {
        return path.startsWith("roi.");
    }

    private interface WSet {
        Workload.Builder apply(Workload.Builder b, double v);
    }

    private static void w(String path, String label, boolean seconds, double min, ToDoubleFunction<Workload> get, WSet set) {
        ALL.put(path, new Input(path, label, whole(path, seconds), min, s -> get.applyAsDouble(s.workload()),
                (s, v) -> s.withWorkload(set.apply(s.workload().toBuilder(), v).build())));
    }

    private interface GSet {
        GrafanaSpec apply(GrafanaSpec g, double v);
    }

    private static void g(String path, String label, boolean seconds, double min, ToDoubleFunction<GrafanaSpec> get, GSet set) {
        ALL.put(path, new Input(path, label, whole(path, seconds), min, s -> get.applyAsDouble(s.workload().grafana()),
                (s, v) -> s.withWorkload(s.workload().toBuilder().grafana(set.apply(s.workload().grafana(), v)).build())));
    }

    private interface LSet {
        LogsSpec apply(LogsSpec l, double v);
    }

    private static void l(String path, String label, ToDoubleFunction<LogsSpec> get, LSet set) {
        ALL.put(path, new Input(path, label, whole(path, false), 0, s -> get.applyAsDouble(s.workload().logs()),
                (s, v) -> s.withWorkload(s.workload().toBuilder().logs(set.apply(s.workload().logs(), v)).build())));
    }

    private interface CSet {
        CloudWatchOnly apply(CloudWatchOnly c, double v);
    }

    private static void c(String path, String label, boolean whole, ToDoubleFunction<CloudWatchOnly> get, CSet set) {
        ALL.put(path, new Input(path, label, whole(path, whole), 0, s -> get.applyAsDouble(s.cloudwatchOnly()),
                (s, v) -> s.withCloudwatchOnly(set.apply(s.cloudwatchOnly(), v))));
    }

    private interface RSet {
        RoiAssumptions apply(RoiAssumptions r, double v);
    }

    private static void r(String path, String label, ToDoubleFunction<RoiAssumptions> get, RSet set) {
        ALL.put(path, new Input(path, label, whole(path, false), 0, s -> get.applyAsDouble(s.roi()), (s, v) -> s.withRoi(set.apply(s.roi(), v))));
    }
}
