package io.promplan.fuzz;

import io.promplan.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Promplan's own fuzzer (issue 16): mutates the shipped scenarios and the price snapshot and runs every mutant through
 * every command in-process (plan, compare, sweep, simulate, report, export, export --force over an engineer's
 * Terraform state, prices show), each run in its own thread with a time limit. Bounded by a count and by seconds.
 *
 * <p>Per run: a <b>crash</b> is an exit code other than 0, 1 or 2 (70 is the CLI's "internal error"; the fuzzer never runs `check`, whose 3 means "outgrown"), an exception out of
 * the CLI or a stack trace on stderr; a <b>hang</b> is a run over the time limit; a <b>violation</b> is lost data (the
 * engineer's files after export --force, a folder left by a refused export) or runaway output (over 10 MB); an
 * <b>oddity</b> is output a user should not see (Infinity or NaN, a control character, an error of several lines, exit 1
 * on local files). An input is clean when none of its runs has any of these.
 *
 * <pre>
 *   bench/fuzz --count 300 --seconds 120 [--seed 1] [--timeout 60] [--work target/fuzz]
 * </pre>
 * Prints one line per problem (the input is kept under the work folder) and ends with
 * "N tried, N clean, 0 crashes, 0 hangs" (and the violations and oddities); exit 0 only when nothing was found.
 */
public final class Fuzz {
    /** A run's output beyond this is discarded and counted as runaway. */
    static final int MAX_OUTPUT = 10 * 1024 * 1024;

    /** Settings of one fuzzing session. */
    public record Settings(int count, int seconds, long seed, int timeoutSeconds, Path work, boolean verbose) {
    }

    /** The figures of a session. */
    public record Summary(int tried, int clean, int runs, int crashes, int hangs, int violations, int oddities, List<String> problems,
                          Map<Integer, Integer> exitCodes) {
        public String line() {
            return tried + " tried, " + clean + " clean, " + crashes + " crashes, " + hangs + " hangs (" + runs + " command runs, exit codes (-1: none) "
                    + exitCodes + "; " + violations + " violations, " + oddities + " oddities)";
        }
    }

    record Run(String command, int code, String out, String err, boolean runaway, boolean hung, Throwable thrown, long millis) {
    }

    private final Settings s;
    private final Random rnd;
    private final List<String> scenarios = new ArrayList<>();
    private final String snapshot;
    private final List<String> problems = new ArrayList<>();
    private int crashes;
    private int hangs;
    private int violations;
    private int oddities;
    private int runs;
    private final Map<Integer, Integer> exitCodes = new java.util.TreeMap<>();

    Fuzz(Settings s) throws IOException {
        this.s = s;
        this.rnd = new Random(s.seed());
        for (Path dir : List.of(Path.of("scenarios"), Path.of("src/test/resources/scenarios"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                        scenarios.add(Files.readString(f));
                    }
                }
            }
        }
        if (scenarios.isEmpty()) {
            throw new IOException("no scenarios found under scenarios/: run from the project folder");
        }
        this.snapshot = Files.readString(Path.of("pricing-data/prices-2026-11-26.json"));
    }

    public static void main(String[] args) throws Exception {
        int count = 300;
        int seconds = 120;
        long seed = System.nanoTime();
        int timeout = 60;
        Path work = Path.of("target/fuzz");
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--timeout" -> timeout = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--verbose" -> verbose = true;
                default -> {
                    System.err.println("usage: Fuzz [--count N] [--seconds S] [--seed X] [--timeout T] [--work DIR] [--verbose]");
                    System.exit(2);
                }
            }
        }
        if (count < 1 || count > 100_000 || seconds < 1 || seconds > 24 * 3600 || timeout < 1 || timeout > 600) {
            System.err.println("fuzz: --count 1..100000, --seconds 1..86400, --timeout 1..600");
            System.exit(2);
        }
        System.out.println("fuzz: seed " + seed + ", at most " + count + " inputs in " + seconds + " s, " + timeout + " s a run, work folder " + work);
        Summary sum = run(new Settings(count, seconds, seed, timeout, work, verbose));
        System.out.println(sum.line());
        System.out.flush();
        System.exit(sum.crashes() + sum.hangs() + sum.violations() == 0 ? 0 : 1);
    }

    /** Runs a session and returns its figures (problems are printed as they are found). */
    public static Summary run(Settings s) throws IOException {
        return new Fuzz(s).session();
    }

    private Summary session() throws IOException {
        // Only a fuzz work folder is cleared: its numbered input folders, nothing else (a wrong --work must never cost a file).
        Files.createDirectories(s.work());
        try (Stream<Path> old = Files.list(s.work())) {
            for (Path p : old.toList()) {
                String n = p.getFileName().toString();
                if (n.matches("\\d{4,}") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(p);
                } else if (!n.equals(".promplan-fuzz")) {
                    throw new IOException(s.work() + " holds " + n + ": give --work an empty folder or an earlier fuzz work folder");
                }
            }
        }
        Files.writeString(s.work().resolve(".promplan-fuzz"), "inputs of bench/fuzz with a problem, one folder each\n");
        long end = System.nanoTime() + s.seconds() * 1_000_000_000L;
        int tried = 0;
        int clean = 0;
        while (tried < s.count() && System.nanoTime() < end && hangs < 5) {
            Path dir = s.work().resolve(String.format(Locale.ROOT, "%04d", tried));
            Files.createDirectories(dir);
            boolean scenario = rnd.nextInt(4) != 0;
            List<String> what = new ArrayList<>();
            List<String> found;
            if (scenario) {
                String text = mutateScenario(scenarios.get(rnd.nextInt(scenarios.size())), what);
                Path f = dir.resolve("scenario.yaml");
                Files.writeString(f, text, StandardCharsets.UTF_8);
                if (what.contains("bytes")) {
                    Files.write(f, flipBytes(text.getBytes(StandardCharsets.UTF_8)));
                }
                found = scenarioRuns(dir, f);
            } else {
                Path prices = Files.createDirectories(dir.resolve("prices"));
                String text = mutateSnapshot(snapshot, what);
                String name = rnd.nextInt(8) == 0 ? "prices-2026-13-45.json" : "prices-2026-11-26.json";
                if (name.contains("13-45")) {
                    Files.writeString(prices.resolve("prices-2026-11-26.json"), snapshot);
                    what.add("impossible-date name");
                }
                Files.writeString(prices.resolve(name), text);
                found = snapshotRuns(dir, prices);
            }
            tried++;
            if (found.isEmpty()) {
                clean++;
                deleteTree(dir);
            } else {
                for (String p : found) {
                    String line = dir + " [" + String.join(", ", what) + "]: " + p;
                    problems.add(line);
                    System.out.println(line);
                }
            }
            if (s.verbose()) {
                System.out.println(dir.getFileName() + " " + what + (found.isEmpty() ? " clean" : " " + found.size() + " problem(s)"));
            }
        }
        return new Summary(tried, clean, runs, crashes, hangs, violations, oddities, problems, exitCodes);
    }

    // ---------------------------------------------------------------- commands

    private List<String> scenarioRuns(Path dir, Path f) throws IOException {
        List<String> found = new ArrayList<>();
        String sc = f.toString();
        String prices = "pricing-data";
        check(found, run("plan", "plan", sc, "--prices", prices));
        check(found, run("plan json", "plan", sc, "--prices", prices, "--format", "json"));
        check(found, run("plan csv", "plan", sc, "--prices", prices, "--format", "csv"));
        check(found, run("plan explain", "plan", sc, "--prices", prices, "--explain"));
        check(found, run("compare", "compare", sc, "scenarios/seed-5-services.yaml", "--prices", prices));
        check(found, run("sweep", "sweep", sc, "--prices", prices, "--services", "1..20"));
        check(found, run("simulate", "simulate", sc, "--prices", prices, "--runs", "2000"));
        List<String> report = new ArrayList<>(List.of("report", sc, "--prices", prices, "--runs", "2000", "--out", dir.resolve("r.md").toString(),
                "--out", dir.resolve("r.csv").toString()));
        if (rnd.nextInt(10) == 0) {
            report.addAll(List.of("--out", dir.resolve("r.pdf").toString()));
        }
        check(found, run("report", report.toArray(String[]::new)));
        exports(found, dir, sc, prices);
        return found;
    }

    private List<String> snapshotRuns(Path dir, Path prices) throws IOException {
        List<String> found = new ArrayList<>();
        String p = prices.toString();
        String seed = "scenarios/seed-5-services.yaml";
        check(found, run("prices show", "prices", "show", "--prices", p));
        check(found, run("prices show json", "prices", "show", "--prices", p, "--format", "json"));
        check(found, run("plan", "plan", seed, "--prices", p));
        check(found, run("plan json", "plan", seed, "--prices", p, "--format", "json"));
        check(found, run("compare", "compare", seed, "scenarios/services-10.yaml", "--prices", p));
        check(found, run("sweep", "sweep", seed, "--prices", p, "--services", "1..20"));
        check(found, run("simulate", "simulate", seed, "--prices", p, "--runs", "2000"));
        check(found, run("report", "report", seed, "--prices", p, "--runs", "2000", "--out", dir.resolve("r.md").toString()));
        exports(found, dir, seed, p);
        return found;
    }

    /** export into a new folder, then export --force over an earlier export that holds an engineer's state. */
    private void exports(List<String> found, Path dir, String scenario, String prices) throws IOException {
        Path fresh = dir.resolve("export-new");
        Run r = run("export", "export", scenario, "--prices", prices, "--quiet", "--out", fresh.toString());
        check(found, r);
        if (r.code() != 0 && Files.exists(fresh, LinkOption.NOFOLLOW_LINKS)) {
            violation(found, r, "a refused export left " + fresh.getFileName());
        }
        Path earlier = dir.resolve("export-earlier");
        Run base = run("export (seed)", "export", "scenarios/seed-5-services.yaml", "--prices", "pricing-data", "--quiet", "--out", earlier.toString());
        if (base.code() != 0) {
            check(found, base);
            return;
        }
        Map<String, String> engineer = new LinkedHashMap<>();
        engineer.put("terraform/monitoring/terraform.tfstate", "{\"serial\": " + rnd.nextInt(1000) + "}\n");
        engineer.put("terraform/monitoring/.terraform/terraform.tfstate", "{}\n");
        engineer.put("terraform/monitoring/terraform.tfvars", "x = 1\n");
        engineer.put("terraform/monitoring/backend.tf", "terraform {}\n");
        engineer.put("notes.txt", "mine\n");
        for (var e : engineer.entrySet()) {
            Path f = earlier.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        Run force = run("export --force", "export", scenario, "--prices", prices, "--quiet", "--force", "--out", earlier.toString());
        check(found, force);
        for (var e : engineer.entrySet()) {
            Path f = earlier.resolve(e.getKey());
            if (!Files.isRegularFile(f) || !Files.readString(f).equals(e.getValue())) {
                violation(found, force, "export --force lost or changed " + e.getKey());
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            List<String> l = left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".export")).toList();
            if (!l.isEmpty()) {
                violation(found, force, "left " + l);
            }
        }
    }

    private Run run(String label, String... args) {
        runs++;
        CappedWriter out = new CappedWriter();
        CappedWriter err = new CappedWriter();
        AtomicReference<Integer> code = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                code.set(Cli.run(args, new PrintWriter(out), new PrintWriter(err)));
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "fuzz-" + label);
        t.setDaemon(true);
        long t0 = System.nanoTime();
        t.start();
        try {
            t.join(s.timeoutSeconds() * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        exitCodes.merge(t.isAlive() || code.get() == null ? -1 : code.get(), 1, Integer::sum);
        if (t.isAlive()) {
            t.interrupt();
            return new Run(label + " " + String.join(" ", args), -1, out.text(), err.text(), false, true, null, ms);
        }
        return new Run(label + " " + String.join(" ", args), code.get() == null ? -1 : code.get(), out.text(), err.text(),
                out.overflow || err.overflow, false, thrown.get(), ms);
    }

    private static final Pattern WORD_INFINITY = Pattern.compile("\\b(-?Infinity|NaN)\\b");

    private void check(List<String> found, Run r) {
        String where = r.command();
        if (r.hung()) {
            hangs++;
            found.add("HANG over " + s.timeoutSeconds() + " s: " + where);
            return;
        }
        if (r.thrown() != null) {
            crashes++;
            found.add("CRASH " + r.thrown() + ": " + where);
            return;
        }
        if (r.code() < 0 || r.code() > 2 || r.err().contains("\tat ") || r.err().contains("Exception in thread")) {
            crashes++;
            found.add("CRASH exit " + r.code() + " " + firstLine(r.err()) + ": " + where);
            return;
        }
        if (r.runaway()) {
            violation(found, r, "output over " + MAX_OUTPUT / (1024 * 1024) + " MB");
            return;
        }
        List<String> odd = new ArrayList<>();
        if (r.code() == 1) {
            odd.add("exit 1 on local files: " + firstLine(r.err()));
        }
        if (r.code() != 0 && r.err().strip().lines().count() != 1) {
            odd.add("error of " + r.err().strip().lines().count() + " lines");
        }
        Matcher m = WORD_INFINITY.matcher(r.out());
        if (m.find()) {
            odd.add("prints " + m.group() + " near '" + around(r.out(), m.start()) + "'");
        }
        if (hasControl(r.err()) || hasControl(r.out())) {
            odd.add("a control character in the output");
        }
        if (!odd.isEmpty()) {
            oddities++;
            found.add("ODD " + String.join("; ", odd) + ": " + where);
        }
    }

    private void violation(List<String> found, Run r, String what) {
        violations++;
        found.add("VIOLATION " + what + ": " + r.command());
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0));
    }

    private static String around(String s, int at) {
        String x = s.substring(Math.max(0, at - 40), Math.min(s.length(), at + 20));
        return x.replace("\n", "\\n");
    }

    private static String firstLine(String s) {
        String l = s.strip().lines().findFirst().orElse("");
        return l.length() > 200 ? l.substring(0, 200) + "..." : l;
    }

    // ---------------------------------------------------------------- mutations

    private static final Pattern KEY_VALUE = Pattern.compile("(?m)^(\\s*(?:- )?)([A-Za-z][A-Za-z0-9.]*): (\\S.*?)\\s*$");

    private static final String[] EXTREMES = {"0", "-1", "-0.0001", "0.5", "1e308", "-1e308", "1e-999999999", "1e999", ".nan", ".inf", "-.inf",
        "2147483648", "-2147483649", "99999999999999999999", "9223372036854775808", "''", "\"\"", "[]", "[1, 2]", "{}", "{ a: 1 }", "~", "null",
        "true", "no", "0x10", "0o17", "1_000", "\"\\ud800\"", "\"a\\nb\"", "\"\\a\\e[31mred\"", "\"\\u202eevil\"", "\"\\0\"", "53302877781480939y",
        "99999999999999999999999d", "0s", "1ms", "3651d", "1h30m", "15", "15x", "!!binary aGVsbG8=", "!!python/object/apply:os.system ['id']",
        "!!float 1e400", "&anchor 5", "*anchor", "10000", "1000000", "1000001", "us-east-1", "\"\"\"", "'unterminated", "\"${jndi:ldap://x/a}\"",
        "\"%n%s%x\"", "\"<script>alert(1)</script>\"", "\"x\\\" }\\nresource \\\"terraform_data\\\" \\\"pwn\\\" {\\n provisioner \\\"local-exec\\\" { command = \\\"id\\\" }\\n}\\n#\""};

    private static final String[] INJECTIONS = {"x\\n}\\nresource \\\"terraform_data\\\" \\\"pwn\\\" {\\n  provisioner \\\"local-exec\\\" { command = \\\"touch /tmp/pwned\\\" }\\n}\\n#",
        "x\\n- job_name: evil\\n  static_configs: [{targets: ['evil:9090']}]", "line1\\nline2", "bell\\a", "\\e]0;title\\a", "a\\u0000b",
        "${var.secret}", "x\\\"}, {\\\"panels\\\": []}", "| col | col |\\n|---|---|", "\\ud800", "\\udfff\\ud800", "\\u2028", "\\u200b", "'; DROP TABLE x;--",
        "..\\/..\\/etc\\/passwd", "🚀 모니터링", "x".repeat(200), "Prometheus", "grafana", "ATLANTIS", ""};

    String mutateScenario(String text, List<String> what) {
        String t = text;
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(20);
            switch (k) {
                case 0, 1, 2 -> t = replaceValue(t, EXTREMES[rnd.nextInt(EXTREMES.length)], what);
                case 3, 17, 18, 19 -> t = perturbNumber(t, what);
                case 4 -> t = replaceName(t, what);
                case 5 -> t = lineOp(t, "delete", what);
                case 6 -> t = lineOp(t, "duplicate", what);
                case 7 -> t = lineOp(t, "swap", what);
                case 8 -> t = lineOp(t, "indent", what);
                case 9 -> {
                    String[] big = {"serviceCount: 10000\nmetricsPerService: 1000\nseriesPerMetric: 100\n", "serviceCount: 10000\nsizing:\n  maxSeriesPerServer: 1000\n",
                        "serviceCount: 10000\n", "seriesPerMetric: 1000000\nmetricsPerService: 1000000\n", "targetsPerService: 10000\nhistogramShare: 1\nhistogramBuckets: 1000\n"};
                    String b = big[rnd.nextInt(big.length)];
                    t = withKeys(t, b);
                    what.add("large: " + b.replace("\n", " ").trim());
                }
                case 10 -> {
                    String[] tails = {"---\nversion: 1\nname: second\n", "...\ngarbage: [\n", "\nunknownKey: 1\n", "\n\"\\e[31mkey\": 1\n",
                        "\ndescription: " + "[".repeat(100) + "]".repeat(100) + "\n", "\ndescription: \"" + "x".repeat(100_000) + "\"\n",
                        "\nbase: &b { a: 1 }\n", "\n<<: *b\n"};
                    String tail = tails[rnd.nextInt(tails.length)];
                    t = t + tail;
                    what.add("append " + tail.strip().substring(0, Math.min(20, tail.strip().length())));
                }
                case 11 -> {
                    t = t.replaceFirst("(?m)^  - name: \"?([A-Za-z0-9-]+)\"?$", rnd.nextBoolean() ? "  - $1" : "  -");
                    what.add("bare service");
                }
                case 12 -> {
                    String[] ranges = {"seriesPerMetric: { low: 1, high: 1e308 }", "serviceCount: { low: 1, high: 10000 }", "grafana.users: { low: 1, high: 100000 }",
                        "roi.hoursSavedPerWeek: { low: 0, high: 168 }", "retention: { low: 0.1, high: 3650 }", "scrapeInterval: { low: 1, high: 3600 }",
                        "metricsPerService: { low: 1, high: 1000000 }", "seriesPerMetric: { low: 5, high: 1 }", "bogus.path: { low: 1, high: 2 }",
                        "cloudwatchOnly.alarms: { low: 0, high: 10000000 }", "histogramShare: { low: 0, high: 1, shape: weird }"};
                    String r = ranges[rnd.nextInt(ranges.length)];
                    t = t.contains("\nuncertainty:\n") ? t.replace("\nuncertainty:\n", "\nuncertainty:\n  " + r + "\n") : t + "\nuncertainty:\n  " + r + "\n";
                    what.add("range " + r);
                }
                case 13 -> {
                    int cut = rnd.nextInt(Math.max(1, t.length()));
                    t = t.substring(0, cut);
                    what.add("truncated at " + cut);
                }
                case 14 -> what.add("bytes");
                case 15 -> {
                    t = t.replace("\n", "\r\n");
                    what.add("CRLF");
                }
                default -> {
                    String[] lists = {"\nbaseline:\n  lowUsd: -5\n", "\nbaseline:\n  lowUsd: 1e308\n  highUsd: 1e308\n",
                        "\ncloudwatchExporter:\n  metrics:\n    - namespace: \"AWS/ECS\\nx\"\n      name: CPU\n      statistics: [Average]\n",
                        "\npinned:\n  prometheus: { cpu: 999999, memoryMiB: -1 }\n", "\nalertRules: 1000000\n", "\nlogs:\n  retentionDays: 0\n"};
                    t = withKeys(t, lists[rnd.nextInt(lists.length)]);
                    what.add("section");
                }
            }
        }
        return t;
    }

    /** Adds top-level keys, replacing those the text already has (the reader refuses duplicates, which a mutation tests elsewhere). */
    private static String withKeys(String text, String keys) {
        String t = text;
        for (String line : keys.strip().split("\n")) {
            if (!line.startsWith(" ") && line.contains(":")) {
                String key = line.substring(0, line.indexOf(':'));
                t = t.replaceAll("(?m)^" + Pattern.quote(key) + ":.*(\\n(  .*|\\s*#.*|\\s*))*\\n?", "");
            }
        }
        return t + "\n" + keys;
    }

    private String replaceValue(String text, String value, List<String> what) {
        List<int[]> spans = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Matcher m = KEY_VALUE.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(3), m.end(3)});
            keys.add(m.group(2));
        }
        if (spans.isEmpty()) {
            return text;
        }
        int i = rnd.nextInt(spans.size());
        what.add(keys.get(i) + "=" + (value.length() > 30 ? value.substring(0, 30) + "..." : value));
        return text.substring(0, spans.get(i)[0]) + value + text.substring(spans.get(i)[1]);
    }

    /** A number scaled by a plausible factor: mostly still valid, so the run goes past the reader into the planner and the outputs. */
    private String perturbNumber(String text, List<String> what) {
        List<int[]> spans = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^(\\s*(?:- )?)([A-Za-z][A-Za-z0-9.]*): (-?[0-9]+(?:\\.[0-9]+)?)(\\s|$)").matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(3), m.end(3)});
            keys.add(m.group(2));
        }
        if (spans.isEmpty()) {
            return text;
        }
        int i = rnd.nextInt(spans.size());
        double v = Double.parseDouble(text.substring(spans.get(i)[0], spans.get(i)[1]));
        double[] f = {0, 0.01, 0.1, 0.5, 2, 3, 10, 100, 1000};
        double x = (v == 0 ? 1 : v) * f[rnd.nextInt(f.length)];
        String nv = x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
        what.add(keys.get(i) + "~" + nv);
        return text.substring(0, spans.get(i)[0]) + nv + text.substring(spans.get(i)[1]);
    }

    private String replaceName(String text, List<String> what) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*(?:- )?name: \"([^\"\\n]*)\"").matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int i = rnd.nextInt(spans.size());
        String inj = INJECTIONS[rnd.nextInt(INJECTIONS.length)];
        what.add("name=" + (inj.length() > 30 ? inj.substring(0, 30) + "..." : inj));
        return text.substring(0, spans.get(i)[0]) + inj + text.substring(spans.get(i)[1]);
    }

    private String lineOp(String text, String op, List<String> what) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.size() < 3) {
            return text;
        }
        int i = rnd.nextInt(lines.size() - 1);
        switch (op) {
            case "delete" -> lines.remove(i);
            case "duplicate" -> lines.add(i, lines.get(i));
            case "swap" -> {
                String a = lines.get(i);
                lines.set(i, lines.get(i + 1));
                lines.set(i + 1, a);
            }
            default -> lines.set(i, (rnd.nextBoolean() ? "  " : "") + lines.get(i).replaceFirst("^  ", rnd.nextBoolean() ? "" : "   "));
        }
        what.add(op + " line " + (i + 1));
        return String.join("\n", lines);
    }

    private byte[] flipBytes(byte[] b) {
        byte[] c = b.clone();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n && c.length > 0; i++) {
            int at = rnd.nextInt(c.length);
            c[at] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : c[at] ^ (1 << rnd.nextInt(8)));
        }
        return c;
    }

    private static final String[] PRICE_EXTREMES = {"\"1e-999999999\"", "\"1e308\"", "1e308", "1e-400", "\"-1\"", "\"NaN\"", "\"Infinity\"", "\"\"", "null",
        "[]", "{}", "\"0\"", "\"99999999999999999\"", "\"0.00000000000000000000001\"", "0.04", "\"0x10\"", "\"1_000\"", "true", "\"  1 \"", "\"1e+2147483648\""};

    String mutateSnapshot(String text, List<String> what) {
        String t = text;
        int n = 1 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(11);
            switch (k) {
                case 0, 1, 2 -> {
                    List<int[]> spans = new ArrayList<>();
                    Matcher m = Pattern.compile("\"(usd|from|to)\": (\"[^\"]*\"|null)").matcher(t);
                    while (m.find()) {
                        spans.add(new int[] {m.start(2), m.end(2)});
                    }
                    int at = rnd.nextInt(spans.size());
                    String v = PRICE_EXTREMES[rnd.nextInt(PRICE_EXTREMES.length)];
                    t = t.substring(0, spans.get(at)[0]) + v + t.substring(spans.get(at)[1]);
                    what.add("tier value " + v);
                }
                case 3 -> {
                    t = t.replaceFirst("\"usd\": ", "\"usd\": \"99\", \"usd\": ");
                    what.add("duplicate key");
                }
                case 4 -> {
                    t = t + (rnd.nextBoolean() ? "{\"format\": \"promplan-prices\"}\n" : "garbage\n");
                    what.add("trailing content");
                }
                case 5 -> {
                    int cut = rnd.nextInt(t.length());
                    t = t.substring(0, cut);
                    what.add("truncated at " + cut);
                }
                case 6 -> {
                    String[] words = {"\"verified\"", "\"assumed\"", "\"missing\""};
                    String[] to = {"\"bogus\"", "\"missing\"", "1", "null", "\"VERIFIED\""};
                    t = t.replaceFirst(words[rnd.nextInt(3)], to[rnd.nextInt(to.length)]);
                    what.add("status");
                }
                case 7 -> {
                    t = t.replaceFirst("\"formatVersion\": 1", rnd.nextBoolean() ? "\"formatVersion\": 2" : "\"formatVersion\": \"1\"");
                    what.add("formatVersion");
                }
                case 8 -> {
                    t = t.replaceFirst("\"regions\" : \\{|\"regions\": \\{", "\"regions\": {\"xx-evil-1\\u0007\": {\"fargate.vcpu.x86\": {\"status\": \"verified\", \"tiers\": []}},");
                    what.add("bad region");
                }
                case 9 -> {
                    List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
                    int at = rnd.nextInt(lines.size());
                    lines.remove(at);
                    t = String.join("\n", lines);
                    what.add("delete line " + (at + 1));
                }
                default -> {
                    t = t.replaceFirst("\"description\": \"[^\"]*\"", "\"description\": " + "[".repeat(2000) + "]".repeat(2000));
                    what.add("deep nesting");
                }
            }
        }
        return t;
    }

    // ---------------------------------------------------------------- helpers

    /** Keeps the first 10 MB of a run's output; beyond, counts it as runaway (and keeps memory bounded). */
    static final class CappedWriter extends Writer {
        private final StringBuilder b = new StringBuilder();
        boolean overflow;

        @Override
        public void write(char[] cbuf, int off, int len) {
            int room = MAX_OUTPUT - b.length();
            if (len > room) {
                overflow = true;
                b.append(cbuf, off, Math.max(0, room));
            } else {
                b.append(cbuf, off, len);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        synchronized String text() {
            return b.toString();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
