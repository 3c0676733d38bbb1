package io.promplan.measure;

import io.promplan.core.sizing.Num;
import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.Measurement;
import io.promplan.core.workload.Scenario;
import io.promplan.io.AtomicFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A scenario from what runs, for the command line ({@code promplan measure}) and the app (File &gt;
 * New from measurement): scrapes metrics endpoints ({@code NAME=URL} targets, each NAME one service)
 * or reads a running Prometheus (each job one service), and builds a scenario on a base with a
 * {@code measured:} block. Blocking (network): call it off the JavaFX thread.
 */
public final class MeasureService {
    private MeasureService() {
    }

    /**
     * What to measure.
     *
     * @param targets    {@code NAME=URL} lines (empty when {@code prometheus} is given)
     * @param prometheus a Prometheus base URL, or null
     * @param base       the scenario the measured one takes everything else from
     * @param baseGiven  whether the user gave the base (else a Prometheus's retention is taken)
     * @param name       the scenario's name, or null for "Measured: the services"
     * @param interval   scrape interval to plan with, or null for the base's (with a Prometheus: the jobs' own)
     * @param window     rate window for a Prometheus's per-second figures, e.g. "5m"
     * @param at         when (ISO instant), {@code by}: which build
     */
    public record Request(List<String> targets, String prometheus, Scenario base, boolean baseGiven, String name, int scrapes,
                          Duration pause, TimeSpan interval, String window, String at, String by) {
        public Request {
            targets = List.copyOf(targets);
        }
    }

    /** A source that could not be measured: the target's NAME (or job, or "prometheus") and the message naming it. */
    public record Failure(String source, String message) {
    }

    /**
     * The outcome. {@code scenario} is null when nothing could be measured (then nothing may be written).
     * {@code messages} are the notes and failures in the order they happened.
     */
    public record Result(Scenario scenario, Measurement measurement, List<String> summary, List<Failure> failures, List<String> messages) {
        public Result {
            summary = List.copyOf(summary);
            failures = List.copyOf(failures);
            messages = List.copyOf(messages);
        }

        public boolean measured() {
            return scenario != null;
        }

        /** The scenario file's text (validated schema, every key commented, the measured: block). */
        public String yaml(Path out) throws io.promplan.io.InputFileException {
            return ScenarioBuilder.yaml(scenario, measurement, out.toString());
        }

        /** Writes the scenario atomically (a temporary file renamed over {@code out}). */
        public void write(Path out) throws IOException, io.promplan.io.InputFileException {
            if (!measured()) {
                throw new IllegalStateException("nothing was measured");
            }
            AtomicFiles.writeString(out, yaml(out));
        }
    }

    /**
     * Checks the request's targets and URL (IllegalArgumentException with a message naming the bad one)
     * and measures.
     */
    public static Result measure(Http http, Request r) throws InterruptedException {
        if (r.targets().isEmpty() == (r.prometheus() == null || r.prometheus().isBlank())) {
            throw new IllegalArgumentException(r.targets().isEmpty() ? "give --target NAME=URL (one or more) or --prometheus URL"
                    : "give either --target or --prometheus, not both");
        }
        Messages m = new Messages();
        if (r.prometheus() == null || r.prometheus().isBlank()) {
            List<TargetScraper.Target> ts = new ArrayList<>();
            for (String t : r.targets()) {
                ts.add(TargetScraper.target(t));
            }
            return fromTargets(http, r, ts, m);
        }
        return fromPrometheus(http, r, TargetScraper.uri(r.prometheus(), "--prometheus"), m);
    }

    /** Collects messages and failures in order. */
    private static final class Messages {
        final List<String> messages = new ArrayList<>();
        final List<Failure> failures = new ArrayList<>();

        void note(String s) {
            messages.add(s);
        }

        void failure(String source, String s) {
            messages.add(s);
            failures.add(new Failure(source, s));
        }

        Result nothing() {
            return new Result(null, null, List.of(), failures, messages);
        }

        Result result(Scenario s, Measurement m, List<String> summary) {
            return new Result(s, m, summary, failures, messages);
        }
    }


