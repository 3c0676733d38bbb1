package io.promplan.core.workload.schema;

import io.promplan.core.workload.Architecture;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.ExporterApi;
import io.promplan.core.workload.NatChoice;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.StorageBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The scenario file's keys, described once, in the order a written file holds them. The reader takes its
 * allowed keys and defaults from here, the validator its ranges, the writer its comments (by bundle key),
 * the form its inputs, groups, units and ranges, the simulation its ranged inputs' kinds.
 *
 * <p>Adding a scalar key: one entry here, the record component it reads, the texts (field./help. in the
 * app's messages in both languages, the comment in the writer's comments).
 */
public final class ScenarioSchema {
    /** The Prometheus version a plan is for when the file does not say. */
    public static final String DEFAULT_PROMETHEUS_VERSION = "3.5";

    /** Upper limit of a derived quantity the planner takes: finite and far from overflowing any sum. */
    public static final double DERIVED_MAX = 1e12;

    private static final Map<String, Field> ALL = new LinkedHashMap<>();

    static {
        top("version", Kind.INT, "", "", null, null, s -> s.version());
        top("name", Kind.LOCAL_TEXT, "", "scenario", null, null, Scenario::name);
        top("description", Kind.LOCAL_TEXT, "", "", "", null, Scenario::description);
        top("region", Kind.REGION, "", "platform", null, null, s -> s.workload().region());
        choice("architecture", "platform", Architecture.X86_64.key(), keys(Architecture.values(), Architecture::key), s -> s.workload().architecture().key());
        top("prometheusVersion", Kind.VERSION, "", "platform", DEFAULT_PROMETHEUS_VERSION, null, s -> s.workload().prometheusVersion());
        top("serviceCount", Kind.INT, "unit.services", "services", null, Range.of(1, 10_000), s -> s.workload().serviceCount());
        top("metricsPerService", Kind.INT, "unit.metrics", "services", null, Range.of(1, 1_000_000), s -> s.workload().metricsPerService());
        top("seriesPerMetric", Kind.DECIMAL, "unit.series", "services", null, Range.above(0, 1_000_000), s -> s.workload().seriesPerMetric());
        top("targetsPerService", Kind.INT, "unit.tasks", "services", "1", Range.of(1, 10_000), s -> s.workload().targetsPerService());
        top("histogramShare", Kind.DECIMAL, "unit.share", "services", "0", Range.of(0, 1).noted("the share of metric names that are histograms"),
                s -> s.workload().histogramShare());
        top("histogramBuckets", Kind.INT, "unit.buckets", "services", "12", Range.of(1, 1000), s -> s.workload().histogramBuckets());
        top("services", Kind.LIST, "", "", "", null, null);
        top("services[].name", Kind.TEXT, "", "", "", null, null);
        top("services[].metrics", Kind.INT, "unit.metrics", "", "", Range.of(1, 1_000_000), null);
        top("services[].seriesPerMetric", Kind.DECIMAL, "unit.series", "", "", Range.above(0, 1_000_000), null);
        top("services[].targets", Kind.INT, "unit.tasks", "", "", Range.of(1, 10_000), null);
        top("services[].histogramShare", Kind.DECIMAL, "unit.share", "", "", Range.of(0, 1), null);
        top("services[].histogramBuckets", Kind.INT, "unit.buckets", "", "", Range.of(1, 1000), null);
        top("scrapeInterval", Kind.DURATION, "unit.duration", "scrape", null, Range.of(1, 3600), s -> s.workload().scrapeInterval());
        top("retention", Kind.DURATION, "unit.duration", "scrape", null, Range.of(3600, 3650 * 86_400.0), s -> s.workload().retention());
        choice("storage", "platform", StorageBackend.EFS.key(), keys(StorageBackend.values(), StorageBackend::key), s -> s.workload().storage().backend().key());
        top("storageGiB", Kind.OBJECT, "", "", "", null, null);
        top("storageGiB.prometheus", Kind.DECIMAL, "unit.gib", "platform", "0", Range.of(0, 65_536), s -> s.workload().storage().prometheusGiB());
        top("storageGiB.grafana", Kind.DECIMAL, "unit.gib", "platform", "0", Range.of(0, 65_536), s -> s.workload().storage().grafanaGiB());
        top("localRetention", Kind.DURATION, "unit.duration", "platform", "2d",
                Range.atLeast(3600).noted("what Prometheus keeps locally before remote_write"), s -> s.workload().storage().localRetention());
        top("backup", Kind.BOOL, "", "platform", "true", null, s -> s.workload().storage().backup());
        top("thanos", Kind.OBJECT, "", "", "", null, null);
        Range thanosRetention = Range.of(7200, 3650 * 86_400.0).noted("the 2-hour block range the sidecar uploads, up to 10 years");
        top("thanos.retentionRaw", Kind.DURATION, "unit.duration", "platform", "", thanosRetention, s -> s.workload().thanos().retentionRaw());
        top("thanos.retention5m", Kind.DURATION, "unit.duration", "platform", "", thanosRetention, s -> s.workload().thanos().retention5m());
        top("thanos.retention1h", Kind.DURATION, "unit.duration", "platform", "", thanosRetention, s -> s.workload().thanos().retention1h());
        top("thanos.localRetention", Kind.DURATION, "unit.duration", "platform", "6h",
                Range.of(7200, 3650 * 86_400.0).noted("Prometheus's own TSDB beside the sidecar: at least the 2-hour block range"),
                s -> s.workload().thanos().localRetention());
        choice("thanos.localStorage", "platform", StorageBackend.EPHEMERAL.key(), List.of(StorageBackend.EPHEMERAL.key(), StorageBackend.EBS.key()),
                s -> s.workload().thanos().localStorage().key());
        top("alertmanager", Kind.BOOL, "", "platform", "", null, s -> s.workload().alertmanager());
        top("alertsReachPeople", Kind.BOOL, "", "", "true", null, s -> s.workload().alertmanager());
        top("pinned", Kind.OBJECT, "", "", "", null, null);
        for (Component c : Component.values()) {
            top("pinned." + c.key(), Kind.SIZE, "unit.size", "platform", "", null, s -> s.workload().pinned().get(c));
        }
        top("grafana", Kind.OBJECT, "", "", "", null, null);
        top("grafana.users", Kind.INT, "unit.users", "grafana", "10", Range.of(0, 100_000), s -> s.workload().grafana().users());
        top("grafana.editors", Kind.INT, "unit.users", "grafana", "3", Range.of(0, 100_000).upTo("grafana.users"), s -> s.workload().grafana().editors());
        top("grafana.concurrentUsers", Kind.INT, "unit.users", "grafana", "5", Range.of(0, 100_000).upTo("grafana.users"),
                s -> s.workload().grafana().concurrentUsers());
        top("grafana.dashboards", Kind.INT, "unit.dashboards", "grafana", "20", Range.of(0, 100_000), s -> s.workload().grafana().dashboards());
        top("grafana.panelsPerDashboard", Kind.INT, "unit.panels", "grafana", "12", Range.of(0, 500), s -> s.workload().grafana().panelsPerDashboard());
        top("grafana.refreshInterval", Kind.DURATION, "unit.duration", "grafana", "30s", Range.atLeast(1), s -> s.workload().grafana().refreshInterval());
        top("grafana.activeHoursPerMonth", Kind.DECIMAL, "unit.hoursMonth", "grafana", "176", Range.of(0, 730),
                s -> s.workload().grafana().activeHoursPerMonth());
        top("grafana.kbPerPanelRefresh", Kind.DECIMAL, "unit.kb", "grafana", "20", Range.of(0, 100_000), s -> s.workload().grafana().kbPerPanelRefresh());
        top("alertRules", Kind.INT, "unit.rules", "scrape", "10", Range.of(0, 1_000_000), s -> s.workload().alertRules());
        top("logs", Kind.OBJECT, "", "", "", null, null);
        top("logs.stackGbPerMonth", Kind.DECIMAL, "unit.gbMonth", "scrape", "2", Range.of(0, 1e7), s -> s.workload().logs().stackGbPerMonth());
        top("logs.servicesGbPerMonth", Kind.DECIMAL, "unit.gbMonth", "scrape", "0", Range.of(0, 1e7).planning(DERIVED_MAX),
                s -> s.workload().logs().servicesGbPerMonth());
        top("logs.retentionDays", Kind.INT, "unit.days", "scrape", "30", Range.of(1, 3653), s -> s.workload().logs().retentionDays());
        top("cloudwatchExporter", Kind.OBJECT, "", "", "", null, null);
        top("cloudwatchExporter.scrapeInterval", Kind.DURATION, "unit.duration", "scrape", "60s", Range.atLeast(1),
                s -> s.workload().exporter().scrapeInterval());
        top("cloudwatchExporter.period", Kind.DURATION, "unit.duration", "", "60s", null, s -> s.workload().exporter().period());
        choice("cloudwatchExporter.api", "", ExporterApi.GET_METRIC_DATA.apiName(), keys(ExporterApi.values(), ExporterApi::apiName),
                s -> s.workload().exporter().api().apiName());
        top("cloudwatchExporter.listMetricsCacheTtl", Kind.DURATION, "unit.duration", "", "", Range.atLeast(0),
                s -> s.workload().exporter().listMetricsCacheTtl());
        top("cloudwatchExporter.metrics", Kind.LIST, "", "", "", null, null);
        top("cloudwatchExporter.metrics[].namespace", Kind.TEXT, "", "", null, null, null);
        top("cloudwatchExporter.metrics[].name", Kind.TEXT, "", "", null, null, null);
        top("cloudwatchExporter.metrics[].dimensions", Kind.STRINGS, "", "", "", null, null);
        top("cloudwatchExporter.metrics[].statistics", Kind.STRINGS, "", "", "", null, null);
        top("cloudwatchExporter.metrics[].perService", Kind.BOOL, "", "", "", null, null);
        top("cloudwatchExporter.metrics[].resources", Kind.INT, "", "", "0", Range.atLeast(1), null);
        top("dataTransfer", Kind.OBJECT, "", "", "", null, null);
        top("dataTransfer.extraOutGbPerMonth", Kind.DECIMAL, "unit.gbMonth", "platform", "0", Range.of(0, 1e9), s -> s.workload().extraDataTransferOutGb());
        top("sizing", Kind.OBJECT, "", "", "", null, null);
        top("sizing.headroomPercent", Kind.DECIMAL, "unit.percent", "platform", "", Range.of(0, 500), s -> s.workload().sizing().headroomPercent());
        top("sizing.maxSeriesPerServer", Kind.LONG, "", "", "", Range.atLeast(1000), s -> s.workload().sizing().maxSeriesPerServer());
        top("sizing.pinsAreRequirements", Kind.BOOL, "", "", "false", null, s -> s.workload().sizing().pinsAreRequirements());
        top("network", Kind.OBJECT, "", "", "", null, null);
        choice("network.nat", "", NatChoice.EXISTING.key(), keys(NatChoice.values(), NatChoice::key), s -> s.workload().network().nat().key());
        top("network.availabilityZones", Kind.INT, "", "", "", Range.of(1, 6), s -> s.workload().network().availabilityZones());
        top("network.natGbPerMonth", Kind.DECIMAL, "unit.gbMonth", "", "", Range.of(0, 1e9), s -> s.workload().network().natGbPerMonth());
        top("cloudwatchOnly", Kind.OBJECT, "", "", "", null, null);
        top("cloudwatchOnly.dashboards", Kind.INT, "unit.dashboards", "cloudwatch", "", Range.of(0, 100_000).planning(Integer.MAX_VALUE),
                s -> s.cloudwatchOnly().dashboards());
        top("cloudwatchOnly.publishServiceSeries", Kind.BOOL, "", "", "true", null, s -> s.cloudwatchOnly().publishServiceSeries());
        top("cloudwatchOnly.customMetrics", Kind.INT, "unit.metrics", "cloudwatch", "0", Range.of(0, 100_000_000).planning(Integer.MAX_VALUE),
                s -> s.cloudwatchOnly().customMetrics());
        top("cloudwatchOnly.alarms", Kind.INT, "unit.alarms", "cloudwatch", "", Range.of(0, 10_000_000).planning(Integer.MAX_VALUE),
                s -> s.cloudwatchOnly().alarms());
        top("cloudwatchOnly.highResAlarms", Kind.INT, "unit.alarms", "cloudwatch", "0", Range.of(0, 10_000_000).planning(Integer.MAX_VALUE),
                s -> s.cloudwatchOnly().highResAlarms());
        top("cloudwatchOnly.logsInsightsGbScanned", Kind.DECIMAL, "unit.gbMonth", "cloudwatch", "0", Range.of(0, 1e9).planning(DERIVED_MAX),
                s -> s.cloudwatchOnly().logsInsightsGbScanned());
        top("cloudwatchOnly.freeTier", Kind.BOOL, "", "cloudwatch", "true", null, s -> s.cloudwatchOnly().freeTier());
        top("roi", Kind.OBJECT, "", "", "", null, null);
        top("roi.hoursSavedPerWeek", Kind.DECIMAL, "unit.hoursWeek", "roi", "0", Range.of(0, 168).planning(DERIVED_MAX), s -> s.roi().hoursSavedPerWeek());
        top("roi.hourlyRateLow", Kind.DECIMAL, "unit.usdHour", "roi", "0", Range.of(0, 100_000), s -> s.roi().hourlyRateLow());
        top("roi.hourlyRateHigh", Kind.DECIMAL, "unit.usdHour", "roi", "", Range.of(0, 100_000), s -> s.roi().hourlyRateHigh());
        top("roi.opsHoursPerMonth", Kind.DECIMAL, "unit.hoursMonth", "roi", "", Range.of(0, 730), s -> s.roi().opsHoursPerMonth());
        top("roi.setupHours", Kind.DECIMAL, "unit.hours", "roi", "0", Range.of(0, 100_000), s -> s.roi().setupHours());
        top("baseline", Kind.OBJECT, "", "", "", null, null);
        top("baseline.lowUsd", Kind.DECIMAL, "unit.usdMonth", "", "0", Range.of(0, 1e9), s -> s.baseline().lowUsd());
        top("baseline.highUsd", Kind.DECIMAL, "unit.usdMonth", "", "", Range.of(0, 1e9), s -> s.baseline().highUsd());
        top("baseline.priceRegion", Kind.REGION, "", "", "us-east-1", null, s -> s.baseline().priceRegion());
        top("baseline.claimedGiBPerDay", Kind.DECIMAL, "", "", "0", Range.of(0, 1e6), s -> s.baseline().claimedGiBPerDay());
        top("baseline.roi", Kind.OBJECT, "", "", "", null, null);
        top("baseline.roi.claimedLowPercent", Kind.DECIMAL, "", "", "0", Range.of(-100, 1e6), s -> s.baseline().roiClaim().lowPercent());
        top("baseline.roi.claimedHighPercent", Kind.DECIMAL, "", "", "", Range.of(-100, 1e6), s -> s.baseline().roiClaim().highPercent());
        top("baseline.roi.hoursSavedPerMonth", Kind.DECIMAL, "", "", "0", Range.of(0, 730 * 1000.0), s -> s.baseline().roiClaim().hoursSavedPerMonth());
        top("baseline.lines", Kind.LIST, "", "", "", null, null);
        line("baseline.lines[]");
        top("baseline.cloudwatchOnly", Kind.OBJECT, "", "", "", null, null);
        top("baseline.cloudwatchOnly.totalUsd", Kind.DECIMAL, "unit.usdMonth", "", "0", Range.of(0, 1e9), s -> s.baseline().cloudwatchOnlyUsd());
        top("baseline.cloudwatchOnly.lines", Kind.LIST, "", "", "", null, null);
        line("baseline.cloudwatchOnly.lines[]");
        top("uncertainty", Kind.OBJECT, "", "", "", null, null);
        top("measured", Kind.OBJECT, "", "", "", null, null);
    }

