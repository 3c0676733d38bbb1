package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.core.cost.CostLine;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.CloudWatchMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each part of an export must hold, read back from the generated files. */
class ExportContentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> exports() {
        return ExportTestSupport.COMMITTED.stream().map(c -> {
            Plan p = ExportTestSupport.plan(c[1]);
            return Arguments.of(c[0], p, ExportTestSupport.export(p));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void terraformLayoutOfThePlan(String name, Plan p, ExportBundle b) {
        String tf = "terraform/monitoring/";
        assertThat(b.files()).containsKeys(tf + "versions.tf", tf + "main.tf", tf + "prometheus.tf", tf + "grafana.tf", tf + "cloudwatch-exporter.tf",
                tf + "alb.tf", tf + "efs.tf", tf + "iam.tf", tf + "security-groups.tf", tf + "route53.tf", tf + "service-discovery.tf", tf + "backup.tf",
                tf + "variables.tf", tf + "outputs.tf", tf + "terraform.example.tfvars", "README.md", ReadmeFiles.INFRACOST_FILE);
        assertThat(b.files().containsKey(tf + "alertmanager.tf")).isEqualTo(p.scenario().workload().alertmanager());
        assertThat(b.files().containsKey(tf + "ebs.tf")).isEqualTo(p.sizing().storage().backend().key().equals("ebs"));
        assertThat(b.file(tf + "versions.tf")).contains("required_version = \">= 1.5.0\"").contains("source  = \"hashicorp/aws\"");
        String vars = b.file(tf + "variables.tf");
        int variables = SizedValuesTest.count(vars, "\nvariable \"") + (vars.startsWith("variable \"") ? 1 : 0);
        assertThat(SizedValuesTest.count(vars, "  description = ")).isGreaterThanOrEqualTo(variables);
        assertThat(SizedValuesTest.count(vars, "  type        = ")).isEqualTo(variables);
        assertThat(SizedValuesTest.count(vars, "validation {")).isGreaterThan(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void prometheusConfigUsesDiscoveryPrometheus2Accepts(String name, Plan p, ExportBundle b) {
        String prom = b.files().entrySet().stream().filter(e -> e.getKey().matches("configs/prometheus(-\\d+)?\\.yml"))
                .map(e -> e.getValue()).reduce("", String::concat);
        assertThat(prom).doesNotContain("ecs_sd_configs").doesNotContain("aws_sd_configs").doesNotContain("ec2_sd_configs");
        assertThat(prom).contains("scrape_interval: " + p.scenario().workload().scrapeInterval().text());
        for (var svc : p.scenario().workload().services()) {
            String job = "- job_name: service-" + ExportModel.slug(svc.name()) + "\n";
            int at = prom.indexOf(job);
            assertThat(at).as(job).isNotNegative();
            int next = prom.indexOf("- job_name:", at + job.length());
            String body = prom.substring(at, next < 0 ? prom.length() : next);
            assertThat(body).contains("dns_sd_configs:").contains("target_label: service").contains("replacement: '" + svc.name() + "'")
                    .contains("target_label: env");
        }
        String rules = String.join("\n", b.files().entrySet().stream().filter(e -> e.getKey().startsWith("configs/rules/")).map(e -> e.getValue()).toList());
        assertThat(rules).contains("alert: HighCPUUsage").contains("alert: ServiceDown").contains("alert: TargetDown")
                .contains("alert: PrometheusStorageFilling").contains("alert: PrometheusMemoryNearLimit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void grafanaProvisioningAndExporterConfig(String name, Plan p, ExportBundle b) {
        String ds = b.file("configs/grafana/provisioning/datasources/datasources.yml");
        assertThat(ds).contains("type: prometheus").contains("isDefault: true").contains("type: cloudwatch")
                .contains("defaultRegion: " + p.region());
        assertThat(SizedValuesTest.count(ds, "isDefault: true")).isEqualTo(1);
        assertThat(b.file("configs/grafana/provisioning/dashboards/dashboards.yml")).contains("path: /etc/grafana/dashboards");
        String cwe = b.file("configs/cloudwatch-exporter.yml");
        assertThat(cwe).contains("region: " + p.region());
        for (CloudWatchMetric m : p.scenario().workload().exporter().metrics()) {
            assertThat(cwe).contains("aws_namespace: " + m.namespace() + "\n    aws_metric_name: " + m.name() + "\n");
        }
        if (p.scenario().workload().alertmanager()) {
            String am = b.file("configs/alertmanager.yml");
            assertThat(am).contains("severity=\"critical\"").contains("receiver: slack-critical").contains("severity=\"warning\"")
                    .contains("receiver: slack-warning").contains("repeat_interval: 12h").contains("- alertname\n    - service\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void dashboardsOfThePlan(String name, Plan p, ExportBundle b) throws Exception {
        List<String> titles = new ArrayList<>();
        for (var e : b.files().entrySet()) {
            if (e.getKey().startsWith("dashboards/")) {
                JsonNode d = JSON.readTree(e.getValue());
                titles.add(d.get("title").asText());
                assertThat(d.get("uid").asText().length()).isLessThanOrEqualTo(40);
            }
        }
        assertThat(titles).contains("Infrastructure Overview", "ECS Cluster", "Application Performance", "Cost Estimation");
        assertThat(titles.stream().filter(t -> t.startsWith("Service: "))).hasSize(p.scenario().workload().serviceCount());
        String perf = b.file("dashboards/application-performance.json");
        assertThat(perf).contains("histogram_quantile(0.50").contains("histogram_quantile(0.95").contains("histogram_quantile(0.99")
                .contains("RPS").contains("Error rate");
        String cost = b.file("dashboards/cost-estimation.json");
        CostLine vcpu = p.selfHosted().lines().stream().filter(l -> l.key().equals("fargate:prometheus:vcpu")).findFirst().orElseThrow();
        CostLine mem = p.selfHosted().lines().stream().filter(l -> l.key().equals("fargate:prometheus:memory")).findFirst().orElseThrow();
        assertThat(cost).contains("* " + vcpu.price().firstTierUsd().stripTrailingZeros().toPlainString() + " * 730")
                .contains("* " + mem.price().firstTierUsd().stripTrailingZeros().toPlainString() + " * 730");
        String costRules = b.file("configs/rules/cost.yml");
        for (CostLine l : p.selfHosted().lines()) {
            l.monthlyRounded().ifPresent(m -> assertThat(costRules).contains("expr: vector(" + m.amount().toPlainString() + ")\n        labels:\n          line: '"
                    + l.item().replace("'", "''") + "'"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void readmeShowsTheCostLineByLineAndTheWarnings(String name, Plan p, ExportBundle b) {
        String readme = b.file("README.md");
        assertThat(readme).startsWith(ExportWriter.MARKER + "\n").contains(p.priceSnapshot()).contains(p.pricesAsOf());
        for (CostLine l : p.selfHosted().lines()) {
            assertThat(readme).contains("| " + l.item() + " | " + l.quantity().stripTrailingZeros().toPlainString() + " | ");
            l.monthlyRounded().ifPresent(m -> assertThat(readme).contains(m.format()));
        }
        assertThat(readme).contains("| **Total** | | | | **" + p.selfHosted().monthly().format() + "** |");
        if (p.sizing().storage().backend().key().equals("efs")) {
            assertThat(readme).contains("EFS is not supported by Prometheus");
            assertThat(b.file("terraform/monitoring/efs.tf")).contains("does not support NFS file systems");
        }
        p.assumedPrices().stream().filter(r -> r.usedBy().stream().anyMatch(u -> u.startsWith("self-hosted/")))
                .forEach(r -> assertThat(readme).contains(r.price().id().id()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void infracostUsageHoldsThePlannersFigures(String name, Plan p, ExportBundle b) throws Exception {
        JsonNode u = JSON.readTree(b.file(ReadmeFiles.INFRACOST_FILE));
        assertThat(u.get("version").asText()).isEqualTo("0.1");
        JsonNode ru = u.get("resource_usage");
        double efs = p.sizing().storage().grafanaGiB() + (p.sizing().storage().backend().key().equals("efs") ? p.sizing().storage().billedPrometheusGiB() : 0);
        assertThat(ru.get("aws_efs_file_system.monitoring").get("storage_gb").asDouble()).isCloseTo(efs, org.assertj.core.data.Offset.offset(0.001));
        CostLine out = p.selfHosted().lines().stream().filter(l -> l.key().equals("transfer:out")).findFirst().orElseThrow();
        assertThat(ru.get("aws_data_transfer.monitoring").get("monthly_outbound_internet_gb").asDouble())
                .isCloseTo(out.quantity().doubleValue(), org.assertj.core.data.Offset.offset(0.001));
        for (var c : p.sizing().components()) {
            assertThat(ru.has("aws_cloudwatch_log_group." + c.key().replace('-', '_'))).isTrue();
        }
    }

    @Test
    void hclStringsAreEscaped() {
        assertThat(Hcl.str("a \"b\" ${c} %{d} \\e")).isEqualTo("\"a \\\"b\\\" $${c} %%{d} \\\\e\"");
        assertThat(Hcl.tagValue("Seed plan: 5 services (as written)")).isEqualTo("Seed plan: 5 services as written");
        assertThat(ExportModel.slug("  API_1 / Orders ")).isEqualTo("api-1-orders");
        assertThat(ExportModel.logRetention(31)).isEqualTo(60);
    }
}
