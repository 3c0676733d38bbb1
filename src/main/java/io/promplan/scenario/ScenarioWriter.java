package io.promplan.scenario;

import io.promplan.core.sizing.Num;
import io.promplan.io.AtomicFiles;
import io.promplan.core.workload.Baseline;
import io.promplan.core.workload.BaselineLine;
import io.promplan.core.workload.LocalText;
import io.promplan.core.workload.CloudWatchMetric;
import io.promplan.core.workload.CloudWatchOnly;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.FargateSize;
import io.promplan.core.workload.GrafanaSpec;
import io.promplan.core.workload.Measurement;
import io.promplan.core.workload.RoiAssumptions;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ServiceSpec;
import io.promplan.core.workload.Uncertainty;
import io.promplan.core.workload.Workload;
import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.schema.Field;
import io.promplan.core.workload.schema.Kind;
import io.promplan.core.workload.schema.ScenarioSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.Predicate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a scenario as YAML with a comment on each key, so that a saved file can be read and edited
 * by hand. Writes atomically: a temporary file in the same folder, then a move over the old file.
 */
public final class ScenarioWriter {
    private ScenarioWriter() {
    }

    public static void write(Scenario s, Path file) throws IOException {
        AtomicFiles.writeString(file, toYaml(s));
    }

    /** With the {@code measured:} block that says where the workload's figures came from (null: none). */
    public static void write(Scenario s, Measurement measured, Path file) throws IOException {
        AtomicFiles.writeString(file, toYaml(s, measured));
    }

    /** The scenario, then the {@code measured:} block (null: none). */
    public static String toYaml(Scenario s, Measurement measured) {
        String yaml = toYaml(s);
        return measured == null ? yaml : yaml + measured(measured);
    }

    private static String measured(Measurement m) {
        StringBuilder b = new StringBuilder();
        b.append("# measured: where the workload figures above came from (written by promplan measure; the plan does not read it)\nmeasured:\n");
        kv(b, 1, "method", m.method(), "how: targets (metrics endpoints scraped) | prometheus (a running Prometheus read through its HTTP API)");
        kv(b, 1, "at", q(m.at()), "when (UTC)");
        kv(b, 1, "by", q(m.by()), "the build that measured");
        if (m.server() != null) {
            b.append("  # server: the Prometheus read\n  server:\n");
            source(b, m.server(), "    ", "    ");
        }
        if (!m.sources().isEmpty()) {
            b.append("  # sources: one entry per measured endpoint or job\n  sources:\n");
            for (Measurement.Source src : m.sources()) {
                source(b, src, "    - ", "      ");
            }
        }
        if (!m.failed().isEmpty()) {
            b.append("  # failed: sources that could not be read, and why (left out of the workload)\n  failed:\n");
            for (String f : m.failed()) {
                b.append("    - ").append(q(f)).append('\n');
            }
        }
        return b.toString();
    }

    private static void source(StringBuilder b, Measurement.Source src, String first, String pad) {
        b.append(first.replace("- ", "")).append("# name of the source (service or job)\n");
        b.append(first).append("name: ").append(q(src.name())).append('\n');
        b.append(pad).append("# address read (credentials are never written)\n");
        b.append(pad).append("url: ").append(q(src.url())).append('\n');
        for (Map.Entry<String, String> e : src.figures().entrySet()) {
            b.append(pad).append("# ").append(Measurement.FIGURES.getOrDefault(e.getKey(), e.getKey())).append('\n');
            String v = e.getValue();
            b.append(pad).append(e.getKey()).append(": ").append(v.matches("-?\\d+(\\.\\d+)?") ? v : q(v)).append('\n');
        }
    }

    /** The comments of the keys, by path (ScenarioSchema's comment keys). */
    private static final Properties COMMENTS = comments();

    private static Properties comments() {
        Properties p = new Properties();
        try (InputStream in = ScenarioWriter.class.getResourceAsStream("/io/promplan/scenario/comments.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the scenario comments bundle is missing", e);
        }
        return p;
    }

    /** The comment of a key (a path of the schema); an unknown key is a programming error. */
    static String comment(String key) {
        String c = COMMENTS.getProperty(key);
        if (c == null) {
            throw new IllegalStateException("no comment for scenario key " + key);
        }
        return c;
    }

