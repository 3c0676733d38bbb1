package io.promplan.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.CostLine;
import io.promplan.core.cost.Traffic;
import io.promplan.core.plan.PriceRef;
import io.promplan.core.price.PriceStatus;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.workload.StorageBackend;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** README.md of the export (what, inputs, how to apply, cost line by line, warnings) and the Infracost usage file. */
final class ReadmeFiles {
    static final String INFRACOST_FILE = "infracost-usage.json";
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private final ExportModel m;

    ReadmeFiles(ExportModel m) {
        this.m = m;
    }

    void addTo(Map<String, String> files) {
        files.put("README.md", readme(files));
        files.put(INFRACOST_FILE, infracost());
    }

    /**
     * User text as inline Markdown: control characters and line separators become spaces (nothing can start a new line,
     * heading, list or HTML block), and the characters Markdown or HTML treat specially are escaped.
     */
    static String md(String s) {
        String t = Hcl.singleLine(s);
        StringBuilder b = new StringBuilder(t.length() + 8);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '&') {
                b.append("&amp;");
            } else {
                if ("\\`*_[]<>|~#!".indexOf(c) >= 0) {
                    b.append('\\');
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * README.md from {@code templates/readme/README.md.peb} (delimiters {@code << >>} and {@code <% %>}, see
     * {@link Templates}). The context is the model's ({@link ExportModel#context()}) and the plan's figures below; user
     * text goes through the template's {@code md} filter ({@link #md}).
     */
    String readme(Map<String, String> files) {
        Map<String, Object> c = m.context();
        TerraformFiles tf = new TerraformFiles(m, files);
        c.put("marker", ExportWriter.MARKER);
        c.put("priceSnapshot", m.plan.priceSnapshot());
        c.put("pricesAsOf", m.plan.pricesAsOf());
        c.put("hoursPerMonth", m.plan.hoursPerMonth());
        c.put("headroomPercent", ExportModel.fmt(m.plan.sizing().headroomPercent()));
        c.put("scrapeInterval", m.w.scrapeInterval().text());
        c.put("infracostFile", INFRACOST_FILE);
        c.put("ecsApiDiscovery", tf.ecsApiDiscovery());
        c.put("dashboardCount", files.keySet().stream().filter(p -> p.startsWith("dashboards/")).count());
        c.put("ampDatasource", files.getOrDefault("configs/grafana/provisioning/datasources/datasources.yml", "").contains("sigV4Auth"));
        c.put("images", Map.of("prometheus", TerraformFiles.IMG_PROMETHEUS, "grafana", TerraformFiles.IMG_GRAFANA,
                "exporter", TerraformFiles.IMG_EXPORTER, "alertmanager", TerraformFiles.IMG_ALERTMANAGER));
        @SuppressWarnings("unchecked")
        Map<String, Object> storage = (Map<String, Object>) c.get("storage");
        storage.put("volumes", m.volumesText());
        storage.put("ephemeralDisks", m.ephemeralText());
        c.put("exporter", Map.of("metricsPerScrape", m.w.exporter().metricsPerScrape(m.w.serviceCount()),
                "useGetMetricData", m.w.exporter().api().useGetMetricData(), "iamAction", m.w.exporter().api().iamAction()));
        int bytes = tf.exporterConfigBytes();
        c.put("exporterConfig", Map.of("bytes", bytes, "inBucket", tf.exporterConfigInBucket(), "advanced", bytes > TerraformFiles.SSM_STANDARD_BYTES));
        c.put("components", m.plan.sizing().components().stream().map(cs -> {
            Map<String, Object> t = ExportModel.taskContext(cs);
            t.put("services", cs.services());
            return t;
        }).toList());
        c.put("cost", costContext(m.plan.selfHosted()));
        c.put("missingPrices", m.plan.missingPrices().stream().map(PriceRef::describe).toList());
        c.put("assumedPrices", m.plan.assumedPrices().stream().filter(r -> r.usedBy().stream().anyMatch(u -> u.startsWith(Alternative.SELF_HOSTED + "/")))
                .map(PriceRef::describe).toList());
        c.put("exportWarnings", m.warnings);
        c.put("efsWarningText", TerraformFiles.EFS_WARNING.replace('\n', ' ').replace("WARNING: ", ""));
        // With storage: efs the README says it in its own words (above); as HTML-safe single lines.
        c.put("sizingWarnings", m.plan.sizing().warnings().stream().filter(w -> m.backend != StorageBackend.EFS || !w.startsWith("EFS:"))
                .map(w -> Hcl.singleLine(w).replace("<", "&lt;")).toList());
        return Templates.render("readme/README.md.peb", c);
    }

    /**
     * The cost table: {@code lines} (item, quantity, unit, missing, tiered, unitPrice, monthly, formula, priceId,
     * verified, sourceDate), {@code total}, {@code complete}, {@code notes}; and where the priced EBS lines and what this
     * export provisions differ (each server's volume and snapshots are sized from its own share of the samples),
     * {@code volumeNotes} and {@code snapshotNotes} (none or one each, with the priced quantity).
     */
    private Map<String, Object> costContext(Alternative a) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("lines", a.lines().stream().map(l -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("item", l.item());
            x.put("quantity", l.quantity().stripTrailingZeros().toPlainString());
            x.put("unit", l.unit());
            x.put("missing", l.isMissing());
            x.put("tiered", !l.isMissing() && l.price().isTiered());
            x.put("unitPrice", l.isMissing() ? "" : l.price().firstTierUsd().stripTrailingZeros().toPlainString());
            x.put("monthly", l.monthlyRounded().map(v -> v.format()).orElse("-"));
            x.put("formula", io.promplan.render.Words.english().formula(l.quantityFormula()));
            x.put("priceId", l.isMissing() ? l.price().id().id() : "");
            x.put("verified", !l.isMissing() && l.price().status() == PriceStatus.VERIFIED);
            x.put("sourceDate", l.isMissing() ? "" : String.valueOf(l.price().sourceDate()));
            return x;
        }).toList());
        c.put("total", a.monthly().format());
        c.put("complete", a.complete());
        c.put("notes", a.notes());
        List<Map<String, Object>> volumeNotes = new ArrayList<>();
        List<Map<String, Object>> snapshotNotes = new ArrayList<>();
        if (m.backend == StorageBackend.EBS) {
            double volumes = m.totalVolumeGiB();
            a.lines().stream().filter(l -> l.key().equals("storage:ebs:prometheus")).findFirst()
                    .filter(l -> Math.abs(l.quantity().doubleValue() - volumes) > 0.5)
                    .ifPresent(l -> volumeNotes.add(Map.of("provisioned", (long) volumes, "priced", l.quantity().stripTrailingZeros().toPlainString())));
            double snapshots = m.shards.stream().mapToDouble(m::snapshotGiBMonth).sum();
            a.lines().stream().filter(l -> l.key().equals("backup:ebs")).findFirst()
                    .filter(l -> Math.abs(l.quantity().doubleValue() - snapshots) > Math.max(0.01, snapshots * 0.01))
                    .ifPresent(l -> snapshotNotes.add(Map.of("priced", l.quantity().stripTrailingZeros().toPlainString())));
        }
        c.put("volumeNotes", volumeNotes);
        c.put("snapshotNotes", snapshotNotes);
        return c;
    }

