package io.promplan.export;

import io.promplan.core.money.Money;
import io.promplan.core.workload.CloudWatchMetric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * configs/: prometheus.yml (one per shard), rule files, alertmanager.yml, Grafana provisioning, cloudwatch-exporter.yml.
 * Each file comes from a template under {@code src/main/resources/io/promplan/export/templates/configs/} (delimiters
 * {@code << >>} and {@code <% %>}, see {@link Templates}); the per-server ones (prometheus.yml, rules/server-*.yml) are
 * rendered once per server with {@code s} set to it. This class builds the context and names the files.
 */
final class ConfigFiles {
    /** In prometheus.yml when the scenario has no Alertmanager: the alerts are evaluated but reach nobody. */
    static final String NO_ALERTMANAGER = """
            # NO ALERTMANAGER in this export (the scenario sets alertmanager: false): this server evaluates the alert
            # rules in rule_files but sends the alerts NOWHERE. Nobody is paged, not even for ServiceDown; firing
            # alerts show only on Prometheus's /alerts page and as the ALERTS series. Set alertmanager: true in the
            # scenario and export again to route them to Slack.
            """;
    /** In prometheus.yml above the service jobs: what the dashboards expect every service to expose. */
    static final String METRICS_CONTRACT = """
              # Metrics contract of the monitored services (the dashboards rely on it): each task serves Prometheus
              # text format at http://<task>:9090/metrics with
              #   http_requests_total{status="<HTTP status code>"}   counter of requests served ("200", "503", ...)
              #   http_request_duration_seconds_bucket{le="..."}     histogram of request durations in seconds
              # A service that names them otherwise shows empty request, error and latency panels (rename them in
              # dashboards/, or map them with metric_relabel_configs here). ServiceDown needs only the scrape (up).
            """;
    /** Target groups of the monitored services: names start with the service's DNS label (at most 32 characters). */
    static final int TARGET_GROUP_NAME_MAX = 32;

    private final ExportModel m;

    ConfigFiles(ExportModel m) {
        this.m = m;
    }

    void addTo(Map<String, String> files) {
        Map<String, Object> c = context();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shards = (List<Map<String, Object>>) c.get("shards");
        for (int i = 0; i < m.shards.size(); i++) {
            ExportModel.Shard s = m.shards.get(i);
            Map<String, Object> sc = new LinkedHashMap<>(c);
            sc.put("s", shards.get(i));
            sc.put("self", selfContext(s));
            files.put(s.configFile(), render("prometheus.yml", sc));
            files.put("configs/rules/" + s.key() + "-self.yml", render("rules/server-self.yml", sc));
            files.put("configs/rules/" + s.key() + "-services.yml", render("rules/server-services.yml", sc));
        }
        files.put("configs/rules/services.yml", render("rules/services.yml", c));
        files.put("configs/rules/ecs.yml", render("rules/ecs.yml", c));
        files.put("configs/rules/cost.yml", render("rules/cost.yml", c));
        if (m.alertmanager != null) {
            files.put("configs/alertmanager.yml", render("alertmanager.yml", c));
        }
        files.put("configs/grafana/provisioning/datasources/datasources.yml", render("grafana/datasources.yml", c));
        files.put("configs/grafana/provisioning/dashboards/dashboards.yml", render("grafana/dashboards.yml", c));
        files.put("configs/cloudwatch-exporter.yml", render("cloudwatch-exporter.yml", c));
    }

    private static String render(String name, Map<String, Object> context) {
        return Templates.render("configs/" + name + ".peb", context);
    }

    /**
     * The model's context and what only the configs read: {@code scrapeInterval}, {@code fileSdDir},
     * {@code noAlertmanager} and {@code metricsContract} (the notes above), {@code exporter} (the CloudWatch Exporter's
     * settings and metrics), {@code ecsSeries} (the ECS alerts), {@code costLines} and {@code taskCosts} (the recording
     * rules). The per-server files also get {@code s} (the server, as in {@code shards}) and {@code self} (its limits).
     */
    Map<String, Object> context() {
        Map<String, Object> c = m.context();
        c.put("scrapeInterval", m.w.scrapeInterval().text());
        c.put("fileSdDir", TerraformFiles.FILE_SD_DIR);
        c.put("noAlertmanager", NO_ALERTMANAGER);
        c.put("metricsContract", METRICS_CONTRACT);
        c.put("thanosQueryUid", ExportModel.THANOS_QUERY_UID);
        var x = m.w.exporter();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("scrapeInterval", x.scrapeInterval().text());
        e.put("scrapeTimeout", timeout(x.scrapeInterval().seconds()));
        e.put("metricsPerScrape", x.metricsPerScrape(m.w.serviceCount()));
        e.put("apiName", x.api().apiName());
        e.put("iamAction", x.api().iamAction());
        e.put("useGetMetricData", x.api().useGetMetricData());
        e.put("listMetricsCacheTtl", x.listMetricsCacheTtl().seconds());
        e.put("period", x.period().seconds());
        e.put("range", Math.max(x.period().seconds(), 600));
        e.put("metrics", x.metrics().stream().map(cm -> Map.of(
                "namespace", cm.namespace(),
                "name", cm.name(),
                "dimensions", cm.dimensions(),
                "selectServices", cm.perService() && cm.dimensions().contains("ServiceName"),
                "selectTargetGroups", cm.perService() && !cm.dimensions().contains("ServiceName") && cm.dimensions().contains("TargetGroup"),
                "statistics", stats(cm.statistics()))).toList());
        e.put("targetGroupRegexes", targetGroupRegexes());
        c.put("exporter", e);
        c.put("ecsSeries", ecsSeries().stream().map(a -> Map.of("series", a[0], "cloudwatch", a[1], "alert", a[2])).toList());
        c.put("costLines", m.plan.selfHosted().lines().stream().filter(l -> l.monthlyRounded().isPresent())
                .map(l -> Map.of("usd", l.monthlyRounded().get().amount().toPlainString(), "item", l.item(), "key", l.key())).toList());
        c.put("taskCosts", m.plan.sizing().components().stream().map(cs -> {
            Money sum = m.plan.selfHosted().sumOf(List.of("fargate:" + cs.key() + ":vcpu", "fargate:" + cs.key() + ":memory"));
            return Map.of("usd", sum.amount().toPlainString(), "task", cs.key(), "size", cs.size().cpuUnits() + "/" + cs.size().memoryMiB());
        }).toList());
        return c;
    }