    /** Keys written only when they say something: left out, they read back as the same scenario. */
    private static final Map<String, Predicate<Scenario>> WRITTEN_WHEN = Map.ofEntries(
            Map.entry("description", s -> !s.description().isEmpty()),
            Map.entry("services", s -> !s.workload().serviceOverrides().isEmpty()),
            Map.entry("pinned", s -> !s.workload().pinned().isEmpty()),
            Map.entry("network.natGbPerMonth", s -> !s.workload().network().natGbEstimated()),
            Map.entry("baseline", s -> !s.baseline().isEmpty()),
            Map.entry("baseline.claimedGiBPerDay", s -> s.baseline().claimedGiBPerDay() > 0),
            Map.entry("baseline.roi", s -> !s.baseline().roiClaim().isEmpty()),
            Map.entry("uncertainty", s -> !s.uncertainty().isEmpty()),
            Map.entry("measured", s -> false),
            Map.entry("localRetention", s -> s.workload().storage().backend() != io.promplan.core.workload.StorageBackend.THANOS_S3),
            Map.entry("thanos", s -> s.workload().storage().backend() == io.promplan.core.workload.StorageBackend.THANOS_S3));

    /** Whether the writer writes a key for this scenario (a key equal to its default may be left out). */
    static boolean written(Field f, Scenario s) {
        Predicate<Scenario> p = WRITTEN_WHEN.get(f.path());
        if (p != null) {
            return p.test(s);
        }
        if (f.kind() == Kind.VERSION) {
            return !f.defaultText().equals(f.read(s));
        }
        return true;
    }

    /** The comment key of a field for this scenario (one key has two comments). */
    static String commentKey(Field f, Scenario s) {
        if (f.path().equals("cloudwatchOnly.customMetrics") && !s.cloudwatchOnly().publishServiceSeries()) {
            return f.commentKey() + "@alone";
        }
        return f.commentKey();
    }

    /** A scalar value as the file writes it. */
    static String value(Field f, Scenario s) {
        Object v = f.read(s);
        return switch (f.kind()) {
            case TEXT, REGION, VERSION -> q((String) v);
            case LOCAL_TEXT -> inline((LocalText) v);
            case DECIMAL -> Num.fmt((Double) v);
            case DURATION -> ((TimeSpan) v).text();
            default -> String.valueOf(v);
        };
    }

    public static String toYaml(Scenario s) {
        StringBuilder b = new StringBuilder();
        comment(b, 0, comment("file"));
        mapping(b, s, "", 0);
        return b.toString();
    }

    /** The keys under {@code parent}, in the schema's order, each with its comment. */
    private static void mapping(StringBuilder b, Scenario s, String parent, int level) {
        String pad = "  ".repeat(level);
        for (Field f : ScenarioSchema.under(parent)) {
            if (!written(f, s)) {
                continue;
            }
            String c = COMMENTS.getProperty(commentKey(f, s));
            switch (f.kind()) {
                case OBJECT, LIST -> {
                    if (c != null) {
                        comment(b, level, c);
                    }
                    b.append(pad).append(f.key()).append(":");
                    switch (f.path()) {
                        case "services" -> services(b.append('\n'), s.workload());
                        case "pinned" -> pinned(b.append('\n'), s.workload());
                        case "cloudwatchExporter.metrics" -> metrics(b.append('\n'), s.workload());
                        case "baseline.lines" -> baselineLines(b.append('\n'), s.baseline().lines(), 4);
                        case "baseline.cloudwatchOnly.lines" -> baselineLines(b.append('\n'), s.baseline().cloudwatchOnlyLines(), 6);
                        case "uncertainty" -> uncertainty(b.append('\n'), s.uncertainty());
                        default -> mapping(b.append('\n'), s, f.path(), level + 1);
                    }
                }
                case SIZE -> {
                    // pinned sizes are written by pinned()
                }
                case LOCAL_TEXT -> {
                    comment(b, level, comment(commentKey(f, s)));
                    b.append(pad).append(f.key()).append(":").append(local((LocalText) f.read(s))).append('\n');
                }
                default -> kv(b, level, f.key(), value(f, s), comment(commentKey(f, s)));
            }
        }
    }

    private static void comment(StringBuilder b, int level, String text) {
        for (String line : text.split("\n", -1)) {
            b.append("  ".repeat(level)).append("# ").append(line).append('\n');
        }
    }

