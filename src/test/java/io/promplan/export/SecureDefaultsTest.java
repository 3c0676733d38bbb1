package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Secure by default: nothing admits the internet inbound, TLS only, encrypted storage, least privilege, no secrets. */
class SecureDefaultsTest {
    private static final Pattern RESOURCE = Pattern.compile("(?m)^resource \"([a-z0-9_]+)\" \"([A-Za-z0-9_-]+)\" \\{\\n(.*?)\\n\\}", Pattern.DOTALL);

    static Stream<Arguments> exports() {
        return ExportTestSupport.COMMITTED.stream().map(c -> Arguments.of(c[0], ExportTestSupport.export(ExportTestSupport.plan(c[1]))));
    }

    private static String terraform(ExportBundle b) {
        return b.files().entrySet().stream().filter(e -> e.getKey().endsWith(".tf")).map(Map.Entry::getValue).reduce("", String::concat);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void noSecurityGroupAdmitsTheWorldInbound(String name, ExportBundle b) {
        String tf = terraform(b);
        assertThat(tf).as("security groups carry no inline rules").doesNotContain("ingress {");
        Matcher m = RESOURCE.matcher(tf);
        int ingress = 0;
        while (m.find()) {
            if (m.group(1).equals("aws_vpc_security_group_ingress_rule") || m.group(1).equals("aws_security_group_rule")) {
                ingress++;
                assertThat(m.group(3)).as(m.group(2)).doesNotContain("0.0.0.0/0").doesNotContain("::/0").doesNotContain("cidr_ipv6");
                assertThat(m.group(3)).as(m.group(2) + ": from a security group or var.allowed_cidrs")
                        .containsAnyOf("referenced_security_group_id", "for_each = toset(var.allowed_cidrs)");
            }
        }
        assertThat(ingress).isGreaterThan(5);
        String vars = b.file("terraform/monitoring/variables.tf");
        String allowed = vars.substring(vars.indexOf("variable \"allowed_cidrs\""), vars.indexOf("variable \"acm_certificate_arn\""));
        assertThat(allowed).doesNotContainPattern("\\n\\s*default\\s*=").contains("!endswith(c, \"/0\")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void grafanaOnlyOverHttpsWithACurrentTlsPolicy(String name, ExportBundle b) {
        String alb = b.file("terraform/monitoring/alb.tf");
        assertThat(alb).contains("protocol          = \"HTTPS\"").contains("ssl_policy        = var.alb_ssl_policy")
                .contains("certificate_arn   = var.acm_certificate_arn").contains("status_code = \"HTTP_301\"");
        assertThat(b.file("terraform/monitoring/variables.tf")).contains("default     = \"ELBSecurityPolicy-TLS13-1-2-2021-06\"");
        String sg = b.file("terraform/monitoring/security-groups.tf");
        assertThat(sg).contains("resource \"aws_vpc_security_group_ingress_rule\" \"grafana_from_alb\"");
        Matcher m = RESOURCE.matcher(sg);
        int intoGrafana = 0;
        while (m.find()) {
            if (m.group(1).equals("aws_vpc_security_group_ingress_rule") && m.group(3).contains("security_group_id            = aws_security_group.grafana.id")) {
                intoGrafana++;
                assertThat(m.group(3)).contains("referenced_security_group_id = aws_security_group.alb.id");
            }
        }
        assertThat(intoGrafana).as("Grafana admits the ALB only").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void storageEncryptedAndLeastPrivilegeRoles(String name, ExportBundle b) {
        String efs = b.file("terraform/monitoring/efs.tf");
        assertThat(efs).contains("encrypted        = true").contains("aws:SecureTransport").contains("aws_efs_access_point");
        String tf = terraform(b);
        assertThat(tf).doesNotContain("transit_encryption = \"DISABLED\"").doesNotContain("iam             = \"DISABLED\"");
        String iam = b.file("terraform/monitoring/iam.tf");
        String exporter = iam.substring(iam.indexOf("data \"aws_iam_policy_document\" \"cloudwatch_exporter_task\""));
        exporter = exporter.substring(0, exporter.indexOf("\n}\n"));
        assertThat(exporter).contains("actions   = [\"cloudwatch:GetMetricData\", \"cloudwatch:ListMetrics\", \"tag:GetResources\"]");
        assertThat(count(exporter, "actions")).isEqualTo(1);
        assertThat(tf).doesNotContain("\"*:*\"").doesNotContain("AdministratorAccess");
        assertThat(tf).contains("retention_in_days = var.log_retention_days");
        assertThat(b.file("terraform/monitoring/backup.tf")).contains("aws_backup_plan");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void secretsComeFromSecretsManagerOrSsmAndAreNeverWritten(String name, ExportBundle b) {
        String grafana = b.file("terraform/monitoring/grafana.tf");
        assertThat(grafana).contains("valueFrom = var.grafana_admin_password_secret_arn")
                .contains("valueFrom = var.grafana_oauth_client_secret_arn");
        for (var e : b.files().entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).doesNotContain("hooks.slack.com/services/T").doesNotContainIgnoringCase("password =");
        }
        if (b.files().containsKey("configs/alertmanager.yml")) {
            assertThat(b.file("configs/alertmanager.yml")).contains("slack_api_url_file:").doesNotContain("api_url:");
            assertThat(b.file("terraform/monitoring/alertmanager.tf")).contains("valueFrom = var.slack_webhook_secret_arn");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void prometheusAndAlertmanagerOnlyFromInsideTheVpc(String name, ExportBundle b) {
        String sg = b.file("terraform/monitoring/security-groups.tf");
        Matcher m = RESOURCE.matcher(sg);
        while (m.find()) {
            String body = m.group(3);
            if (body.contains("security_group_id            = aws_security_group.prometheus.id")
                    || body.contains("security_group_id            = aws_security_group.alertmanager.id")) {
                assertThat(body).as(m.group(2)).contains("referenced_security_group_id").doesNotContain("cidr_ipv4");
            }
        }
    }

    private static int count(String text, String needle) {
        return SizedValuesTest.count(text, needle);
    }
}
