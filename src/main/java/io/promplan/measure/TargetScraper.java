package io.promplan.measure;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scrapes one metrics endpoint a few times, as Prometheus would (same Accept header, gzip), and
 * measures it: series per family, histogram buckets, label cardinality, and what changed between
 * the first scrape and the last. Bodies are parsed as they stream in.
 */
public final class TargetScraper {
    /** What Prometheus 3 asks for, less protobuf. */
    public static final String ACCEPT = "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,"
            + "text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1";

    private final Http http;
    private final int scrapes;
    private final Duration pause;

    /** A --target NAME=URL. */
    public record Target(String name, URI uri) {
        public String display() {
            return Http.display(uri);
        }
    }

    public TargetScraper(Http http, int scrapes, Duration pause) {
        this.http = http;
        this.scrapes = Math.max(1, scrapes);
        this.pause = pause;
    }

    /** Parses NAME=URL; IllegalArgumentException says what is wrong. */
    public static Target target(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--target '" + spec + "': write NAME=URL, e.g. api=http://10.0.0.5:8080/metrics");
        }
        String name = spec.substring(0, eq).trim();
        String url = spec.substring(eq + 1).trim();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.:-]*")) {
            throw new IllegalArgumentException("--target '" + name + "': a name may hold letters, digits, '_', '.', ':' and '-' (it becomes a service name)");
        }
        return new Target(name, uri(url, "--target " + name));
    }

    /** An http(s) URL; IllegalArgumentException naming the option otherwise. */
    public static URI uri(String url, String what) {
        try {
            URI u = new URI(url);
            String s = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!s.equals("http") && !s.equals("https") || u.getHost() == null) {
                throw new IllegalArgumentException(what + ": '" + Http.display(u) + "' is not an http:// or https:// URL with a host");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + ": not a URL: " + e.getMessage());
        }
    }

    /** One scrape's outcome. */
    private record Scrape(ScrapeAnalysis analysis, String format, long bytes, double seconds, long createdSeries) {
    }

    /** Measures the target; MeasureException (without the target's name) when no scrape could be read. */
    public TargetMeasurement measure(Target t) throws MeasureException {
        ScrapeAnalysis.LabelValues labels = new ScrapeAnalysis.LabelValues();
        List<String> notes = new ArrayList<>();
        Scrape first = null;
        Scrape last = null;
        Scrape biggest = null;
        long min = Long.MAX_VALUE;
        double slowest = 0;
        int ok = 0;
        for (int i = 0; i < scrapes; i++) {
            if (i > 0 && !pause.isZero()) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MeasureException("interrupted");
                }
            }
            Scrape s;
            try {
                s = scrape(t, labels, first == null ? 1024 : (int) Math.min(first.analysis.series(), ScrapeAnalysis.MAX_TRACKED_SERIES));
            } catch (MeasureException e) {
                if (first == null) {
                    throw e;
                }
                notes.add("scrape " + (i + 1) + " failed: " + e.getMessage());
                continue;
            } catch (ExpositionException e) {
                if (first == null) {
                    throw new MeasureException("not valid Prometheus metrics: " + e.getMessage());
                }
                notes.add("scrape " + (i + 1) + " failed: " + e.getMessage());
                continue;
            }
            ok++;
            if (s.analysis.series() == 0) {
                throw new MeasureException("answered with no samples (an empty metrics page)");
            }
            if (first == null) {
                first = s;
            }
            last = s;
            if (biggest == null || s.analysis.series() > biggest.analysis.series()) {
                biggest = s;
            }
            min = Math.min(min, s.analysis.series());
            slowest = Math.max(slowest, s.seconds);
        }
        long changed = 0;
        long added = 0;
        long removed = 0;
        double changedShare = 0;
        if (first != last && first.analysis.values() != null && last.analysis.values() != null) {
            LongLongMap a = first.analysis.values();
            LongLongMap b = last.analysis.values();
            long[] c = new long[2];
            b.forEach((k, v) -> {
                if (a.contains(k)) {
                    if (a.get(k, 0) != v) {
                        c[0]++;
                    }
                } else {
                    c[1]++;
                }
            });
            changed = c[0];
            added = c[1];
            removed = a.size() - (b.size() - added);
            changedShare = b.size() == 0 ? 0 : changed / (double) b.size();
            if (first.analysis.trackingCut() || last.analysis.trackingCut()) {
                notes.add("changes compared on the first " + ScrapeAnalysis.MAX_TRACKED_SERIES + " series only");
            }
        } else if (ok == 1) {
            notes.add("one scrape only: changes between scrapes not measured");
        }
        return new TargetMeasurement(t.name(), t.display(), biggest.format, ok, biggest.analysis.counts(), min,
                changedShare, added, removed, biggest.createdSeries, biggest.analysis.largest(5), labels.top(5), last.bytes, slowest, notes);
    }

    private Scrape scrape(Target t, ScrapeAnalysis.LabelValues labels, int expected) throws MeasureException, ExpositionException {
        long t0 = System.nanoTime();
        return http.get(t.uri(), ACCEPT, r -> {
            String ct = r.contentType().toLowerCase(Locale.ROOT);
            if (ct.startsWith("text/html") || ct.startsWith("application/xhtml")) {
                throw new MeasureException("the response is HTML (Content-Type " + r.contentType().split(";")[0]
                        + "), not Prometheus metrics; is the path the metrics endpoint (usually /metrics)?");
            }
            if (ct.startsWith("application/json")) {
                throw new MeasureException("the response is JSON (Content-Type application/json), not Prometheus metrics;"
                        + " is the path the metrics endpoint (usually /metrics)?");
            }
            if (ct.startsWith("application/vnd.google.protobuf")) {
                throw new MeasureException("the endpoint answered in protobuf, which was not asked for");
            }
            boolean om = ct.startsWith("application/openmetrics-text");
            ScrapeAnalysis a = new ScrapeAnalysis(labels, true, expected);
            LineReader lr = new LineReader(r.body());
            ExpositionParser p = new ExpositionParser(om);
            p.parse(lr, a);
            String format = (om ? "openmetrics" : "text 0.0.4") + (r.gzip() ? " (gzip)" : "");
            return new Scrape(a, format, lr.bytes(), (System.nanoTime() - t0) / 1e9, p.created());
        });
    }

    /** For callers that want one body parsed without HTTP (tests, files). */
    static ScrapeAnalysis parse(java.io.InputStream in, boolean openMetrics) throws IOException, ExpositionException {
        ScrapeAnalysis a = new ScrapeAnalysis(new ScrapeAnalysis.LabelValues(), true, 1024);
        new ExpositionParser(openMetrics).parse(new LineReader(in), a);
        return a;
    }
}