    private static void services(StringBuilder b, Workload w) {
        for (ServiceSpec o : w.serviceOverrides()) {
            b.append("  - name: ").append(q(o.name())).append('\n');
            if (o.metrics() > 0) {
                b.append("    metrics: ").append(o.metrics()).append('\n');
            }
            if (o.seriesPerMetric() > 0) {
                b.append("    seriesPerMetric: ").append(Num.fmt(o.seriesPerMetric())).append('\n');
            }
            if (o.targets() > 0) {
                b.append("    targets: ").append(o.targets()).append('\n');
            }
            if (o.histogramShare() >= 0) {
                b.append("    histogramShare: ").append(Num.fmt(o.histogramShare())).append('\n');
            }
            if (o.histogramBuckets() > 0) {
                b.append("    histogramBuckets: ").append(o.histogramBuckets()).append('\n');
            }
        }
    }

    private static void pinned(StringBuilder b, Workload w) {
        for (Map.Entry<Component, FargateSize> e : w.pinned().entrySet()) {
            b.append("  ").append(ScenarioReader.camel(e.getKey().key())).append(": { cpu: ").append(e.getValue().cpuUnits())
                    .append(", memoryMiB: ").append(e.getValue().memoryMiB()).append(" }\n");
        }
    }

    private static void metrics(StringBuilder b, Workload w) {
        for (CloudWatchMetric m : w.exporter().metrics()) {
            b.append("    - namespace: ").append(q(m.namespace())).append('\n');
            b.append("      name: ").append(q(m.name())).append('\n');
            b.append("      dimensions: ").append(list(m.dimensions())).append('\n');
            b.append("      statistics: ").append(list(m.statistics())).append('\n');
            if (m.perService()) {
                b.append("      perService: true    # one dimension combination per service\n");
            } else {
                b.append("      resources: ").append(m.resources()).append("    # dimension combinations\n");
            }
        }
    }

    private static void uncertainty(StringBuilder b, Uncertainty u) {
        u.ranges().forEach((path, r) -> b.append("  ").append(path).append(": { low: ").append(Num.fmt(r.low()))
                .append(r.hasLikely() ? ", likely: " + Num.fmt(r.likely()) : "")
                .append(", high: ").append(Num.fmt(r.high()))
                .append(r.shape() == Uncertainty.Shape.PERT ? "" : ", shape: " + r.shape().key()).append(" }\n"));
    }

    private static void baselineLines(StringBuilder b, List<BaselineLine> lines, int indent) {
        String pad = " ".repeat(indent);
        if (lines.isEmpty()) {
            b.setLength(b.length() - 1);
            b.append(" []\n");
            return;
        }
        for (BaselineLine l : lines) {
            b.append(pad).append("- name:").append(local(l.name())).append('\n');
            if (l.lowUsd() == l.highUsd()) {
                b.append(pad).append("  usd: ").append(Num.fmt(l.lowUsd())).append('\n');
            } else {
                b.append(pad).append("  lowUsd: ").append(Num.fmt(l.lowUsd())).append('\n');
                b.append(pad).append("  highUsd: ").append(Num.fmt(l.highUsd())).append('\n');
            }
            if (l.planHours() > 0) {
                b.append(pad).append("  planHours: ").append(l.planHours()).append('\n');
            }
            b.append(pad).append("  covers: ").append(list(l.covers())).append('\n');
            if (!l.planFormula().isEmpty()) {
                b.append(pad).append("  planFormula:").append(local(l.planFormula())).append('\n');
            }
            if (!l.note().isEmpty()) {
                b.append(pad).append("  note:").append(local(l.note())).append('\n');
            }
            if (l.notPriced()) {
                b.append(pad).append("  notPriced: true\n");
            }
        }
    }

    private static void kv(StringBuilder b, int level, String key, Object value, String comment) {
        String pad = "  ".repeat(level);
        b.append(pad).append("# ").append(comment).append('\n');
        b.append(pad).append(key).append(": ").append(value).append('\n');
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items.stream().map(ScenarioWriter::q).toList()) + "]";
    }

    /**
     * A text by language as it follows its key's colon, on the key's line: {@code  "text"} for one text for every language,
     * else {@code  { en: "...", ko: "..." }} (the reader takes the block style too). One line, so that a file's lines keep
     * their numbers whichever form a text takes.
     */
    static String local(LocalText t) {
        return " " + inline(t);
    }

    /** A text by language on one line: {@code "text"}, or a flow mapping {@code { en: "...", ko: "..." }}. */
    static String inline(LocalText t) {
        if (t.isPlain()) {
            return q(t.text());
        }
        StringBuilder sb = new StringBuilder("{ ");
        t.texts().forEach((lang, text) -> sb.append(sb.length() > 2 ? ", " : "").append(lang).append(": ").append(q(text)));
        return sb.append(" }").toString();
    }

    /** A double-quoted YAML string. */
    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\x%02x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
