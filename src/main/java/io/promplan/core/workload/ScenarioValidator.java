package io.promplan.core.workload;

import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.schema.Field;
import io.promplan.core.workload.schema.Kind;
import io.promplan.core.workload.schema.Range;
import io.promplan.core.workload.schema.ScenarioSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a scenario's values; every problem names its field and what is allowed.
 *
 * <p>Two sets of rules. {@link #validate} is what a scenario file (or the app's form) may hold: every range,
 * the names, the texts. It runs once, on what the user wrote, before any command scales anything.
 * {@link #validateForPlanning} is what the planner takes: the same rules minus the upper limits of the
 * quantities that the analyses derive from a valid scenario (a sweep or a growth plan scales the hours saved a
 * week, the services' logs and the CloudWatch-only counts with the service count; a simulation draws each
 * ranged input on its own, so "users at once" may exceed the drawn users). So a file that is valid is valid for
 * every command, and a derived scenario is never refused for a limit the user did not write.
 */
public final class ScenarioValidator {
    public static final int MAX_SERVICES = 10_000;
    /** Longest scenario name (code points): a title, not a document. */
    public static final int MAX_NAME = 120;
    /** Longest service name (code points). */
    public static final int MAX_SERVICE_NAME = 64;
    /** Longest description (code points). */
    public static final int MAX_DESCRIPTION = 4000;
    /** Active series a scenario may describe in all: far beyond any single Prometheus stack this tool plans. */
    public static final double MAX_ACTIVE_SERIES = 1e9;
    /** Prometheus servers (functional shards) a scenario may need by its sizing.maxSeriesPerServer. */
    public static final int MAX_PROMETHEUS_SERVERS = 100;

    private ScenarioValidator() {
    }

    /** The rules for what a scenario file or form holds. */
    public static List<Problem> validate(Scenario s) {
        return validate(s, true);
    }

    /** The rules the planner applies: those of {@link #validate} without the upper limits of derived quantities. */
    public static List<Problem> validateForPlanning(Scenario s) {
        return validate(s, false);
    }

    private static List<Problem> validate(Scenario s, boolean input) {
        List<Problem> out = new ArrayList<>();
        if (s.version() != Scenario.CURRENT_VERSION) {
            out.add(new Problem("version", "is " + s.version() + "; this Promplan reads version " + Scenario.CURRENT_VERSION));
        }
        if (s.name() == null || s.name().isBlank()) {
            out.add(new Problem("name", "must not be empty", Problem.EMPTY, List.of()));
        } else {
            text(out, "name", s.name(), MAX_NAME, false);
        }
        text(out, "description", s.description(), MAX_DESCRIPTION, true);
        Workload w = s.workload();
        if (w.region() == null || !REGION.matcher(w.region()).matches()) {
            out.add(new Problem("region", "'" + shown(w.region()) + "' is not an AWS region code such as ap-northeast-2"));
        }
        if (w.prometheusVersion() == null || !PROMETHEUS_VERSION.matcher(w.prometheusVersion()).matches()) {
            out.add(new Problem("prometheusVersion", "'" + shown(w.prometheusVersion()) + "' is not allowed; allowed: a Prometheus version 2.x or 3.x"
                    + " such as 3.5 or 2.53.4 (major.minor or major.minor.patch)"));
        }
        check(out, s, "serviceCount", input);
        check(out, s, "metricsPerService", input);
        check(out, s, "seriesPerMetric", input);
        check(out, s, "targetsPerService", input);
        Field share = ScenarioSchema.field("histogramShare");
        checkValue(out, "histogramShare", share.kind(), share.range(), w.histogramShare(), share.range().max(), String.valueOf(w.histogramShare()), null);
        check(out, s, "histogramBuckets", input);
        if (w.serviceOverrides().size() > w.serviceCount()) {
            out.add(new Problem("services", "lists " + w.serviceOverrides().size() + " services but serviceCount is " + w.serviceCount()
                    + "; raise serviceCount or remove entries"));
        }
        for (int i = 0; i < w.serviceOverrides().size(); i++) {
            ServiceSpec o = w.serviceOverrides().get(i);
            String f = "services[" + i + "]";
            if (o.name() != null && !o.name().isEmpty()) {
                text(out, f + ".name", o.name(), MAX_SERVICE_NAME, false);
            }
            // 0 (and -1 for the share) mean "as the shorthand above"; anything else must be a real value.
            override(out, f, "metrics", o.metrics(), o.metrics() == 0);
            override(out, f, "seriesPerMetric", o.seriesPerMetric(), o.seriesPerMetric() == 0);
            override(out, f, "targets", o.targets(), o.targets() == 0);
            override(out, f, "histogramShare", o.histogramShare(), o.histogramShare() == -1);
            override(out, f, "histogramBuckets", o.histogramBuckets(), o.histogramBuckets() == 0);
        }
        if (input && out.isEmpty()) {
            workloadSize(out, w);
        }
        check(out, s, "scrapeInterval", input);
        check(out, s, "retention", input);
        StorageSpec st = w.storage();
        check(out, s, "storageGiB.prometheus", input);
        check(out, s, "storageGiB.grafana", input);
        if (st.backend() == StorageBackend.AMP_REMOTE_WRITE) {
            check(out, s, "localRetention", input);
        }
        if (st.backend() == StorageBackend.THANOS_S3) {
            thanos(out, s, input);
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
        // A simulation draws users, editors and users at once each on its own: "at most users" holds for input only.
        for (String k : List.of("grafana.users", "grafana.editors", "grafana.concurrentUsers", "grafana.dashboards", "grafana.panelsPerDashboard",
                "grafana.refreshInterval", "grafana.activeHoursPerMonth", "grafana.kbPerPanelRefresh", "alertRules", "logs.stackGbPerMonth",
                "logs.servicesGbPerMonth", "logs.retentionDays", "cloudwatchExporter.scrapeInterval")) {
            check(out, s, k, input);
        }
        for (int i = 0; i < w.exporter().metrics().size(); i++) {
            CloudWatchMetric m = w.exporter().metrics().get(i);
            String f = "cloudwatchExporter.metrics[" + i + "]";
            pattern(out, f + ".namespace", m.namespace(), NAMESPACE, "1 to 255 of A-Z a-z 0-9 . - _ / # : and space (a CloudWatch namespace such as AWS/ECS)");
            pattern(out, f + ".name", m.name(), ASCII_NAME, "1 to 255 printable ASCII characters (a CloudWatch metric name such as CPUUtilization)");
            for (int j = 0; j < m.dimensions().size(); j++) {
                pattern(out, f + ".dimensions[" + j + "]", m.dimensions().get(j), ASCII_NAME, "1 to 255 printable ASCII characters (a dimension such as ServiceName)");
            }
            for (int j = 0; j < m.statistics().size(); j++) {
                pattern(out, f + ".statistics[" + j + "]", m.statistics().get(j), STATISTIC, "Average, Maximum, Minimum, Sum, SampleCount or a percentile such as p99");
            }
            if (m.statistics().isEmpty()) {
                out.add(new Problem(f + ".statistics", "must list at least one statistic (Average, Maximum, Minimum, Sum, SampleCount)"));
            }
            if (!m.perService()) {
                Field res = ScenarioSchema.field("cloudwatchExporter.metrics[].resources");
                checkValue(out, f + ".resources", res.kind(), res.range(), m.resources(), res.range().max(), String.valueOf(m.resources()),
                        ", or set perService: true");
            }
        }
        check(out, s, "dataTransfer.extraOutGbPerMonth", input);
        check(out, s, "sizing.headroomPercent", input);
        check(out, s, "sizing.maxSeriesPerServer", input);
        // cloudwatchOnly: derived by scaling (Scaling.withServices): limited for input only; the planner needs them finite and not negative.
        for (String k : List.of("cloudwatchOnly.dashboards", "cloudwatchOnly.customMetrics", "cloudwatchOnly.alarms", "cloudwatchOnly.highResAlarms",
                "cloudwatchOnly.logsInsightsGbScanned", "roi.hoursSavedPerWeek", "roi.hourlyRateLow", "roi.hourlyRateHigh")) {
            check(out, s, k, input);
        }
        RoiAssumptions r = s.roi();
        if (input && r.hourlyRateHigh() < r.hourlyRateLow()) {
            out.add(new Problem("roi.hourlyRateHigh", "is below roi.hourlyRateLow (" + r.hourlyRateLow() + ")", Problem.ORDER,
                    List.of(fmt(r.hourlyRateHigh()), fmt(r.hourlyRateLow()))));
        }
        check(out, s, "roi.opsHoursPerMonth", input);
        check(out, s, "roi.setupHours", input);
        NetworkSpec n = s.workload().network();
        check(out, s, "network.availabilityZones", input);
        if (!n.natGbEstimated()) {
            check(out, s, "network.natGbPerMonth", input);
        }
        Field ttl = ScenarioSchema.field("cloudwatchExporter.listMetricsCacheTtl");
        checkValue(out, ttl.path(), ttl.kind(), ttl.range(), ttl.number(s), Range.NONE, "negative", null);
        baseline(out, s);
        return out;
    }

    private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    /** A Prometheus release the plan may be for: 2.x or 3.x, with or without the patch number. */
    public static final java.util.regex.Pattern PROMETHEUS_VERSION = java.util.regex.Pattern.compile("[23]\\.(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2}))?");
    private static final java.util.regex.Pattern NAMESPACE = java.util.regex.Pattern.compile("[A-Za-z0-9._/#: -]{1,255}");
    private static final java.util.regex.Pattern ASCII_NAME = java.util.regex.Pattern.compile("[\\x21-\\x7e]([\\x20-\\x7e]{0,253}[\\x21-\\x7e])?");
    private static final java.util.regex.Pattern STATISTIC = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9.]{0,31}");

    /** The services' series in all and the Prometheus servers they need by maxSeriesPerServer: what the sizing can carry. */
    private static void workloadSize(List<Problem> out, Workload w) {
        double series = 0;
        for (ServiceSpec sp : w.services()) {
            series += sp.targets() * sp.seriesPerTarget();
        }
        if (!(series <= MAX_ACTIVE_SERIES)) {
            out.add(new Problem("seriesPerMetric", "the services expose " + fmt(series) + " active series in all (services x targets x metric names x series per metric, "
                    + "histogram buckets included); allowed: up to " + (long) MAX_ACTIVE_SERIES));
            return;
        }
        long max = w.sizing().maxSeriesPerServer();
        if (max >= 1000) {
            double servers = Math.min(Math.ceil(series / max), w.serviceCount());
            if (servers > MAX_PROMETHEUS_SERVERS) {
                out.add(new Problem("sizing.maxSeriesPerServer", "is " + max + ": " + fmt(series) + " active series would need " + (long) servers
                        + " Prometheus servers; allowed: at most " + MAX_PROMETHEUS_SERVERS + " servers (raise maxSeriesPerServer to at least "
                        + (long) Math.ceil(series / MAX_PROMETHEUS_SERVERS) + ", or compare with Amazon Managed Service for Prometheus)"));
            }
        }
    }

    private static void baseline(List<Problem> out, Scenario s) {
        Baseline b = s.baseline();
        check(out, s, "baseline.lowUsd", true);
        check(out, s, "baseline.highUsd", true);
        if (b.highUsd() < b.lowUsd()) {
            out.add(new Problem("baseline.highUsd", "is below baseline.lowUsd (" + fmt(b.lowUsd()) + ")", Problem.ORDER,
                    List.of(fmt(b.highUsd()), fmt(b.lowUsd()))));
        }
        if (b.priceRegion() == null || !REGION.matcher(b.priceRegion()).matches()) {
            out.add(new Problem("baseline.priceRegion", "'" + shown(b.priceRegion()) + "' is not an AWS region code such as us-east-1"));
        }
        lines(out, "baseline.lines", b.lines());
        check(out, s, "baseline.cloudwatchOnly.totalUsd", true);
        lines(out, "baseline.cloudwatchOnly.lines", b.cloudwatchOnlyLines());
        for (String k : List.of("baseline.claimedGiBPerDay", "baseline.roi.claimedLowPercent", "baseline.roi.claimedHighPercent",
                "baseline.roi.hoursSavedPerMonth")) {
            check(out, s, k, true);
        }
    }

    private static void lines(List<Problem> out, String path, List<BaselineLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            BaselineLine l = lines.get(i);
            String f = path + "[" + i + "]";
            if (l.name() == null || l.name().isBlank()) {
                out.add(new Problem(f + ".name", "must not be empty", Problem.EMPTY, List.of()));
            } else {
                text(out, f + ".name", l.name(), 200, false);
            }
            String key = l.lowUsd() == l.highUsd() ? "usd" : "lowUsd";
            element(out, f, path + "[]", key, l.lowUsd());
            element(out, f, path + "[]", "highUsd", l.highUsd());
            if (l.highUsd() < l.lowUsd()) {
                out.add(new Problem(f + ".highUsd", "is below lowUsd (" + fmt(l.lowUsd()) + ")", Problem.ORDER, List.of(fmt(l.highUsd()), fmt(l.lowUsd()))));
            }
            element(out, f, path + "[]", "planHours", l.planHours());
            for (int j = 0; j < l.covers().size(); j++) {
                text(out, f + ".covers[" + j + "]", l.covers().get(j), 200, false);
            }
            text(out, f + ".planFormula", l.planFormula(), 2000, true);
            text(out, f + ".note", l.note(), 2000, true);
        }
    }

    /**
     * A text the user wrote: at most {@code max} characters, every one printable (letters of any script, digits,
     * punctuation, symbols, spaces); line breaks and tabs only where {@code multiLine}. No control or format
     * characters (bidi overrides, zero widths), no line or paragraph separators, no lone surrogates, nothing unassigned.
     */
    /**
     * A text written for people, plain or one per language: each language's text by the rules of {@link #text(List, String, String, int, boolean)}
     * (its field {@code <field>.<language>}); a language given in the mapping form must not be empty, and only the languages of
     * {@link LocalText#LANGUAGES} are allowed.
     */
    static void text(List<Problem> out, String field, LocalText v, int max, boolean multiLine) {
        if (v == null) {
            return;
        }
        if (v.isPlain()) {
            text(out, field, v.text(), max, multiLine);
            return;
        }
        for (java.util.Map.Entry<String, String> e : v.texts().entrySet()) {
            String f = field + "." + e.getKey();
            if (!LocalText.isLanguage(e.getKey())) {
                out.add(new Problem(f, "is not a language of this Promplan; allowed: " + String.join(", ", LocalText.LANGUAGES)
                        + " (or one plain text for every language)"));
            } else if (e.getValue().isBlank()) {
                out.add(new Problem(f, "must not be empty; give the text in this language or leave the language out", Problem.EMPTY, List.of()));
            } else {
                text(out, f, e.getValue(), max, multiLine);
            }
        }
    }

    static void text(List<Problem> out, String field, String v, int max, boolean multiLine) {
        if (v == null) {
            return;
        }
        int pos = 0;
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            pos++;
            boolean ok = switch (Character.getType(cp)) {
                case Character.CONTROL -> multiLine && (cp == '\n' || cp == '\t' || cp == '\r');
                case Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                        Character.PRIVATE_USE -> false;
                default -> true;
            };
            if (!ok) {
                out.add(new Problem(field, "holds " + String.format("U+%04X", cp) + " at character " + pos + ", which is not printable; allowed: up to "
                        + max + " printable characters (letters, digits, punctuation, symbols, spaces" + (multiLine ? ", line breaks" : "")
                        + "; no control or format characters)"));
                return;
            }
            i += Character.charCount(cp);
        }
        int n = v.codePointCount(0, v.length());
        if (n > max) {
            out.add(new Problem(field, "is " + n + " characters long; allowed: up to " + max));
        }
    }

    private static void pattern(List<Problem> out, String field, String v, java.util.regex.Pattern p, String allowed) {
        if (v == null || !p.matcher(v).matches()) {
            out.add(new Problem(field, "'" + shown(v) + "' is not allowed; allowed: " + allowed));
        }
    }

    /** A value echoed in a message: control characters escaped, cut to 80 characters. */
    static String shown(String v) {
        if (v == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        v.codePoints().limit(80).forEach(cp -> {
            int t = Character.getType(cp);
            if (t == Character.CONTROL || t == Character.FORMAT || t == Character.SURROGATE || t == Character.LINE_SEPARATOR
                    || t == Character.PARAGRAPH_SEPARATOR || t == Character.UNASSIGNED || t == Character.PRIVATE_USE) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return v.codePointCount(0, v.length()) > 80 ? b + "..." : b.toString();
    }

    private static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** The upper limit of a field: the schema's for input (or the value of the field it names), its planning limit for the planner. */
    public static double max(Field f, Scenario s, boolean input) {
        Range r = f.range();
        if (!input) {
            return r.planningMax();
        }
        return r.maxOf().isEmpty() ? r.max() : Math.max(0, ScenarioSchema.field(r.maxOf()).number(s));
    }

    /** A scalar key's value against the schema's range. */
    private static void check(List<Problem> out, Scenario s, String path, boolean input) {
        Field f = ScenarioSchema.field(path);
        double v = f.number(s);
        checkValue(out, path, f.kind(), f.range(), v, max(f, s, input), shown(f.kind(), v), null);
    }

    /** An entry of a list (a service, a baseline line) against its key's range. */
    private static void element(List<Problem> out, String prefix, String listPath, String key, double v) {
        Field f = ScenarioSchema.field(listPath + "." + key);
        checkValue(out, prefix + "." + key, f.kind(), f.range(), v, f.range().max(), shown(f.kind(), v), null);
    }

    /** A service's own figure: absent (the shorthand's) or within the key's range. */
    private static void override(List<Problem> out, String prefix, String key, double v, boolean absent) {
        Field f = ScenarioSchema.field("services[]." + key);
        if (!absent) {
            checkValue(out, prefix + "." + key, f.kind(), f.range(), v, f.range().max(), shown(f.kind(), v), " (or leave it out)");
        }
    }

    /**
     * With {@code storage: thanos-s3}: the retention at least the 2-hour block range the sidecar uploads, each resolution's
     * retention and the local retention within their ranges, and raw <= 5m <= 1h (a coarser resolution is made from the finer one).
     */
    private static void thanos(List<Problem> out, Scenario s, boolean input) {
        Workload w = s.workload();
        String block = ThanosSpec.BLOCK_RANGE.text();
        if (w.retention().seconds() < ThanosSpec.BLOCK_RANGE.seconds()) {
            out.add(new Problem("retention", "is " + w.retention().text() + "; allowed: " + block + " or more with storage: thanos-s3"
                    + " (the 2-hour block range the sidecar uploads)", Problem.AT_LEAST, List.of(w.retention().text(), block)));
            return;
        }
        for (String k : List.of("thanos.retentionRaw", "thanos.retention5m", "thanos.retention1h", "thanos.localRetention")) {
            check(out, s, k, input);
        }
        ThanosSpec t = w.thanos();
        if (t.retention5m().seconds() < t.retentionRaw().seconds()) {
            out.add(new Problem("thanos.retention5m", "is " + t.retention5m().text() + ", below thanos.retentionRaw (" + t.retentionRaw().text()
                    + "); allowed: retentionRaw <= retention5m <= retention1h (each resolution is made from the finer one)",
                    Problem.ORDER, List.of(t.retention5m().text(), t.retentionRaw().text())));
        }
        if (t.retention1h().seconds() < t.retention5m().seconds()) {
            out.add(new Problem("thanos.retention1h", "is " + t.retention1h().text() + ", below thanos.retention5m (" + t.retention5m().text()
                    + "); allowed: retentionRaw <= retention5m <= retention1h (each resolution is made from the finer one)",
                    Problem.ORDER, List.of(t.retention1h().text(), t.retention5m().text())));
        }
    }

    private static String shown(Kind kind, double v) {
        if (kind == Kind.DURATION) {
            return TimeSpan.ofSeconds((long) v).text();
        }
        return kind.whole() ? String.valueOf((long) v) : fmt(v);
    }

    /**
     * The problem of a value outside its range, if it is: "is {value}; allowed: {min} to {max}", "above {min} up
     * to {max}" or "{min} or more", then the range's note in brackets or {@code suffix} when given.
     */
    private static void checkValue(List<Problem> out, String field, Kind kind, Range r, double v, double max, String value, String suffix) {
        if (r.allows(v, max)) {
            return;
        }
        String lo = bound(kind, r.min());
        String hi = max == Range.NONE ? "" : bound(kind, max);
        String tail = suffix != null ? suffix : r.note().isEmpty() ? "" : " (" + r.note() + ")";
        if (max == Range.NONE) {
            out.add(new Problem(field, "is " + value + "; allowed: " + lo + " or more" + tail, Problem.AT_LEAST, List.of(value, lo)));
        } else if (r.minExclusive()) {
            out.add(new Problem(field, "is " + value + "; allowed: above " + lo + " up to " + hi + tail, Problem.ABOVE, List.of(value, lo, hi)));
        } else {
            out.add(new Problem(field, "is " + value + "; allowed: " + lo + " to " + hi + tail, Problem.RANGE, List.of(value, lo, hi)));
        }
    }

    private static String bound(Kind kind, double b) {
        return kind == Kind.DURATION ? TimeSpan.ofSeconds((long) b).text() : fmt(b);
    }
}
