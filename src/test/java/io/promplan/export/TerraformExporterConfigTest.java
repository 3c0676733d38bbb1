package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 5: above ~106 services configs/cloudwatch-exporter.yml outgrows a Standard SSM parameter (4,096
 * bytes). The parameter's tier follows the file's size (Advanced up to 8,192 bytes), a bigger config is read from the
 * config bucket, and the export says so (README and the warnings handed to the caller).
 */
class TerraformExporterConfigTest {
    static final String SERVICES_120 = "src/test/resources/scenarios/services-120.yaml";

    static Plan withServices(int n) {
        Scenario s = ExportTestSupport.read(SERVICES_120);
        return TestSupport.service().plan(s.withWorkload(s.workload().toBuilder().serviceCount(n).build()));
    }

    @Test
    void aConfigAboveFourKilobytesUsesAnAdvancedParameterAndSaysSo() throws Exception {
        // the first service count whose exporter config outgrows a Standard parameter (the services' target-group
        // selection grows it with every service)
        ExportBundle b = null;
        List<String> warnings = new ArrayList<>();
        int bytes = 0;
        for (int n = 10; n <= 120 && bytes <= 4096; n += 2) {
            warnings.clear();
            b = new Exporter().export(withServices(n), "prod", warnings::add);
            bytes = b.file("configs/cloudwatch-exporter.yml").getBytes(StandardCharsets.UTF_8).length;
        }
        assertThat(bytes).isGreaterThan(4096).isLessThanOrEqualTo(8192);
        String tf = b.file("terraform/monitoring/cloudwatch-exporter.tf");
        assertThat(tf).contains("tier        = local.exporter_config_bytes > 4096 ? \"Advanced\" : \"Standard\"")
                .contains("condition     = local.exporter_config_bytes <= 8192").contains("valueFrom = aws_ssm_parameter.cloudwatch_exporter_config.arn");
        assertThat(warnings).singleElement().asString().contains(bytes + " bytes").contains("Advanced tier");
        String readme = b.file("README.md");
        assertThat(readme).contains("- configs/cloudwatch-exporter.yml is " + bytes + " bytes, more than the 4,096 a Standard SSM parameter holds")
                .contains("Its config (" + bytes + " bytes) travels as an SSM parameter of the Advanced tier");
    }

    @Test
    void smallConfigsNeedNoWarning() throws Exception {
        List<String> warnings = new ArrayList<>();
        ExportBundle b = new Exporter().export(ExportTestSupport.plan("scenarios/seed-5-services.yaml"), "prod", warnings::add);
        assertThat(warnings).isEmpty();
        assertThat(b.file("README.md")).contains("SSM parameter of the Standard tier (up to 4,096 bytes)");
    }

    @Test
    void aConfigBeyondEightKilobytesIsReadFromTheBucket() throws Exception {
        Plan p = withServices(300);
        List<String> warnings = new ArrayList<>();
        ExportBundle b = new Exporter().export(p, "prod", warnings::add);
        int bytes = b.file("configs/cloudwatch-exporter.yml").getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isGreaterThan(8192);
        String tf = b.file("terraform/monitoring/cloudwatch-exporter.tf");
        assertThat(tf).doesNotContain("aws_ssm_parameter").contains("aws s3 cp s3://${aws_s3_bucket.config.id}/configs/cloudwatch-exporter.yml /config/config.yml");
        String iam = b.file("terraform/monitoring/iam.tf");
        String exporter = iam.substring(iam.indexOf("data \"aws_iam_policy_document\" \"cloudwatch_exporter_task\""));
        exporter = exporter.substring(0, exporter.indexOf("\n}\n"));
        assertThat(exporter).contains("resources = [\"${aws_s3_bucket.config.arn}/configs/cloudwatch-exporter.yml\"]")
                .contains("actions   = [\"s3:GetObject\"]");
        assertThat(iam).doesNotContain("aws_ssm_parameter.cloudwatch_exporter_config").contains("for_each = length(local.ssm_parameter_arns) > 0 ? [1] : []");
        assertThat(warnings).singleElement().asString().contains("reads it from the config bucket");
        assertThat(b.file("README.md")).contains("so the exporter reads it from the config bucket");
    }

    /** The byte count Terraform computes (base64 length, padding) equals the file's UTF-8 length, multi-byte text included. */
    @Test
    void terraformCountsBytesNotCharacters(@TempDir Path tmp) throws Exception {
        String terraform = TerraformFmtValidateTest.terraform();
        Assumptions.assumeTrue(terraform != null, "terraform not found: skipped");
        String main = ExportTestSupport.export(ExportTestSupport.plan(SERVICES_120)).file("terraform/monitoring/main.tf");
        Matcher m = Pattern.compile("\\n  exporter_config_bytes = (.*)\\n").matcher(main);
        assertThat(m.find()).isTrue();
        Path dir = Files.createDirectories(tmp.resolve("tf"));
        String[] samples = {"", "a", "ab", "abc", "region: ap-northeast-2\n", "서비스 이름: '결제'\n", "x".repeat(4097)};
        StringBuilder tf = new StringBuilder();
        for (int i = 0; i < samples.length; i++) {
            Files.writeString(dir.resolve("s" + i + ".yml"), samples[i], StandardCharsets.UTF_8);
            tf.append("output \"b").append(i).append("\" {\n  value = ").append(m.group(1).replace("local.exporter_config", "file(\"${path.module}/s" + i + ".yml\")"))
                    .append("\n}\n");
        }
        Files.writeString(dir.resolve("main.tf"), tf.toString());
        Map<String, String> env = TerraformFmtValidateTest.env(tmp);
        var init = TerraformFmtValidateTest.run(dir, env, terraform, "init", "-input=false", "-no-color");
        assertThat(init.code()).as(init.out()).isZero();
        var apply = TerraformFmtValidateTest.run(dir, env, terraform, "apply", "-auto-approve", "-input=false", "-no-color");
        assertThat(apply.code()).as(apply.out()).isZero();
        for (int i = 0; i < samples.length; i++) {
            var out = TerraformFmtValidateTest.run(dir, env, terraform, "output", "-raw", "b" + i);
            assertThat(Integer.parseInt(out.stdout().trim())).as("bytes of sample " + i).isEqualTo(samples[i].getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