    private static BigDecimal r(double d, int scale) {
        return BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    String infracost() {
        ObjectNode root = F.objectNode();
        root.put("version", "0.1");
        ObjectNode about = root.putObject("promplan");
        about.put("scenario", m.plan.scenario().name().text());
        about.put("priceSnapshot", m.plan.priceSnapshot());
        about.put("pricesAsOf", m.plan.pricesAsOf());
        about.put("region", m.region());
        about.put("note", "Usage figures the planner assumed, in Infracost's usage-file format (JSON is valid YAML). "
                + "Use: infracost breakdown --path terraform/monitoring --usage-file infracost-usage.json");
        ObjectNode ru = root.putObject("resource_usage");
        Traffic t = Traffic.of(m.w.grafana(), m.w.extraDataTransferOutGb());
        double hours = m.plan.hoursPerMonth();
        ObjectNode lb = ru.putObject("aws_lb.grafana");
        lb.put("new_connections", r(t.newConnectionsPerSecond() * t.activeHours() / hours, 4));
        lb.put("active_connections", r(t.activeConnections() * t.activeHours() / hours, 2));
        lb.put("processed_bytes_gb", r(t.gbPerHour() * t.activeHours() / hours, 6));
        lb.put("rule_evaluations", 0);
        ObjectNode efs = ru.putObject("aws_efs_file_system.monitoring");
        double efsGb = m.storage.grafanaGiB() + (m.backend == StorageBackend.EFS ? m.storage.billedPrometheusGiB() : 0);
        efs.put("storage_gb", r(efsGb, 3));
        efs.put("infrequent_access_storage_gb", 0);
        double stackLogs = m.w.logs().stackGbPerMonth();
        int logGroups = m.plan.sizing().components().size();
        for (ComponentSizing c : m.plan.sizing().components()) {
            ObjectNode lg = ru.putObject("aws_cloudwatch_log_group." + c.key().replace('-', '_'));
            lg.put("monthly_data_ingested_gb", r(stackLogs / logGroups, 4));
            lg.put("storage_gb", r(stackLogs / logGroups * m.w.logs().retentionDays() / 30.4167, 4));
            lg.put("monthly_data_scanned_gb", 0);
        }
        if (m.w.storage().backup()) {
            ObjectNode vault = ru.putObject("aws_backup_vault.monitoring");
            a(vault, "backup:efs", "monthly_efs_warm_backup_gb");
            if (m.backend == StorageBackend.EBS) {
                // Each server's own snapshots (its share of the stored GiB), summed: not the whole stack's times the shard count.
                vault.put("monthly_ebs_snapshot_gb", r(m.shards.stream().mapToDouble(m::snapshotGiBMonth).sum(), 3));
            } else {
                a(vault, "backup:ebs", "monthly_ebs_snapshot_gb");
            }
        }
        if (m.backend == StorageBackend.AMP_REMOTE_WRITE) {
            ObjectNode amp = ru.putObject("aws_prometheus_workspace.this");
            amp.put("ingested_samples", r(m.plan.sizing().samplesPerSecond() * hours * 3600, 0));
            amp.put("storage_gb", r(m.storage.remoteStoredGiB(), 3));
            amp.put("query_samples_processed", 0);
        }
        if (m.thanos()) {
            // The Thanos bucket at steady state: GB stored (every resolution) and requests a month (PUT/COPY/POST/LIST, GET).
            m.plan.sizing().thanosResult().ifPresent(th -> {
                ObjectNode std = ru.putObject("aws_s3_bucket.thanos").putObject("standard");
                std.put("storage_gb", r(th.steadyStateGiB(), 3));
                std.put("monthly_tier_1_requests", r(th.requests().putClassPerMonth(), 0));
                std.put("monthly_tier_2_requests", r(th.requests().getClassPerMonth(), 0));
            });
        }
        ObjectNode dt = ru.putObject("aws_data_transfer.monitoring");
        dt.put("region", m.region());
        dt.put("monthly_outbound_internet_gb", r(t.gbOutPerMonth(), 3));
        return DashboardFiles.json(root);
    }

    private void a(ObjectNode node, String keyPrefix, String field) {
        BigDecimal q = m.plan.selfHosted().lines().stream().filter(l -> l.key().startsWith(keyPrefix)).map(CostLine::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        node.put(field, q.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros());
    }
}
