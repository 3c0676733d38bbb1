package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.promplan.core.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The alerting and dashboard findings of issue 11, read back from the generated files (no binaries needed; the real
 * promtool/amtool/Prometheus/Alertmanager runs are in RealSoftwareTest, AlertRulesUnitTest and AlertEndToEndTest).
 */
class AlertingContentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    static Stream<Arguments> exports() {
        return ExportTestSupport.COMMITTED.stream().map(c -> {
            Plan p = ExportTestSupport.plan(c[1]);
            return Arguments.of(c[0], p, ExportTestSupport.export(p));
        });
    }

    /** Every service has a ServiceDown for "no target at all", evaluated by the server that scrapes it and only there. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void everyServiceHasAnAbsentServiceDownOnItsOwnServer(String name, Plan p, ExportBundle b) throws Exception {
        int servers = 0;
        for (String f : b.files().keySet()) {
            if (!f.matches("configs/prometheus(-\\d+)?\\.yml")) {
                continue;
            }
            servers++;
            String key = f.substring("configs/".length(), f.length() - 4);
            JsonNode cfg = YAML.readTree(b.file(f));
            List<String> ruleFiles = new ArrayList<>();
            cfg.path("rule_files").forEach(r -> ruleFiles.add(r.asText()));
            assertThat(ruleFiles).contains("rules/services.yml", "rules/" + key + "-services.yml", "rules/" + key + "-self.yml");
            String own = b.file("configs/rules/" + key + "-services.yml");
            List<String> jobs = new ArrayList<>();
            cfg.path("scrape_configs").forEach(j -> {
                if (j.path("job_name").asText().startsWith("service-")) {
                    jobs.add(j.path("job_name").asText());
                }
            });
            for (String job : jobs) {
                assertThat(own).as(key + " watches " + job).containsPattern(Pattern.quote("'absent(up{job=\"" + job + "\",service=\"") + "[^\"]+\"}\\)'");
            }
            assertThat(SizedValuesTest.count(own, "- alert: ServiceDown")).as("one rule per service of " + key).isEqualTo(jobs.size());
            assertThat(own).contains("for: 2m").contains("severity: critical").contains("cause: no-target");
        }
        assertThat(servers).isEqualTo(p.sizing().shards());
        String services = b.file("configs/rules/services.yml");
        assertThat(services).contains("expr: up{job=~\"service-.*\"} == 0")
                .contains("max_over_time(up{job!~\"service-.*\"}[1h])) unless on (job, service)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void alertmanagerGroupsForFiveMinutesAndColoursItsMessages(String name, Plan p, ExportBundle b) {
        String am = b.file("configs/alertmanager.yml");
        assertThat(am).contains("group_wait: 10s").contains("group_interval: 5m").doesNotContain("group_interval: 10s")
                .contains("color: '{{ if eq .Status \"firing\" }}danger{{ else }}good{{ end }}'");
    }

    /** TargetResponseTime: the exporter and the dashboard select the services' target groups, not every ALB in the region. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void albLatencySelectsOnlyTheServicesTargetGroups(String name, Plan p, ExportBundle b) throws Exception {
        JsonNode cwe = YAML.readTree(b.file("configs/cloudwatch-exporter.yml"));
        JsonNode alb = null;
        for (JsonNode m : cwe.path("metrics")) {
            if (m.path("aws_metric_name").asText().equals("TargetResponseTime")) {
                alb = m;
            }
        }
        // A scenario that does not request the ALB metric (thanos-40-services-1y asks for the ECS metrics only) exports no
        // TargetResponseTime at all, so no exporter reads every ALB of the region.
        boolean requested = p.scenario().workload().exporter().metrics().stream().anyMatch(m -> m.name().equals("TargetResponseTime"));
        if (!requested) {
            assertThat(alb).as(name + ": TargetResponseTime not requested").isNull();
            return;
        }
        assertThat(alb).isNotNull();
        JsonNode tg = alb.path("aws_dimension_select_regex").path("TargetGroup");
        assertThat(tg.size()).isEqualTo(p.scenario().workload().serviceCount());
        List<Pattern> java = new ArrayList<>();
        tg.forEach(r -> java.add(Pattern.compile(r.asText())));
        String first = ExportModel.slug(p.scenario().workload().services().get(0).name());
        String panel = null;
        for (JsonNode pn : JSON.readTree(b.file("dashboards/infrastructure.json")).path("panels")) {
            if (pn.path("title").asText().startsWith("ALB target response time")) {
                panel = pn.path("targets").get(0).path("expr").asText();
            }
        }
        assertThat(panel).startsWith("aws_applicationelb_target_response_time_average{job=\"cloudwatch\",target_group=~\"");
        Pattern promql = Pattern.compile(panel.replaceAll(".*target_group=~\"([^\"]+)\".*", "$1"));
        for (String value : List.of("targetgroup/" + first + "/0123456789abcdef", "targetgroup/" + first + "-prod/0123456789abcdef")) {
            assertThat(java.stream().anyMatch(r -> r.matcher(value).matches())).as(value).isTrue();
            assertThat(promql.matcher(value).matches()).as(value).isTrue();
        }
        for (String other : List.of("targetgroup/grafana-prod/0123456789abcdef", "targetgroup/unrelated-shop/0123456789abcdef")) {
            assertThat(java.stream().noneMatch(r -> r.matcher(other).matches())).as(other).isTrue();
            assertThat(promql.matcher(other).matches()).as(other).isFalse();
        }
    }

    /** The dashboards' metric names are a contract the monitored services must meet: stated where the dashboards and jobs are. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void theMetricsContractIsStated(String name, Plan p, ExportBundle b) throws Exception {
        assertThat(b.file("configs/prometheus.yml")).contains(ConfigFiles.METRICS_CONTRACT);
        for (var e : b.files().entrySet()) {
            if (e.getKey().startsWith("dashboards/") && (e.getKey().contains("service-") || e.getKey().contains("application-performance")
                    || e.getKey().contains("infrastructure"))) {
                assertThat(JSON.readTree(e.getValue()).path("description").asText()).as(e.getKey())
                        .contains("http_requests_total{status=").contains("http_request_duration_seconds_bucket");
            }
        }
        // "Services down" counts services with no target too (ServiceDown of either kind), not only up == 0
        assertThat(b.file("dashboards/infrastructure.json")).contains("ALERTS{alertname=\\\"ServiceDown\\\",alertstate=\\\"firing\\\"}");
    }

    /** Exporter health from Prometheus: API errors and missing ECS series page (its scrape is TargetDown's). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void cloudwatchExporterHealthIsAlerted(String name, Plan p, ExportBundle b) {
        String ecs = b.file("configs/rules/ecs.yml");
        assertThat(ecs).contains("alert: CloudWatchExporterErrors").contains("cloudwatch_exporter_scrape_error{job=\"cloudwatch\"} > 0")
                .contains("absent(aws_ecs_cpuutilization_average{job=\"cloudwatch\"})").contains("absent(aws_ecs_memory_utilization_average{job=\"cloudwatch\"})");
    }
}
