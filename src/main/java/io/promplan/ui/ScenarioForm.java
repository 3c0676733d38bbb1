package io.promplan.ui;

import io.promplan.core.sizing.Num;
import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.Architecture;
import io.promplan.core.workload.CloudWatchOnly;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.ExporterSpec;
import io.promplan.core.workload.FargateSize;
import io.promplan.core.workload.GrafanaSpec;
import io.promplan.core.workload.LogsSpec;
import io.promplan.core.workload.Problem;
import io.promplan.core.workload.RoiAssumptions;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ScenarioValidator;
import io.promplan.core.workload.SizingOptions;
import io.promplan.core.workload.StorageBackend;
import io.promplan.core.workload.StorageSpec;
import io.promplan.core.workload.Workload;
import io.promplan.ui.InputField.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scenario as a form: which inputs there are (grouped, with units), the text of each for a
 * scenario, and a scenario built back from the texts with a message per field whose value is not
 * allowed (parse errors first, then {@link ScenarioValidator}'s problems). Parts of a scenario the
 * form does not show (per-service overrides, the exporter's metric list, the baseline) are kept from
 * the scenario the form was loaded from.
 */
public final class ScenarioForm {
    public static final List<String> GROUPS = List.of("services", "scrape", "platform", "grafana", "cloudwatch", "roi");
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");
    private static final Pattern RANGE = Pattern.compile("is (.+); allowed: (.+?) to (.+?)(?: \\(.*\\))?");

    private ScenarioForm() {
    }

    /** The inputs, in the order they are shown; {@code regions} are the price snapshot's. */
    public static List<InputField> fields(List<String> regions) {
        List<InputField> f = new ArrayList<>();
        f.add(new InputField("name", "scenario", Kind.TEXT, "", List.of()));
        add(f, "services", Kind.INT, "unit.services", "serviceCount");
        add(f, "services", Kind.INT, "unit.metrics", "metricsPerService");
        add(f, "services", Kind.DECIMAL, "unit.series", "seriesPerMetric");
        add(f, "services", Kind.INT, "unit.tasks", "targetsPerService");
        add(f, "services", Kind.DECIMAL, "unit.share", "histogramShare");
        add(f, "services", Kind.INT, "unit.buckets", "histogramBuckets");
        add(f, "scrape", Kind.DURATION, "unit.duration", "scrapeInterval", "retention");
        add(f, "scrape", Kind.INT, "unit.rules", "alertRules");
        add(f, "scrape", Kind.DURATION, "unit.duration", "cloudwatchExporter.scrapeInterval");
        add(f, "scrape", Kind.DECIMAL, "unit.gbMonth", "logs.stackGbPerMonth", "logs.servicesGbPerMonth");
        add(f, "scrape", Kind.INT, "unit.days", "logs.retentionDays");
        f.add(new InputField("region", "platform", Kind.CHOICE, "", List.copyOf(new TreeSet<>(regions))));
        f.add(new InputField("architecture", "platform", Kind.CHOICE, "",
                Arrays.stream(Architecture.values()).map(Architecture::key).toList()));
        f.add(new InputField("storage", "platform", Kind.CHOICE, "",
                Arrays.stream(StorageBackend.values()).map(StorageBackend::key).toList()));
        add(f, "platform", Kind.DECIMAL, "unit.gib", "storageGiB.prometheus", "storageGiB.grafana");
        add(f, "platform", Kind.DURATION, "unit.duration", "localRetention");
        add(f, "platform", Kind.BOOL, "", "backup", "alertmanager");
        for (Component c : Component.values()) {
            add(f, "platform", Kind.SIZE, "unit.size", "pinned." + c.key());
        }
        add(f, "platform", Kind.DECIMAL, "unit.percent", "sizing.headroomPercent");
        add(f, "platform", Kind.DECIMAL, "unit.gbMonth", "dataTransfer.extraOutGbPerMonth");
        add(f, "grafana", Kind.INT, "unit.users", "grafana.users", "grafana.editors", "grafana.concurrentUsers");
        add(f, "grafana", Kind.INT, "unit.dashboards", "grafana.dashboards");
        add(f, "grafana", Kind.INT, "unit.panels", "grafana.panelsPerDashboard");
        add(f, "grafana", Kind.DURATION, "unit.duration", "grafana.refreshInterval");
        add(f, "grafana", Kind.DECIMAL, "unit.hoursMonth", "grafana.activeHoursPerMonth");
        add(f, "grafana", Kind.DECIMAL, "unit.kb", "grafana.kbPerPanelRefresh");
        add(f, "cloudwatch", Kind.INT, "unit.dashboards", "cloudwatchOnly.dashboards");
        add(f, "cloudwatch", Kind.INT, "unit.metrics", "cloudwatchOnly.customMetrics");
        add(f, "cloudwatch", Kind.INT, "unit.alarms", "cloudwatchOnly.alarms", "cloudwatchOnly.highResAlarms");
        add(f, "cloudwatch", Kind.DECIMAL, "unit.gbMonth", "cloudwatchOnly.logsInsightsGbScanned");
        add(f, "cloudwatch", Kind.BOOL, "", "cloudwatchOnly.freeTier");
        add(f, "roi", Kind.DECIMAL, "unit.hoursWeek", "roi.hoursSavedPerWeek");
        add(f, "roi", Kind.DECIMAL, "unit.usdHour", "roi.hourlyRateLow", "roi.hourlyRateHigh");
        add(f, "roi", Kind.DECIMAL, "unit.hoursMonth", "roi.opsHoursPerMonth");
        add(f, "roi", Kind.DECIMAL, "unit.hours", "roi.setupHours");
        return f;
    }

    private static void add(List<InputField> f, String group, Kind kind, String unit, String... keys) {
        for (String k : keys) {
            f.add(new InputField(k, group, kind, unit, List.of()));
        }
    }

    /** The text of every input for a scenario. */
    public static Map<String, String> values(Scenario s) {
        Workload w = s.workload();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", s.name());
        v.put("serviceCount", String.valueOf(w.serviceCount()));
        v.put("metricsPerService", String.valueOf(w.metricsPerService()));
        v.put("seriesPerMetric", Num.fmt(w.seriesPerMetric()));
        v.put("targetsPerService", String.valueOf(w.targetsPerService()));
        v.put("histogramShare", Num.fmt(w.histogramShare()));
        v.put("histogramBuckets", String.valueOf(w.histogramBuckets()));
        v.put("scrapeInterval", w.scrapeInterval().text());
        v.put("retention", w.retention().text());
        v.put("alertRules", String.valueOf(w.alertRules()));
        v.put("cloudwatchExporter.scrapeInterval", w.exporter().scrapeInterval().text());
        v.put("logs.stackGbPerMonth", Num.fmt(w.logs().stackGbPerMonth()));
        v.put("logs.servicesGbPerMonth", Num.fmt(w.logs().servicesGbPerMonth()));
        v.put("logs.retentionDays", String.valueOf(w.logs().retentionDays()));
        v.put("region", w.region());
        v.put("architecture", w.architecture().key());
        v.put("storage", w.storage().backend().key());
        v.put("storageGiB.prometheus", Num.fmt(w.storage().prometheusGiB()));
        v.put("storageGiB.grafana", Num.fmt(w.storage().grafanaGiB()));
        v.put("localRetention", w.storage().localRetention().text());
        v.put("backup", String.valueOf(w.storage().backup()));
        v.put("alertmanager", String.valueOf(w.alertmanager()));
        for (Component c : Component.values()) {
            FargateSize p = w.pinned().get(c);
            v.put("pinned." + c.key(), p == null ? "" : p.cpuUnits() + "/" + p.memoryMiB());
        }
        v.put("sizing.headroomPercent", Num.fmt(w.sizing().headroomPercent()));
        v.put("dataTransfer.extraOutGbPerMonth", Num.fmt(w.extraDataTransferOutGb()));
        GrafanaSpec g = w.grafana();
        v.put("grafana.users", String.valueOf(g.users()));
        v.put("grafana.editors", String.valueOf(g.editors()));
        v.put("grafana.concurrentUsers", String.valueOf(g.concurrentUsers()));
        v.put("grafana.dashboards", String.valueOf(g.dashboards()));
        v.put("grafana.panelsPerDashboard", String.valueOf(g.panelsPerDashboard()));
        v.put("grafana.refreshInterval", g.refreshInterval().text());
        v.put("grafana.activeHoursPerMonth", Num.fmt(g.activeHoursPerMonth()));
        v.put("grafana.kbPerPanelRefresh", Num.fmt(g.kbPerPanelRefresh()));
        CloudWatchOnly c = s.cloudwatchOnly();
        v.put("cloudwatchOnly.dashboards", String.valueOf(c.dashboards()));
        v.put("cloudwatchOnly.customMetrics", String.valueOf(c.customMetrics()));
        v.put("cloudwatchOnly.alarms", String.valueOf(c.alarms()));
        v.put("cloudwatchOnly.highResAlarms", String.valueOf(c.highResAlarms()));
        v.put("cloudwatchOnly.logsInsightsGbScanned", Num.fmt(c.logsInsightsGbScanned()));
        v.put("cloudwatchOnly.freeTier", String.valueOf(c.freeTier()));
        RoiAssumptions r = s.roi();
        v.put("roi.hoursSavedPerWeek", Num.fmt(r.hoursSavedPerWeek()));
        v.put("roi.hourlyRateLow", Num.fmt(r.hourlyRateLow()));
        v.put("roi.hourlyRateHigh", Num.fmt(r.hourlyRateHigh()));
        v.put("roi.opsHoursPerMonth", Num.fmt(r.opsHoursPerMonth()));
        v.put("roi.setupHours", Num.fmt(r.setupHours()));
        return v;
    }

    /**
     * The scenario the texts describe, or the message of each field that is not allowed.
     *
     * @param errors field key to message, for the form's fields
     * @param others problems of parts the form does not show ("services[0].metrics: ...")
     */
    public record Built(Scenario scenario, Map<String, String> errors, List<String> others) {
        public boolean valid() {
            return scenario != null && errors.isEmpty() && others.isEmpty();
        }
    }

    public static Built build(Scenario base, Map<String, String> v, I18n t) {
        Reader r = new Reader(v, t);
        Workload bw = base.workload();
        int serviceCount = r.integer("serviceCount");
        Map<Component, FargateSize> pinned = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            FargateSize p = r.size("pinned." + c.key());
            if (p != null) {
                pinned.put(c, p);
            }
        }
        Workload.Builder wb = bw.toBuilder()
                .region(r.text("region"))
                .architecture(Architecture.parse(r.text("architecture")).orElse(bw.architecture()))
                .serviceCount(serviceCount)
                .metricsPerService(r.integer("metricsPerService"))
                .seriesPerMetric(r.decimal("seriesPerMetric"))
                .targetsPerService(r.integer("targetsPerService"))
                .histogramShare(r.decimal("histogramShare"))
                .histogramBuckets(r.integer("histogramBuckets"))
                // per-service overrides name the first services: keep those that still exist
                .serviceOverrides(bw.serviceOverrides().subList(0, Math.max(0, Math.min(serviceCount, bw.serviceOverrides().size()))))
                .scrapeInterval(r.duration("scrapeInterval", bw.scrapeInterval()))
                .retention(r.duration("retention", bw.retention()))
                .storage(new StorageSpec(StorageBackend.parse(r.text("storage")).orElse(bw.storage().backend()),
                        r.decimal("storageGiB.prometheus"), r.decimal("storageGiB.grafana"),
                        r.duration("localRetention", bw.storage().localRetention()), r.bool("backup")))
                .alertmanager(r.bool("alertmanager"))
                .pinned(pinned)
                .grafana(new GrafanaSpec(r.integer("grafana.users"), r.integer("grafana.editors"), r.integer("grafana.concurrentUsers"),
                        r.integer("grafana.dashboards"), r.integer("grafana.panelsPerDashboard"),
                        r.duration("grafana.refreshInterval", bw.grafana().refreshInterval()),
                        r.decimal("grafana.activeHoursPerMonth"), r.decimal("grafana.kbPerPanelRefresh")))
                .alertRules(r.integer("alertRules"))
                .logs(new LogsSpec(r.decimal("logs.stackGbPerMonth"), r.decimal("logs.servicesGbPerMonth"), r.integer("logs.retentionDays")))
                .exporter(new ExporterSpec(r.duration("cloudwatchExporter.scrapeInterval", bw.exporter().scrapeInterval()),
                        bw.exporter().period(), bw.exporter().metrics(), bw.exporter().api(), bw.exporter().listMetricsCacheTtl()))
                .extraDataTransferOutGb(r.decimal("dataTransfer.extraOutGbPerMonth"))
                .sizing(new SizingOptions(r.decimal("sizing.headroomPercent"), bw.sizing().maxSeriesPerServer(), bw.sizing().pinsAreRequirements()));
        Scenario s = new Scenario(base.version(), r.text("name"), base.description(), wb.build(),
                new CloudWatchOnly(r.integer("cloudwatchOnly.dashboards"), r.integer("cloudwatchOnly.customMetrics"),
                        r.integer("cloudwatchOnly.alarms"), r.integer("cloudwatchOnly.highResAlarms"),
                        r.decimal("cloudwatchOnly.logsInsightsGbScanned"), r.bool("cloudwatchOnly.freeTier"), base.cloudwatchOnly().publishServiceSeries()),
                new RoiAssumptions(r.decimal("roi.hoursSavedPerWeek"), r.decimal("roi.hourlyRateLow"), r.decimal("roi.hourlyRateHigh"),
                        r.decimal("roi.opsHoursPerMonth"), r.decimal("roi.setupHours")),
                base.baseline(), followRanges(base.uncertainty(), values(base), v));
        Map<String, String> errors = new LinkedHashMap<>(r.errors);
        List<String> others = new ArrayList<>();
        if (errors.isEmpty()) {
            for (Problem p : ScenarioValidator.validate(s)) {
                String field = p.field();
                if (v.containsKey(field)) {
                    errors.putIfAbsent(field, problemText(p, t));
                } else {
                    others.add(p.toString());
                }
            }
        }
        return new Built(errors.isEmpty() && others.isEmpty() ? s : null, errors, others);
    }

    /**
     * The scenario's uncertainty ranges after inputs changed from {@code from} to {@code to}: the range of an
     * input whose value changed keeps its spread relative to the value (low, likely and high times new / old),
     * so that the value stays inside its range (the scenario file's reader requires it) and the simulation
     * keeps the file's relative uncertainty. Ranges of inputs that did not change stay as they are.
     */
    static io.promplan.core.workload.Uncertainty followRanges(io.promplan.core.workload.Uncertainty u, Map<String, String> from,
                                                              Map<String, String> to) {
        if (u.isEmpty()) {
            return u;
        }
        Map<String, io.promplan.core.workload.Uncertainty.Range> out = new LinkedHashMap<>();
        for (Map.Entry<String, io.promplan.core.workload.Uncertainty.Range> e : u.ranges().entrySet()) {
            var r = e.getValue();
            Double a = number(from.get(e.getKey()));
            Double b = number(to.get(e.getKey()));
            if (a != null && b != null && a > 0 && b > 0 && Double.compare(a, b) != 0) {
                double f = b / a;
                r = new io.promplan.core.workload.Uncertainty.Range(tidy(r.low() * f), r.hasLikely() ? tidy(r.likely() * f) : r.likely(),
                        tidy(r.high() * f), r.shape());
            }
            out.put(e.getKey(), r);
        }
        return new io.promplan.core.workload.Uncertainty(out);
    }

    /** 8 rather than 7.999999999999999: twelve significant digits are more than any range needs. */
    private static double tidy(double d) {
        return java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(12)).doubleValue();
    }

    private static Double number(String s) {
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.trim().replace(",", "").replace("_", ""));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The validator's message in the UI's language where its form is known, else as it is. */
    static String problemText(Problem p, I18n t) {
        Matcher m = RANGE.matcher(p.message());
        if (m.matches()) {
            return t.get("error.range", m.group(1), m.group(2), m.group(3));
        }
        if (p.message().equals("must not be empty")) {
            return t.get("error.empty");
        }
        if (p.field().equals("roi.hourlyRateHigh") && p.message().startsWith("is below")) {
            return t.get("error.rateOrder");
        }
        return t.locale().getLanguage().equals("en") ? p.message() : t.get("error.other", p.message());
    }

    /** Reads texts; a text that cannot be read gets a message and a harmless stand-in value. */
    private static final class Reader {
        private final Map<String, String> v;
        private final I18n t;
        private final Map<String, String> errors = new LinkedHashMap<>();

        Reader(Map<String, String> v, I18n t) {
            this.v = v;
            this.t = t;
        }

        String text(String k) {
            return v.getOrDefault(k, "").trim();
        }

        private static String number(String s) {
            return s.replace(",", "").replace("_", "").replace(" ", "");
        }

        int integer(String k) {
            String s = number(text(k));
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                errors.put(k, s.isEmpty() ? t.get("error.required") : t.get("error.integer", text(k)));
                return 0;
            }
        }

        double decimal(String k) {
            String s = number(text(k));
            try {
                double d = Double.parseDouble(s);
                if (Double.isNaN(d) || Double.isInfinite(d) || s.matches(".*[a-zA-Z].*")) {
                    throw new NumberFormatException(s);
                }
                return d;
            } catch (NumberFormatException e) {
                errors.put(k, s.isEmpty() ? t.get("error.required") : t.get("error.number", text(k)));
                return 0;
            }
        }

        TimeSpan duration(String k, TimeSpan fallback) {
            try {
                return TimeSpan.parse(text(k));
            } catch (IllegalArgumentException e) {
                errors.put(k, t.get("error.duration", text(k)));
                return fallback;
            }
        }

        boolean bool(String k) {
            return Boolean.parseBoolean(text(k).toLowerCase(Locale.ROOT));
        }

        FargateSize size(String k) {
            String s = text(k);
            if (s.isEmpty()) {
                return null;
            }
            Matcher m = SIZE.matcher(s);
            if (!m.matches()) {
                errors.put(k, t.get("error.size", s));
                return null;
            }
            try {
                return new FargateSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (NumberFormatException e) {
                errors.put(k, t.get("error.size", s));
                return null;
            }
        }
    }
}
