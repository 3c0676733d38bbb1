package io.promplan.measure;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/**
 * A metrics endpoint served from the test JVM on 127.0.0.1 with a known number of series:
 * {@code counters} counter families (with OpenMetrics each series also has a _created series, which
 * Prometheus 3.5 stores), {@code gauges} gauge families and {@code histograms}
 * histograms, each with {@code labelValues} label sets (histograms: {@code buckets} buckets incl.
 * +Inf, plus _sum and _count), and a summary with 3 quantiles. {@link #multiplier} repeats every
 * series under a {@code copy} label to triple the workload at runtime.
 *
 * <p>Paths: /metrics (text 0.0.4, or OpenMetrics when asked and enabled; gzip when asked),
 * /html (a web page), /malformed (a bad line 5), /slow (answers after 30 s), /empty, /auth (needs
 * the bearer token or basic credentials set).
 */
public final class FakeExporter implements AutoCloseable {
    public final int counters;
    public final int gauges;
    public final int histograms;
    public final int labelValues;
    public final int buckets;
    public final AtomicInteger multiplier = new AtomicInteger(1);
    public final AtomicLong scrapes = new AtomicLong();
    public volatile boolean openMetrics;
    public volatile String bearerToken;
    public volatile String basicUser;
    public volatile String basicPassword;
    private final HttpServer server;

    public FakeExporter(int counters, int gauges, int histograms, int labelValues, int buckets) throws IOException {
        this(counters, gauges, histograms, labelValues, buckets, null);
    }

