package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on 127.0.0.1: the real Prometheus 3.5 and Alertmanager 0.33 run the seed export's own prometheus.yml,
 * rule files and alertmanager.yml. Swapped, and only these: discovery (each {@code dns_sd_configs} becomes a
 * {@code file_sd_configs} file listing a fake target served from this JVM; static targets point at fakes too, the
 * self-scrape at this Prometheus, the Alertmanager address at this Alertmanager), the Slack webhook URL file (points
 * at a fake Slack receiver here), and the global scrape/evaluation interval, 15 s in the export, set to 5 s so that the
 * test stays under three minutes. Rule expressions, {@code for:} durations, routes, group_wait/group_interval and
 * receivers are as exported.
 *
 * <p>Then one service vanishes (its file_sd file is emptied, as Cloud Map drops a service whose tasks stopped) and
 * another stops answering (its fake target returns 503); each must page Slack with a message naming it. The timeline
 * (service gone, alert pending, firing, Slack message) is printed.
 */
class AlertEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofSeconds(200);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    record SlackPost(long nanos, String path, JsonNode body) {
    }

    /** A fake scrape target: serves the metrics contract, or 503 once told to stop answering. */
    static final class FakeTarget {
        final String job;
        final String service;
        final AtomicBoolean failing = new AtomicBoolean();
        final AtomicLong requests = new AtomicLong();
        int port;

        FakeTarget(String job, String service) {
            this.job = job;
            this.service = service;
        }

        void handle(HttpExchange ex) throws IOException {
            if (failing.get()) {
                reply(ex, 503, "text/plain", "unavailable");
                return;
            }
            long n = requests.addAndGet(10);
            String body;
            if (job.equals("cloudwatch")) {
                body = "# TYPE cloudwatch_exporter_scrape_error gauge\ncloudwatch_exporter_scrape_error 0\n";
            } else {
                body = "# TYPE http_requests_total counter\n"
                        + "http_requests_total{status=\"200\"} " + n + "\n"
                        + "http_requests_total{status=\"503\"} " + n / 10 + "\n"
                        + "# TYPE http_request_duration_seconds histogram\n"
                        + "http_request_duration_seconds_bucket{le=\"0.1\"} " + n + "\n"
                        + "http_request_duration_seconds_bucket{le=\"+Inf\"} " + (n + n / 10) + "\n"
                        + "http_request_duration_seconds_sum " + n / 20 + "\n"
                        + "http_request_duration_seconds_count " + (n + n / 10) + "\n";
            }
            reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", body);
        }
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aServiceThatLeavesDiscoveryPagesSlackNamingIt(@TempDir Path tmp) throws Exception {
        Path prometheusBin = RealSoftware.require("prometheus");
        Path alertmanagerBin = RealSoftware.require("alertmanager");
        RealSoftware.Export export = new RealSoftware.Export("infra-export/seed-5-services", ExportTestSupport.INFRA_EXPORT.resolve("seed-5-services"));
        Path promYml = export.configs().resolve("prometheus.yml");
        Path amYml = export.alertmanagerConfig().orElseThrow();
        try {
            // fake Slack
            List<SlackPost> slack = new CopyOnWriteArrayList<>();
            HttpServer slackServer = server(ex -> {
                byte[] in = ex.getRequestBody().readAllBytes();
                JsonNode body;
                try {
                    body = JSON.readTree(in);
                } catch (IOException e) {
                    body = JSON.getNodeFactory().textNode(new String(in, StandardCharsets.UTF_8));
                }
                slack.add(new SlackPost(System.nanoTime(), ex.getRequestURI().getPath(), body));
                reply(ex, 200, "text/plain", "ok");
            });
            int promPort = freePort();
            int amPort = freePort();

            // the export's prometheus.yml, discovery swapped for fakes
            Path cfg = RealSoftware.containerLayout(export, promYml, tmp);
            Path sd = Files.createDirectories(tmp.resolve("file_sd"));
            ObjectNode c = (ObjectNode) RealSoftware.YAML.readTree(cfg.toFile());
            ObjectNode global = (ObjectNode) c.get("global");
            String exportedInterval = global.path("evaluation_interval").asText();
            global.put("scrape_interval", INTERVAL.toSeconds() + "s");
            global.put("evaluation_interval", INTERVAL.toSeconds() + "s");
            if (c.has("alerting")) {
                ObjectNode am = JSON.createObjectNode();
                am.putArray("static_configs").addObject().putArray("targets").add("127.0.0.1:" + amPort);
                ((ObjectNode) c.get("alerting")).putArray("alertmanagers").add(am);
            }
            c.remove("remote_write");
            Map<String, FakeTarget> fakes = new LinkedHashMap<>();
            for (JsonNode jn : c.get("scrape_configs")) {
                ObjectNode job = (ObjectNode) jn;
                String name = job.get("job_name").asText();
                String address;
                if (name.equals("prometheus")) {
                    address = "127.0.0.1:" + promPort;
                } else if (name.equals("alertmanager")) {
                    address = "127.0.0.1:" + amPort;
                } else {
                    String service = name;
                    for (JsonNode rl : job.path("relabel_configs")) {
                        if (rl.path("target_label").asText().equals("service")) {
                            service = rl.path("replacement").asText();
                        }
                    }
                    FakeTarget f = new FakeTarget(name, service);
                    f.port = server(f::handle).getAddress().getPort();
                    fakes.put(name, f);
                    address = "127.0.0.1:" + f.port;
                }
                if (job.has("dns_sd_configs")) {
                    job.remove("dns_sd_configs");
                    writeTargets(sd.resolve(name + ".json"), List.of(address));
                    ObjectNode fsd = job.putArray("file_sd_configs").addObject();
                    fsd.putArray("files").add(sd.resolve(name + ".json").toString());
                    fsd.put("refresh_interval", "5s");
                } else {
                    for (JsonNode sc : job.withArray("static_configs")) {
                        ((ObjectNode) sc).putArray("targets").add(address);
                    }
                }
            }
            RealSoftware.YAML_QUOTED.writeValue(cfg.toFile(), c);

            // the export's alertmanager.yml, the webhook URL file swapped for one naming the fake Slack
            Path urlFile = tmp.resolve("slack-webhook-url");
            Files.writeString(urlFile, "http://127.0.0.1:" + slackServer.getAddress().getPort() + "/services/T000/B000/XXXX");
            String amText = Files.readString(amYml);
            assertThat(amText).contains("  slack_api_url_file: /etc/alertmanager/secrets/slack-webhook-url\n");
            Path amCfg = tmp.resolve("alertmanager.yml");
            Files.writeString(amCfg, amText.replace("  slack_api_url_file: /etc/alertmanager/secrets/slack-webhook-url\n",
                    "  slack_api_url_file: " + urlFile + "\n"));
            JsonNode a = RealSoftware.YAML.readTree(amCfg.toFile());
            String route = "group_wait " + a.path("route").path("group_wait").asText() + ", group_interval " + a.path("route").path("group_interval").asText();

            long start = System.nanoTime();
            start(tmp, "alertmanager", alertmanagerBin.toString(), "--config.file=" + amCfg, "--storage.path=" + tmp.resolve("am-data"),
                    "--web.listen-address=127.0.0.1:" + amPort, "--cluster.listen-address=");
            start(tmp, "prometheus", prometheusBin.toString(), "--config.file=" + cfg, "--storage.tsdb.path=" + tmp.resolve("prom-data"),
                    "--web.listen-address=127.0.0.1:" + promPort);
            String prom = "http://127.0.0.1:" + promPort;
            waitFor("Alertmanager ready", Duration.ofSeconds(60), tmp, () -> status("http://127.0.0.1:" + amPort + "/-/ready") == 200);
            waitFor("Prometheus ready", Duration.ofSeconds(60), tmp, () -> status(prom + "/-/ready") == 200);
            int jobs = c.get("scrape_configs").size();
            waitFor("every target scraped and up", Duration.ofSeconds(60), tmp, () -> {
                JsonNode t = get(prom + "/api/v1/targets?state=active").path("data").path("activeTargets");
                int up = 0;
                for (JsonNode x : t) {
                    up += x.path("health").asText().equals("up") ? 1 : 0;
                }
                return up == jobs && t.size() == jobs;
            });
            // the absent() rules are pending until the first scrapes; wait until no ServiceDown is left from start-up
            waitFor("no ServiceDown pending after start-up", Duration.ofSeconds(60), tmp, () -> alerts(prom, "ServiceDown").isEmpty());
            double ready = secondsSince(start);

            FakeTarget vanishing = fakes.get("service-atlantis");
            FakeTarget silent = fakes.get("service-worker");
            assertThat(vanishing).isNotNull();
            assertThat(silent).isNotNull();
            assertThat(slack).as("no Slack message before anything broke").isEmpty();

            long t0 = System.nanoTime();
            writeTargets(sd.resolve(vanishing.job + ".json"), List.of());
            silent.failing.set(true);

            Map<String, Double> events = new LinkedHashMap<>();
            long deadline = t0 + DEADLINE.toNanos();
            while (System.nanoTime() < deadline) {
                double now = secondsSince(t0);
                JsonNode targets = get(prom + "/api/v1/targets?state=active").path("data").path("activeTargets");
                boolean listed = false;
                for (JsonNode x : targets) {
                    listed |= x.path("labels").path("job").asText().equals(vanishing.job);
                    if (x.path("labels").path("job").asText().equals(silent.job) && x.path("health").asText().equals("down")) {
                        events.putIfAbsent(silent.service + ": scrape fails (up 0)", now);
                    }
                }
                if (!listed) {
                    events.putIfAbsent(vanishing.service + ": target gone from discovery", now);
                }
                for (FakeTarget f : List.of(vanishing, silent)) {
                    for (JsonNode al : alerts(prom, "ServiceDown")) {
                        if (al.path("labels").path("service").asText().equals(f.service)) {
                            events.putIfAbsent(f.service + ": ServiceDown " + al.path("state").asText() + " in Prometheus", now);
                        }
                    }
                    for (SlackPost p : slack) {
                        if (p.body().toString().contains("Service " + f.service + " is down")) {
                            events.putIfAbsent(f.service + ": Slack message received", (p.nanos() - t0) / 1e9);
                        }
                    }
                }
                if (events.containsKey(vanishing.service + ": Slack message received") && events.containsKey(silent.service + ": Slack message received")) {
                    break;
                }
                Thread.sleep(1000);
            }

            System.out.println("== end-to-end alert timeline (Prometheus " + version(prometheusBin) + ", Alertmanager " + version(alertmanagerBin) + ", 127.0.0.1)");
            System.out.printf("   export infra-export/seed-5-services; scrape/evaluation interval %s (exported %s); %s; start-up to all targets up: %.1f s%n",
                    INTERVAL.toSeconds() + "s", exportedInterval, route, ready);
            System.out.printf("   t=0.0 s   %s removed from file_sd (vanishes), %s answers 503%n", vanishing.service, silent.service);
            events.entrySet().stream().sorted(Map.Entry.comparingByValue())
                    .forEach(e -> System.out.printf("   t=%.1f s  %s%n", e.getValue(), e.getKey()));
            for (SlackPost p : slack) {
                System.out.printf("   Slack POST %s at t=%.1f s: %s%n", p.path(), (p.nanos() - t0) / 1e9, p.body());
            }
            System.out.println("   (on AWS add DNS discovery's refresh, 30 s by default, and Cloud Map's deregistration to the first step)");

            assertThat(events).as("timeline; prometheus log:\n" + tail(tmp.resolve("prometheus.log")) + "\nalertmanager log:\n" + tail(tmp.resolve("alertmanager.log")))
                    .containsKeys(vanishing.service + ": target gone from discovery", vanishing.service + ": ServiceDown firing in Prometheus",
                            vanishing.service + ": Slack message received", silent.service + ": Slack message received");
            SlackPost page = slack.stream().filter(p -> p.body().toString().contains("Service " + vanishing.service + " is down")).findFirst().orElseThrow();
            JsonNode att = page.body().path("attachments").path(0);
            assertThat(page.path()).isEqualTo("/services/T000/B000/XXXX");
            assertThat(page.body().path("channel").asText()).isEqualTo("#alerts-critical");
            assertThat(att.path("title").asText()).isEqualTo("Critical Alert: ServiceDown");
            assertThat(att.path("color").asText()).isEqualTo("danger");
            assertThat(att.path("text").asText()).contains("Service " + vanishing.service + " is down");
            // the page came from the rule that watches for a service without targets, not from up == 0
            JsonNode firing = alerts(prom, "ServiceDown").stream().filter(x -> x.path("labels").path("service").asText().equals(vanishing.service)).findFirst().orElseThrow();
            assertThat(firing.path("labels").path("cause").asText()).isEqualTo("no-target");
            assertThat(events.get(vanishing.service + ": Slack message received")).as("seconds from vanishing to Slack").isLessThan(DEADLINE.toSeconds());
            // every other service stayed quiet
            for (FakeTarget f : fakes.values()) {
                if (f != vanishing && f != silent) {
                    assertThat(slack.stream().noneMatch(p -> p.body().toString().contains("Service " + f.service + " is down"))).as(f.service).isTrue();
                }
            }
            // the dashboards' metrics contract as scraped: the services' series carry the service label
            JsonNode q = get(prom + "/api/v1/query?query=" + java.net.URLEncoder.encode("count by (service) (http_request_duration_seconds_bucket)", StandardCharsets.UTF_8));
            long services = fakes.keySet().stream().filter(j -> j.startsWith("service-")).count();
            assertThat(q.path("data").path("result").size()).as(q.toString()).isEqualTo(services - 2);
        } finally {
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            for (HttpServer s : servers) {
                s.stop(0);
            }
        }
    }

    // ---- helpers

    private HttpServer server(com.sun.net.httpserver.HttpHandler h) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        s.createContext("/", ex -> {
            try {
                h.handle(ex);
            } finally {
                ex.close();
            }
        });
        s.start();
        servers.add(s);
        return s;
    }

    static void reply(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** Writes a file_sd target list atomically (Prometheus watches the file). */
    static void writeTargets(Path file, List<String> targets) throws IOException {
        ArrayNode a = JSON.createArrayNode();
        if (!targets.isEmpty()) {
            ArrayNode t = a.addObject().putArray("targets");
            targets.forEach(t::add);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(a));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void start(Path dir, String name, String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(p);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private void waitFor(String what, Duration max, Path logs, Check c) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            for (Process p : processes) {
                assertThat(p.isAlive()).as(what + ": a process exited\n" + tail(logs.resolve("prometheus.log")) + "\n" + tail(logs.resolve("alertmanager.log"))).isTrue();
            }
            try {
                if (c.ok()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + ": not within " + max.toSeconds() + " s (" + last + ")\n" + tail(logs.resolve("prometheus.log")) + "\n"
                + tail(logs.resolve("alertmanager.log")));
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private List<JsonNode> alerts(String prom, String name) throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        Iterator<JsonNode> it = get(prom + "/api/v1/alerts").path("data").path("alerts").elements();
        while (it.hasNext()) {
            JsonNode a = it.next();
            if (a.path("labels").path("alertname").asText().equals(name)) {
                out.add(a);
            }
        }
        return out;
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static String version(Path bin) {
        String v = RealSoftware.run(Path.of("."), 30, bin.toString(), "--version").output().lines().findFirst().orElse("?");
        return v.replaceAll("^\\S+, version (\\S+).*", "$1");
    }

    private static String tail(Path log) {
        try {
            List<String> l = Files.readAllLines(log);
            return String.join("\n", l.subList(Math.max(0, l.size() - 30), l.size()));
        } catch (IOException e) {
            return "(no " + log.getFileName() + ")";
        }
    }
}
