package io.promplan.ui;

import io.promplan.core.sizing.Num;
import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.Architecture;
import io.promplan.core.workload.CloudWatchOnly;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.ExporterSpec;
import io.promplan.core.workload.FargateSize;
import io.promplan.core.workload.GrafanaSpec;
import io.promplan.core.workload.LocalText;
import io.promplan.core.workload.LogsSpec;
import io.promplan.core.workload.Problem;
import io.promplan.core.workload.RoiAssumptions;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ScenarioValidator;
import io.promplan.core.workload.SizingOptions;
import io.promplan.core.workload.StorageBackend;
import io.promplan.core.workload.StorageSpec;
import io.promplan.core.workload.Workload;
import io.promplan.core.workload.schema.Field;
import io.promplan.core.workload.schema.ScenarioSchema;
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

    private ScenarioForm() {
    }

    /** The inputs, in the schema's order, grouped; {@code regions} are the price snapshot's. */
    public static List<InputField> fields(List<String> regions) {
        List<InputField> f = new ArrayList<>();
        for (Field sf : ScenarioSchema.fields()) {
            if (!sf.onForm()) {
                continue;
            }
            Kind kind = switch (sf.kind()) {
                case TEXT, VERSION, LOCAL_TEXT -> Kind.TEXT;
                case INT, LONG -> Kind.INT;
                case DECIMAL -> Kind.DECIMAL;
                case DURATION -> Kind.DURATION;
                case BOOL -> Kind.BOOL;
                case SIZE -> Kind.SIZE;
                case ENUM, REGION -> Kind.CHOICE;
                default -> throw new IllegalStateException(sf.path() + " cannot be a form input");
            };
            List<String> choices = sf.kind() == io.promplan.core.workload.schema.Kind.REGION ? List.copyOf(new TreeSet<>(regions)) : sf.allowed();
            f.add(new InputField(sf.path(), sf.group(), kind, sf.unitKey(), choices, sf));
        }
        return f;
    }

    /** The values an input may take, from the schema ("Allowed: 1 to 10000"), or empty when the schema gives no range. */
    static String allowedText(InputField f, I18n t) {
        if (f.schema() == null || f.schema().range() == null) {
            return "";
        }
        io.promplan.core.workload.schema.Range r = f.schema().range();
        boolean duration = f.schema().kind() == io.promplan.core.workload.schema.Kind.DURATION;
        java.util.function.DoubleFunction<String> b = x -> duration ? TimeSpan.ofSeconds((long) x).text() : Num.fmt(x);
        if (!r.bounded()) {
            return t.get("field.allowedAtLeast", b.apply(r.min()));
        }
        return t.get(r.minExclusive() ? "field.allowedAbove" : "field.allowed", b.apply(r.min()), b.apply(r.max()));
    }

    /** The text of every input for a scenario. */
    public static Map<String, String> values(Scenario s) {
        return values(s, LocalText.DEFAULT);
    }

    /** The text of every input for a scenario, its texts by language in the app's language. */
    public static Map<String, String> values(Scenario s, I18n t) {
        return values(s, ListForms.language(t));
    }

    private static Map<String, String> values(Scenario s, String lang) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Field f : ScenarioSchema.fields()) {
            if (f.onForm()) {
                v.put(f.path(), f.kind() == io.promplan.core.workload.schema.Kind.LOCAL_TEXT ? ((LocalText) f.read(s)).text(lang) : text(f, s));
            }
        }
        return v;
    }

    /** A key's value as the form shows it. */
    static String text(Field f, Scenario s) {
        Object v = f.read(s);
        return switch (f.kind()) {
            case DECIMAL -> Num.fmt((Double) v);
            case DURATION -> ((TimeSpan) v).text();
            case SIZE -> v == null ? "" : ((FargateSize) v).cpuUnits() + "/" + ((FargateSize) v).memoryMiB();
            default -> String.valueOf(v);
        };
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
                .prometheusVersion(r.text("prometheusVersion"))
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
                .thanos(thanos(r, bw))
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
        String name = r.text("name");
        // the name as the form shows it (the app's language, or English): unchanged keeps every language; else the app's language's entry
        LocalText names = name.equals(base.name().text(ListForms.language(t))) || name.equals(base.name().text()) ? base.name()
                : base.name().with(ListForms.language(t), name);
        Scenario s = new Scenario(base.version(), names, base.description(), wb.build(),
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

    /** The thanos: block as the form shows it, with storage: thanos-s3 only (none otherwise: the file then has no block). */
    private static io.promplan.core.workload.ThanosSpec thanos(Reader r, Workload bw) {
        if (StorageBackend.parse(r.text("storage")).orElse(bw.storage().backend()) != StorageBackend.THANOS_S3) {
            return null;
        }
        var d = bw.thanos();
        StorageBackend local = StorageBackend.parse(r.text("thanos.localStorage")).filter(b -> b == StorageBackend.EPHEMERAL || b == StorageBackend.EBS)
                .orElse(d.localStorage());
        return new io.promplan.core.workload.ThanosSpec(r.duration("thanos.retentionRaw", d.retentionRaw()), r.duration("thanos.retention5m", d.retention5m()),
                r.duration("thanos.retention1h", d.retention1h()), r.duration("thanos.localRetention", d.localRetention()), local);
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

    /** The validator's problem in the UI's language: its code and figures through the bundle; other problems as they are. */
    static String problemText(Problem p, I18n t) {
        List<String> a = p.args();
        return switch (p.code()) {
            case Problem.RANGE -> t.get("error.range", a.get(0), a.get(1), a.get(2));
            case Problem.ABOVE -> t.get("error.rangeAbove", a.get(0), a.get(1), a.get(2));
            case Problem.AT_LEAST -> t.get("error.atLeast", a.get(0), a.get(1));
            case Problem.EMPTY -> t.get("error.empty");
            case Problem.ORDER -> p.field().equals("roi.hourlyRateHigh") ? t.get("error.rateOrder") : t.get("error.order", a.get(0), a.get(1));
            default -> t.locale().getLanguage().equals("en") ? p.message() : t.get("error.other", p.message());
        };
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
