package io.promplan.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a running Prometheus through its HTTP API: build info, TSDB status, flags, targets, and
 * instant queries for what the API does not give (series per job, samples appended per second, the
 * process's memory and CPU, disk). An API the server lacks (older 2.x) is named in a note and a
 * query stands in where one can.
 */
public final class PrometheusReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Http http;
    private final URI base;
    private final String window;
    private final List<String> notes = new ArrayList<>();

    /**
     * @param base   the server's address (a path prefix such as /prometheus is kept)
     * @param window rate window for the per-second figures, e.g. "5m"
     */
    public PrometheusReader(Http http, URI base, String window) {
        this.http = http;
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.window = window;
    }

    public String display() {
        return Http.display(base);
    }

    /** Reads the server; MeasureException (without the server's address) when it is not a readable Prometheus. */
    public PrometheusMeasurement read() throws MeasureException {
        notes.clear();
        probe();
        String version = version();
        Map<String, JobTargets> targets = targets();
        String selfJob = "";
        String selfInstance = "";
        for (JobTargets jt : targets.values()) {
            if (jt.selfInstance != null) {
                selfJob = jt.job;
                selfInstance = jt.selfInstance;
                break;
            }
        }
        String self = selfJob.isEmpty() ? "" : "{job=\"" + esc(selfJob) + "\",instance=\"" + esc(selfInstance) + "\"}";
        if (selfJob.isEmpty()) {
            notes.add("the server does not scrape itself (no target at " + base.getHost() + ":" + port(base)
                    + "): its memory and CPU cannot be read; add a scrape job for it");
        }
        if (version.isEmpty() && !self.isEmpty()) {
            Map<String, String> v = labelsOf("prometheus_build_info" + self, "version");
            version = v.getOrDefault("", "");
        }
        long head = headSeries(self);
        // series per job: what each scrape returns after relabelling, summed over the job's targets
        Map<String, Double> seriesByJob = byJob("sum by (job) (scrape_samples_post_metric_relabeling)");
        Map<String, Double> upByJob = byJob("count by (job) (up)");
        Map<String, Double> names = optionalByJob("count by (job) (group by (job, __name__) ({job!=\"\", __name__!~\"up|scrape_.+\"}))");
        Map<String, Double> histNames = optionalByJob("count by (job) (group by (job, __name__) ({__name__=~\".+_bucket\", le!=\"\"}))");
        Map<String, Double> histChildren = optionalByJob("count by (job) ({__name__=~\".+_bucket\", le=\"+Inf\"})");
        Map<String, Double> bucketSeries = optionalByJob("count by (job) ({__name__=~\".+_bucket\", le!=\"\"})");
        List<PrometheusMeasurement.Job> jobs = new ArrayList<>();
        for (Map.Entry<String, Double> e : new TreeMap<>(seriesByJob).entrySet()) {
            String job = e.getKey();
            JobTargets jt = targets.get(job);
            int n = (int) Math.round(upByJob.getOrDefault(job, jt == null ? 1.0 : jt.count));
            double interval = jt == null || Double.isNaN(jt.interval) ? Double.NaN : jt.interval;
            long fam = -1;
            long hist = 0;
            double bph = 0;
            if (names.containsKey(job)) {
                long hn = Math.round(histNames.getOrDefault(job, 0.0));
                fam = Math.max(1, Math.round(names.get(job)) - 2 * hn);
                hist = hn;
                double ch = histChildren.getOrDefault(job, 0.0);
                bph = ch > 0 ? bucketSeries.getOrDefault(job, 0.0) / ch : 0;
            }
            jobs.add(new PrometheusMeasurement.Job(job, Math.max(1, n), Math.round(e.getValue()), interval, fam, hist, bph,
                    jt == null ? "" : jt.url));
        }
        if (names.isEmpty() && !seriesByJob.isEmpty()) {
            notes.add("metric families per job could not be counted; each job's series are planned as metrics of one series each");
        }
        String w = window;
        if (!self.isEmpty()) {
            // rate() divides by the whole window: on a server younger than the window it would understate
            double uptime = scalar("time() - process_start_time_seconds" + self);
            double ws = seconds(window);
            if (uptime > 0 && uptime < ws) {
                w = Math.max(1, (long) Math.floor(uptime * 0.8)) + "s";
                notes.add("the server started " + Math.round(uptime) + " s ago: rates over " + w + " instead of " + window);
            }
        }
        double samples = scalar("sum(rate(prometheus_tsdb_head_samples_appended_total" + self + "[" + w + "]))");
        if (Double.isNaN(samples)) {
            double s = 0;
            boolean all = true;
            for (PrometheusMeasurement.Job j : jobs) {
                if (Double.isNaN(j.scrapeIntervalSeconds())) {
                    all = false;
                } else {
                    s += (j.series() + 5.0 * j.targets()) / j.scrapeIntervalSeconds();
                }
            }
            if (all && !jobs.isEmpty()) {
                samples = s;
                notes.add("samples appended per second: no rate over " + w + " yet; computed as series / scrape interval per job");
            } else {
                notes.add("samples appended per second could not be read");
            }
        }
        double rss = self.isEmpty() ? Double.NaN : scalar("process_resident_memory_bytes" + self);
        double cpu = self.isEmpty() ? Double.NaN : scalar("rate(process_cpu_seconds_total" + self + "[" + w + "])");
        if (!self.isEmpty() && Double.isNaN(cpu)) {
            notes.add("CPU: no rate of process_cpu_seconds_total over " + w + " yet");
        }
        double blocks = scalar("prometheus_tsdb_storage_blocks_bytes" + self);
        double wal = scalar("prometheus_tsdb_wal_storage_size_bytes" + self);
        double chunks = scalar("prometheus_tsdb_head_chunks_storage_size_bytes" + self);
        double lowest = scalar("prometheus_tsdb_lowest_timestamp_seconds" + self);
        double headMin = scalar("prometheus_tsdb_head_min_time_seconds" + self);
        double loaded = scalar("prometheus_tsdb_blocks_loaded" + self);
        double span = loaded > 0 && lowest > 0 && headMin > lowest ? headMin - lowest : Double.NaN;
        if (!(loaded > 0)) {
            notes.add("no persisted block yet (the first is cut after 2-3 hours): bytes per sample not measured");
        }
        String[] retention = retention();
        return new PrometheusMeasurement(display(), version, head, samples, rss, cpu, blocks, wal, chunks, span, retention[0], retention[1],
                selfJob, w, jobs, notes);
    }

    /** The query API must answer: else this is not a Prometheus (or not its address). */
    private void probe() throws MeasureException {
        try {
            JsonNode r = api("/api/v1/query?query=" + enc("vector(1)"));
            if (!"success".equals(r.path("status").asText())) {
                throw new MeasureException("the query API answered '" + r.path("error").asText(r.toString()) + "'");
            }
        } catch (MeasureException e) {
            String m = e.getMessage();
            if (m.startsWith("HTTP 404") || m.contains("not JSON")) {
                throw new MeasureException("does not answer the Prometheus HTTP API (/api/v1/query: " + m
                        + "); give the address of a Prometheus server (e.g. http://host:9090), not an exporter's or Grafana's");
            }
            throw e;
        }
    }

    private String version() throws MeasureException {
        try {
            return api("/api/v1/status/buildinfo").path("data").path("version").asText("");
        } catch (MeasureException e) {
            if (e.getMessage().startsWith("HTTP 404")) {
                notes.add("/api/v1/status/buildinfo answered HTTP 404: this Prometheus predates it (added in 2.14); version read from prometheus_build_info");
                return "";
            }
            throw e;
        }
    }

    private long headSeries(String self) throws MeasureException {
        try {
            JsonNode d = api("/api/v1/status/tsdb").path("data").path("headStats");
            if (d.has("numSeries")) {
                return d.path("numSeries").asLong();
            }
            notes.add("/api/v1/status/tsdb has no headStats (Prometheus before 2.24); head series read from prometheus_tsdb_head_series");
        } catch (MeasureException e) {
            if (!e.getMessage().startsWith("HTTP 404")) {
                throw e;
            }
            notes.add("/api/v1/status/tsdb answered HTTP 404: this Prometheus predates it (added in 2.14); head series read from prometheus_tsdb_head_series");
        }
        double v = scalar("prometheus_tsdb_head_series" + self);
        if (Double.isNaN(v)) {
            throw new MeasureException("neither /api/v1/status/tsdb nor the metric prometheus_tsdb_head_series tells the head series"
                    + (self.isEmpty() ? " (the server does not scrape itself)" : ""));
        }
        return Math.round(v);
    }

    private static final class JobTargets {
        String job;
        int count;
        double interval = Double.NaN;
        String url = "";
        String selfInstance;
    }

    private Map<String, JobTargets> targets() throws MeasureException {
        JsonNode r;
        try {
            r = api("/api/v1/targets?state=active");
        } catch (MeasureException e) {
            if (!e.getMessage().startsWith("HTTP 404")) {
                throw e;
            }
            notes.add("/api/v1/targets answered HTTP 404: scrape intervals taken from the configuration");
            r = JSON.createObjectNode();
        }
        Map<String, JobTargets> out = new LinkedHashMap<>();
        boolean missingInterval = false;
        for (JsonNode t : r.path("data").path("activeTargets")) {
            String job = t.path("labels").path("job").asText(t.path("scrapePool").asText(""));
            JobTargets jt = out.computeIfAbsent(job, k -> {
                JobTargets x = new JobTargets();
                x.job = k;
                return x;
            });
            jt.count++;
            String url = t.path("scrapeUrl").asText("");
            if (jt.url.isEmpty()) {
                jt.url = Http.display(URI.create(url.isEmpty() ? "http://unknown" : url));
            }
            if (t.has("scrapeInterval")) {
                jt.interval = seconds(t.path("scrapeInterval").asText());
            } else {
                missingInterval = true;
            }
            if (jt.selfInstance == null && isSelf(url)) {
                jt.selfInstance = t.path("labels").path("instance").asText("");
            }
        }
        if (missingInterval || out.isEmpty()) {
            intervalsFromConfig(out);
        }
        return out;
    }

    /** Prometheus before 2.30 lists no scrape interval per target: read it from the configuration. */
    private void intervalsFromConfig(Map<String, JobTargets> out) throws MeasureException {
        try {
            String yaml = api("/api/v1/status/config").path("data").path("yaml").asText("");
            JsonNode cfg = YAML.readTree(yaml);
            double global = seconds(cfg.path("global").path("scrape_interval").asText("1m"));
            for (JsonNode sc : cfg.path("scrape_configs")) {
                JobTargets jt = out.get(sc.path("job_name").asText());
                if (jt != null && Double.isNaN(jt.interval)) {
                    jt.interval = sc.has("scrape_interval") ? seconds(sc.path("scrape_interval").asText()) : global;
                }
            }
            notes.add("scrape intervals read from /api/v1/status/config (this Prometheus does not list them per target)");
        } catch (MeasureException | IOException e) {
            notes.add("scrape intervals could not be read (" + e.getMessage() + "); Prometheus's default 1m assumed");
        }
        for (JobTargets jt : out.values()) {
            if (Double.isNaN(jt.interval)) {
                jt.interval = 60;
            }
        }
    }

    private boolean isSelf(String scrapeUrl) {
        if (scrapeUrl.isEmpty()) {
            return false;
        }
        try {
            URI u = URI.create(scrapeUrl);
            if (port(u) != port(base)) {
                return false;
            }
            String bp = base.getPath() == null ? "" : base.getPath();
            if (!(u.getPath() == null ? "" : u.getPath()).equals(bp + "/metrics")) {
                return false;
            }
            return sameHost(u.getHost(), base.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean sameHost(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        try {
            InetAddress x = InetAddress.getByName(a);
            InetAddress y = InetAddress.getByName(b);
            return x.equals(y) || x.isLoopbackAddress() && y.isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private String[] retention() throws MeasureException {
        try {
            JsonNode f = api("/api/v1/status/flags").path("data");
            String time = f.path("storage.tsdb.retention.time").asText("");
            if (time.isEmpty() || time.equals("0s")) {
                String old = f.path("storage.tsdb.retention").asText("");
                time = old.isEmpty() || old.equals("0s") ? "15d" : old;
            }
            String size = f.path("storage.tsdb.retention.size").asText("");
            return new String[] {time, size.isEmpty() ? "0B" : size};
        } catch (MeasureException e) {
            if (!e.getMessage().startsWith("HTTP 404")) {
                throw e;
            }
            notes.add("/api/v1/status/flags answered HTTP 404: retention unknown");
            return new String[] {"", ""};
        }
    }

    /** A query whose result is {job -> value}. */
    private Map<String, Double> byJob(String q) throws MeasureException {
        Map<String, Double> out = new HashMap<>();
        for (JsonNode s : query(q)) {
            out.put(s.path("metric").path("job").asText(""), value(s));
        }
        return out;
    }

    /** Like byJob, but a failure (a heavy query refused or timed out) is a note, not the end. */
    private Map<String, Double> optionalByJob(String q) {
        try {
            return byJob(q);
        } catch (MeasureException e) {
            notes.add("query '" + q + "' failed: " + e.getMessage());
            return new HashMap<>();
        }
    }

    /** Sum of an instant query's values, NaN when it returns nothing. */
    private double scalar(String q) throws MeasureException {
        double sum = Double.NaN;
        for (JsonNode s : query(q)) {
            double v = value(s);
            sum = Double.isNaN(sum) ? v : sum + v;
        }
        return sum;
    }

    private Map<String, String> labelsOf(String q, String label) throws MeasureException {
        Map<String, String> out = new HashMap<>();
        for (JsonNode s : query(q)) {
            out.put("", s.path("metric").path(label).asText(""));
        }
        return out;
    }

    private JsonNode query(String q) throws MeasureException {
        JsonNode r = api("/api/v1/query?query=" + enc(q));
        if (!"success".equals(r.path("status").asText())) {
            throw new MeasureException("query '" + q + "' failed: " + r.path("error").asText(r.toString()));
        }
        JsonNode res = r.path("data").path("result");
        if (r.path("data").path("resultType").asText().equals("scalar")) {
            return JSON.createArrayNode().add(JSON.createObjectNode().set("value", res));
        }
        return res;
    }

    private static double value(JsonNode sample) {
        JsonNode v = sample.path("value");
        if (!v.isArray() || v.size() < 2) {
            return Double.NaN;
        }
        String t = v.get(1).asText();
        try {
            return switch (t) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(t);
            };
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private JsonNode api(String pathAndQuery) throws MeasureException {
        URI u = URI.create(base + pathAndQuery);
        try {
            return http.get(u, "application/json", r -> {
                String ct = r.contentType().toLowerCase();
                if (!ct.contains("json")) {
                    throw new MeasureException(pathAndQuery.split("\\?")[0] + " answered " + (ct.isEmpty() ? "without a content type" : ct.split(";")[0])
                            + ", not JSON");
                }
                return JSON.readTree(r.body());
            });
        } catch (ExpositionException e) {
            throw new MeasureException(e.getMessage());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** "15s", "1m30s", "500ms" as seconds (Prometheus duration syntax). */
    static double seconds(String d) {
        double total = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w|y)").matcher(d.trim());
        int pos = 0;
        while (m.find()) {
            if (m.start() != pos) {
                return Double.NaN;
            }
            double n = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "ms" -> n / 1000;
                case "s" -> n;
                case "m" -> n * 60;
                case "h" -> n * 3600;
                case "d" -> n * 86400;
                case "w" -> n * 7 * 86400;
                default -> n * 365 * 86400;
            };
            pos = m.end();
        }
        return pos == d.trim().length() && pos > 0 ? total : Double.NaN;
    }
}
