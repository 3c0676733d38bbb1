package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync sidecar of the exported Prometheus task (prometheus.tf), run against a real Prometheus on 127.0.0.1 with the
 * export's own prometheus.yml and rules: only the paths (/etc/prometheus to a temporary folder), the AWS CLI (a fake that
 * reads a local folder as the bucket and answers the ECS calls) and the process it signals (this test's Prometheus, not
 * every process called prometheus on the machine) are swapped.
 *
 * <ul>
 * <li>Issue 11, finding 3: a rule change in the bucket reaches the running Prometheus by SIGHUP; the process (and so,
 *     on ECS, the task and its EBS volume) stays the same.</li>
 * <li>Issue 11, finding 7: a service discovered through the ECS API becomes a scrape target through file_sd.</li>
 * </ul>
 * Skipped with a printed reason without a Prometheus binary ({@code PROMPLAN_PROMETHEUS}, the .ci cache
 * {@code ~/.cache/promplan-real-software/bin/prometheus}, or {@code prometheus} on the PATH) or without bash.
 */
class TerraformPrometheusSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEREDOC = Pattern.compile("prometheus_sync_script = <<-EOT\\n(.*?)\\n\\s*EOT\\n", Pattern.DOTALL);

    static String prometheusBinary() {
        for (String c : new String[] {System.getenv("PROMPLAN_PROMETHEUS"),
                System.getProperty("user.home") + "/.cache/promplan-real-software/bin/prometheus", "/usr/bin/prometheus", "/usr/local/bin/prometheus"}) {
            if (c != null && !c.isBlank() && Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }

    /** The heredoc as Terraform renders it: the common indentation removed, "$${" written "${". */
    static String renderSyncScript(String prometheusTf) {
        Matcher m = HEREDOC.matcher(prometheusTf);
        assertThat(m.find()).as("prometheus_sync_script heredoc in prometheus.tf").isTrue();
        String body = m.group(1);
        assertThat(body).doesNotContain("%{");
        int indent = body.lines().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder b = new StringBuilder();
        body.lines().forEach(l -> b.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n'));
        return b.toString().replace("$${", "${");
    }

    @Test
    void ruleChangeReloadsTheSameProcessAndEcsApiTargetsAreScraped(@TempDir Path tmp) throws Exception {
        String prometheus = prometheusBinary();
        if (prometheus == null || !Files.isExecutable(Path.of("/bin/bash"))) {
            System.out.println("[prometheus sync test skipped] no Prometheus binary (PROMPLAN_PROMETHEUS, ~/.cache/promplan-real-software/bin, PATH) or no bash");
        }
        Assumptions.assumeTrue(prometheus != null && Files.isExecutable(Path.of("/bin/bash")), "no Prometheus binary or bash");

        Map<String, String> export = TerraformDiscoveryTest.exportWithFileSd(ExportTestSupport.plan("scenarios/seed-5-services.yaml"));
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Path bucket = tmp.resolve("bucket");
        for (var e : export.entrySet()) {
            if (e.getKey().startsWith("configs/")) {
                Path f = bucket.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue().replace("/etc/prometheus/", etc + "/"));
            }
        }
        // The config loader's work at start: the config and rules in place, the file_sd folder made.
        Files.copy(bucket.resolve("configs/prometheus.yml"), etc.resolve("prometheus.yml"));
        TerraformFmtValidateTest.copy(bucket.resolve("configs/rules"), etc.resolve("rules"));
        Files.createDirectories(etc.resolve("file_sd"));
        // The discovery list Terraform writes for service "atlantis" set to ecs-api.
        Files.createDirectories(bucket.resolve("discovery"));
        Files.writeString(bucket.resolve("discovery/prometheus.txt"), "service-atlantis atlantis\n");

        HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/metrics", x -> {
            byte[] body = "sync_test_up 1\n".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        target.start();
        int webPort;
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            webPort = s.getLocalPort();
        }
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, """
                #!/bin/bash
                # Fake AWS CLI: s3 cp from the local bucket folder; the ECS service "atlantis" has one task at 127.0.0.1.
                ROOT='%s'
                if [ "$1" = s3 ] && [ "$2" = cp ]; then
                  shift 2; args=(); rec=0
                  for a in "$@"; do case "$a" in --quiet) ;; --recursive) rec=1 ;; *) args+=("$a") ;; esac; done
                  src=${args[0]#s3://*/}
                  if [ $rec = 1 ]; then mkdir -p "${args[1]}" && cp -R "$ROOT/$src." "${args[1]}"; else [ -f "$ROOT/$src" ] && cp "$ROOT/$src" "${args[1]}"; fi
                  exit $?
                fi
                if [ "$1" = ecs ] && [ "$2" = list-tasks ]; then
                  case "$*" in *"--service-name atlantis"*) echo "arn:aws:ecs:r:1:task/c/t1" ;; *) echo None ;; esac; exit 0
                fi
                if [ "$1" = ecs ] && [ "$2" = describe-tasks ]; then echo 127.0.0.1; exit 0; fi
                exit 1
                """.formatted(bucket));
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));

        Process prom = new ProcessBuilder(prometheus, "--config.file=" + etc.resolve("prometheus.yml"), "--storage.tsdb.path=" + tmp.resolve("data"),
                "--web.listen-address=127.0.0.1:" + webPort).redirectErrorStream(true).redirectOutput(tmp.resolve("prometheus.log").toFile()).start();
        Process sync = null;
        try {
            String script = renderSyncScript(export.get("terraform/monitoring/prometheus.tf"))
                    .replace("/etc/prometheus", etc.toString())
                    .replace("/tmp/next", tmp.resolve("next").toString()).replace("/tmp/discovery.txt", tmp.resolve("discovery.txt").toString())
                    // signal this test's Prometheus only, never another process of that name on the machine
                    .replace("for p in /proc/[0-9]*; do", "for p in /proc/" + prom.pid() + "; do");
            assertThat(script).contains("/proc/" + prom.pid() + ";");
            ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", script).redirectErrorStream(true).redirectOutput(tmp.resolve("sync.log").toFile());
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            pb.environment().putAll(Map.of("CONFIG_BUCKET", "bucket", "CONFIG_KEY", "configs/prometheus.yml", "SYNC_SECONDS", "1",
                    "DISCOVERY_KEY", "discovery/prometheus.txt", "ECS_CLUSTER", "apps", "METRICS_PORT", String.valueOf(target.getAddress().getPort())));
            sync = pb.start();
            String api = "http://127.0.0.1:" + webPort + "/api/v1/";
            String expected = "127.0.0.1:" + target.getAddress().getPort();
            JsonNode targets = await(api + "targets", j -> {
                for (JsonNode t : j.path("data").path("activeTargets")) {
                    if (t.path("labels").path("job").asText().equals("service-atlantis") && t.path("labels").path("instance").asText().equals(expected)
                            && t.path("health").asText().equals("up")) {
                        return true;
                    }
                }
                return false;
            }, tmp);
            assertThat(targets).isNotNull();

            Files.writeString(bucket.resolve("configs/rules/sync-test.yml"), "groups:\n  - name: sync-test\n    rules:\n      - record: sync_test:up\n        expr: sync_test_up\n");
            String rules = Files.readString(bucket.resolve("configs/prometheus.yml"));
            if (!rules.contains("rules/*.yml")) {
                // the export lists its rule files one by one: list the new one too, as an edit of the config would
                Files.writeString(bucket.resolve("configs/prometheus.yml"), rules.replace("rule_files:\n", "rule_files:\n  - rules/sync-test.yml\n"));
            }
            JsonNode loaded = await(api + "rules", j -> j.toString().contains("\"sync-test\""), tmp);
            assertThat(loaded).isNotNull();
            assertThat(prom.isAlive()).as("the same Prometheus process serves the new rules (reloaded, not restarted)").isTrue();
            assertThat(Files.readString(tmp.resolve("sync.log"))).contains("config changed: sent SIGHUP to prometheus");
            assertThat(Files.readString(tmp.resolve("prometheus.log"))).containsIgnoringCase("Completed loading of configuration file");
        } finally {
            if (sync != null) {
                sync.destroy();
            }
            prom.destroy();
            prom.waitFor();
            target.stop(0);
        }
    }

    private static JsonNode await(String url, Predicate<JsonNode> ok, Path tmp) throws Exception {
        HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                last = JSON.readTree(r.body());
                if (ok.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("timed out waiting on " + url + ": " + tail(String.valueOf(last)) + "\nsync.log:\n" + read(tmp.resolve("sync.log"))
                + "\nprometheus.log (tail):\n" + tail(read(tmp.resolve("prometheus.log"))));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String s) {
        return s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s;
    }
}
