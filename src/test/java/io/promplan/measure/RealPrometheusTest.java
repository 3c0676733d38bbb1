package io.promplan.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.TestSupport;
import io.promplan.cli.CheckCommand;
import io.promplan.cli.ExitCodes;
import io.promplan.core.plan.Plan;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.Measurement;
import io.promplan.core.workload.Scenario;
import io.promplan.scenario.ScenarioReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (3.5 from .ci/real-software.sh; PROMPLAN_REAL_SOFTWARE_BIN or
 * ~/.cache/promplan-real-software/bin) scraping the fake exporter on 127.0.0.1: measure --prometheus
 * gives a scenario whose series match the head series and whose planned memory matches the RSS;
 * check passes, then fails with exit 3 once the exporter's workload is tripled. About a minute.
 */
class RealPrometheusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    static Path binDir() {
        String p = System.getProperty("PROMPLAN_REAL_SOFTWARE_BIN", System.getenv("PROMPLAN_REAL_SOFTWARE_BIN"));
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".cache", "promplan-real-software", "bin");
    }

    @Test
    void measureAndCheckAgainstARealPrometheus() throws Exception {
        Path prom = binDir().resolve("prometheus");
        if (!Files.isExecutable(prom)) {
            String reason = "no Prometheus binary at " + prom + " (run .ci/real-software.sh or set PROMPLAN_REAL_SOFTWARE_BIN): real-Prometheus test skipped";
            System.out.println(reason);
            Assumptions.assumeTrue(false, reason);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        Process p = null;
        try (FakeExporter ex = new FakeExporter(200, 100, 5, 50, 12)) {
            Files.writeString(dir.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: 2s
                      evaluation_interval: 2s
                    scrape_configs:
                      - job_name: prometheus
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                      - job_name: fake
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                    """.formatted(port, ex.port()));
            p = new ProcessBuilder(prom.toString(), "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port, "--storage.tsdb.retention.time=15d")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            String version = new String(new ProcessBuilder(prom.toString(), "--version").redirectErrorStream(true).start().getInputStream().readAllBytes())
                    .lines().findFirst().orElse("");
            System.out.println("real Prometheus: " + version + " on " + base + ", exporter serves " + ex.servedSeries() + " series");
            waitFor(() -> get(base + "/-/ready") != null, 30, "Prometheus ready");
            long t0 = System.nanoTime();
            waitFor(() -> headSeries(base) >= ex.servedSeries(), 30, "exporter series in the head");
            // let the head and RSS settle for ~20 scrapes
            Thread.sleep(Math.max(0, 40_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));

            Path out = dir.resolve("measured.yaml");
            TestSupport.Run r = TestSupport.cli("measure", "--prometheus", base, "--out", out.toString(), "--prices", "pricing-data");
            System.out.println(r.out() + r.err());
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
            Scenario s = ScenarioReader.read(out);
            Measurement m = ScenarioReader.measurement(Files.readString(out), out.toString());
            assertThat(m.method()).isEqualTo("prometheus");
            assertThat(m.server().figures().get("version")).startsWith(version.contains("3.5") ? "3.5" : "");
            long head = Long.parseLong(m.server().figures().get("headSeries"));
            double rssMiB = Double.parseDouble(m.server().figures().get("rssMiB"));
            assertThat(s.workload().serviceCount()).isEqualTo(1);
            assertThat(s.workload().services().get(0).name()).isEqualTo("fake");

            Plan plan = TestSupport.service().plan(s);
            ComponentSizing pc = plan.sizing().component(Component.PROMETHEUS).orElseThrow();
            double queries = Math.min(s.workload().grafana().concurrentUsers(), 20) * plan.sizing().coefficients().queryMiB();
            double plannedMiB = pc.requiredMemoryMiB() - queries;
            long planned = plan.sizing().activeSeries();
            System.out.printf("series: scenario plans %,d active (services %,d + meta %,d + self %,d + exporter %,d); head holds %,d (%+.1f %%)%n",
                    planned, plan.sizing().serviceSeries(), plan.sizing().metaSeries(), plan.sizing().selfSeries(), plan.sizing().exporterSeries(),
                    head, (planned / (double) head - 1) * 100);
            System.out.printf("memory: planned before queries and headroom %.1f MiB (base %.1f MiB + %.0f B/series, %s); measured RSS %.1f MiB (%+.1f %%)%n",
                    plannedMiB, plan.sizing().coefficients().rssBaseMiB(), plan.sizing().coefficients().rssBytesPerSeries(),
                    plan.sizing().coefficients().prometheusVersion(), rssMiB, (plannedMiB / rssMiB - 1) * 100);
            Path k35 = Path.of("bench", "calibration-prometheus-3.5.json");
            if (Files.exists(k35)) {
                var k = io.promplan.service.Calibration.read(k35);
                double at35 = k.rssBaseMiB() + planned * k.rssBytesPerSeries() / 1048576.0;
                System.out.printf("memory with the 3.5 coefficients of %s (base %.1f MiB + %.0f B/series): %.1f MiB (%+.1f %% against the RSS)%n",
                        k35, k.rssBaseMiB(), k.rssBytesPerSeries(), at35, (at35 / rssMiB - 1) * 100);
            }
            assertThat((double) planned).isCloseTo(head, org.assertj.core.data.Percentage.withPercentage(10));
            assertThat(plannedMiB).isCloseTo(rssMiB, org.assertj.core.data.Percentage.withPercentage(25));

            TestSupport.Run ok = TestSupport.cli("check", out.toString(), "--prometheus", base, "--prices", "pricing-data");
            System.out.println(ok.out() + ok.err());
            assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(ExitCodes.OK);

            ex.multiplier.set(3);
            waitFor(() -> headSeries(base) >= 2.5 * ex.servedSeries() / 3, 30, "tripled series in the head");
            TestSupport.Run grown = TestSupport.cli("check", out.toString(), "--prometheus", base, "--prices", "pricing-data");
            System.out.println(grown.out() + grown.err());
            assertThat(grown.code()).as(grown.out() + grown.err()).isEqualTo(CheckCommand.OUTGROWN);
            assertThat(grown.out()).contains("OUTGROWN").contains("active series");
        } finally {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check c, int seconds, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            try {
                if (c.ok()) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? r.body() : null;
    }

    static double headSeries(String base) throws IOException, InterruptedException {
        String b = get(base + "/api/v1/query?query=" + URLEncoder.encode("prometheus_tsdb_head_series", StandardCharsets.UTF_8));
        if (b == null) {
            return 0;
        }
        JsonNode res = JSON.readTree(b).path("data").path("result");
        return res.size() == 0 ? 0 : res.get(0).path("value").get(1).asDouble();
    }
}
