package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code promtool test rules} (Prometheus 3.5) on every exported alert of every export: for each Prometheus server of
 * the export, a unit-test file is generated here from the server's own prometheus.yml (its scrape jobs and their
 * labels) and its rule files, run by promtool, and kept under {@code target/promtool-rule-tests/} for reading.
 *
 * <p>Every alerting rule gets a test in which it fires, with its exact labels and rendered annotations, only after its
 * {@code for:} (checked just before and after), and a healthy world in which no alert fires. The tests are built from
 * the shape of the rule's expression, not its name, so a new rule whose shape is unknown fails this test until a case
 * is written for it. Shapes and what each test does:
 * <ul>
 * <li>{@code absent(m{..})}: the series is scraped, then goes stale (its target left discovery, as when ECS removes a
 * service's tasks from Cloud Map); another service vanishing for one minute stays silent;</li>
 * <li>{@code up{job..} == 0}: a target stops answering; another flapping for one minute stays silent;</li>
 * <li>{@code group by (..) (max_over_time(up[1h])) unless ..}: a job leaves discovery; silent again an hour later;</li>
 * <li>{@code m > T}, {@code (a + b + c) > T}, {@code avg by (l) (m) > T}: above the threshold fires, at or just below it
 * stays silent;</li>
 * <li>{@code increase(c[w]) > 0}: a counter that moves fires; a still one does not.</li>
 * </ul>
 */
class AlertRulesUnitTest {
    static final Duration CHANGE = Duration.ofMinutes(10);
    static final int SAMPLES = 100;
    private static final Pattern LABEL = Pattern.compile("(\\w+)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    static List<RealSoftware.Export> exports() {
        return RealSoftware.exports();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void everyExportedAlertFiresWhenItShouldAndOnlyThen(RealSoftware.Export e) {
        Path promtool = RealSoftware.require("promtool");
        for (Path cfg : e.prometheusConfigs()) {
            Server server = Server.of(e, cfg);
            TestFile tf = new TestFile(server);
            Map<String, Object> doc = tf.build();
            assertThat(tf.uncovered()).as(e.name() + "/" + cfg.getFileName() + ": alert rules without a firing test").isEmpty();
            String dir = e.name().replaceAll("[^A-Za-z0-9.-]+", "_");
            Path file = Path.of("target/promtool-rule-tests", dir, cfg.getFileName().toString().replace(".yml", ".test.yml")).toAbsolutePath();
            RealSoftware.writeYaml(file, doc);
            RealSoftware.Result r = RealSoftware.run(file.getParent(), 120, promtool.toString(), "test", "rules", file.getFileName().toString());
            System.out.printf("promtool test rules %s/%s: %d alert rules, %d test groups, %d checks -> %s%n", e.name(), cfg.getFileName(),
                    server.alerts.size(), tf.groups.size(), tf.checks, r.code() == 0 ? "SUCCESS" : "FAILED (" + file + ")");
            assertThat(r.code()).as(file + "\n" + r.output()).isZero();
            assertThat(r.output()).contains("SUCCESS");
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** One alerting rule as exported. */
    record Rule(String file, String alert, String expr, Duration forDuration, Map<String, String> labels, Map<String, String> annotations) {
        String id() {
            return file + ": " + alert + " (" + expr + ")";
        }
    }

    /** One Prometheus server: its evaluation interval, scrape jobs (with the labels of their up series) and alert rules. */
    static final class Server {
        final String name;
        final String evaluationInterval;
        final List<Path> ruleFiles;
        final Map<String, Map<String, String>> jobs = new LinkedHashMap<>();
        final Map<String, Boolean> discovered = new LinkedHashMap<>();
        final List<Rule> alerts = new ArrayList<>();
        final long retentionSizeBytes;

        private Server(String name, String evaluationInterval, List<Path> ruleFiles, long retentionSizeBytes) {
            this.name = name;
            this.evaluationInterval = evaluationInterval;
            this.ruleFiles = ruleFiles;
            this.retentionSizeBytes = retentionSizeBytes;
        }

        static Server of(RealSoftware.Export e, Path cfg) {
            JsonNode c = RealSoftware.readYaml(cfg);
            Matcher size = Pattern.compile("--storage\\.tsdb\\.retention\\.size=(\\d+)(GB|MB)").matcher(RealSoftwareTest.read(cfg));
            long retention = size.find() ? Long.parseLong(size.group(1)) * (size.group(2).equals("GB") ? 1L << 30 : 1L << 20) : 0;
            Server s = new Server(e.name() + "/" + cfg.getFileName(), c.path("global").path("evaluation_interval").asText("1m"),
                    RealSoftware.ruleFilesOf(e, cfg), retention);
            int n = 0;
            for (JsonNode job : c.path("scrape_configs")) {
                n++;
                String name = job.path("job_name").asText();
                Map<String, String> l = new TreeMap<>();
                l.put("job", name);
                if (job.has("static_configs")) {
                    JsonNode sc = job.path("static_configs").get(0);
                    l.put("instance", sc.path("targets").get(0).asText());
                    sc.path("labels").fields().forEachRemaining(f -> l.put(f.getKey(), f.getValue().asText()));
                    s.discovered.put(name, false);
                } else {
                    int port = job.path("dns_sd_configs").path(0).path("port").asInt(9090);
                    l.put("instance", "10.0." + n + ".7:" + port);
                    s.discovered.put(name, true);
                }
                for (JsonNode rl : job.path("relabel_configs")) {
                    if (rl.has("target_label") && rl.has("replacement") && !rl.has("source_labels")) {
                        l.put(rl.path("target_label").asText(), rl.path("replacement").asText());
                    }
                }
                s.jobs.put(name, l);
            }
            for (Path f : s.ruleFiles) {
                JsonNode doc = RealSoftware.readYaml(f);
                for (JsonNode g : doc.path("groups")) {
                    for (JsonNode r : g.path("rules")) {
                        if (!r.has("alert")) {
                            continue;
                        }
                        s.alerts.add(new Rule(f.getFileName().toString(), r.path("alert").asText(), r.path("expr").asText().trim(),
                                r.has("for") ? duration(r.path("for").asText()) : Duration.ZERO, strings(r.path("labels")), strings(r.path("annotations"))));
                    }
                }
            }
            return s;
        }

        List<String> jobsMatching(String op, String regex) {
            List<String> out = new ArrayList<>();
            for (String j : jobs.keySet()) {
                boolean m = j.matches(regex);
                if (op.equals("=~") == m) {
                    out.add(j);
                }
            }
            return out;
        }
    }

    /** The generated promtool test file of one server. */
    static final class TestFile {
        final Server s;
        final List<Map<String, Object>> groups = new ArrayList<>();
        final Set<String> covered = new LinkedHashSet<>();
        int checks;
        /** The healthy world: every series an alert reads, at a value where none fires. */
        final Map<String, String> world = new LinkedHashMap<>();

        TestFile(Server s) {
            this.s = s;
        }

        List<String> uncovered() {
            List<String> out = new ArrayList<>();
            for (Rule r : s.alerts) {
                if (!covered.contains(r.id())) {
                    out.add(r.id());
                }
            }
            return out;
        }

        Map<String, Object> build() {
            for (Map.Entry<String, Map<String, String>> j : s.jobs.entrySet()) {
                world.put(series("up", j.getValue()), constant(1));
            }
            for (Rule r : s.alerts) {
                healthy(r);
            }
            // 1. nothing fires in the healthy world, long after every for:
            List<Map<String, Object>> quiet = new ArrayList<>();
            for (String alert : new LinkedHashSet<>(s.alerts.stream().map(Rule::alert).toList())) {
                for (String t : List.of("35m", "95m")) {
                    quiet.add(check(t, alert, List.of()));
                }
            }
            group("healthy: no alert fires", world, quiet);
            // 2. each rule fires when it should
            for (Rule r : s.alerts) {
                fire(r);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("rule_files", s.ruleFiles.stream().map(p -> p.toAbsolutePath().toString()).toList());
            doc.put("evaluation_interval", s.evaluationInterval);
            doc.put("tests", groups);
            return doc;
        }

        // ---- shapes

        static final Pattern ABSENT = Pattern.compile("absent\\((\\w+)\\{([^}]*)}\\)");
        static final Pattern UP_ZERO = Pattern.compile("up\\{job(=~|!~)\"([^\"]*)\"} == 0");
        static final Pattern VANISHED = Pattern.compile("group by \\(([\\w, ]+)\\) \\(max_over_time\\(up\\{job(=~|!~)\"([^\"]*)\"}\\[1h]\\)\\) unless .*");
        static final Pattern AVG_BY = Pattern.compile("avg by \\((\\w+)\\) \\((\\w+)\\) > ([0-9.]+)");
        static final Pattern GAUGE = Pattern.compile("(\\w+)\\{job=\"([^\"]+)\"} > ([0-9.]+)");
        static final Pattern SUM = Pattern.compile("\\(((?:\\w+\\{job=\"[^\"]+\"}(?: \\+ )?)+)\\) > ([0-9.]+)");
        static final Pattern INCREASE = Pattern.compile("increase\\((\\w+)\\{job=\"([^\"]+)\"}\\[(\\w+)]\\) > 0");
        static final Pattern TERM = Pattern.compile("(\\w+)\\{job=\"([^\"]+)\"}");

        private void healthy(Rule r) {
            Matcher m;
            if ((m = ABSENT.matcher(r.expr())).matches()) {
                if (!m.group(1).equals("up")) {
                    Map<String, String> l = selectorLabels(m.group(2));
                    Map<String, String> full = new TreeMap<>(s.jobs.getOrDefault(l.get("job"), Map.of()));
                    full.putAll(l);
                    world.put(series(m.group(1), full), constant(1));
                }
            } else if ((m = AVG_BY.matcher(r.expr())).matches()) {
                double t = Double.parseDouble(m.group(3));
                for (String v : labelValues(2)) {
                    world.put(series(m.group(2), cloudwatchLabels(m.group(1), v)), constant(t / 2));
                }
            } else if ((m = GAUGE.matcher(r.expr())).matches()) {
                double t = Double.parseDouble(m.group(3));
                world.put(series(m.group(1), target(m.group(2))), constant(t == 0 ? 0 : Math.floor(t / 2)));
            } else if ((m = SUM.matcher(r.expr())).matches()) {
                long t = (long) Double.parseDouble(m.group(2));
                Matcher term = TERM.matcher(m.group(1));
                List<String> terms = new ArrayList<>();
                while (term.find()) {
                    terms.add(term.group(1));
                    world.put(series(term.group(1), target(term.group(2))), constant(0));
                }
                world.put(series(terms.get(0), target("prometheus")), constant(t / 2));
            } else if ((m = INCREASE.matcher(r.expr())).matches()) {
                world.put(series(m.group(1), target(m.group(2))), constant(7));
            }
        }

        private void fire(Rule r) {
            Matcher m;
            String title = r.alert() + " [" + r.file() + "]: ";
            if ((m = ABSENT.matcher(r.expr())).matches()) {
                Map<String, String> sel = selectorLabels(m.group(2));
                String metric = m.group(1);
                Map<String, Object> in = new LinkedHashMap<>(world);
                List<String> keys = world.keySet().stream().filter(k -> k.startsWith(metric + "{") && parseSeries(k).entrySet().containsAll(sel.entrySet()))
                        .toList();
                assertThat(keys).as(r.id() + ": no series in the healthy world for its selector").isNotEmpty();
                keys.forEach(k -> in.put(k, vanish(1)));
                // another series watched the same way, gone for one minute only (a deployment), stays silent
                String other = world.keySet().stream().filter(k -> k.startsWith(metric + "{") && !keys.contains(k) && absentKinOf(r, k)).findFirst().orElse(null);
                String title2 = title + metric + sel + " goes stale (left discovery)";
                if (other != null) {
                    in.put(other, "1x9 stale 1x" + (SAMPLES - 12));
                    title2 += "; " + parseSeries(other).getOrDefault("job", other) + " gone for 1 minute stays silent";
                }
                firingGroup(title2, in, r, sel, 1);
            } else if ((m = UP_ZERO.matcher(r.expr())).matches()) {
                List<String> jobs = s.jobsMatching(m.group(1), m.group(2));
                assertThat(jobs).as(r.id() + ": no job of this server matches").isNotEmpty();
                Map<String, Object> in = new LinkedHashMap<>(world);
                Map<String, String> l = s.jobs.get(jobs.get(0));
                in.put(series("up", l), change(1, 0));
                String t = title + jobs.get(0) + " stops answering (up 0)";
                if (jobs.size() > 1) {
                    in.put(series("up", s.jobs.get(jobs.get(1))), "1x9 0 1x" + (SAMPLES - 12));
                    t += "; " + jobs.get(1) + " at 0 for 1 minute stays silent";
                }
                firingGroup(t, in, r, l, 0);
            } else if ((m = VANISHED.matcher(r.expr())).matches()) {
                List<String> jobs = s.jobsMatching(m.group(2), m.group(3));
                assertThat(jobs).as(r.id() + ": no job of this server matches").isNotEmpty();
                String job = jobs.stream().filter(s.discovered::get).findFirst().orElse(jobs.get(0));
                Map<String, String> l = s.jobs.get(job);
                Map<String, Object> in = new LinkedHashMap<>(world);
                in.put(series("up", l), vanish(1));
                Map<String, String> by = new TreeMap<>();
                for (String k : m.group(1).split(",\\s*")) {
                    if (l.containsKey(k.trim())) {
                        by.put(k.trim(), l.get(k.trim()));
                    }
                }
                List<Map<String, Object>> checks = new ArrayList<>(firingChecks(r, by, 1));
                // the rule remembers the last hour: an hour after the last scrape the alert ends
                checks.add(check(fmt(CHANGE.plusMinutes(65)), r.alert(), List.of()));
                group(title + job + " leaves discovery (its up series goes stale); fires " + fmt(r.forDuration()) + " later, ends an hour later", in, checks);
                covered.add(r.id());
            } else if ((m = AVG_BY.matcher(r.expr())).matches()) {
                double t = Double.parseDouble(m.group(3));
                List<String> v = labelValues(2);
                Map<String, Object> in = new LinkedHashMap<>(world);
                in.put(series(m.group(2), cloudwatchLabels(m.group(1), v.get(0))), change(t / 2, t + 5));
                in.put(series(m.group(2), cloudwatchLabels(m.group(1), v.get(1))), constant(t));
                firingGroup(title + m.group(1) + "=" + v.get(0) + " above " + num(t) + "; " + v.get(1) + " at exactly " + num(t) + " stays silent", in, r,
                        Map.of(m.group(1), v.get(0)), t + 5);
            } else if ((m = GAUGE.matcher(r.expr())).matches()) {
                double t = Double.parseDouble(m.group(3));
                double above = t == 0 ? 1 : Math.ceil(t * 1.05);
                Map<String, String> l = new TreeMap<>(target(m.group(2)));
                Map<String, Object> in = new LinkedHashMap<>(world);
                in.put(series(m.group(1), l), change(t == 0 ? 0 : Math.floor(t / 2), above));
                firingGroup(title + m.group(1) + " above " + num(t), in, r, l, above);
                Map<String, Object> at = new LinkedHashMap<>(world);
                at.put(series(m.group(1), l), constant(t));
                group(title + m.group(1) + " at exactly " + num(t) + " stays silent", at,
                        List.of(check(fmt(CHANGE.plus(r.forDuration()).plusMinutes(5)), r.alert(), List.of())));
                covered.add(r.id());
            } else if ((m = SUM.matcher(r.expr())).matches()) {
                long t = (long) Double.parseDouble(m.group(2));
                Matcher term = TERM.matcher(m.group(1));
                List<String> names = new ArrayList<>();
                String job = null;
                while (term.find()) {
                    names.add(term.group(1));
                    job = term.group(2);
                }
                // fires while still below retention.size, i.e. before size-based retention deletes blocks
                long r0 = s.retentionSizeBytes;
                assertThat(r0).as(r.id() + ": retention.size from prometheus.yml").isGreaterThan(t);
                long total = t + (r0 - t) / 2;
                long part = 64L << 20;
                Map<String, String> l = new TreeMap<>(target(job));
                Map<String, Object> in = new LinkedHashMap<>(world);
                Map<String, Object> at = new LinkedHashMap<>(world);
                for (int i = 0; i < names.size(); i++) {
                    long v = i == 0 ? total - part * (names.size() - 1) : part;
                    long vAt = i == 0 ? t - part * (names.size() - 1) : part;
                    in.put(series(names.get(i), l), change(i == 0 ? t / 2 : part, v));
                    at.put(series(names.get(i), l), constant(vAt));
                }
                firingGroup(title + "on-disk total " + total + " B (above " + t + ", below retention.size " + r0 + ")", in, r, l, total);
                group(title + "on-disk total exactly " + t + " B stays silent", at,
                        List.of(check(fmt(CHANGE.plus(r.forDuration()).plusMinutes(5)), r.alert(), List.of())));
            } else if ((m = INCREASE.matcher(r.expr())).matches()) {
                Duration w = duration(m.group(3));
                Map<String, String> l = new TreeMap<>(target(m.group(2)));
                Map<String, Object> in = new LinkedHashMap<>(world);
                if (r.forDuration().isZero()) {
                    // one event: fires at once, ends when the event leaves the window
                    in.put(series(m.group(1), l), "7x9 8x" + (SAMPLES - 11));
                    List<Map<String, Object>> checks = new ArrayList<>(firingChecks(r, l, Double.NaN));
                    checks.add(check(fmt(CHANGE.plus(w).plusMinutes(1)), r.alert(), List.of()));
                    group(title + m.group(1) + " moves once; fires at once, silent again after " + m.group(3), in, checks);
                    covered.add(r.id());
                } else {
                    // keeps moving (one a minute): the increase over the window is its length in minutes
                    in.put(series(m.group(1), l), "7x9 8+1x" + (SAMPLES - 11));
                    firingGroup(title + m.group(1) + " moves every minute", in, r, l, w.toMinutes());
                }
            } else {
                throw new AssertionError(r.id() + ": no unit-test case for this expression shape; add one to AlertRulesUnitTest");
            }
        }

        /** A group where the rule fires with the given output labels: silent just before its for:, firing after. */
        private void firingGroup(String title, Map<String, Object> in, Rule r, Map<String, String> sampleLabels, double value) {
            group(title + "; fires " + fmt(r.forDuration()) + " after the change", in, firingChecks(r, sampleLabels, value));
            covered.add(r.id());
        }

        private List<Map<String, Object>> firingChecks(Rule r, Map<String, String> sampleLabels, double value) {
            // the condition holds from the evaluation at CHANGE on: pending until CHANGE + for, firing from the next evaluation
            Duration step = duration(s.evaluationInterval);
            Duration before = r.forDuration().isZero() ? CHANGE.minus(step) : CHANGE.plus(r.forDuration()).minus(step);
            Duration after = CHANGE.plus(r.forDuration()).plus(step);
            Map<String, String> labels = new TreeMap<>(sampleLabels);
            labels.putAll(r.labels());
            Map<String, String> ann = new TreeMap<>();
            r.annotations().forEach((k, v) -> ann.put(k, render(v, sampleLabels, value)));
            List<Map<String, Object>> exp = List.of(RealSoftware.map("exp_labels", labels, "exp_annotations", ann));
            return List.of(check(fmt(before), r.alert(), List.of()), check(fmt(after), r.alert(), exp));
        }

        private Map<String, Object> check(String at, String alert, List<Map<String, Object>> exp) {
            checks++;
            return RealSoftware.map("eval_time", at, "alertname", alert, "exp_alerts", exp);
        }

        private void group(String name, Map<String, ?> in, List<Map<String, Object>> checks) {
            List<Map<String, Object>> series = new ArrayList<>();
            in.forEach((k, v) -> series.add(RealSoftware.map("series", k, "values", v)));
            groups.add(RealSoftware.map("name", name, "interval", "1m", "input_series", series, "alert_rule_test", checks));
        }

        // ---- helpers

        /** Another series the same kind of absent() rule watches (up of another service, another exporter metric). */
        private boolean absentKinOf(Rule r, String k) {
            for (Rule o : s.alerts) {
                Matcher m = ABSENT.matcher(o.expr());
                if (o != r && o.alert().equals(r.alert()) && m.matches() && parseSeries(k).entrySet().containsAll(selectorLabels(m.group(2)).entrySet())
                        && k.startsWith(m.group(1) + "{")) {
                    return true;
                }
            }
            return false;
        }

        private Map<String, String> target(String job) {
            Map<String, String> l = s.jobs.get(job);
            assertThat(l).as(s.name + ": no scrape job " + job).isNotNull();
            return l;
        }

        /** Series as the CloudWatch Exporter serves them (on the server that scrapes it). */
        private Map<String, String> cloudwatchLabels(String label, String value) {
            Map<String, String> l = new TreeMap<>(s.jobs.getOrDefault("cloudwatch", Map.of("job", "cloudwatch", "instance", "cloudwatch-exporter:9106")));
            l.put("cluster_name", "main");
            l.put(label, value);
            return l;
        }

        /** Names to use as label values: the services this server scrapes, else made-up ones. */
        private List<String> labelValues(int n) {
            List<String> out = new ArrayList<>();
            for (Map<String, String> l : s.jobs.values()) {
                if (l.get("job").startsWith("service-") && out.size() < n) {
                    out.add(l.get("service"));
                }
            }
            while (out.size() < n) {
                out.add("svc-" + (out.size() + 1));
            }
            return out;
        }
    }

    // ---- promtool notation

    static String series(String name, Map<String, String> labels) {
        StringBuilder b = new StringBuilder(name).append('{');
        Iterator<Map.Entry<String, String>> it = new TreeMap<>(labels).entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            b.append(e.getKey()).append("=\"").append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            if (it.hasNext()) {
                b.append(',');
            }
        }
        return b.append('}').toString();
    }

    static Map<String, String> parseSeries(String s) {
        return selectorLabels(s.substring(s.indexOf('{') + 1, s.lastIndexOf('}')));
    }

    /** Equality matchers of a selector (the labels absent() gives its output). */
    static Map<String, String> selectorLabels(String inner) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = LABEL.matcher(inner);
        while (m.find()) {
            if (m.group(2).equals("=")) {
                out.put(m.group(1), m.group(3).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        }
        return out;
    }

    static String constant(double v) {
        return num(v) + "x" + (SAMPLES - 1);
    }

    /** v0 until CHANGE, v1 from CHANGE on (one sample a minute). */
    static String change(double v0, double v1) {
        int before = (int) CHANGE.toMinutes();
        return num(v0) + "x" + (before - 1) + " " + num(v1) + "x" + (SAMPLES - before - 1);
    }

    /** Scraped until CHANGE, then a stale marker: the target left discovery. */
    static String vanish(double v) {
        return num(v) + "x" + (CHANGE.toMinutes() - 1) + " stale";
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String fmt(Duration d) {
        return d.isZero() ? "0s" : d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    static Duration duration(String s) {
        Matcher m = Pattern.compile("(\\d+)([smhd])").matcher(s);
        assertThat(m.matches()).as("duration " + s).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static Map<String, String> strings(JsonNode n) {
        Map<String, String> out = new TreeMap<>();
        n.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return out;
    }

    // ---- the part of Go's text/template and Prometheus's template functions the exported annotations use

    private static final Pattern ACTION = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

    static String render(String template, Map<String, String> labels, double value) {
        Matcher m = ACTION.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String a = m.group(1);
            String v;
            if (a.startsWith("$labels.")) {
                v = labels.getOrDefault(a.substring(8), "<no value>");
            } else if (a.equals("$value")) {
                v = goFloat(value);
            } else if (a.matches("\\$value\\s*\\|\\s*humanize1024")) {
                v = humanize1024(value);
            } else {
                throw new AssertionError("template action {{ " + a + " }} is not rendered by AlertRulesUnitTest: " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** fmt's %v of a float64 for the values used here (integers). */
    static String goFloat(double v) {
        if (Double.isNaN(v)) {
            throw new AssertionError("the test gives no value for {{ $value }}");
        }
        assertThat(v == Math.rint(v) && Math.abs(v) < 1e21).as("only whole $value rendered: " + v).isTrue();
        return String.valueOf((long) v);
    }

    /** Prometheus's humanize1024: %.4g with the binary prefix. */
    static String humanize1024(double v) {
        if (Math.abs(v) <= 1) {
            return g4(v);
        }
        String prefix = "";
        for (String p : new String[] {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"}) {
            if (Math.abs(v) < 1024) {
                break;
            }
            prefix = p;
            v /= 1024;
        }
        return g4(v) + prefix;
    }

    private static String g4(double v) {
        BigDecimal b = new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        assertThat(b.precision() - b.scale() - 1).as("%.4g without exponent").isBetween(-4, 3);
        return b.toPlainString();
    }
}
