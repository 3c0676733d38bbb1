package io.promplan.export;

import io.promplan.core.cost.CostLine;
import io.promplan.core.money.Money;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.workload.CloudWatchMetric;
import io.promplan.core.workload.StorageBackend;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** configs/: prometheus.yml (one per shard), rule files, alertmanager.yml, Grafana provisioning, cloudwatch-exporter.yml. */
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
        for (ExportModel.Shard s : m.shards) {
            files.put(s.configFile(), prometheus(s));
            files.put("configs/rules/" + s.key() + "-self.yml", selfRules(s));
            files.put("configs/rules/" + s.key() + "-services.yml", expectedServiceRules(s));
        }
        files.put("configs/rules/services.yml", serviceRules());
        files.put("configs/rules/ecs.yml", ecsRules());
        files.put("configs/rules/cost.yml", costRules());
        if (m.alertmanager != null) {
            files.put("configs/alertmanager.yml", alertmanager());
        }
        files.put("configs/grafana/provisioning/datasources/datasources.yml", datasources());
        files.put("configs/grafana/provisioning/dashboards/dashboards.yml", dashboardProviders());
        files.put("configs/cloudwatch-exporter.yml", cloudwatchExporter());
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

    private String head(String what) {
        return "# " + what + "\n# " + m.header() + "\n";
    }

    String prometheus(ExportModel.Shard s) {
        String interval = m.w.scrapeInterval().text();
        StringBuilder b = new StringBuilder(head("Prometheus configuration for " + s.key()
                + (m.sharded() ? " (shard " + s.index() + " of " + m.shards.size() + ")" : "")));
        b.append("""
                # Prometheus 2.x has no ECS service discovery: every monitored service registers its tasks in the
                # Cloud Map namespace %s (see terraform/monitoring/service-discovery.tf) and is found by DNS.
                # Retention is set by flags on the task (terraform/monitoring/prometheus.tf):
                #   --storage.tsdb.retention.time=%s --storage.tsdb.retention.size=%s
                global:
                  scrape_interval: %s
                  evaluation_interval: %s
                  external_labels:
                    prometheus: %s
                    env: %s
                rule_files:
                  - rules/services.yml
                  - rules/%s-services.yml
                  - rules/%s-self.yml
                """.formatted(ExportModel.NAMESPACE, m.retentionTimeFlag(), s.retentionSizeFlag(), interval, interval, q(s.key()), q(m.environment), s.key(), s.key()));
        if (s.index() == 1) {
            b.append("  - rules/ecs.yml\n  - rules/cost.yml\n");
        }
        if (m.alertmanager != null) {
            b.append("""
                    alerting:
                      alertmanagers:
                        - dns_sd_configs:
                            - names:
                                - %s
                              type: A
                              port: 9093
                    """.formatted("alertmanager." + ExportModel.NAMESPACE));
        } else {
            b.append(NO_ALERTMANAGER);
        }
        if (m.backend == StorageBackend.AMP_REMOTE_WRITE) {
            b.append("""
                    # Amazon Managed Service for Prometheus keeps the full %s; this server keeps %s locally.
                    # The config loader replaces AMP_WORKSPACE_ID with the workspace Terraform creates.
                    remote_write:
                      - url: https://aps-workspaces.%s.amazonaws.com/workspaces/AMP_WORKSPACE_ID/api/v1/remote_write
                        sigv4:
                          region: %s
                        queue_config:
                          max_samples_per_send: 1000
                          max_shards: 200
                          capacity: 2500
                    """.formatted(m.w.retention().text(), m.retentionTimeFlag(), m.region(), m.region()));
        }
        b.append("scrape_configs:\n");
        b.append("""
                  - job_name: prometheus
                    static_configs:
                      - targets:
                          - localhost:9090
                        labels:
                          service: %s
                          env: %s
                """.formatted(q(s.key()), q(m.environment)));
        if (s.index() == 1) {
            b.append("""
                      # CloudWatch metrics (configs/cloudwatch-exporter.yml); each scrape makes the exporter call
                      # GetMetricData for every metric again, which is what the cost line prices.
                      - job_name: cloudwatch
                        scrape_interval: %s
                        scrape_timeout: %s
                        static_configs:
                          - targets:
                              - %s:9106
                            labels:
                              service: cloudwatch-exporter
                              env: %s
                    """.formatted(m.w.exporter().scrapeInterval().text(), timeout(m.w.exporter().scrapeInterval().seconds()),
                    "cloudwatch-exporter." + ExportModel.NAMESPACE, q(m.environment)));
            if (m.alertmanager != null) {
                b.append("""
                          - job_name: alertmanager
                            dns_sd_configs:
                              - names:
                                  - %s
                                type: A
                                port: 9093
                            relabel_configs:
                              - target_label: service
                                replacement: alertmanager
                              - target_label: env
                                replacement: %s
                        """.formatted("alertmanager." + ExportModel.NAMESPACE, q(m.environment)));
            }
            for (ExportModel.Shard other : m.shards.subList(1, m.shards.size())) {
                b.append("""
                          - job_name: %s
                            static_configs:
                              - targets:
                                  - %s:9090
                                labels:
                                  service: %s
                                  env: %s
                        """.formatted(other.key(), other.host(), q(other.key()), q(m.environment)));
            }
        }
        if (!s.services().isEmpty()) {
            b.append(METRICS_CONTRACT);
        }
        for (ExportModel.Svc svc : s.services()) {
            b.append("""
                      - job_name: %s
                        metrics_path: /metrics
                        dns_sd_configs:
                          - names:
                              - %s
                            type: A
                            port: %d
                        # ECS-API discovery (service_discovery = "ecs-api" in Terraform), for a service registered in
                        # another namespace: the config-sync sidecar writes its running tasks' addresses here.
                        file_sd_configs:
                          - files:
                              - %s%s.json
                            refresh_interval: 1m
                        relabel_configs:
                          - target_label: service
                            replacement: %s
                          - target_label: env
                            replacement: %s
                    """.formatted(svc.job(), svc.host(), ExportModel.METRICS_PORT, TerraformFiles.FILE_SD_DIR, svc.job(), q(svc.name()), q(m.environment)));
        }
        return b.toString();
    }

    private static String timeout(long intervalSeconds) {
        long t = Math.max(5, Math.min(intervalSeconds - 1, (long) (intervalSeconds * 0.8)));
        return t + "s";
    }

    private String noAlertmanagerNote() {
        return m.alertmanager != null ? "" : """
                # NO ALERTMANAGER in this export (alertmanager: false): these alerts are evaluated but sent nowhere;
                # they show only on Prometheus's /alerts page and as the ALERTS series. Nobody is paged.
                """;
    }

    String serviceRules() {
        return head("Alerts on the monitored services (the plan's ServiceDown) and on any scrape target") + noAlertmanagerNote() + """
                # ServiceDown here covers a target that is discovered but does not answer (up == 0). A service whose tasks
                # all stop leaves Cloud Map, has no target at all and no up series: rules/<server>-services.yml catches that.
                groups:
                  - name: services
                    rules:
                      - alert: ServiceDown
                        expr: up{job=~"service-.*"} == 0
                        for: 2m
                        labels:
                          severity: critical
                        annotations:
                          summary: Service {{ $labels.service }} is down
                          description: Prometheus could not scrape {{ $labels.instance }} of {{ $labels.service }} for 2 minutes.
                      - alert: TargetDown
                        expr: up{job!~"service-.*"} == 0
                        for: 5m
                        labels:
                          severity: warning
                        annotations:
                          summary: Monitoring target {{ $labels.job }} is down
                          description: Prometheus could not scrape {{ $labels.instance }} (job {{ $labels.job }}) for 5 minutes.
                      - alert: TargetDown
                        expr: group by (job, service) (max_over_time(up{job!~"service-.*"}[1h])) unless on (job, service) group by (job, service) (up{job!~"service-.*"})
                        for: 5m
                        labels:
                          severity: warning
                          cause: no-target
                        annotations:
                          summary: Monitoring target {{ $labels.job }} is down
                          description: Job {{ $labels.job }} was scraped in the last hour and has no target now (it left service discovery); this alert ends an hour after its last scrape.
                """;
    }

    /**
     * One ServiceDown per service this server scrapes, for the case where the service has no target at all: ECS
     * deregisters stopped tasks from Cloud Map, DNS discovery returns no address and the service's up series ends
     * (stale markers), so {@code up == 0} never holds. The file is per server because each shard scrapes its own services.
     */
    String expectedServiceRules(ExportModel.Shard s) {
        StringBuilder b = new StringBuilder(head("ServiceDown for every service " + s.key() + " scrapes, when the service has no target at all"));
        b.append(noAlertmanagerNote());
        b.append("""
                # When all tasks of a service stop, ECS removes them from Cloud Map, DNS discovery returns no address and
                # the service's up series ends (it goes stale) instead of turning 0, so `up == 0` in services.yml cannot
                # fire. absent() fires when no up series of the service exists; its labels are job and service (and
                # cause: no-target, which also keeps the rules distinct for promtool's duplicate check).
                """);
        if (s.services().isEmpty()) {
            return b.append("# This server scrapes no monitored service.\ngroups: []\n").toString();
        }
        b.append("groups:\n  - name: ").append(s.key()).append("-services\n    rules:\n");
        for (ExportModel.Svc svc : s.services()) {
            String selector = "up{job=\"" + svc.job() + "\",service=\"" + promqlString(svc.name()) + "\"}";
            b.append("""
                          - alert: ServiceDown
                            expr: %s
                            for: 2m
                            labels:
                              severity: critical
                              service: %s
                              cause: no-target
                            annotations:
                              summary: Service {{ $labels.service }} is down
                              description: No target of {{ $labels.service }} is discovered (job %s) for 2 minutes; its tasks left Cloud Map or never registered.
                    """.formatted(q("absent(" + selector + ")"), q(svc.name()), svc.job()));
        }
        return b.toString();
    }

    /** Escapes a value for a double-quoted PromQL string. */
    static String promqlString(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    String ecsRules() {
        StringBuilder b = new StringBuilder(head("Alerts on ECS metrics read through the CloudWatch Exporter (the plan's HighCPUUsage), and on the exporter"));
        b.append(noAlertmanagerNote());
        b.append("""
                # The plan writes avg(ecs_cpu_utilization) > 80; the CloudWatch Exporter names the metric
                # aws_ecs_cpuutilization_average (AWS/ECS CPUUtilization, statistic Average).
                groups:
                  - name: ecs
                    rules:
                      - alert: HighCPUUsage
                        expr: avg by (service_name) (aws_ecs_cpuutilization_average) > 80
                        for: 5m
                        labels:
                          severity: warning
                        annotations:
                          summary: High CPU usage detected on {{ $labels.service_name }}
                          description: Average CPU of ECS service {{ $labels.service_name }} has been above 80 % for 5 minutes.
                      - alert: HighMemoryUsage
                        expr: avg by (service_name) (aws_ecs_memory_utilization_average) > 85
                        for: 5m
                        labels:
                          severity: warning
                        annotations:
                          summary: High memory usage detected on {{ $labels.service_name }}
                          description: Average memory of ECS service {{ $labels.service_name }} has been above 85 % for 5 minutes.
                  # The exporter's own health: its scrape (up) is covered by TargetDown in services.yml; these catch an
                  # exporter that answers but gets nothing from CloudWatch (denied API, wrong region or names).
                  - name: cloudwatch-exporter
                    rules:
                      - alert: CloudWatchExporterErrors
                        expr: cloudwatch_exporter_scrape_error{job="cloudwatch"} > 0
                        for: 15m
                        labels:
                          severity: warning
                        annotations:
                          summary: CloudWatch Exporter fails to read CloudWatch
                          description: Every scrape of the exporter for 15 minutes had a CloudWatch API error (check its log and its task role).
                """);
        for (String[] metric : ecsSeries()) {
            b.append("""
                          - alert: CloudWatchMetricsMissing
                            expr: absent(%s{job="cloudwatch"})
                            for: 15m
                            labels:
                              severity: warning
                              metric: %s
                            annotations:
                              summary: No %s from the CloudWatch Exporter
                              description: The exporter has returned no %s series for 15 minutes, so %s cannot fire; check the ServiceName list in configs/cloudwatch-exporter.yml and the exporter's log.
                    """.formatted(metric[0], metric[0], metric[1], metric[0], metric[2]));
        }
        return b.toString();
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

    /** The plan's cost lines and reserved task costs as constant series, for the Cost Estimation dashboard. */
    String costRules() {
        StringBuilder b = new StringBuilder(head("The plan's monthly cost lines as recording rules (USD a month, constant)"));
        b.append("# Each line is quantity x unit price as the planner computed it; lines with a missing price are left out.\n");
        b.append("groups:\n  - name: promplan-plan\n    interval: 5m\n    rules:\n");
        for (CostLine l : m.plan.selfHosted().lines()) {
            if (l.monthlyRounded().isEmpty()) {
                continue;
            }
            b.append("      - record: promplan:planned_monthly_usd\n");
            b.append("        expr: vector(").append(l.monthlyRounded().get().amount().toPlainString()).append(")\n");
            b.append("        labels:\n          line: ").append(q(l.item())).append("\n          key: ").append(q(l.key())).append('\n');
        }
        for (ComponentSizing c : m.plan.sizing().components()) {
            Money sum = m.plan.selfHosted().sumOf(List.of("fargate:" + c.key() + ":vcpu", "fargate:" + c.key() + ":memory"));
            b.append("      - record: promplan:task_reserved_monthly_usd\n");
            b.append("        expr: vector(").append(sum.amount().toPlainString()).append(")\n");
            b.append("        labels:\n          task: ").append(q(c.key())).append("\n          size: ")
                    .append(q(c.size().cpuUnits() + "/" + c.size().memoryMiB())).append('\n');
        }
        return b.toString();
    }

    /** PrometheusStorageFilling fires above this share of the volume: below retention.size (85 %), above the planned steady state. */
    static final int STORAGE_WARN_PERCENT = 80;

    /** Blocks + WAL + head chunks one server holds at steady state, as planned (the volume also has compaction room). */
    double plannedOnDiskGiB() {
        return (m.storage.blocksGiB() + m.storage.walGiB() + m.storage.headChunksGiB()) / m.shards.size();
    }

    String selfRules(ExportModel.Shard s) {
        long volumeBytes = (long) s.volumeGiB() * 1024L * 1024 * 1024;
        long retentionBytes = s.retentionSizeMiB() * 1024L * 1024;
        long limitBytes = (long) s.sizing().size().memoryMiB() * 1024L * 1024;
        long warnStorage = volumeBytes * STORAGE_WARN_PERCENT / 100;
        long warnMem = limitBytes * 85 / 100;
        double plannedGiB = plannedOnDiskGiB();
        String onDisk = "prometheus_tsdb_storage_blocks_bytes{job=\"prometheus\"} + prometheus_tsdb_wal_storage_size_bytes{job=\"prometheus\"}"
                + " + prometheus_tsdb_head_chunks_storage_size_bytes{job=\"prometheus\"}";
        return head("Alerts on " + s.key() + " itself: storage and memory against the sized limits") + noAlertmanagerNote() + """
                # Sized by the planner: data volume %d GiB (retention.size %s = %d bytes, 85 %% of it); task memory %d MiB.
                # retention.size counts blocks + WAL + head chunks and deletes the oldest blocks above %d bytes. The plan
                # expects %s GiB of them at steady state (%s %% of the volume; the rest of the 85 %% is compaction room), so
                # PrometheusStorageFilling warns at %d %% of the volume (%d bytes, %d %% of retention.size): above the
                # planned size, before retention.size cuts history. PrometheusSizeRetentionCutHistory fires once it has
                # (blocks deleted for size, not for age).
                groups:
                  - name: %s-self
                    rules:
                      - alert: PrometheusStorageFilling
                        expr: (%s) > %d
                        for: 15m
                        labels:
                          severity: warning
                        annotations:
                          summary: %s storage above %d %% of its %d GiB volume
                          description: Blocks, WAL and head chunks take {{ $value | humanize1024 }}B; at %s (retention.size) Prometheus deletes the oldest blocks and keeps less than %s. Check series growth, or grow the volume and retention.size.
                      - alert: PrometheusSizeRetentionCutHistory
                        expr: increase(prometheus_tsdb_size_retentions_total{job="prometheus"}[1h]) > 0
                        labels:
                          severity: warning
                        annotations:
                          summary: %s deleted blocks to stay below retention.size (%s)
                          description: Size-based retention removed data in the last hour, so history is now shorter than the retention time (%s). Grow the volume and retention.size, or reduce series.
                      - alert: PrometheusMemoryNearLimit
                        expr: process_resident_memory_bytes{job="prometheus"} > %d
                        for: 10m
                        labels:
                          severity: warning
                        annotations:
                          summary: %s memory above 85 %% of its %d MiB task limit
                          description: Resident memory is {{ $value | humanize1024 }}B; the task is stopped at %d MiB. Raise the task size or reduce series.
                      - alert: PrometheusRuleEvaluationFailures
                        expr: increase(prometheus_rule_evaluation_failures_total{job="prometheus"}[5m]) > 0
                        for: 5m
                        labels:
                          severity: warning
                        annotations:
                          summary: %s fails to evaluate rules
                          description: '{{ $value }} rule evaluations failed in 5 minutes.'
                """.formatted(s.volumeGiB(), s.retentionSizeFlag(), retentionBytes, s.sizing().size().memoryMiB(), retentionBytes,
                ExportModel.fmt(plannedGiB), ExportModel.fmt(100 * plannedGiB / s.volumeGiB()), STORAGE_WARN_PERCENT, warnStorage, Math.round(100.0 * warnStorage / retentionBytes),
                s.key(), onDisk, warnStorage, s.key(), STORAGE_WARN_PERCENT, s.volumeGiB(), s.retentionSizeFlag(), m.retentionTimeFlag(),
                s.key(), s.retentionSizeFlag(), m.retentionTimeFlag(),
                warnMem, s.key(), s.sizing().size().memoryMiB(), s.sizing().size().memoryMiB(), s.key());
    }

    String alertmanager() {
        return head("Alertmanager: the plan's routes by severity") + """
                # The Slack webhook URL is never in this file: the config loader writes it from the secret named by
                # var.slack_webhook_secret_arn to the file below, inside the task only.
                global:
                  slack_api_url_file: /etc/alertmanager/secrets/slack-webhook-url
                  resolve_timeout: 5m
                route:
                  group_by:
                    - alertname
                    - service
                  group_wait: 10s
                  group_interval: 5m
                  repeat_interval: 12h
                  receiver: slack-critical
                  routes:
                    - matchers:
                        - severity="critical"
                      receiver: slack-critical
                    - matchers:
                        - severity="warning"
                      receiver: slack-warning
                inhibit_rules:
                  - source_matchers:
                      - severity="critical"
                    target_matchers:
                      - severity="warning"
                    equal:
                      - alertname
                      - service
                # color is set here rather than left to Alertmanager's default template: a build whose templates lack
                # slack.default.color (Debian's 0.33.1, seen in AlertEndToEndTest) otherwise posts without channel and colour.
                receivers:
                  - name: slack-critical
                    slack_configs:
                      - channel: '#alerts-critical'
                        send_resolved: true
                        color: '{{ if eq .Status "firing" }}danger{{ else }}good{{ end }}'
                        title: 'Critical Alert: {{ .GroupLabels.alertname }}'
                        text: '{{ range .Alerts }}{{ .Annotations.summary }}{{ "\\n" }}{{ end }}'
                  - name: slack-warning
                    slack_configs:
                      - channel: '#alerts-warning'
                        send_resolved: true
                        color: '{{ if eq .Status "firing" }}warning{{ else }}good{{ end }}'
                        title: 'Warning: {{ .GroupLabels.alertname }}'
                        text: '{{ range .Alerts }}{{ .Annotations.summary }}{{ "\\n" }}{{ end }}'
                """;
    }

    String datasources() {
        StringBuilder b = new StringBuilder(head("Grafana datasources: Prometheus (default) and CloudWatch for the region"));
        b.append("apiVersion: 1\ndatasources:\n");
        for (ExportModel.Shard s : m.shards) {
            b.append("""
                      - name: %s
                        uid: %s
                        type: prometheus
                        access: proxy
                        url: http://%s:9090
                        isDefault: %s
                        editable: false
                        jsonData:
                          timeInterval: %s
                          httpMethod: POST
                    """.formatted(q(s.datasourceName()), s.datasourceUid(), s.host(), s.index() == 1, m.w.scrapeInterval().text()));
        }
        b.append("""
                  - name: CloudWatch
                    uid: cloudwatch
                    type: cloudwatch
                    access: proxy
                    isDefault: false
                    editable: false
                    jsonData:
                      authType: default
                      defaultRegion: %s
                """.formatted(m.region()));
        if (m.backend == StorageBackend.AMP_REMOTE_WRITE) {
            // The priced retention lives in the workspace: Grafana queries it with SigV4 through its task role
            // (aps:QueryMetrics and the other read actions in terraform/monitoring/iam.tf); AMP_QUERY_URL and
            // AWS_REGION are set on the Grafana task.
            b.append("""
                      - name: Amazon Managed Prometheus
                        uid: amp
                        type: prometheus
                        access: proxy
                        url: ${AMP_QUERY_URL}
                        isDefault: false
                        editable: false
                        jsonData:
                          httpMethod: POST
                          sigV4Auth: true
                          sigV4AuthType: default
                          sigV4Region: ${AWS_REGION}
                    """);
        }
        if (m.alertmanager != null) {
            b.append("""
                      - name: Alertmanager
                        uid: alertmanager
                        type: alertmanager
                        access: proxy
                        url: http://%s:9093
                        isDefault: false
                        editable: false
                        jsonData:
                          implementation: prometheus
                    """.formatted("alertmanager." + ExportModel.NAMESPACE));
        }
        return b.toString();
    }

    String dashboardProviders() {
        return head("Grafana dashboard provider: the JSON files in dashboards/ of this export") + """
                apiVersion: 1
                providers:
                  - name: promplan
                    orgId: 1
                    folder: Monitoring
                    type: file
                    disableDeletion: true
                    allowUiUpdates: false
                    updateIntervalSeconds: 60
                    options:
                      path: /etc/grafana/dashboards
                """;
    }

    String cloudwatchExporter() {
        StringBuilder b = new StringBuilder(head("CloudWatch Exporter: the scenario's CloudWatch metrics"));
        long period = m.w.exporter().period().seconds();
        b.append("""
                # Requested on every scrape (every %s): %d metric-statistics, priced as %s in the README.
                # use_get_metric_data selects the API that is priced and that the task role allows (%s);
                # list_metrics_cache_ttl (seconds) caches ListMetrics between scrapes, as priced.
                region: %s
                use_get_metric_data: %s
                list_metrics_cache_ttl: %d
                period_seconds: %d
                range_seconds: %d
                delay_seconds: 60
                metrics:
                """.formatted(m.w.exporter().scrapeInterval().text(), m.w.exporter().metricsPerScrape(m.w.serviceCount()),
                m.w.exporter().api().apiName(), m.w.exporter().api().iamAction(), m.region(), m.w.exporter().api().useGetMetricData(),
                m.w.exporter().listMetricsCacheTtl().seconds(), period, Math.max(period, 600)));
        String serviceNames = m.services.stream().map(s -> q(s.name())).collect(Collectors.joining(", "));
        for (CloudWatchMetric cm : m.w.exporter().metrics()) {
            b.append("  - aws_namespace: ").append(cm.namespace()).append('\n');
            b.append("    aws_metric_name: ").append(cm.name()).append('\n');
            b.append("    aws_dimensions: [").append(String.join(", ", cm.dimensions())).append("]\n");
            if (cm.perService() && cm.dimensions().contains("ServiceName")) {
                b.append("    # one series per monitored service, as the planner counted (edit if the ECS names differ)\n");
                b.append("    aws_dimension_select:\n      ServiceName: [").append(serviceNames).append("]\n");
            } else if (cm.perService() && cm.dimensions().contains("TargetGroup")) {
                b.append("    # only the monitored services' target groups (one per service, as the planner counted), not every\n");
                b.append("    # load balancer of the region: names that start with the service's name (edit if yours differ)\n");
                b.append("    aws_dimension_select_regex:\n      TargetGroup: [").append(targetGroupRegexes().stream().map(ConfigFiles::q)
                        .collect(Collectors.joining(", "))).append("]\n");
            }
            b.append("    aws_statistics: [").append(String.join(", ", stats(cm.statistics()))).append("]\n");
        }
        return b.toString();
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