    private static Result fromTargets(Http http, Request q, List<TargetScraper.Target> ts, Messages e) throws InterruptedException {
        Duration pauseD = q.pause();
        Scenario baseScenario = q.base();
        TimeSpan interval = q.interval();
        String at = q.at();
        int scrapes = q.scrapes();
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
                    e.note("note: target " + t.name() + " (" + t.display() + "): " + n);
                }
            } catch (ExecutionException x) {
                Throwable c = x.getCause();
                String msg = c instanceof MeasureException ? c.getMessage() : c.getClass().getSimpleName() + ": " + c.getMessage();
                String line = "target " + t.name() + " (" + t.display() + "): " + msg;
                failed.add(line);
                e.failure(t.name(), line);
            }
        }
        pool.shutdownNow();
        if (ok.isEmpty()) {
            return e.nothing();
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
        Scenario s = ScenarioBuilder.build(baseScenario, scenarioName(q.name(), names), "Measured by scraping " + ok.size() + " endpoint"
                + (ok.size() == 1 ? "" : "s") + " on " + at.substring(0, 10) + " (see measured: at the end)", services, interval, null);
        return e.result(s, new Measurement(Measurement.TARGETS, at, q.by(), null, sources, failed), summary);
    }

    private static Result fromPrometheus(Http http, Request q, URI uri, Messages e) {
        Scenario baseScenario = q.base();
        TimeSpan interval = q.interval();
        String at = q.at();
        String window = q.window();
        PrometheusReader reader = new PrometheusReader(http, uri, window);
        PrometheusMeasurement pm;
        try {
            pm = reader.read();
        } catch (MeasureException x) {
            e.failure("prometheus", "prometheus " + reader.display() + ": " + x.getMessage());
            return e.nothing();
        }
        for (String n : pm.notes()) {
            e.note("note: prometheus " + pm.url() + ": " + n);
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
                e.failure(j.job(), "prometheus " + pm.url() + ": " + line);
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
            e.failure("prometheus", "prometheus " + pm.url() + ": scrapes no job with samples besides itself; nothing to plan");
            return e.nothing();
        }
        TimeSpan planInterval = interval;
        if (planInterval == null) {
            // one interval for the scenario that gives the same samples/s as the jobs' own intervals (the server's own job included)
            planInterval = TimeSpan.ofSeconds(Math.max(1, Math.min(3600, Math.round(seriesAll / perSecond))));
        }
        TimeSpan retention = null;
        if (!q.baseGiven() && !pm.retentionTime().isEmpty()) {
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
        Scenario s = ScenarioBuilder.build(baseScenario, scenarioName(q.name(), names), "Measured from the Prometheus at " + pm.url()
                + (pm.version().isEmpty() ? "" : " (" + pm.version() + ")") + " on " + at.substring(0, 10) + " (see measured: at the end)",
                services, planInterval, retention);
        // plan for the version that was measured (its calibration: 2.x -> 2.42, 3.x -> 3.5) when the server says it
        String planned = plannedVersion(pm.version());
        if (planned != null) {
            s = s.withWorkload(s.workload().toBuilder().prometheusVersion(planned).build());
        }
        return e.result(s, new Measurement(Measurement.PROMETHEUS, at, q.by(), server, sources, failed), summary);
    }

    /** "3.5.3+ds1" or "v2.53.4" -> "3.5.3" / "2.53.4": the version a scenario accepts; null when the server named none that fits. */
    static String plannedVersion(String reported) {
        if (reported == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^v?(\\d+\\.\\d+(?:\\.\\d+)?)").matcher(reported.trim());
        if (!m.find()) {
            return null;
        }
        String v = m.group(1);
        return io.promplan.core.workload.ScenarioValidator.PROMETHEUS_VERSION.matcher(v).matches() ? v : null;
    }

    private static void put(Map<String, String> f, String k, double v, int decimals) {
        if (!Double.isNaN(v) && !Double.isInfinite(v)) {
            f.put(k, decimals == 0 ? String.valueOf(Math.round(v)) : Num.fmt(Num.round(v, decimals)));
        }
    }

    static String scenarioName(String name, List<String> names) {
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

}
