package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.core.plan.Plan;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 6: with amp-remote-write the workspace keeps the priced retention (not AWS's default 150 days), and
 * Grafana's task can query it with SigV4 (aps:QueryMetrics and the other read actions, the query URL in its environment).
 * The datasource file itself is ConfigFiles' (configs/grafana/provisioning/datasources/datasources.yml).
 */
class TerraformAmpTest {
    static final String AMP = "src/test/resources/scenarios/amp-sharded-20-services.yaml";

    @Test
    void workspaceKeepsThePricedRetention() {
        Plan p = ExportTestSupport.plan(AMP);
        ExportBundle b = ExportTestSupport.export(p);
        String amp = b.file("terraform/monitoring/amp-remote-write.tf");
        int days = (int) Math.ceil(p.scenario().workload().retention().days());
        assertThat(days).isEqualTo(15);
        assertThat(amp).contains("resource \"aws_prometheus_workspace_configuration\" \"this\" {\n  workspace_id             = aws_prometheus_workspace.this.id\n"
                + "  retention_period_in_days = " + days + "\n}");
        assertThat(b.file("terraform/monitoring/outputs.tf")).contains("value       = aws_prometheus_workspace_configuration.this.retention_period_in_days");
    }

    @Test
    void grafanaMayQueryTheWorkspaceWithSigV4() {
        ExportBundle b = ExportTestSupport.export(ExportTestSupport.plan(AMP));
        String iam = b.file("terraform/monitoring/iam.tf");
        String grafana = iam.substring(iam.indexOf("data \"aws_iam_policy_document\" \"grafana_task\""));
        grafana = grafana.substring(0, grafana.indexOf("\n}\n"));
        assertThat(grafana).contains("actions   = [\"aps:QueryMetrics\", \"aps:GetSeries\", \"aps:GetLabels\", \"aps:GetMetricMetadata\"]\n"
                + "    resources = [aws_prometheus_workspace.this.arn]");
        String g = b.file("terraform/monitoring/grafana.tf");
        assertThat(g).contains("{ name = \"GF_AUTH_SIGV4_AUTH_ENABLED\", value = \"true\" }")
                .contains("{ name = \"AMP_QUERY_URL\", value = aws_prometheus_workspace.this.prometheus_endpoint }")
                .contains("{ name = \"AWS_REGION\", value = var.aws_region }");
        assertThat(b.file("terraform/monitoring/outputs.tf")).contains("output \"amp_workspace_endpoint\"").contains("output \"amp_workspace_id\"");
    }

    @Test
    void otherBackendsHaveNoAmpPermissions() {
        ExportBundle b = ExportTestSupport.export(ExportTestSupport.plan("scenarios/seed-5-services.yaml"));
        assertThat(b.file("terraform/monitoring/iam.tf")).doesNotContain("aps:");
        assertThat(b.file("terraform/monitoring/grafana.tf")).doesNotContain("AMP_QUERY_URL");
    }

    @Test
    void readmeSaysWhetherGrafanaHasTheAmpDatasource() {
        ExportBundle b = ExportTestSupport.export(ExportTestSupport.plan(AMP));
        boolean datasource = b.file("configs/grafana/provisioning/datasources/datasources.yml").contains("sigV4Auth");
        assertThat(b.file("README.md")).contains(datasource ? "and Amazon Managed Prometheus (SigV4, the full 15d)"
                : "has no datasource yet: its URL reaches Grafana as `AMP_QUERY_URL`");
    }
}
