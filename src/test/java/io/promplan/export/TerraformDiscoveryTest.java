package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.core.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 7: a service already registered in another Cloud Map namespace (an ECS service has one service
 * registry) can be scraped through ECS-API discovery: the sync sidecar of its Prometheus task lists the service's tasks
 * and writes file_sd targets. The Terraform offers it when the Prometheus configs read file_sd files (the scrape-config
 * side lives in ConfigFiles); without them the export says it uses Cloud Map only.
 */
class TerraformDiscoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SHARDED = "src/test/resources/scenarios/ebs-sharded-40-services.yaml";

    /** The export with each service job also reading /etc/prometheus/file_sd/service-SLUG.json (the ConfigFiles side). */
    static Map<String, String> exportWithFileSd(Plan p) throws ExportException {
        ExportModel m = new ExportModel(p, Exporter.DEFAULT_ENVIRONMENT);
        TreeMap<String, String> files = new TreeMap<>();
        new ConfigFiles(m).addTo(files);
        // every service job reads its file_sd file (written by the config-sync sidecar for ECS-API discovery)
        for (ExportModel.Shard s : m.shards) {
            String cfg = files.get(s.configFile());
            for (ExportModel.Svc v : s.services()) {
                assertThat(cfg).contains("      - files:\n          - " + TerraformFiles.FILE_SD_DIR + v.job() + ".json\n");
            }
        }
        new DashboardFiles(m).addTo(files);
        Map<String, String> uploaded = new TreeMap<>(files);
        new TerraformFiles(m, uploaded).addTo(files);
        new ReadmeFiles(m).addTo(files);
        return files;
    }

    @Test
    void withFileSdConfigsTheExportOffersEcsApiDiscoveryPerService() throws Exception {
        Plan p = ExportTestSupport.plan(SHARDED);
        Map<String, String> f = exportWithFileSd(p);
        String sd = f.get("terraform/monitoring/service-discovery.tf");
        assertThat(sd).contains("resource \"aws_s3_object\" \"ecs_discovery\"")
                .contains("\"service-${k} ${local.ecs_service_names[k]}\" if local.discovery[k] == \"ecs-api\"");
        // each server's list holds its own services only
        ExportModel m = new ExportModel(p, "prod");
        for (ExportModel.Shard s : m.shards) {
            String line = sd.lines().filter(l -> l.trim().startsWith("\"" + s.key() + "\"")).findFirst().orElseThrow();
            for (ExportModel.Svc v : m.services) {
                assertThat(line.contains("\"" + v.slug() + "\"")).as(s.key() + " lists " + v.slug()).isEqualTo(v.shardKey().equals(s.key()));
            }
        }
        String vars = f.get("terraform/monitoring/variables.tf");
        assertThat(vars).contains("variable \"service_discovery\"").contains("contains([\"cloud-map\", \"ecs-api\"], v)").contains("variable \"ecs_service_names\"");
        String prom = f.get("terraform/monitoring/prometheus.tf");
        assertThat(prom).contains("{ name = \"DISCOVERY_KEY\", value = aws_s3_object.ecs_discovery[\"prometheus-2\"].key }")
                .contains("aws ecs list-tasks --cluster \"$ECS_CLUSTER\" --service-name \"$service\"")
                .contains("/etc/prometheus/file_sd/$job.json");
        String iam = f.get("terraform/monitoring/iam.tf");
        assertThat(iam).contains("actions   = [\"ecs:ListTasks\", \"ecs:DescribeTasks\"]").contains("variable = \"ecs:cluster\"")
                .contains("\"${aws_s3_bucket.config.arn}/discovery/*\"");
        assertThat(f.get("README.md")).contains("ECS-API discovery").contains("service_discovery");
        assertThat(f.get("terraform/monitoring/outputs.tf")).contains("k => s.arn if local.discovery[k] == \"cloud-map\"").contains("output \"service_discovery\"");
    }

    @Test
    void withoutFileSdConfigsTheExportSaysItUsesCloudMapOnly() {
        ExportBundle b = ExportTestSupport.export(ExportTestSupport.plan(SHARDED));
        boolean fileSd = b.files().entrySet().stream().anyMatch(e -> e.getKey().startsWith("configs/prometheus")
                && e.getValue().contains(TerraformFiles.FILE_SD_DIR));
        Assumptions.assumeFalse(fileSd, "the Prometheus configs already read file_sd files: covered by the test above");
        assertThat(b.file("terraform/monitoring/service-discovery.tf")).contains("for_each = local.scraped_services").doesNotContain("ecs_discovery");
        assertThat(b.file("terraform/monitoring/variables.tf")).doesNotContain("service_discovery");
        assertThat(b.file("README.md")).contains("Discovery: Cloud Map DNS only");
    }

    /** The ECS-API variant is valid Terraform too (terraform fmt and validate, when available; see TerraformFmtValidateTest). */
    @Test
    void ecsApiVariantPassesTerraformFmtAndValidate(@TempDir Path tmp) throws Exception {
        String terraform = TerraformFmtValidateTest.terraform();
        Assumptions.assumeTrue(terraform != null, "terraform not found: skipped");
        Path root = tmp.resolve("export");
        for (var e : exportWithFileSd(ExportTestSupport.plan(SHARDED)).entrySet()) {
            Path f = root.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        if (System.getProperty("discovery.out") != null) {
            // mvn test -Dtest=TerraformDiscoveryTest -Ddiscovery.out=DIR keeps the variant for export-check.
            TerraformFmtValidateTest.copy(root, Path.of(System.getProperty("discovery.out")));
        }
        Path module = root.resolve("terraform/monitoring");
        Map<String, String> env = TerraformFmtValidateTest.env(tmp);
        var fmt = TerraformFmtValidateTest.run(module, env, terraform, "fmt", "-check", "-recursive", "-diff", "-no-color", ".");
        assertThat(fmt.code()).as(fmt.out()).isZero();
        TerraformFmtValidateTest.init("ECS-API discovery variant (fmt passed)", module, env, terraform);
        var validate = TerraformFmtValidateTest.run(module, env, terraform, "validate", "-json", "-no-color");
        JsonNode r = JSON.readTree(validate.stdout());
        assertThat(r.path("valid").asBoolean()).as(validate.stdout()).isTrue();
        assertThat(r.path("warning_count").asInt()).as(validate.stdout()).isZero();
    }
}
