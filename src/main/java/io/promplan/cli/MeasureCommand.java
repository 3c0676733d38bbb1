package io.promplan.cli;

import io.promplan.core.plan.Plan;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.sizing.Num;
import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.Measurement;
import io.promplan.core.workload.Scenario;
import io.promplan.io.AtomicFiles;
import io.promplan.io.InputFileException;
import io.promplan.measure.Http;
import io.promplan.measure.MeasureException;
import io.promplan.measure.PrometheusMeasurement;
import io.promplan.measure.PrometheusReader;
import io.promplan.measure.ScenarioBuilder;
import io.promplan.measure.TargetMeasurement;
import io.promplan.measure.TargetScraper;
import io.promplan.scenario.ScenarioReader;
import io.promplan.service.PlanningService;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * promplan measure: a scenario from what runs. {@code --target NAME=URL} scrapes metrics endpoints
 * (each NAME one service); {@code --prometheus URL} reads a running Prometheus (each job one
 * service). The scenario takes everything else from {@code --base} and carries a {@code measured:}
 * block saying what was measured, where, when and with which version.
 */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = {"Write a scenario from measured metrics endpoints (--target) or a running Prometheus (--prometheus).",
                "Credentials are read from files or environment variables and never written to the scenario."},
        footer = {"", "Exit codes: 0 written (sources that failed are reported and left out), 1 nothing could be measured (nothing written),",
                "2 input not usable (option, --base file, credentials file)."})
