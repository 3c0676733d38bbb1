package io.promplan.core.workload;

import io.promplan.core.workload.FargateSizes;
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
            out.add(new Problem("name", "must not be empty"));
        } else {
            text(out, "name", s.name(), MAX_NAME, false);
        }
        text(out, "description", s.description(), MAX_DESCRIPTION, true);
        Workload w = s.workload();
        if (w.region() == null || !REGION.matcher(w.region()).matches()) {
            out.add(new Problem("region", "'" + shown(w.region()) + "' is not an AWS region code such as ap-northeast-2"));
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
            if (o.name() != null && !o.name().isEmpty()) {
                text(out, f + ".name", o.name(), MAX_SERVICE_NAME, false);
            }
            // 0 (and -1 for the share) mean "as the shorthand above"; anything else must be a real value.
            if (o.metrics() < 0 || o.metrics() > 1_000_000) {
                out.add(new Problem(f + ".metrics", "is " + o.metrics() + "; allowed: 1 to 1000000 (or leave it out)"));
            }
            if (o.seriesPerMetric() < 0 || o.seriesPerMetric() > 1_000_000 || Double.isNaN(o.seriesPerMetric())) {
                out.add(new Problem(f + ".seriesPerMetric", "is " + fmt(o.seriesPerMetric()) + "; allowed: above 0 up to 1000000 (or leave it out)"));
            }
            if (o.targets() < 0 || o.targets() > 10_000) {
                out.add(new Problem(f + ".targets", "is " + o.targets() + "; allowed: 1 to 10000 (or leave it out)"));
            }
            if (o.histogramShare() > 1 || (o.histogramShare() < 0 && o.histogramShare() != -1) || Double.isNaN(o.histogramShare())) {
                out.add(new Problem(f + ".histogramShare", "is " + fmt(o.histogramShare()) + "; allowed: 0 to 1 (or leave it out)"));
            }
            if (o.histogramBuckets() < 0 || o.histogramBuckets() > 1000) {
                out.add(new Problem(f + ".histogramBuckets", "is " + o.histogramBuckets() + "; allowed: 1 to 1000 (or leave it out)"));
            }
        }
        if (input && out.isEmpty()) {
            workloadSize(out, w);
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
        // A simulation draws users, editors and users at once each on its own: "at most users" holds for input only.
        intRange(out, "grafana.editors", g.editors(), 0, input ? Math.max(0, g.users()) : 100_000);
        intRange(out, "grafana.concurrentUsers", g.concurrentUsers(), 0, input ? Math.max(0, g.users()) : 100_000);
        intRange(out, "grafana.dashboards", g.dashboards(), 0, 100_000);
        intRange(out, "grafana.panelsPerDashboard", g.panelsPerDashboard(), 0, 500);
        if (g.refreshInterval().seconds() < 1) {
            out.add(new Problem("grafana.refreshInterval", "is " + g.refreshInterval() + "; allowed: 1s or more"));
        }
        nonNegative(out, "grafana.activeHoursPerMonth", g.activeHoursPerMonth(), 730);
        nonNegative(out, "grafana.kbPerPanelRefresh", g.kbPerPanelRefresh(), 100_000);
        intRange(out, "alertRules", w.alertRules(), 0, 1_000_000);
        nonNegative(out, "logs.stackGbPerMonth", w.logs().stackGbPerMonth(), 1e7);
        nonNegative(out, "logs.servicesGbPerMonth", w.logs().servicesGbPerMonth(), input ? 1e7 : DERIVED_MAX);
        intRange(out, "logs.retentionDays", w.logs().retentionDays(), 1, 3653);
        if (w.exporter().scrapeInterval().seconds() < 1) {
            out.add(new Problem("cloudwatchExporter.scrapeInterval", "is " + w.exporter().scrapeInterval() + "; allowed: 1s or more"));
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
        // Derived by scaling (Scaling.withServices): limited for input only; the planner needs them finite and not negative.
        intRange(out, "cloudwatchOnly.dashboards", c.dashboards(), 0, input ? 100_000 : Integer.MAX_VALUE);
        intRange(out, "cloudwatchOnly.customMetrics", c.customMetrics(), 0, input ? 100_000_000 : Integer.MAX_VALUE);
        intRange(out, "cloudwatchOnly.alarms", c.alarms(), 0, input ? 10_000_000 : Integer.MAX_VALUE);
        intRange(out, "cloudwatchOnly.highResAlarms", c.highResAlarms(), 0, input ? 10_000_000 : Integer.MAX_VALUE);
        nonNegative(out, "cloudwatchOnly.logsInsightsGbScanned", c.logsInsightsGbScanned(), input ? 1e9 : DERIVED_MAX);
        RoiAssumptions r = s.roi();
        nonNegative(out, "roi.hoursSavedPerWeek", r.hoursSavedPerWeek(), input ? 168 : DERIVED_MAX);
        nonNegative(out, "roi.hourlyRateLow", r.hourlyRateLow(), 100_000);
        nonNegative(out, "roi.hourlyRateHigh", r.hourlyRateHigh(), 100_000);
        if (input && r.hourlyRateHigh() < r.hourlyRateLow()) {
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
        baseline(out, s.baseline());
        return out;
    }

    /** Upper limit of a derived quantity: finite and far from overflowing any sum. */
    private static final double DERIVED_MAX = 1e12;
    private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
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

    private static void baseline(List<Problem> out, Baseline b) {
        nonNegative(out, "baseline.lowUsd", b.lowUsd(), 1e9);
        nonNegative(out, "baseline.highUsd", b.highUsd(), 1e9);
        if (b.highUsd() < b.lowUsd()) {
            out.add(new Problem("baseline.highUsd", "is below baseline.lowUsd (" + fmt(b.lowUsd()) + ")"));
        }
        if (b.priceRegion() == null || !REGION.matcher(b.priceRegion()).matches()) {
            out.add(new Problem("baseline.priceRegion", "'" + shown(b.priceRegion()) + "' is not an AWS region code such as us-east-1"));
        }
        lines(out, "baseline.lines", b.lines());
        nonNegative(out, "baseline.cloudwatchOnly.totalUsd", b.cloudwatchOnlyUsd(), 1e9);
        lines(out, "baseline.cloudwatchOnly.lines", b.cloudwatchOnlyLines());
        nonNegative(out, "baseline.claimedGiBPerDay", b.claimedGiBPerDay(), 1e6);
        Baseline.RoiClaim c = b.roiClaim();
        range(out, "baseline.roi.claimedLowPercent", c.lowPercent(), -100, 1e6);
        range(out, "baseline.roi.claimedHighPercent", c.highPercent(), -100, 1e6);
        nonNegative(out, "baseline.roi.hoursSavedPerMonth", c.hoursSavedPerMonth(), 730 * 1000.0);
    }

    private static void lines(List<Problem> out, String path, List<BaselineLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            BaselineLine l = lines.get(i);
            String f = path + "[" + i + "]";
            if (l.name() == null || l.name().isBlank()) {
                out.add(new Problem(f + ".name", "must not be empty"));
            } else {
                text(out, f + ".name", l.name(), 200, false);
            }
            nonNegative(out, f + (l.lowUsd() == l.highUsd() ? ".usd" : ".lowUsd"), l.lowUsd(), 1e9);
            nonNegative(out, f + ".highUsd", l.highUsd(), 1e9);
            if (l.highUsd() < l.lowUsd()) {
                out.add(new Problem(f + ".highUsd", "is below lowUsd (" + fmt(l.lowUsd()) + ")"));
            }
            intRange(out, f + ".planHours", l.planHours(), 0, 100_000);
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

    private static void range(List<Problem> out, String field, double v, double min, double max) {
        if (!(v >= min) || v > max) {
            out.add(new Problem(field, "is " + fmt(v) + "; allowed: " + fmt(min) + " to " + fmt(max)));
        }
    }

    private static void intRange(List<Problem> out, String field, int v, int min, int max) {
        if (v < min || v > max) {
            out.add(new Problem(field, "is " + v + "; allowed: " + min + " to " + max));
        }
    }

    private static void positive(List<Problem> out, String field, double v, double max) {
        if (!(v > 0) || v > max) {
            out.add(new Problem(field, "is " + fmt(v) + "; allowed: above 0 up to " + fmt(max)));
        }
    }

    private static void nonNegative(List<Problem> out, String field, double v, double max) {
        if (!(v >= 0) || v > max) {
            out.add(new Problem(field, "is " + fmt(v) + "; allowed: 0 to " + fmt(max)));
        }
    }
}