    private static void line(String p) {
        top(p + ".name", Kind.LOCAL_TEXT, "", "", null, null, null);
        top(p + ".usd", Kind.DECIMAL, "unit.usdMonth", "", "", Range.of(0, 1e9), null);
        top(p + ".lowUsd", Kind.DECIMAL, "unit.usdMonth", "", "", Range.of(0, 1e9), null);
        top(p + ".highUsd", Kind.DECIMAL, "unit.usdMonth", "", "", Range.of(0, 1e9), null);
        top(p + ".planHours", Kind.INT, "", "", "0", Range.of(0, 100_000), null);
        top(p + ".covers", Kind.STRINGS, "", "", "", null, null);
        top(p + ".planFormula", Kind.LOCAL_TEXT, "", "", "", null, null);
        top(p + ".note", Kind.LOCAL_TEXT, "", "", "", null, null);
        top(p + ".notPriced", Kind.BOOL, "", "", "false", null, null);
    }

    private ScenarioSchema() {
    }

    private static void top(String path, Kind kind, String unit, String group, String dflt, Range range, Function<Scenario, Object> get) {
        ALL.put(path, new Field(path, kind, unit, group, dflt, range, List.of(), get));
    }

    private static void choice(String path, String group, String dflt, List<String> allowed, Function<Scenario, Object> get) {
        ALL.put(path, new Field(path, Kind.ENUM, "", group, dflt, null, allowed, get));
    }

    private static <E> List<String> keys(E[] values, Function<E, String> key) {
        return Arrays.stream(values).map(key).toList();
    }

    /** Every key, containers and list elements included, in the order a written file holds them. */
    public static List<Field> fields() {
        return List.copyOf(ALL.values());
    }

    public static Optional<Field> byPath(String path) {
        return Optional.ofNullable(ALL.get(path));
    }

    /** The key at a path; an unknown path is a programming error. */
    public static Field field(String path) {
        Field f = ALL.get(path);
        if (f == null) {
            throw new IllegalArgumentException("no scenario key " + path);
        }
        return f;
    }

    /** The keys a mapping may hold ("" for the top, "services[]" for a service entry). */
    public static Set<String> keysUnder(String parent) {
        Set<String> out = new LinkedHashSet<>();
        for (Field f : ALL.values()) {
            if (f.parent().equals(parent) && !f.key().isEmpty()) {
                out.add(f.key());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The keys a mapping may hold, as its fields. */
    public static List<Field> under(String parent) {
        List<Field> out = new ArrayList<>();
        for (Field f : ALL.values()) {
            if (f.parent().equals(parent)) {
                out.add(f);
            }
        }
        return out;
    }
}
