package io.promplan.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.core.units.TimeSpan;
import io.promplan.io.InputFileException;
import io.promplan.io.InputFiles;
import io.promplan.io.LocatedNode;
import io.promplan.io.Locations;
import io.promplan.core.workload.Architecture;
import io.promplan.core.workload.Baseline;
import io.promplan.core.workload.BaselineLine;
import io.promplan.core.workload.CloudWatchMetric;
import io.promplan.core.workload.CloudWatchOnly;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.ExporterApi;
import io.promplan.core.workload.ExporterSpec;
import io.promplan.core.workload.FargateSize;
import io.promplan.core.workload.GrafanaSpec;
import io.promplan.core.workload.LocalText;
import io.promplan.core.workload.LogsSpec;
import io.promplan.core.workload.Measurement;
import io.promplan.core.workload.NatChoice;
import io.promplan.core.workload.NetworkSpec;
import io.promplan.core.workload.RoiAssumptions;
import io.promplan.core.workload.Problem;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ScenarioValidator;
import io.promplan.core.workload.ServiceSpec;
import io.promplan.core.workload.SizingOptions;
import io.promplan.core.workload.StorageBackend;
import io.promplan.core.workload.StorageSpec;
import io.promplan.core.workload.ThanosSpec;
import io.promplan.core.workload.Uncertainty;
import io.promplan.core.workload.Workload;
import io.promplan.core.workload.schema.Field;
import io.promplan.core.workload.schema.ScenarioSchema;
import io.promplan.core.analysis.InputPaths;
import io.promplan.core.sizing.Num;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a versioned YAML scenario file. Unknown keys, wrong types and impossible values end in a
 * {@link InputFileException} naming the file, line and field; the file is never changed.
 */
public final class ScenarioReader {
    static final Set<String> TOP = ScenarioSchema.keysUnder("");

    public static final GrafanaSpec DEFAULT_GRAFANA = new GrafanaSpec(intDflt("grafana.users"), intDflt("grafana.editors"),
            intDflt("grafana.concurrentUsers"), intDflt("grafana.dashboards"), intDflt("grafana.panelsPerDashboard"),
            TimeSpan.parse(dflt("grafana.refreshInterval")), numDflt("grafana.activeHoursPerMonth"), numDflt("grafana.kbPerPanelRefresh"));
    public static final List<CloudWatchMetric> PLAN_EXPORTER_METRICS = List.of(
            new CloudWatchMetric("AWS/ECS", "CPUUtilization", List.of("ClusterName", "ServiceName"), List.of("Average"), true, 0),
            new CloudWatchMetric("AWS/ECS", "MemoryUtilization", List.of("ClusterName", "ServiceName"), List.of("Average"), true, 0),
            new CloudWatchMetric("AWS/ApplicationELB", "TargetResponseTime", List.of("LoadBalancer", "TargetGroup"), List.of("Average", "Maximum"), true, 0));

    private static final ObjectMapper YAML = Locations.yamlMapper((int) InputFiles.SCENARIO_LIMIT);

    private ScenarioReader() {
    }

    public static Scenario read(Path file) throws InputFileException {
        String name = file.toString();
        String text = InputFiles.readText(file, InputFiles.SCENARIO_LIMIT, "a scenario file (YAML)");
        return parse(text, name);
    }

