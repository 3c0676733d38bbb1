package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 3: with storage: ebs ECS deletes the volume with its task, so task replacements are kept rare (each
 * task definition hashes only the files that task reads; Prometheus is not replaced by a config change at all), a new
 * volume starts from the newest snapshot of its server (resolved on request, then kept), and the README states what each
 * storage choice loses on a replacement.
 */
class TerraformReplacementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String EBS = "src/test/resources/scenarios/arm64-ebs-12-services.yaml";

    @Test
    void eachTaskHashesOnlyTheFilesItReads() {
        ExportBundle b = ExportTestSupport.export(ExportTestSupport.plan(EBS));
        String main = b.file("terraform/monitoring/main.tf");
        assertThat(main).contains("grafana             = [for f in keys(local.config_files) : f if startswith(f, \"configs/grafana/\") || startswith(f, \"dashboards/\")]")
                .contains("cloudwatch_exporter = [\"configs/cloudwatch-exporter.yml\"]").contains("alertmanager        = [\"configs/alertmanager.yml\"]");
        String prom = b.file("terraform/monitoring/prometheus.tf");
        assertThat(prom).doesNotContain("CONFIG_SHA256").doesNotContain("local.config_sha256").contains("pid_mode = \"task\"")
                .contains("command    = [local.prometheus_sync_script]").contains("kill -HUP");
        assertThat(b.file("terraform/monitoring/grafana.tf")).contains("{ name = \"CONFIG_SHA256\", value = local.config_sha256[\"grafana\"] }");
        assertThat(b.file("terraform/monitoring/alertmanager.tf")).contains("{ name = \"CONFIG_SHA256\", value = local.config_sha256[\"alertmanager\"] }");
        assertThat(b.file("terraform/monitoring/cloudwatch-exporter.tf")).contains("{ name = \"CONFIG_SHA256\", value = local.config_sha256[\"cloudwatch_exporter\"] }");
    }

    @Test
    void aNewVolumeStartsFromTheNewestSnapshotResolvedOnRequest() {
        ExportBundle b = ExportTestSupport.export(ExportTestSupport.plan(EBS));
        String ebs = b.file("terraform/monitoring/ebs.tf");
        assertThat(ebs).contains("data \"aws_ebs_snapshot_ids\" \"prometheus\"").contains("values = [local.name]").contains("values = [each.key]")
                .contains("values = [\"completed\"]").contains("input            = try(each.value.ids[0], null)")
                .contains("triggers_replace = lookup(var.prometheus_restore_requests, each.key, 0)").contains("ignore_changes = [input]");
        String prom = b.file("terraform/monitoring/prometheus.tf");
        assertThat(prom).contains("snapshot_id = local.prometheus_restore_snapshot[\"prometheus\"]").contains("\"promplan-stack\"  = local.name");
        assertThat(b.file("terraform/monitoring/variables.tf")).contains("variable \"prometheus_restore_requests\"");
        assertThat(b.file("terraform/monitoring/backup.tf")).contains("\"promplan-stack\" = local.name");
    }

    @Test
    void readmeStatesWhatEachStorageChoiceLoses() {
        for (String[] c : ExportTestSupport.COMMITTED) {
            ExportBundle b = ExportTestSupport.export(ExportTestSupport.plan(c[1]));
            String readme = b.file("README.md");
            assertThat(readme).as(c[0]).contains("## What a task replacement loses").contains("A config or rule change does not replace Prometheus");
            String mine = b.file("terraform/monitoring/versions.tf").isEmpty() ? "" : ExportTestSupport.plan(c[1]).sizing().storage().backend().key();
            for (String key : new String[] {"ebs", "ephemeral", "amp-remote-write", "efs"}) {
                assertThat(readme).as(c[0] + " " + key).contains(key.equals(mine) ? "| **" + key + "** (this export) | " : "| " + key + " | ");
            }
        }
        String ebs = ExportTestSupport.export(ExportTestSupport.plan(EBS)).file("README.md");
        assertThat(ebs).contains("| **ebs** (this export) | the volume (ECS deletes a service-managed volume with its task)");
    }

    /**
     * Terraform itself (with the provider mirror): editing a dashboard changes Grafana's hash only; editing a rule changes
     * no task definition's hash (Prometheus reloads it through its sidecar).
     */
    @Test
    void terraformHashesChangeOnlyForTheTaskThatReadsTheFile(@TempDir Path tmp) throws Exception {
        String terraform = TerraformFmtValidateTest.terraform();
        Assumptions.assumeTrue(terraform != null, "terraform not found: skipped");
        Path root = tmp.resolve("export");
        TestSupport.Run run = TestSupport.cli("export", EBS, "--out", root.toString(), "--prices", "pricing-data", "--quiet");
        assertThat(run.code()).isZero();
        Path module = root.resolve("terraform/monitoring");
        Map<String, String> env = TerraformFmtValidateTest.env(tmp);
        TerraformFmtValidateTest.init("config hashes", module, env, terraform);
        JsonNode before = hashes(module, env, terraform);
        Path dashboard;
        try (var s = Files.list(root.resolve("dashboards"))) {
            dashboard = s.sorted().findFirst().orElseThrow();
        }
        Files.writeString(dashboard, Files.readString(dashboard).replace("\"title\"", "\"description\": \"edited\", \"title\""));
        JsonNode afterDashboard = hashes(module, env, terraform);
        assertThat(afterDashboard.get("grafana")).isNotEqualTo(before.get("grafana"));
        assertThat(afterDashboard.get("alertmanager")).isEqualTo(before.get("alertmanager"));
        assertThat(afterDashboard.get("cloudwatch_exporter")).isEqualTo(before.get("cloudwatch_exporter"));
        assertThat(afterDashboard.has("prometheus")).isFalse();
        Path rule;
        try (var s = Files.list(root.resolve("configs/rules"))) {
            rule = s.sorted().findFirst().orElseThrow();
        }
        Files.writeString(rule, Files.readString(rule) + "\n");
        assertThat(hashes(module, env, terraform)).isEqualTo(afterDashboard);
    }

    private static JsonNode hashes(Path module, Map<String, String> env, String terraform) throws Exception {
        Path in = module.resolve("console-input.txt");
        Files.writeString(in, "jsonencode(local.config_sha256)\n");
        ProcessBuilder pb = new ProcessBuilder(terraform, "console", "-no-color").directory(module.toFile()).redirectInput(in.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor()).as(out + err).isZero();
        Matcher m = Pattern.compile("\"(\\{.*\\})\"").matcher(out.replace("\\\"", "'"));
        assertThat(m.find()).as(out).isTrue();
        return JSON.readTree(m.group(1).replace("'", "\""));
    }
}