    public FakeExporter(int counters, int gauges, int histograms, int labelValues, int buckets, SSLContext tls) throws IOException {
        this.counters = counters;
        this.gauges = gauges;
        this.histograms = histograms;
        this.labelValues = labelValues;
        this.buckets = buckets;
        InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls != null) {
            HttpsServer s = HttpsServer.create(addr, 0);
            s.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = s;
        } else {
            server = HttpServer.create(addr, 0);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-exporter");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/metrics", this::metrics);
        server.createContext("/auth", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            boolean ok = bearerToken != null && ("Bearer " + bearerToken).equals(auth)
                    || basicUser != null && Http.basic(basicUser, basicPassword).equals(auth);
            if (!ok) {
                ex.getResponseHeaders().add("WWW-Authenticate", bearerToken != null ? "Bearer realm=\"metrics\"" : "Basic realm=\"metrics\"");
                send(ex, 401, "text/plain", "Unauthorized\n");
                return;
            }
            metrics(ex);
        });
        server.createContext("/html", ex -> send(ex, 200, "text/html; charset=utf-8",
                "<!DOCTYPE html>\n<html><head><title>Grafana</title></head><body>Welcome</body></html>\n"));
        server.createContext("/html-as-text", ex -> send(ex, 200, "text/plain", "<html><body>Login</body></html>\n"));
        server.createContext("/malformed", ex -> send(ex, 200, "text/plain; version=0.0.4",
                "# HELP ok_total fine\n# TYPE ok_total counter\nok_total 1\nok_total{a=\"b\"} 2\nbroken_metric{a=\"b\" 3\nlater 4\n"));
        server.createContext("/empty", ex -> send(ex, 200, "text/plain; version=0.0.4", ""));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "text/plain", "slow 1\n");
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port() + path;
    }

    /** Series one scrape of /metrics holds now. */
    public long servedSeries() {
        long perCopy = (long) counters * labelValues * (openMetrics ? 2 : 1) + (long) gauges * labelValues
                + (long) histograms * labelValues * (buckets + 2) + (3 + 2);
        return perCopy * multiplier.get();
    }

    /** Metric families of /metrics (histograms and the summary once each). */
    public long families() {
        return counters + gauges + histograms + 1;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    private void metrics(HttpExchange ex) throws IOException {
        long n = scrapes.incrementAndGet();
        String accept = ex.getRequestHeaders().getFirst("Accept");
        boolean om = openMetrics && accept != null && accept.contains("application/openmetrics-text");
        String enc = ex.getRequestHeaders().getFirst("Accept-Encoding");
        boolean gz = enc != null && enc.contains("gzip");
        ex.getResponseHeaders().add("Content-Type", om ? "application/openmetrics-text; version=1.0.0; charset=utf-8" : "text/plain; version=0.0.4; charset=utf-8");
        if (gz) {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        ex.sendResponseHeaders(200, 0);
        OutputStream raw = ex.getResponseBody();
        OutputStream out = gz ? new GZIPOutputStream(raw, 64 * 1024) : raw;
        try (Writer w = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024)) {
            write(w, n, om);
        }
    }

    private void write(Writer w, long n, boolean om) throws IOException {
        int copies = multiplier.get();
        StringBuilder sb = new StringBuilder(256);
        for (int c = 0; c < counters; c++) {
            String fam = "app_requests_" + c;
            w.write("# HELP " + fam + (om ? "" : "_total") + " Requests handled.\n# TYPE " + fam + (om ? "" : "_total") + " counter\n");
            for (int k = 0; k < copies; k++) {
                for (int l = 0; l < labelValues; l++) {
                    sb.setLength(0);
                    sb.append(fam).append("_total{route=\"/r").append(l).append("\",copy=\"").append(k).append("\"} ")
                            .append(n * (l + 1) + c).append('\n');
                    w.write(sb.toString());
                    if (om) {
                        sb.setLength(0);
                        sb.append(fam).append("_created{route=\"/r").append(l).append("\",copy=\"").append(k).append("\"} 1.7e9\n");
                        w.write(sb.toString());
                    }
                }
            }
        }
        for (int g = 0; g < gauges; g++) {
            String fam = "app_queue_depth_" + g;
            w.write("# HELP " + fam + " Items waiting.\n# TYPE " + fam + " gauge\n");
            for (int k = 0; k < copies; k++) {
                for (int l = 0; l < labelValues; l++) {
                    w.write(fam + "{queue=\"q" + l + "\",copy=\"" + k + "\"} " + ((n * 7 + l * 3 + g) % 17) + "\n");
                }
            }
        }
        for (int h = 0; h < histograms; h++) {
            String fam = "app_latency_seconds_" + h;
            w.write("# HELP " + fam + " Latency.\n# TYPE " + fam + " histogram\n");
            for (int k = 0; k < copies; k++) {
                for (int l = 0; l < labelValues; l++) {
                    String labels = "method=\"GET\",route=\"/r" + l + "\",copy=\"" + k + "\"";
                    long count = n * 10 + l;
                    for (int b = 0; b < buckets; b++) {
                        String le = b == buckets - 1 ? "+Inf" : String.valueOf(0.005 * Math.pow(2, b));
                        long v = b == buckets - 1 ? count : count * (b + 1) / buckets;
                        w.write(fam + "_bucket{" + labels + ",le=\"" + le + "\"} " + v + (om && b == 0 ? " # {trace_id=\"abc\"} 0.004 1.7e9" : "") + "\n");
                    }
                    w.write(fam + "_sum{" + labels + "} " + (count * 0.05) + "\n");
                    w.write(fam + "_count{" + labels + "} " + count + "\n");
                }
            }
        }
        w.write("# HELP gc_pause_seconds GC pauses.\n# TYPE gc_pause_seconds summary\n");
        for (int k = 0; k < copies; k++) {
            for (String q : new String[] {"0.5", "0.9", "0.99"}) {
                w.write("gc_pause_seconds{copy=\"" + k + "\",quantile=\"" + q + "\"} 0.00" + (n % 9 + 1) + "\n");
            }
            w.write("gc_pause_seconds_sum{copy=\"" + k + "\"} " + n + "\n");
            w.write("gc_pause_seconds_count{copy=\"" + k + "\"} " + n * 3 + "\n");
        }
        if (om) {
            w.write("# EOF\n");
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