    public static Scenario parse(String text, String fileName) throws InputFileException {
        if (text.length() > InputFiles.SCENARIO_LIMIT) {
            throw new InputFileException(fileName, 0, "", "is " + text.length() + " characters; allowed: up to " + InputFiles.SCENARIO_LIMIT);
        }
        Locations.Parsed parsed = Locations.parse(YAML, text, fileName, "YAML");
        JsonNode root = parsed.root();
        Map<String, Integer> lines = parsed.lines();
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InputFileException(fileName, 0, "", "is empty; a scenario needs at least version, name, region, serviceCount, metricsPerService, seriesPerMetric, scrapeInterval and retention");
        }
        if (!root.isObject()) {
            throw new InputFileException(fileName, 1, "", "must be a mapping of keys to values (key: value), not a " + root.getNodeType().name().toLowerCase());
        }
        LocatedNode r = new LocatedNode(root, "", fileName, lines);
        Scenario s;
        TEXT.set(text);
        try {
            s = map(r);
        } finally {
            TEXT.remove();
        }
        List<Problem> problems = ScenarioValidator.validate(s);
        if (!problems.isEmpty()) {
            Problem p = problems.get(0);
            throw new InputFileException(fileName, lineOf(lines, p.field()), p.field(), p.message()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem" + (problems.size() > 2 ? "s" : "") + ")" : ""));
        }
        // Ranges last, on a valid scenario: each end of a range must be a value the file could hold itself, and one the planner takes.
        return s.withUncertainty(uncertainty(r.object("uncertainty"), s));
    }

    /** The line of a field in a scenario file (0 when the file or the field cannot be found), for messages about a read scenario. */
    public static int line(Path file, String field) {
        try {
            Locations.Parsed p = Locations.parse(YAML, InputFiles.readText(file, InputFiles.SCENARIO_LIMIT, "a scenario file"), file.toString(), "YAML");
            return lineOf(p.lines(), field);
        } catch (InputFileException | RuntimeException e) {
            return 0;
        }
    }

    /** The line of a field, or of the nearest enclosing field the file has ("services[2]" for "services[2].name"). */
    private static int lineOf(Map<String, Integer> lines, String field) {
        String f = field;
        while (true) {
            Integer l = lines.get(f);
            if (l != null) {
                return l;
            }
            int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
            if (cut <= 0) {
                return 0;
            }
            f = f.substring(0, cut);
        }
    }

    private static Scenario map(LocatedNode r) throws InputFileException {
        r.rejectUnknown(TOP);
        int version = r.integer("version", null);
        if (version != Scenario.CURRENT_VERSION) {
            throw r.get("version").error("is " + version + "; this Promplan reads scenario files of version " + Scenario.CURRENT_VERSION);
        }
        LocalText name = localText(r, "name", null);
        LocalText description = localText(r, "description", "");
        String region = r.text("region", null).trim();
        Architecture arch = r.parsed("architecture", dflt("architecture"),
                s -> Architecture.parse(s).orElseThrow(() -> new IllegalArgumentException("'" + s + "' is not allowed; allowed: " + Architecture.allowed())));
        int serviceCount = r.integer("serviceCount", null);
        int metrics = r.integer("metricsPerService", null);
        double spm = r.number("seriesPerMetric", null);
        int targets = r.integer("targetsPerService", intDflt("targetsPerService"));
        double hShare = r.number("histogramShare", numDflt("histogramShare"));
        int hBuckets = r.integer("histogramBuckets", intDflt("histogramBuckets"));
        List<ServiceSpec> overrides = new ArrayList<>();
        for (LocatedNode s : r.list("services")) {
            if (s.isMissing() || !s.raw().isObject()) {
                throw s.error(s.isMissing() || (s.raw().isValueNode() && s.raw().asText().isBlank()) ? "is an empty entry; write each service as '- name: worker' (and its own figures, if any)"
                        : "is " + (s.raw().isValueNode() ? "the bare text '" + s.raw().asText() + "'" : "a list")
                        + "; write each service as a mapping: '- name: " + (s.raw().isValueNode() ? s.raw().asText() : "worker") + "'");
            }
            s.rejectUnknown(ScenarioSchema.keysUnder("services[]"));
            // Written values must be real values: 0 or a negative number is not "use the shorthand" (leave the key out for that).
            overrides.add(new ServiceSpec(s.text("name", ""), (int) present(s, "metrics", s.integer("metrics", 0), "metricsPerService"),
                    present(s, "seriesPerMetric", s.number("seriesPerMetric", 0.0), "seriesPerMetric"),
                    (int) present(s, "targets", s.integer("targets", 0), "targetsPerService"),
                    present(s, "histogramShare", s.number("histogramShare", -1.0), "histogramShare"),
                    (int) present(s, "histogramBuckets", s.integer("histogramBuckets", 0), "histogramBuckets")));
        }
        TimeSpan scrape = r.parsed("scrapeInterval", null, TimeSpan::parse);
        TimeSpan retention = r.parsed("retention", null, TimeSpan::parse);
        StorageBackend backend = r.parsed("storage", dflt("storage"),
                s -> StorageBackend.parse(s).orElseThrow(() -> new IllegalArgumentException("'" + s + "' is not allowed; allowed: " + StorageBackend.allowed())));
        LocatedNode sg = r.object("storageGiB");
        sg.rejectUnknown(ScenarioSchema.keysUnder("storageGiB"));
        StorageSpec storage = new StorageSpec(backend, sg.number("prometheus", 0.0), sg.number("grafana", 0.0),
                r.parsed("localRetention", dflt("localRetention"), TimeSpan::parse), r.bool("backup", boolDflt("backup")));
        ThanosSpec thanos = thanos(r, backend, retention);
        // Alerts that must reach people need Alertmanager (Prometheus alone only evaluates them): it is planned, priced and exported whenever they do.
        boolean alertsReachPeople = r.bool("alertsReachPeople", boolDflt("alertsReachPeople"));
        boolean alertmanager = r.bool("alertmanager", alertsReachPeople) || alertsReachPeople;

        Map<Component, FargateSize> pinned = new EnumMap<>(Component.class);
        LocatedNode pn = r.object("pinned");
        Set<String> pinnedKeys = new java.util.HashSet<>(ScenarioSchema.keysUnder("pinned"));
        ScenarioSchema.keysUnder("pinned").forEach(k -> pinnedKeys.add(camel(k)));
        pn.rejectUnknown(pinnedKeys);
        for (Component c : Component.values()) {
            for (String key : List.of(c.key(), camel(c.key()))) {
                if (pn.has(key)) {
                    LocatedNode p = pn.object(key);
                    p.rejectUnknown(Set.of("cpu", "memoryMiB"));
                    pinned.put(c, new FargateSize(p.integer("cpu", null), p.integer("memoryMiB", null)));
                }
            }
        }

        LocatedNode g = r.object("grafana");
        g.rejectUnknown(ScenarioSchema.keysUnder("grafana"));
        GrafanaSpec d = DEFAULT_GRAFANA;
        GrafanaSpec grafana = new GrafanaSpec(g.integer("users", d.users()), g.integer("editors", d.editors()), g.integer("concurrentUsers", d.concurrentUsers()),
                g.integer("dashboards", d.dashboards()), g.integer("panelsPerDashboard", d.panelsPerDashboard()),
                g.parsed("refreshInterval", d.refreshInterval().text(), TimeSpan::parse), g.number("activeHoursPerMonth", d.activeHoursPerMonth()),
                g.number("kbPerPanelRefresh", d.kbPerPanelRefresh()));
        int alertRules = r.integer("alertRules", intDflt("alertRules"));
        LocatedNode l = r.object("logs");
        l.rejectUnknown(ScenarioSchema.keysUnder("logs"));
        LogsSpec logs = new LogsSpec(l.number("stackGbPerMonth", numDflt("logs.stackGbPerMonth")), l.number("servicesGbPerMonth", numDflt("logs.servicesGbPerMonth")),
                l.integer("retentionDays", intDflt("logs.retentionDays")));

        LocatedNode e = r.object("cloudwatchExporter");
        e.rejectUnknown(ScenarioSchema.keysUnder("cloudwatchExporter"));
        List<CloudWatchMetric> cw = new ArrayList<>();
        if (e.has("metrics")) {
            for (LocatedNode m : e.list("metrics")) {
                m.rejectUnknown(ScenarioSchema.keysUnder("cloudwatchExporter.metrics[]"));
                boolean perService = m.bool("perService", !m.has("resources"));
                cw.add(new CloudWatchMetric(m.text("namespace", null), m.text("name", null), m.strings("dimensions"), m.strings("statistics"),
                        perService, m.integer("resources", 0)));
            }
        } else {
            cw.addAll(PLAN_EXPORTER_METRICS);
        }
        ExporterApi api = e.parsed("api", dflt("cloudwatchExporter.api"),
                v -> ExporterApi.of(v).orElseThrow(() -> new IllegalArgumentException("is '" + v + "'; allowed: " + ExporterApi.allowed())));
        ExporterSpec exporter = new ExporterSpec(e.parsed("scrapeInterval", dflt("cloudwatchExporter.scrapeInterval"), TimeSpan::parse),
                e.parsed("period", dflt("cloudwatchExporter.period"), TimeSpan::parse), cw, api,
                e.parsed("listMetricsCacheTtl", ExporterSpec.DEFAULT_LIST_METRICS_CACHE_TTL.text(), TimeSpan::parse));
        LocatedNode dt = r.object("dataTransfer");
        dt.rejectUnknown(ScenarioSchema.keysUnder("dataTransfer"));
        double extraOut = dt.number("extraOutGbPerMonth", numDflt("dataTransfer.extraOutGbPerMonth"));
        LocatedNode sz = r.object("sizing");
        sz.rejectUnknown(ScenarioSchema.keysUnder("sizing"));
        SizingOptions sizing = new SizingOptions(sz.number("headroomPercent", SizingOptions.DEFAULT_HEADROOM_PERCENT),
                sz.longValue("maxSeriesPerServer", SizingOptions.DEFAULT_MAX_SERIES_PER_SERVER), sz.bool("pinsAreRequirements", boolDflt("sizing.pinsAreRequirements")));
        LocatedNode nw = r.object("network");
        nw.rejectUnknown(ScenarioSchema.keysUnder("network"));
        NatChoice nat = nw.parsed("nat", dflt("network.nat"),
                v -> NatChoice.parse(v).orElseThrow(() -> new IllegalArgumentException("is '" + v + "'; allowed: " + NatChoice.allowed())));
        NetworkSpec network = new NetworkSpec(nat, nw.integer("availabilityZones", NetworkSpec.DEFAULT_AZS), nw.number("natGbPerMonth", -1.0));
        String prometheusVersion = version(r, "prometheusVersion");

        Workload w = new Workload(region, arch, serviceCount, metrics, spm, targets, hShare, hBuckets, overrides, scrape, retention, storage,
                alertmanager, pinned, grafana, alertRules, logs, exporter, extraOut, sizing, network, prometheusVersion, thanos);

        LocatedNode c = r.object("cloudwatchOnly");
        c.rejectUnknown(ScenarioSchema.keysUnder("cloudwatchOnly"));
        CloudWatchOnly cwo = new CloudWatchOnly(c.integer("dashboards", serviceCount), c.integer("customMetrics", intDflt("cloudwatchOnly.customMetrics")), c.integer("alarms", 4 * serviceCount),
                c.integer("highResAlarms", intDflt("cloudwatchOnly.highResAlarms")),
                c.number("logsInsightsGbScanned", numDflt("cloudwatchOnly.logsInsightsGbScanned")), c.bool("freeTier", boolDflt("cloudwatchOnly.freeTier")),
                c.bool("publishServiceSeries", boolDflt("cloudwatchOnly.publishServiceSeries")));
        LocatedNode ro = r.object("roi");
        ro.rejectUnknown(ScenarioSchema.keysUnder("roi"));
        RoiAssumptions roi = new RoiAssumptions(ro.number("hoursSavedPerWeek", numDflt("roi.hoursSavedPerWeek")), ro.number("hourlyRateLow", numDflt("roi.hourlyRateLow")),
                ro.number("hourlyRateHigh", ro.number("hourlyRateLow", numDflt("roi.hourlyRateLow"))),
                ro.number("opsHoursPerMonth", RoiAssumptions.DEFAULT_OPS_HOURS_PER_MONTH), ro.number("setupHours", numDflt("roi.setupHours")));
        Baseline baseline = baseline(r.object("baseline"));
        r.object("uncertainty");
        measurement(r.object("measured")); // checked here; read with measurement(text, file)
        return new Scenario(version, name, description, w, cwo, roi, baseline, Uncertainty.none());
    }

    /**
     * The {@code thanos:} block: allowed only with {@code storage: thanos-s3} (null otherwise), where {@code localRetention:} (the
     * amp-remote-write setting) is refused; each resolution's retention defaults to the scenario's retention.
     */
    private static ThanosSpec thanos(LocatedNode r, StorageBackend backend, TimeSpan retention) throws InputFileException {
        if (backend != StorageBackend.THANOS_S3) {
            if (r.has("thanos")) {
                throw r.get("thanos").error("is allowed only with storage: thanos-s3 (storage is " + backend.key() + "); remove the block or write storage: thanos-s3");
            }
            return null;
        }
        if (r.has("localRetention")) {
            throw r.get("localRetention").error("is the amp-remote-write setting and is not allowed with storage: thanos-s3;"
                    + " write thanos.localRetention (Prometheus's own TSDB beside the sidecar, at least 2h) instead");
        }
        LocatedNode t = r.object("thanos");
        t.rejectUnknown(ScenarioSchema.keysUnder("thanos"));
        TimeSpan raw = t.parsed("retentionRaw", retention.text(), TimeSpan::parse);
        TimeSpan fiveMinutes = t.parsed("retention5m", retention.text(), TimeSpan::parse);
        TimeSpan oneHour = t.parsed("retention1h", retention.text(), TimeSpan::parse);
        TimeSpan local = t.parsed("localRetention", dflt("thanos.localRetention"), TimeSpan::parse);
        StorageBackend localStorage = t.parsed("localStorage", dflt("thanos.localStorage"),
                v -> StorageBackend.parse(v).filter(b -> b == StorageBackend.EPHEMERAL || b == StorageBackend.EBS)
                        .orElseThrow(() -> new IllegalArgumentException("is '" + v + "'; allowed: ephemeral | ebs")));
        return new ThanosSpec(raw, fiveMinutes, oneHour, local, localStorage);
    }

    /** A service's own figure, when written, within its key's range (the schema's {@code services[].<key>}). */
    private static double present(LocatedNode s, String key, double v, String shorthand) throws InputFileException {
        Field f = ScenarioSchema.field("services[]." + key);
        io.promplan.core.workload.schema.Range r = f.range();
        if (s.has(key) && !r.allows(v, r.max())) {
            String shown = f.kind().whole() ? String.valueOf((long) v) : Num.fmt(v);
            throw s.get(key).error("is " + shown + "; allowed: " + (r.minExclusive() ? "above " : "") + Num.fmt(r.min())
                    + (r.minExclusive() ? " up " : " ") + "to " + (long) r.max() + " (or leave it out to use " + shorthand + ")");
        }
        return v;
    }

    /**
     * {@code uncertainty:} maps an input's path to {@code {low, likely, high, shape}}; likely defaults
     * to the scenario's own value, shape to pert.
     */
    static Uncertainty uncertainty(LocatedNode u, Scenario s) throws InputFileException {
        Map<String, Uncertainty.Range> out = new java.util.LinkedHashMap<>();
        if (u.isMissing()) {
            return Uncertainty.none();
        }
        for (String key : u.keys()) {
            LocatedNode n = u.object(key);
            InputPaths.Input input = InputPaths.byPath(key).orElseThrow(() -> n.error("is not an input that can take a range; allowed: "
                    + String.join(", ", InputPaths.paths())));
            if (n.isMissing() || !n.raw().isObject()) {
                throw n.error("must be a mapping such as { low: 1, likely: 2, high: 5 }");
            }
            n.rejectUnknown(Set.of("low", "likely", "high", "shape"));
            double low = n.number("low", null);
            double high = n.number("high", null);
            double likely = n.has("likely") ? n.number("likely", null) : Double.NaN;
            Uncertainty.Shape shape = n.parsed("shape", "pert", x -> Uncertainty.Shape.parse(x)
                    .orElseThrow(() -> new IllegalArgumentException("'" + x + "' is not allowed; allowed: pert, triangular")));
            double mid = Double.isNaN(likely) ? input.read(s) : likely;
            if (!(low < high)) {
                throw n.error("low (" + Num.fmt(low) + ") must be below high (" + Num.fmt(high) + ")");
            }
            if (mid < low || mid > high) {
                throw n.error((Double.isNaN(likely) ? "the scenario's value " : "likely ") + Num.fmt(mid) + " must lie between low "
                        + Num.fmt(low) + " and high " + Num.fmt(high));
            }
            if (low < input.min()) {
                throw n.error("low " + Num.fmt(low) + " is below the smallest allowed value " + Num.fmt(input.min()));
            }
            for (String end : List.of("low", "likely", "high")) {
                double v = end.equals("low") ? low : end.equals("high") ? high : likely;
                if (Double.isNaN(v)) {
                    continue;
                }
                Scenario at = input.write(s, v);
                // The input's own rule as the file would have it, then what the planner takes (the other inputs as they are).
                Problem p = ScenarioValidator.validate(at).stream().filter(x -> x.field().equals(key)).findFirst()
                        .or(() -> ScenarioValidator.validateForPlanning(at).stream().findFirst()).orElse(null);
                if (p != null) {
                    throw n.get(end).error(end + " " + Num.fmt(v) + " is not a value " + key + " may take: " + p.field() + " " + p.message());
                }
            }
            out.put(key, new Uncertainty.Range(low, likely, high, shape));
        }
        return new Uncertainty(out);
    }

    /**
     * The {@code measured:} block of a scenario file (written by {@code promplan measure}), or null
     * when it has none. The file is read and checked as a whole first.
     */
    public static Measurement measurement(String text, String fileName) throws InputFileException {
        parse(text, fileName);
        Locations.Parsed parsed = Locations.parse(YAML, text, fileName, "YAML");
        return measurement(new LocatedNode(parsed.root(), "", fileName, parsed.lines()).object("measured"));
    }

    static Measurement measurement(LocatedNode m) throws InputFileException {
        if (m.isMissing()) {
            return null;
        }
        m.rejectUnknown(Set.of("method", "at", "by", "server", "sources", "failed"));
        String method = m.text("method", null);
        if (!method.equals(Measurement.TARGETS) && !method.equals(Measurement.PROMETHEUS)) {
            throw m.get("method").error("is '" + method + "'; allowed: " + Measurement.TARGETS + ", " + Measurement.PROMETHEUS);
        }
        Measurement.Source server = m.has("server") ? measuredSource(m.object("server")) : null;
        List<Measurement.Source> sources = new ArrayList<>();
        for (LocatedNode s : m.list("sources")) {
            sources.add(measuredSource(s));
        }
        return new Measurement(method, m.text("at", ""), m.text("by", ""), server, sources, m.strings("failed"));
    }

    private static Measurement.Source measuredSource(LocatedNode s) throws InputFileException {
        if (s.isMissing() || !s.raw().isObject()) {
            throw s.error("must be a mapping with name, url and measured figures");
        }
        Set<String> allowed = new java.util.HashSet<>(Measurement.FIGURES.keySet());
        allowed.add("name");
        allowed.add("url");
        s.rejectUnknown(allowed);
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        for (String k : Measurement.FIGURES.keySet()) {
            if (s.has(k)) {
                figures.put(k, s.text(k, null));
            }
        }
        return new Measurement.Source(s.text("name", ""), s.text("url", ""), figures);
    }

    private static Baseline baseline(LocatedNode b) throws InputFileException {
        if (b.isMissing()) {
            return Baseline.none();
        }
        b.rejectUnknown(ScenarioSchema.keysUnder("baseline"));
        List<BaselineLine> lines = lines(b.list("lines"));
        LocatedNode c = b.object("cloudwatchOnly");
        c.rejectUnknown(ScenarioSchema.keysUnder("baseline.cloudwatchOnly"));
        LocatedNode ro = b.object("roi");
        ro.rejectUnknown(ScenarioSchema.keysUnder("baseline.roi"));
        Baseline.RoiClaim claim = new Baseline.RoiClaim(ro.number("claimedLowPercent", 0.0), ro.number("claimedHighPercent", ro.number("claimedLowPercent", 0.0)),
                ro.number("hoursSavedPerMonth", 0.0));
        return new Baseline(b.number("lowUsd", 0.0), b.number("highUsd", b.number("lowUsd", 0.0)), b.text("priceRegion", "us-east-1"), lines,
                c.number("totalUsd", 0.0), lines(c.list("lines")), b.number("claimedGiBPerDay", 0.0), claim);
    }

    private static List<BaselineLine> lines(List<LocatedNode> nodes) throws InputFileException {
        List<BaselineLine> out = new ArrayList<>();
        for (LocatedNode n : nodes) {
            n.rejectUnknown(ScenarioSchema.keysUnder("baseline.lines[]"));
            double low = n.has("usd") ? n.number("usd", null) : n.number("lowUsd", null);
            double high = n.has("usd") ? low : n.number("highUsd", low);
            out.add(new BaselineLine(localText(n, "name", null), low, high, n.integer("planHours", 0), n.strings("covers"), localText(n, "planFormula", ""),
                    localText(n, "note", ""), n.bool("notPriced", false)));
        }
        return out;
    }

    /**
     * A text written for people: a plain string (shown in every language) or a mapping with one text per language,
     * {@code { en: "...", ko: "..." }} (block style too). A language this Promplan does not know, an empty mapping or a
     * language's value that is not a plain text is an error naming the key ({@code note.fr}) and what is allowed.
     */
    static LocalText localText(LocatedNode parent, String key, String dflt) throws InputFileException {
        LocatedNode c = parent.get(key);
        if (c.isMissing() || c.raw().isValueNode()) {
            String t = parent.text(key, dflt);
            return LocalText.plain(t);
        }
        String allowed = "a text, or one text per language as a mapping such as { en: \"...\", ko: \"...\" } (languages: "
                + String.join(", ", LocalText.LANGUAGES) + ")";
        if (!c.raw().isObject()) {
            throw c.error("is a list; allowed: " + allowed);
        }
        List<String> keys = c.keys();
        if (keys.isEmpty()) {
            throw c.error("is an empty mapping; allowed: " + allowed);
        }
        Map<String, String> byLanguage = new java.util.LinkedHashMap<>();
        for (String lang : keys) {
            LocatedNode v = c.get(lang);
            if (!LocalText.isLanguage(lang)) {
                throw v.error("is not a language this Promplan writes; allowed languages: " + String.join(", ", LocalText.LANGUAGES)
                        + " (or write one plain text for every language)");
            }
            if (v.isMissing() || !v.raw().isValueNode()) {
                throw v.error(v.isMissing() ? "is empty; write the text in this language or leave the language out"
                        : "must be a plain text, not a list or mapping");
            }
            byLanguage.put(lang, c.text(lang, null));
        }
        return LocalText.of(byLanguage);
    }

    /**
     * A version such as 3.5 or 2.53.4 as the file wrote it: an unquoted 3.10 is a number to YAML (3.1), so the
     * text is taken from the file's line when the value is not a string.
     */
    private static String version(LocatedNode r, String key) throws InputFileException {
        if (!r.has(key)) {
            return dflt(key);
        }
        LocatedNode n = r.get(key);
        if (!n.raw().isValueNode()) {
            throw n.error("must be a version such as 3.5, not a list or mapping");
        }
        if (n.raw().isTextual()) {
            return n.raw().asText().trim();
        }
        String written = n.raw().asText();
        String text = TEXT.get();
        if (n.raw().isNumber() && text != null && n.line() > 0) {
            String[] lines = text.split("\n", -1);
            if (n.line() <= lines.length) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*" + key + "\\s*:\\s*([^\\s#]+)").matcher(lines[n.line() - 1]);
                if (m.find()) {
                    written = m.group(1);
                }
            }
        }
        return written;
    }

    /** The text being parsed on this thread (for values YAML reads as numbers but the file means as text). */
    private static final ThreadLocal<String> TEXT = new ThreadLocal<>();

    /** A key's default as the file would write it (the schema's). */
    static String dflt(String path) {
        Field f = ScenarioSchema.field(path);
        if (f.defaultText() == null || f.defaultText().isEmpty()) {
            throw new IllegalStateException(path + " has no default of its own");
        }
        return f.defaultText();
    }

    static int intDflt(String path) {
        return Integer.parseInt(dflt(path));
    }

    static double numDflt(String path) {
        return Double.parseDouble(dflt(path));
    }

    static boolean boolDflt(String path) {
        return Boolean.parseBoolean(dflt(path));
    }

    static String camel(String key) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char ch : key.toCharArray()) {
            if (ch == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.toString();
    }
}
