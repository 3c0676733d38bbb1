package io.promplan.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.promplan.TestSupport;
import io.promplan.cli.ExitCodes;
import io.promplan.core.workload.Measurement;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ServiceSpec;
import io.promplan.scenario.ScenarioReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Prometheus 2.10 as its HTTP API answered (no /api/v1/status/buildinfo or /tsdb, no group(), no
 * scrape interval per target), served from this JVM; and addresses that are not a Prometheus.
 */
class OldPrometheusTest {
    @TempDir
    Path dir;

    HttpServer server;
    String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/api/v1/query", this::query);
        server.createContext("/api/v1/targets", ex -> json(ex, 200, """
                {"status":"success","data":{"activeTargets":[
                 {"labels":{"job":"node","instance":"10.0.0.1:9100"},"scrapeUrl":"http://10.0.0.1:9100/metrics","health":"up"},
                 {"labels":{"job":"node","instance":"10.0.0.2:9100"},"scrapeUrl":"http://10.0.0.2:9100/metrics","health":"up"},
                 {"labels":{"job":"prometheus","instance":"127.0.0.1:%d"},"scrapeUrl":"%s/metrics","health":"up"}]}}
                """.formatted(server.getAddress().getPort(), base)));
        server.createContext("/api/v1/status/config", ex -> json(ex, 200, """
                {"status":"success","data":{"yaml":"global:\\n  scrape_interval: 15s\\nscrape_configs:\\n- job_name: prometheus\\n- job_name: node\\n  scrape_interval: 30s\\n"}}
                """));
        server.createContext("/api/v1/status/flags", ex -> json(ex, 200, """
                {"status":"success","data":{"storage.tsdb.retention.time":"0s","storage.tsdb.retention":"30d","storage.tsdb.retention.size":"0B"}}
                """));
        server.createContext("/", ex -> {
            byte[] b = "404 page not found\n".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(404, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void query(HttpExchange ex) throws IOException {
        String q = URLDecoder.decode(ex.getRequestURI().getRawQuery().substring("query=".length()), StandardCharsets.UTF_8);
        if (q.contains("group")) {
            json(ex, 400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 22: unknown function with name \\\"group\\\"\"}");
            return;
        }
        String result;
        if (q.equals("vector(1)")) {
            result = "[{\"metric\":{},\"value\":[1,\"1\"]}]";
        } else if (q.startsWith("prometheus_build_info")) {
            result = "[{\"metric\":{\"version\":\"2.10.0\"},\"value\":[1,\"1\"]}]";
        } else if (q.startsWith("prometheus_tsdb_head_series")) {
            result = v("3650");
        } else if (q.startsWith("sum by (job) (scrape_samples_post_metric_relabeling)")) {
            result = "[{\"metric\":{\"job\":\"node\"},\"value\":[1,\"3000\"]},{\"metric\":{\"job\":\"prometheus\"},\"value\":[1,\"600\"]}]";
        } else if (q.startsWith("count by (job) (up)")) {
            result = "[{\"metric\":{\"job\":\"node\"},\"value\":[1,\"2\"]},{\"metric\":{\"job\":\"prometheus\"},\"value\":[1,\"1\"]}]";
        } else if (q.startsWith("sum(rate(prometheus_tsdb_head_samples_appended_total")) {
            result = v("141");
        } else if (q.startsWith("process_resident_memory_bytes")) {
            result = v(String.valueOf(200L << 20));
        } else if (q.startsWith("rate(process_cpu_seconds_total")) {
            result = v("0.02");
        } else if (q.startsWith("time() - process_start_time_seconds")) {
            result = v("86400");
        } else {
            result = "[]";
        }
        json(ex, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":" + result + "}}");
    }

    private static String v(String value) {
        return "[{\"metric\":{},\"value\":[1,\"" + value + "\"]}]";
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    @Test
    void aPrometheus2WithoutSomeApisIsReadWithNotesNamingWhatIsMissing() throws Exception {
        Path out = dir.resolve("old.yaml");
        TestSupport.Run r = TestSupport.cli("measure", "--prometheus", base, "--out", out.toString(), "--prices", "pricing-data");
        System.out.println(r.out() + r.err());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("promplan: note: prometheus " + base + ": /api/v1/status/tsdb answered HTTP 404: this Prometheus predates it (added in 2.14)")
                .contains("/api/v1/status/buildinfo answered HTTP 404")
                .contains("unknown function with name \"group\"")
                .contains("scrape intervals read from /api/v1/status/config");
        Scenario s = ScenarioReader.read(out);
        assertThat(s.workload().serviceCount()).isEqualTo(1);
        ServiceSpec node = s.workload().services().get(0);
        assertThat(node.name()).isEqualTo("node");
        assertThat(node.targets()).isEqualTo(2);
        assertThat(node.seriesPerTarget()).isCloseTo(1500, org.assertj.core.data.Offset.offset(1.0));
        assertThat(s.workload().scrapeInterval().text()).isEqualTo("26s"); // node every 30 s, the server itself every 15 s
        assertThat(s.workload().retention().text()).isEqualTo("30d");
        Measurement m = ScenarioReader.measurement(Files.readString(out), out.toString());
        assertThat(m.server().figures()).containsEntry("version", "2.10.0").containsEntry("headSeries", "3650").containsEntry("selfJob", "prometheus");
        assertThat(m.server().figures().get("note")).contains("predates");
    }

    @Test
    void checkReadsItTooAndNamesWhatCrossed() throws Exception {
        Path out = dir.resolve("old.yaml");
        assertThat(TestSupport.cli("measure", "--prometheus", base, "--out", out.toString(), "--prices", "pricing-data").code()).isZero();
        TestSupport.Run ok = TestSupport.cli("check", out.toString(), "--prometheus", base, "--prices", "pricing-data");
        System.out.println(ok.out());
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        // the seed plan (500 series) against this server (3,650): outgrown, with the figures printed
        TestSupport.Run seed = TestSupport.cli("check", "scenarios/seed-5-services.yaml", "--prometheus", base, "--prices", "pricing-data");
        System.out.println(seed.out());
        assertThat(seed.code()).isEqualTo(3);
        assertThat(seed.out()).contains("active series").contains("CROSSED").contains("OUTGROWN: the running stack has outgrown its plan: active series 3,650");
    }

    @Test
    void addressesThatAreNotAPrometheus() throws Exception {
        try (FakeExporter ex = new FakeExporter(2, 2, 1, 2, 4)) {
            Path out = dir.resolve("x.yaml");
            TestSupport.Run r = TestSupport.cli("measure", "--prometheus", "http://127.0.0.1:" + ex.port(), "--out", out.toString());
            assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
            assertThat(r.err()).contains("promplan: prometheus http://127.0.0.1:" + ex.port() + ": does not answer the Prometheus HTTP API (/api/v1/query: HTTP 404")
                    .contains("not an exporter's or Grafana's").contains("not written");
            r = TestSupport.cli("measure", "--prometheus", ex.url("/html"), "--out", out.toString());
            assertThat(r.err()).contains("answered text/html, not JSON");
            assertThat(out).doesNotExist();
            TestSupport.Run c = TestSupport.cli("check", "scenarios/seed-5-services.yaml", "--prometheus", ex.url("/html"), "--prices", "pricing-data");
            assertThat(c.code()).isEqualTo(ExitCodes.FAILURE);
            assertThat(c.err()).contains("promplan: prometheus " + ex.url("/html") + ": does not answer the Prometheus HTTP API");
        }
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TestSupport.Run c = TestSupport.cli("check", "scenarios/seed-5-services.yaml", "--prometheus", "http://127.0.0.1:" + port, "--prices", "pricing-data");
        assertThat(c.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(c.err()).contains("connection refused: nothing listens at 127.0.0.1:" + port);
        TestSupport.Run bad = TestSupport.cli("check", "scenarios/nope.yaml", "--prometheus", base, "--prices", "pricing-data");
        assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
