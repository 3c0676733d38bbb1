package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.TestSupport;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.SizingOptions;
import io.promplan.core.workload.StorageBackend;
import io.promplan.core.workload.Workload;
import io.promplan.render.PlanJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sized figure in the exported Terraform equals the one {@code promplan plan --format json} prints for the
 * same scenario: task CPU and memory of every component and shard, retention time and size, the volume size and
 * throughput, the number of Prometheus servers and the scrape jobs of each.
 */
class SizedValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TF = "terraform/monitoring/";

    static Stream<Arguments> committed() {
        return ExportTestSupport.COMMITTED.stream().map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("committed")
    void terraformFiguresEqualThePlanJson(String name, String scenario) throws Exception {
        TestSupport.Run run = TestSupport.cli("plan", scenario, "--format", "json", "--prices", "pricing-data");
        assertThat(run.code()).isZero();
        JsonNode plan = JSON.readTree(run.out());
        ExportBundle bundle = ExportTestSupport.export(ExportTestSupport.plan(scenario));
        assertSizedFiguresMatch(plan, bundle, ExportTestSupport.read(scenario));
    }

    /** A workload too big for one server: each shard gets its task, its config and its scrape jobs. */
    @Test
    void shardsEachGetTheirTaskAndScrapeJobs() throws Exception {
        Scenario base = ExportTestSupport.read("scenarios/services-20.yaml");
        Workload w = base.workload().toBuilder().sizing(new SizingOptions(base.workload().sizing().headroomPercent(), 1500))
                .storageBackend(StorageBackend.EBS).alertmanager(true).build();
        Scenario s = base.withWorkload(w);
        Plan p = TestSupport.service().plan(s);
        assertThat(p.sizing().shards()).isGreaterThan(1);
        ExportBundle bundle = ExportTestSupport.export(p);
        JsonNode plan = JSON.readTree(PlanJson.render(p));
        assertSizedFiguresMatch(plan, bundle, s);
        assertThat(bundle.files()).containsKeys("configs/prometheus.yml", "configs/prometheus-2.yml");
    }

    static void assertSizedFiguresMatch(JsonNode plan, ExportBundle bundle, Scenario scenario) {
        JsonNode sizing = plan.get("sizing");
        JsonNode storage = sizing.get("storage");
        String tf = bundle.files().entrySet().stream().filter(e -> e.getKey().startsWith(TF) && e.getKey().endsWith(".tf"))
                .map(Map.Entry::getValue).reduce("", String::concat);
        int prometheusTasks = 0;
        double totalSamples = 0;
        for (JsonNode c : sizing.get("components")) {
            if (c.get("name").asText().equals("prometheus")) {
                totalSamples += samplesPerSecond(c);
            }
        }
        assertThat(totalSamples).as("the servers' samples/s add up to the plan's")
                .isCloseTo(sizing.get("samplesPerSecond").asDouble(), org.assertj.core.data.Offset.offset(sizing.get("samplesPerSecond").asDouble() * 0.001 + 0.01));
        for (JsonNode c : sizing.get("components")) {
            int shard = c.get("shard").asInt();
            String key = shard <= 1 ? c.get("name").asText() : c.get("name").asText() + "-" + shard;
            String block = block(tf, "aws_ecs_task_definition", key.replace('-', '_'));
            assertThat(intArg(block, "cpu")).as(key + " cpu").isEqualTo(c.get("cpuUnits").asInt());
            assertThat(intArg(block, "memory")).as(key + " memory").isEqualTo(c.get("memoryMiB").asInt());
            assertThat(block).contains("cpu_architecture        = \"" + (plan.get("architecture").asText().equals("arm64") ? "ARM64" : "X86_64") + "\"");
            if (c.get("name").asText().equals("prometheus")) {
                prometheusTasks++;
                int volume = expectedVolume(storage, sizing.get("shards").asInt(), samplesPerSecond(c) / totalSamples);
                assertRetention(block, storage, volume);
                String config = bundle.file("configs/" + key + ".yml");
                for (JsonNode svc : c.get("services")) {
                    String slug = ExportModel.slug(svc.asText());
                    assertThat(config).as(key + " scrapes " + svc.asText()).contains("- job_name: service-" + slug + "\n")
                            .contains("replacement: '" + svc.asText() + "'");
                }
                assertStorage(tf, block, key, storage, volume);
            }
        }
        assertThat(prometheusTasks).isEqualTo(sizing.get("shards").asInt());
        assertThat(count(tf, "resource \"aws_ecs_task_definition\" \"prometheus")).isEqualTo(prometheusTasks);
        assertThat(count(tf, "resource \"aws_ecs_service\" \"prometheus")).isEqualTo(prometheusTasks);
        int scrapedJobs = 0;
        for (String f : bundle.files().keySet()) {
            if (f.matches("configs/prometheus(-\\d+)?\\.yml")) {
                scrapedJobs += count(bundle.file(f), "- job_name: service-");
            }
        }
        assertThat(scrapedJobs).as("one scrape job per service").isEqualTo(scenario.workload().serviceCount());
    }

    /** The samples/s one Prometheus server ingests, from its CPU explanation in the plan JSON. */
    static double samplesPerSecond(JsonNode component) {
        for (JsonNode e : component.get("explanation")) {
            if (e.get("figure").asText().equals("prometheus requiredVcpu")) {
                return Double.parseDouble(e.get("inputs").get("samples/s").asText());
            }
        }
        throw new AssertionError("no samples/s in the explanation of " + component);
    }

    /**
     * The volume one server needs: the plan's when there is one server or the size is pinned; else its own share of the
     * needed GiB over 0.85, rounded up (never the whole stack's, never a flat average that under-sizes the first server).
     */
    static int expectedVolume(JsonNode storage, int shards, double share) {
        if (shards == 1 || storage.get("pinned").asBoolean()) {
            return (int) Math.ceil(storage.get("volumeGiB").asDouble() - 1e-9);
        }
        return (int) Math.max(1, Math.ceil(storage.get("neededGiB").asDouble() * share / 0.85 - 1e-9));
    }

    private static void assertRetention(String block, JsonNode storage, int volume) {
        Matcher t = Pattern.compile("--storage\\.tsdb\\.retention\\.time=(\\d+)(d|h)\"").matcher(block);
        assertThat(t.find()).as("retention.time flag in days or hours").isTrue();
        double days = Double.parseDouble(t.group(1)) / (t.group(2).equals("h") ? 24.0 : 1.0);
        assertThat(days).isCloseTo(storage.get("localRetentionDays").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        Matcher s = Pattern.compile("--storage\\.tsdb\\.retention\\.size=(\\d+)(GB|MB)\"").matcher(block);
        assertThat(s.find()).as("retention.size flag").isTrue();
        double gib = Long.parseLong(s.group(1)) / (s.group(2).equals("GB") ? 1.0 : 1024.0);
        double planned = Math.floor(volume * 0.85 * 100) / 100;
        assertThat(gib).as("retention.size GiB").isLessThanOrEqualTo(planned + 1e-9).isGreaterThan(planned - 1.0 / 1024);
    }

    private static void assertStorage(String tf, String taskBlock, String key, JsonNode storage, int volume) {
        switch (storage.get("backend").asText()) {
            case "ebs" -> {
                String svc = block(tf, "aws_ecs_service", key.replace('-', '_'));
                assertThat(intArg(svc, "size_in_gb")).as("EBS size").isEqualTo(volume);
                assertThat(svc).contains("volume_type      = \"gp3\"").contains("throughput       = 125");
                assertThat(taskBlock).contains("configure_at_launch = true");
            }
            case "efs" -> {
                assertThat(taskBlock).contains("efs_volume_configuration").contains("transit_encryption = \"ENABLED\"");
                assertThat(tf).contains("throughput_mode  = \"bursting\"").contains("encrypted        = true");
            }
            case "ephemeral", "amp-remote-write" -> {
                if (volume > 20) {
                    assertThat(intArg(taskBlock, "size_in_gib")).isEqualTo(volume);
                } else {
                    assertThat(taskBlock).doesNotContain("ephemeral_storage");
                }
            }
            case "thanos-s3" -> {
                // The local TSDB beside the sidecar: on EBS (thanos.localStorage: ebs) or on the task's ephemeral storage.
                if (taskBlock.contains("configure_at_launch = true")) {
                    assertThat(intArg(block(tf, "aws_ecs_service", key.replace('-', '_')), "size_in_gb")).as("EBS size").isEqualTo(volume);
                } else if (volume > 20) {
                    assertThat(intArg(taskBlock, "size_in_gib")).isEqualTo(volume);
                } else {
                    assertThat(taskBlock).doesNotContain("ephemeral_storage");
                }
            }
            default -> throw new AssertionError("unknown backend " + storage.get("backend"));
        }
    }

    static String block(String tf, String type, String name) {
        String start = "resource \"" + type + "\" \"" + name + "\" {";
        int i = tf.indexOf(start);
        assertThat(i).as(type + "." + name + " in the Terraform").isNotNegative();
        int end = tf.indexOf("\n}\n", i);
        return tf.substring(i, end + 2);
    }

    static int intArg(String block, String arg) {
        Matcher m = Pattern.compile("\\n\\s*" + arg + "\\s*=\\s*(\\d+)\\n").matcher(block);
        assertThat(m.find()).as(arg + " in " + block.lines().findFirst().orElse("")).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static List<String> lines(String s) {
        return new ArrayList<>(s.lines().toList());
    }
}