    /** What rules/SERVER-self.yml states about one server: its volume, retention.size and memory limit in bytes, and the warning levels. */
    Map<String, Object> selfContext(ExportModel.Shard s) {
        long volumeBytes = (long) s.volumeGiB() * 1024L * 1024 * 1024;
        long retentionBytes = s.retentionSizeMiB() * 1024L * 1024;
        long limitBytes = (long) s.sizing().size().memoryMiB() * 1024L * 1024;
        long warnStorage = volumeBytes * STORAGE_WARN_PERCENT / 100;
        double plannedGiB = plannedOnDiskGiB();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("retentionBytes", retentionBytes);
        c.put("plannedGiB", ExportModel.fmt(plannedGiB));
        c.put("plannedPercent", ExportModel.fmt(100 * plannedGiB / s.volumeGiB()));
        c.put("warnPercent", STORAGE_WARN_PERCENT);
        c.put("warnStorageBytes", warnStorage);
        c.put("warnOfRetentionPercent", Math.round(100.0 * warnStorage / retentionBytes));
        c.put("onDisk", "prometheus_tsdb_storage_blocks_bytes{job=\"prometheus\"} + prometheus_tsdb_wal_storage_size_bytes{job=\"prometheus\"}"
                + " + prometheus_tsdb_head_chunks_storage_size_bytes{job=\"prometheus\"}");
        c.put("warnMemoryBytes", limitBytes * 85 / 100);
        return c;
    }

    /**
     * A YAML scalar for any text: single-quoted when it holds only printable characters, otherwise double-quoted
     * with every control character (newline, BEL, U+2028...) escaped, so no input can end the scalar or the line.
     */
    static String q(String s) {
        boolean plain = s.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) && c != 0x2028 && c != 0x2029 && c != 0xfeff);
        if (plain) {
            return "'" + s.replace("'", "''") + "'";
        }
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                b.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                b.append(c <= 0xff ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }

    private static String timeout(long intervalSeconds) {
        long t = Math.max(5, Math.min(intervalSeconds - 1, (long) (intervalSeconds * 0.8)));
        return t + "s";
    }

    /** Escapes a value for a double-quoted PromQL string. */
    static String promqlString(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The ECS series the alerts above read and the scenario's exporter requests: series name, CloudWatch name, alert. */
    private List<String[]> ecsSeries() {
        List<String[]> out = new java.util.ArrayList<>();
        for (CloudWatchMetric cm : m.w.exporter().metrics()) {
            if (!cm.namespace().equals("AWS/ECS") || !cm.statistics().contains("Average") || !cm.dimensions().contains("ServiceName")) {
                continue;
            }
            if (cm.name().equals("CPUUtilization")) {
                out.add(new String[] {"aws_ecs_cpuutilization_average", "AWS/ECS CPUUtilization", "HighCPUUsage"});
            } else if (cm.name().equals("MemoryUtilization")) {
                out.add(new String[] {"aws_ecs_memory_utilization_average", "AWS/ECS MemoryUtilization", "HighMemoryUsage"});
            }
        }
        return out;
    }

    /** PrometheusStorageFilling fires above this share of the volume: below retention.size (85 %), above the planned steady state. */
    static final int STORAGE_WARN_PERCENT = 80;

    /** Blocks + WAL + head chunks one server holds at steady state, as planned (the volume also has compaction room). */
    double plannedOnDiskGiB() {
        return (m.storage.blocksGiB() + m.storage.walGiB() + m.storage.headChunksGiB()) / m.shards.size();
    }

    /**
     * CloudWatch's TargetGroup dimension is "targetgroup/NAME/ID"; NAME (at most 32 characters) is taken to start with the
     * service's DNS label, optionally followed by "-" and more. Java regexes (the exporter matches the whole value).
     */
    List<String> targetGroupRegexes() {
        return m.services.stream().map(s -> "targetgroup/" + targetGroupPrefix(s) + "(-[A-Za-z0-9-]*)?/[0-9a-f]+").toList();
    }

    /** The same selection for PromQL (label target_group of the exporter's ALB series), one anchored alternation. */
    String targetGroupPromqlRegex() {
        return "targetgroup/(" + m.services.stream().map(ConfigFiles::targetGroupPrefix).distinct().collect(Collectors.joining("|"))
                + ")(-[A-Za-z0-9-]*)?/[0-9a-f]+";
    }

    private static String targetGroupPrefix(ExportModel.Svc s) {
        String p = s.slug().length() > TARGET_GROUP_NAME_MAX ? s.slug().substring(0, TARGET_GROUP_NAME_MAX) : s.slug();
        return p.replaceAll("-+$", "");
    }

    private static List<String> stats(List<String> s) {
        return s;
    }
}
