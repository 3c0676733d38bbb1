package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, minor and security findings in the Terraform: services wait for what their first task needs, the exporter
 * has a health check, no all-protocol egress, Prometheus admits no service group, the config bucket is versioned and not
 * force_destroy, a customer KMS key can encrypt log groups and the bucket, the ALB logs and is protected in prod,
 * read-only root file systems, images pinnable by digest, the backup selection limited to this environment's volumes.
 */
class TerraformSecurityTest {
    private static final Pattern RESOURCE = Pattern.compile("(?m)^resource \"([a-z0-9_]+)\" \"([A-Za-z0-9_-]+)\" \\{\\n(.*?)\\n\\}", Pattern.DOTALL);

    static Stream<Arguments> exports() {
        return ExportTestSupport.COMMITTED.stream().map(c -> Arguments.of(c[0], ExportTestSupport.export(ExportTestSupport.plan(c[1]))));
    }

    private static String tf(ExportBundle b) {
        return b.files().entrySet().stream().filter(e -> e.getKey().endsWith(".tf")).map(Map.Entry::getValue).reduce("", String::concat);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void servicesWaitForWhatTheirFirstTaskNeeds(String name, ExportBundle b) {
        String all = tf(b);
        Matcher m = RESOURCE.matcher(all);
        int services = 0;
        while (m.find()) {
            if (!m.group(1).equals("aws_ecs_service")) {
                continue;
            }
            services++;
            String body = m.group(3);
            assertThat(body).as(m.group(2)).contains("aws_iam_role_policy_attachment.execution").contains("aws_iam_role_policy.execution");
            if (m.group(2).equals("thanos_query")) {
                // Thanos Query has no task role and reads no config: it reaches the data through the sidecars and the Store Gateway.
                assertThat(all).doesNotContain("aws_iam_role.thanos_query");
                continue;
            }
            String role = m.group(2).startsWith("prometheus") ? "prometheus_task" : m.group(2) + "_task";
            assertThat(body).as(m.group(2)).contains("aws_iam_role_policy." + role);
            if (m.group(2).startsWith("thanos_")) {
                assertThat(body).as(m.group(2) + " reads objstore.yml from the bucket").contains("aws_s3_object.thanos_objstore");
            } else if (!m.group(2).equals("cloudwatch_exporter")) {
                assertThat(body).as(m.group(2) + " reads its configs from the bucket").contains("aws_s3_object.config");
            }
            if (body.contains("managed_ebs_volume")) {
                assertThat(body).contains("aws_iam_role_policy_attachment.ecs_infrastructure");
            }
            if (m.group(2).equals("grafana")) {
                assertThat(body).contains("aws_efs_mount_target.monitoring").contains("aws_lb_listener.https");
            }
        }
        assertThat(services).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void egressIsNarrowAndPrometheusAdmitsNoServiceGroup(String name, ExportBundle b) {
        String sg = b.file("terraform/monitoring/security-groups.tf");
        assertThat(sg).doesNotContain("ip_protocol       = \"-1\"").doesNotContain("ip_protocol = \"-1\"").doesNotContain("\"0.0.0.0/0\"")
                .doesNotContain("prometheus_from_services");
        Matcher m = RESOURCE.matcher(sg);
        while (m.find()) {
            String body = m.group(3);
            if (m.group(1).equals("aws_vpc_security_group_egress_rule") && body.contains("cidr_ipv4")) {
                assertThat(body).as(m.group(2)).containsAnyOf("cidr_ipv4         = each.value\n  ip_protocol       = \"tcp\"\n  from_port         = 443",
                        "cidr_ipv4         = data.aws_vpc.this.cidr_block");
            }
            if (m.group(1).equals("aws_vpc_security_group_ingress_rule") && body.contains("security_group_id            = aws_security_group.prometheus.id")) {
                assertThat(body).as(m.group(2)).containsAnyOf("referenced_security_group_id = aws_security_group.grafana.id",
                        "referenced_security_group_id = aws_security_group.prometheus.id",
                        "referenced_security_group_id = aws_security_group.thanos_query.id");
            }
        }
        assertThat(b.file("terraform/monitoring/variables.tf")).contains("variable \"https_egress_cidrs\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void bucketsLogsAndKeys(String name, ExportBundle b) {
        String main = b.file("terraform/monitoring/main.tf");
        assertThat(main).doesNotContainPattern("\\n\\s*force_destroy\\s*=").contains("resource \"aws_s3_bucket_versioning\" \"config\"").contains("status = \"Enabled\"")
                .contains("kms_master_key_id = var.kms_key_arn");
        String all = tf(b);
        Matcher m = RESOURCE.matcher(all);
        while (m.find()) {
            if (m.group(1).equals("aws_cloudwatch_log_group")) {
                assertThat(m.group(3)).as(m.group(2)).contains("kms_key_id        = var.kms_key_arn");
            }
        }
        String alb = b.file("terraform/monitoring/alb.tf");
        assertThat(alb).contains("enable_deletion_protection = local.alb_deletion_protection").contains("dynamic \"access_logs\"")
                .contains("var.alb_deletion_protection == null ? var.environment == \"prod\"").contains("var.alb_access_logs == null ? var.environment == \"prod\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void readOnlyRootFileSystemsDigestsAndHealthChecks(String name, ExportBundle b) {
        for (String f : new String[] {"prometheus.tf", "grafana.tf", "cloudwatch-exporter.tf", "alertmanager.tf"}) {
            if (!b.files().containsKey("terraform/monitoring/" + f)) {
                continue;
            }
            assertThat(b.file("terraform/monitoring/" + f)).as(f).contains("readonlyRootFilesystem = true");
        }
        String exporter = b.file("terraform/monitoring/cloudwatch-exporter.tf");
        assertThat(exporter).contains("curl -fsS -o /dev/null http://localhost:9106/-/healthy").doesNotContain("localhost:9106/metrics");
        assertThat(b.file("terraform/monitoring/main.tf")).contains("lookup(var.image_digests, k, null) == null ? ref");
        assertThat(b.file("terraform/monitoring/variables.tf")).contains("variable \"image_digests\"").contains("^sha256:[0-9a-f]{64}$");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void backupSelectsThisEnvironmentsVolumesOnly(String name, ExportBundle b) {
        String backup = b.file("terraform/monitoring/backup.tf");
        if (!backup.contains("aws_backup_selection\" \"prometheus_ebs\"")) {
            return;
        }
        assertThat(backup).contains("ec2:${var.aws_region}:${data.aws_caller_identity.current.account_id}:volume/*")
                .contains("key   = \"aws:ResourceTag/promplan-stack\"\n      value = local.name").doesNotContain("ec2:*:*:volume/*");
    }
}