public final class MeasureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "NAME=URL", description = "a metrics endpoint to scrape; NAME becomes a service (repeat a NAME for several tasks of one service)")
    List<String> targets = new ArrayList<>();

    @Option(names = "--prometheus", paramLabel = "URL", description = "a running Prometheus to read (its jobs become services)")
    String prometheus;

    @Option(names = "--base", paramLabel = "FILE", description = "scenario to take region, storage, Grafana, ROI and baseline from (default: a small estate in ap-northeast-2 on EBS)")
    Path base;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "scenario file to write (YAML)")
    Path out;

    @Option(names = "--name", paramLabel = "TEXT", description = "the scenario's name (default: Measured: the services)")
    String name;

    @Option(names = "--scrapes", paramLabel = "N", defaultValue = "3", description = "scrapes of each target (default: ${DEFAULT-VALUE})")
    int scrapes;

    @Option(names = "--pause", paramLabel = "DURATION", defaultValue = "5s", description = "time between scrapes (default: ${DEFAULT-VALUE})")
    String pause;

    @Option(names = "--scrape-interval", paramLabel = "DURATION", description = "scrape interval to plan with (default: --base's; with --prometheus, the jobs' own)")
    String scrapeInterval;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "5m", description = "with --prometheus: rate window of per-second figures (default: ${DEFAULT-VALUE})")
    String window;

    @Mixin
    Access access;

    @Mixin
    PricesOption prices;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        if (targets.isEmpty() == (prometheus == null)) {
            throw new IllegalArgumentException(targets.isEmpty() ? "give --target NAME=URL (one or more) or --prometheus URL"
                    : "give either --target or --prometheus, not both");
        }
        List<TargetScraper.Target> ts = new ArrayList<>();
        for (String t : targets) {
            ts.add(TargetScraper.target(t));
        }
        URI promUri = prometheus == null ? null : TargetScraper.uri(prometheus, "--prometheus");
        Duration pauseD = duration(pause, "--pause");
        TimeSpan interval = scrapeInterval == null ? null : TimeSpan.parse(scrapeInterval);
        if (interval != null && (interval.seconds() < 1 || interval.seconds() > 3600)) {
            throw new IllegalArgumentException("--scrape-interval: is " + scrapeInterval + "; allowed: 1s to 1h");
        }
        if (scrapes < 1 || scrapes > 100) {
            throw new IllegalArgumentException("--scrapes: is " + scrapes + "; allowed: 1 to 100");
        }
        duration(window, "--window");
        Scenario baseScenario = base == null ? ScenarioBuilder.defaultBase() : ScenarioReader.read(base);
        String by = "promplan " + version() + " measure";
        String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try (Http http = access.http()) {
            Built b = prometheus == null ? fromTargets(http, ts, pauseD, baseScenario, interval, at, by, e)
                    : fromPrometheus(http, promUri, baseScenario, interval, at, by, e);
            if (b == null) {
                e.println("promplan: nothing was measured; " + out + " not written");
                e.flush();
                return ExitCodes.FAILURE;
            }
            String yaml = ScenarioBuilder.yaml(b.scenario, b.measurement, out.toString());
            AtomicFiles.writeString(out, yaml);
            for (String line : b.summary) {
                o.println(line);
            }
            o.println("wrote " + out + ": " + b.scenario.workload().serviceCount() + " service" + (b.scenario.workload().serviceCount() == 1 ? "" : "s")
                    + ", scrape interval " + b.scenario.workload().scrapeInterval().text() + (base == null ? " (base: the built-in small estate; pass --base to use yours)" : " (base: " + base + ")"));
            planSummary(o, b.scenario);
            o.flush();
            e.flush();
            return ExitCodes.OK;
        }
    }

    private record Built(Scenario scenario, Measurement measurement, List<String> summary) {
    }

    private Built fromTargets(Http http, List<TargetScraper.Target> ts, Duration pauseD, Scenario baseScenario, TimeSpan interval,
                              String at, String by, PrintWriter e) throws InterruptedException {
        TargetScraper scraper = new TargetScraper(http, scrapes, pauseD);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, ts.size()), r -> {
            Thread t = new Thread(r, "promplan-measure");
            t.setDaemon(true);
            return t;
        });
        List<Future<TargetMeasurement>> fs = new ArrayList<>();
        for (TargetScraper.Target t : ts) {
            fs.add(pool.submit(() -> scraper.measure(t)));
        }
        List<TargetMeasurement> ok = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            TargetScraper.Target t = ts.get(i);
            try {
                TargetMeasurement m = fs.get(i).get();
                ok.add(m);
                summary.add(describe(m));
                for (String n : m.notes()) {
                    e.println("promplan: note: target " + t.name() + " (" + t.display() + "): " + n);
                }
            } catch (ExecutionException x) {
                Throwable c = x.getCause();
                String msg = c instanceof MeasureException ? c.getMessage() : c.getClass().getSimpleName() + ": " + c.getMessage();
                String line = "target " + t.name() + " (" + t.display() + "): " + msg;
                failed.add(line);
                e.println("promplan: " + line);
            }
        }
        pool.shutdownNow();
        if (ok.isEmpty()) {
            return null;
        }
        Map<String, List<TargetMeasurement>> byName = new LinkedHashMap<>();
        for (TargetMeasurement m : ok) {
            byName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
        }
        List<ScenarioBuilder.Service> services = new ArrayList<>();
        for (Map.Entry<String, List<TargetMeasurement>> g : byName.entrySet()) {
            List<TargetMeasurement> l = g.getValue();
            services.add(new ScenarioBuilder.Service(g.getKey(), l.size(),
                    l.stream().mapToDouble(TargetMeasurement::series).average().orElse(0),
                    Math.round(l.stream().mapToDouble(x -> x.counts().families()).average().orElse(1)),
                    Math.round(l.stream().mapToDouble(x -> x.counts().histograms()).average().orElse(0)),
                    l.stream().mapToDouble(x -> x.counts().bucketsPerHistogram()).average().orElse(0)));
        }
        List<Measurement.Source> sources = new ArrayList<>();
        for (TargetMeasurement m : ok) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("format", m.format());
            f.put("scrapes", String.valueOf(m.scrapes()));
            f.put("series", String.valueOf(m.series()));
            if (m.seriesMin() != m.series()) {
                f.put("seriesMin", String.valueOf(m.seriesMin()));
            }
            f.put("families", String.valueOf(m.counts().families()));
            f.put("histograms", String.valueOf(m.counts().histograms()));
            if (m.counts().histograms() > 0) {
                f.put("histogramSeries", String.valueOf(m.counts().histogramSeries()));
                f.put("bucketsPerHistogram", Num.fmt(m.counts().bucketsPerHistogram()));
            }
            if (m.scrapes() > 1) {
                f.put("changedShare", Num.fmt(m.changedShare()));
                f.put("seriesAdded", String.valueOf(m.seriesAdded()));
                f.put("seriesRemoved", String.valueOf(m.seriesRemoved()));
            }
            if (m.createdSeries() > 0) {
                f.put("createdSeries", String.valueOf(m.createdSeries()));
            }
            f.put("largestFamilies", String.join(", ", m.largestFamilies()));
            f.put("labelValues", String.join(", ", m.labelValues()));
            f.put("bytes", String.valueOf(m.bytes()));
            f.put("scrapeSeconds", Num.fmt(m.slowestSeconds()));
            if (!m.notes().isEmpty()) {
                f.put("note", String.join("; ", m.notes()));
            }
            sources.add(new Measurement.Source(m.name(), m.url(), f));
        }
        List<String> names = new ArrayList<>(byName.keySet());
        Scenario s = ScenarioBuilder.build(baseScenario, scenarioName(names), "Measured by scraping " + ok.size() + " endpoint"
                + (ok.size() == 1 ? "" : "s") + " on " + at.substring(0, 10) + " (see measured: at the end)", services, interval, null);
        return new Built(s, new Measurement(Measurement.TARGETS, at, by, null, sources, failed), summary);
    }

    private Built fromPrometheus(Http http, URI uri, Scenario baseScenario, TimeSpan interval, String at, String by, PrintWriter e) {
        PrometheusReader reader = new PrometheusReader(http, uri, window);
        PrometheusMeasurement pm;
        try {
            pm = reader.read();
        } catch (MeasureException x) {
            e.println("promplan: prometheus " + reader.display() + ": " + x.getMessage());
            return null;
        }
        for (String n : pm.notes()) {
            e.println("promplan: note: prometheus " + pm.url() + ": " + n);
        }
        List<ScenarioBuilder.Service> services = new ArrayList<>();
        List<Measurement.Source> sources = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        double seriesAll = 0;
        double perSecond = 0;
        for (PrometheusMeasurement.Job j : pm.jobs()) {
            if (j.job().equals(pm.selfJob())) {
                // not a service (the model adds the server's own series), but its interval counts in the samples/s
                double iv = Double.isNaN(j.scrapeIntervalSeconds()) ? 60 : j.scrapeIntervalSeconds();
                seriesAll += j.series() + 5.0 * j.targets();
                perSecond += (j.series() + 5.0 * j.targets()) / iv;
                continue;
            }
            if (j.series() <= 0) {
                String line = "job " + j.job() + ": no samples scraped (targets down?)";
                failed.add(line);
                e.println("promplan: prometheus " + pm.url() + ": " + line);
                continue;
            }
            double perTarget = j.series() / (double) j.targets();
            long fam = j.families() > 0 ? j.families() : Math.max(1, Math.round(perTarget));
            services.add(new ScenarioBuilder.Service(j.job(), j.targets(), perTarget, fam, j.families() > 0 ? j.histograms() : 0, j.bucketsPerHistogram()));
            double iv = Double.isNaN(j.scrapeIntervalSeconds()) ? 60 : j.scrapeIntervalSeconds();
            seriesAll += j.series() + 5.0 * j.targets();
            perSecond += (j.series() + 5.0 * j.targets()) / iv;
            Map<String, String> f = new LinkedHashMap<>();
            f.put("job", j.job());
            f.put("targets", String.valueOf(j.targets()));
            f.put("scrapeInterval", TimeSpan.ofSeconds(Math.max(1, Math.round(iv))).text());
            f.put("series", String.valueOf(Math.round(perTarget)));
            if (j.families() > 0) {
                f.put("families", String.valueOf(j.families()));
                f.put("histograms", String.valueOf(j.histograms()));
                if (j.histograms() > 0) {
                    f.put("bucketsPerHistogram", Num.fmt(j.bucketsPerHistogram()));
                }
            }
            sources.add(new Measurement.Source(j.job(), j.scrapeUrl(), f));
            summary.add(String.format(Locale.ROOT, "measured job %s: %,d series on %d target%s every %s", j.job(), j.series(), j.targets(),
                    j.targets() == 1 ? "" : "s", TimeSpan.ofSeconds(Math.max(1, Math.round(iv))).text()));
        }
        if (services.isEmpty()) {
            e.println("promplan: prometheus " + pm.url() + ": scrapes no job with samples besides itself; nothing to plan");
            return null;
        }
        TimeSpan planInterval = interval;
        if (planInterval == null) {
            // one interval for the scenario that gives the same samples/s as the jobs' own intervals (the server's own job included)
            planInterval = TimeSpan.ofSeconds(Math.max(1, Math.min(3600, Math.round(seriesAll / perSecond))));
        }
        TimeSpan retention = null;
        if (base == null && !pm.retentionTime().isEmpty()) {
            try {
                TimeSpan r = TimeSpan.parse(pm.retentionTime());
                retention = r.seconds() >= 3600 ? r : null;
            } catch (IllegalArgumentException x) {
                retention = null;
            }
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", pm.version().isEmpty() ? "unknown" : pm.version());
        f.put("headSeries", String.valueOf(pm.headSeries()));
        f.put("window", pm.window());
        put(f, "samplesPerSecond", pm.samplesPerSecond(), 1);
        put(f, "rssMiB", pm.rssBytes() / 1048576.0, 1);
        put(f, "cpuCores", pm.cpuCores(), 5);
        if (!Double.isNaN(pm.rssBytes()) && pm.headSeries() > 0) {
            put(f, "rssBytesPerSeries", pm.rssBytes() / pm.headSeries(), 0);
        }
        if (!Double.isNaN(pm.cpuCores()) && pm.samplesPerSecond() > 0) {
            put(f, "cpuCoresPerKSamples", pm.cpuCores() / (pm.samplesPerSecond() / 1000), 6);
        }
        put(f, "blockBytesPerSample", pm.blockBytesPerSample(), 3);
        put(f, "blocksGiB", pm.blocksBytes() / 1073741824.0, 4);
        put(f, "walGiB", pm.walBytes() / 1073741824.0, 4);
        if (!pm.retentionTime().isEmpty()) {
            f.put("retentionTime", pm.retentionTime());
            f.put("retentionSize", pm.retentionSize());
        }
        if (!pm.selfJob().isEmpty()) {
            f.put("selfJob", pm.selfJob());
        }
        if (!pm.notes().isEmpty()) {
            f.put("note", String.join("; ", pm.notes()));
        }
        Measurement.Source server = new Measurement.Source("prometheus", pm.url(), f);
        summary.add(0, String.format(Locale.ROOT, "measured prometheus %s (%s): %,d head series, %s samples/s, RSS %s MiB", pm.url(),
                pm.version().isEmpty() ? "version unknown" : pm.version(), pm.headSeries(),
                Double.isNaN(pm.samplesPerSecond()) ? "?" : String.format(Locale.ROOT, "%,.1f", pm.samplesPerSecond()),
                Double.isNaN(pm.rssBytes()) ? "?" : String.format(Locale.ROOT, "%,.1f", pm.rssBytes() / 1048576.0)));
        List<String> names = services.stream().map(ScenarioBuilder.Service::name).toList();
        Scenario s = ScenarioBuilder.build(baseScenario, scenarioName(names), "Measured from the Prometheus at " + pm.url()
                + (pm.version().isEmpty() ? "" : " (" + pm.version() + ")") + " on " + at.substring(0, 10) + " (see measured: at the end)",
                services, planInterval, retention);
        return new Built(s, new Measurement(Measurement.PROMETHEUS, at, by, server, sources, failed), summary);
    }

    private static void put(Map<String, String> f, String k, double v, int decimals) {
        if (!Double.isNaN(v) && !Double.isInfinite(v)) {
            f.put(k, decimals == 0 ? String.valueOf(Math.round(v)) : Num.fmt(Num.round(v, decimals)));
        }
    }

    private String scenarioName(List<String> names) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        String joined = String.join(", ", names);
        return "Measured: " + (joined.length() > 60 ? joined.substring(0, 57) + "..." : joined);
    }

    private static String describe(TargetMeasurement m) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "measured %s (%s): %,d series in %,d families", m.name(), m.url(),
                m.series(), m.counts().families()));
        if (m.counts().histograms() > 0) {
            b.append(String.format(Locale.ROOT, " (%,d histograms/summaries, %s buckets each)", m.counts().histograms(),
                    Num.fmt(Num.round(m.counts().bucketsPerHistogram(), 1))));
        }
        b.append(", ").append(m.format()).append(", ").append(m.scrapes()).append(" scrape").append(m.scrapes() == 1 ? "" : "s");
        if (m.scrapes() > 1) {
            b.append(String.format(Locale.ROOT, "; %.0f %% of series changed, %d added, %d removed", m.changedShare() * 100, m.seriesAdded(),
                    m.seriesRemoved()));
        }
        return b.toString();
    }

    private void planSummary(PrintWriter o, Scenario s) {
        try {
            PlanningService service = prices.service();
            Plan p = service.plan(s);
            ComponentSizing prom = p.sizing().component(Component.PROMETHEUS).orElseThrow();
            o.println(String.format(Locale.ROOT, "planned: %,d active series, %,.1f samples/s; Prometheus needs %,.0f MiB and %.2f vCPU before headroom -> task %s",
                    p.sizing().activeSeries(), p.sizing().samplesPerSecond(), prom.requiredMemoryMiB(), prom.requiredVcpu(), prom.size().text()));
        } catch (InputFileException | RuntimeException x) {
            o.println("(not planned here: " + x.getMessage() + "; run promplan plan " + out + ")");
        }
    }

    static String version() {
        String v = MeasureCommand.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    /** "500ms", "5s", "2m", "1h". */
    static Duration duration(String text, String option) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)(ms|s|m|h)$").matcher(text.trim());
        if (!m.find()) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a duration; write e.g. 500ms, 10s, 5m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /**
     * How to reach the endpoints: credentials from files or environment variables (never from the
     * command line, never written anywhere), a private CA, and a timeout.
     */
    public static final class Access {
        @Option(names = "--bearer-token-file", paramLabel = "FILE", description = "file holding a bearer token")
        Path bearerFile;

        @Option(names = "--bearer-token-env", paramLabel = "VAR", description = "environment variable holding a bearer token")
        String bearerEnv;

        @Option(names = "--basic-auth-user", paramLabel = "USER", description = "basic auth user (password from --basic-auth-password-file or -env)")
        String basicUser;

        @Option(names = "--basic-auth-password-file", paramLabel = "FILE", description = "file holding the basic auth password")
        Path basicPasswordFile;

        @Option(names = "--basic-auth-password-env", paramLabel = "VAR", description = "environment variable holding the basic auth password")
        String basicPasswordEnv;

        @Option(names = "--ca", paramLabel = "FILE", description = "PEM file of the CA(s) that signed the endpoints' TLS certificates")
        Path ca;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", description = "deadline of one request, body included (default: ${DEFAULT-VALUE})")
        String timeout;

        /** Environment lookup, replaceable in tests. */
        static java.util.function.Function<String, String> env = System::getenv;

        Http http() {
            Duration t = duration(timeout, "--timeout");
            if (t.isZero()) {
                throw new IllegalArgumentException("--timeout: must be above 0");
            }
            SSLContext ssl = null;
            if (ca != null) {
                try {
                    ssl = Http.trusting(ca);
                } catch (MeasureException e) {
                    throw new IllegalArgumentException("--ca " + e.getMessage());
                }
            }
            return new Http(t, authorization(), ssl);
        }

        String authorization() {
            int ways = (bearerFile != null ? 1 : 0) + (bearerEnv != null ? 1 : 0) + (basicUser != null ? 1 : 0);
            if (ways > 1) {
                throw new IllegalArgumentException("give one way to authenticate: --bearer-token-file, --bearer-token-env or --basic-auth-user");
            }
            if (basicUser == null && (basicPasswordFile != null || basicPasswordEnv != null)) {
                throw new IllegalArgumentException("--basic-auth-password-file/-env need --basic-auth-user");
            }
            if (bearerFile != null) {
                return Http.bearer(secretFile(bearerFile, "--bearer-token-file"));
            }
            if (bearerEnv != null) {
                return Http.bearer(secretEnv(bearerEnv, "--bearer-token-env"));
            }
            if (basicUser != null) {
                if (basicPasswordFile != null && basicPasswordEnv != null) {
                    throw new IllegalArgumentException("give --basic-auth-password-file or --basic-auth-password-env, not both");
                }
                String pw = basicPasswordFile != null ? secretFile(basicPasswordFile, "--basic-auth-password-file")
                        : basicPasswordEnv != null ? secretEnv(basicPasswordEnv, "--basic-auth-password-env") : "";
                return Http.basic(basicUser, pw);
            }
            return null;
        }

        private static String secretFile(Path f, String option) {
            try {
                String s = Files.readString(f, StandardCharsets.UTF_8).strip();
                if (s.isEmpty()) {
                    throw new IllegalArgumentException(option + " " + f + ": the file is empty");
                }
                return s;
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException(option + " " + f + ": no such file");
            } catch (IOException e) {
                throw new IllegalArgumentException(option + " " + f + ": cannot be read: " + e.getMessage());
            }
        }

        private static String secretEnv(String var, String option) {
            String v = env.apply(var);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(option + " " + var + ": the environment variable is not set or empty");
            }
            return v.strip();
        }
    }
}
