package io.promplan.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promplan.core.cost.CostLine;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** dashboards/: Grafana dashboard JSON, provisioned from /etc/grafana/dashboards. */
final class DashboardFiles {
    /**
     * The metrics every monitored service must expose for the request, error and latency panels (JSON has no comments:
     * the dashboards' descriptions carry it, and configs/prometheus*.yml says the same above the service jobs).
     */
    static final String METRICS_CONTRACT = "Metrics contract: each service serves /metrics on port " + ExportModel.METRICS_PORT
            + " with the counter http_requests_total{status=\"<HTTP status code>\"} and the histogram http_request_duration_seconds"
            + " (series http_request_duration_seconds_bucket{le=...}, in seconds); with other names these panels stay empty"
            + " (rename the metrics in the queries, or map them with metric_relabel_configs).";
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private final ExportModel m;

    DashboardFiles(ExportModel m) {
        this.m = m;
    }

    void addTo(Map<String, String> files) {
        files.put("dashboards/infrastructure.json", json(infrastructure()));
        files.put("dashboards/ecs-cluster.json", json(ecsCluster()));
        for (ExportModel.Svc s : m.services) {
            files.put("dashboards/service-" + s.slug() + ".json", json(service(s)));
        }
        files.put("dashboards/application-performance.json", json(applicationPerformance()));
        files.put("dashboards/cost-estimation.json", json(costEstimation()));
    }

    static String json(ObjectNode n) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lays panels out left to right, 24 columns wide. */
    private static final class Layout {
        final ArrayNode panels = F.arrayNode();
        int x;
        int y;
        int rowH;
        int id;

        ObjectNode add(String type, String title, int w, int h) {
            if (x + w > 24) {
                x = 0;
                y += rowH;
                rowH = 0;
            }
            ObjectNode p = panels.addObject();
            p.put("id", ++id);
            p.put("type", type);
            p.put("title", title);
            ObjectNode g = p.putObject("gridPos");
            g.put("h", h);
            g.put("w", w);
            g.put("x", x);
            g.put("y", y);
            x += w;
            rowH = Math.max(rowH, h);
            return p;
        }
    }

    private ObjectNode ds(String type, String uid) {
        ObjectNode d = F.objectNode();
        d.put("type", type);
        d.put("uid", uid);
        return d;
    }

    /**
     * A per-server panel's query. With storage: thanos-s3 and several servers, every panel reads the one Thanos Query
     * datasource: each selector then also matches the server's external label {@code prometheus}, so the panel of a
     * server shows that server only. Otherwise the query as written ({@code {}} of a bare selector dropped).
     */
    private String onShard(ExportModel.Shard s, String expr) {
        if (!(m.thanos() && m.sharded())) {
            return expr.replace("{}", "");
        }
        return expr.replaceAll("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{", "$1{prometheus=\"" + s.key() + "\",").replace(",}", "}");
    }

    private ObjectNode prom(ExportModel.Shard s) {
        return ds("prometheus", m.datasourceUid(s));
    }

    private ObjectNode panel(Layout l, String type, String title, int w, int h, ObjectNode ds, String unit, String... exprLegend) {
        ObjectNode p = l.add(type, title, w, h);
        p.set("datasource", ds);
        ObjectNode fc = p.putObject("fieldConfig");
        ObjectNode def = fc.putObject("defaults");
        if (unit != null) {
            def.put("unit", unit);
        }
        fc.putArray("overrides");
        ArrayNode targets = p.putArray("targets");
        char ref = 'A';
        for (int i = 0; i + 1 < exprLegend.length; i += 2) {
            ObjectNode t = targets.addObject();
            t.put("refId", String.valueOf(ref++));
            t.set("datasource", ds.deepCopy());
            t.put("expr", exprLegend[i]);
            t.put("legendFormat", exprLegend[i + 1]);
        }
        ObjectNode opt = p.putObject("options");
        if (type.equals("timeseries")) {
            opt.putObject("legend").put("displayMode", "table").put("placement", "bottom").put("showLegend", true);
            opt.putObject("tooltip").put("mode", "multi").put("sort", "desc");
        } else if (type.equals("stat")) {
            opt.put("colorMode", "value");
            opt.put("graphMode", "area");
            ObjectNode ro = opt.putObject("reduceOptions");
            ro.putArray("calcs").add("lastNotNull");
            ro.put("fields", "");
            ro.put("values", false);
        } else if (type.equals("table")) {
            opt.put("showHeader", true);
        }
        return p;
    }

    private ObjectNode dashboard(String uid, String title, String description, Layout l, String... tags) {
        ObjectNode d = F.objectNode();
        d.put("uid", uid);
        d.put("title", title);
        d.put("description", description + " Source: " + m.header() + ".");
        ArrayNode t = d.putArray("tags");
        t.add("promplan");
        for (String s : tags) {
            t.add(s);
        }
        d.put("editable", false);
        d.put("graphTooltip", 1);
        d.put("refresh", m.w.grafana().refreshInterval().text());
        d.put("schemaVersion", 39);
        d.put("timezone", "browser");
        ObjectNode time = d.putObject("time");
        time.put("from", "now-6h");
        time.put("to", "now");
        d.putObject("templating").putArray("list");
        d.set("panels", l.panels);
        d.put("version", 1);
        return d;
    }

    private ObjectNode infrastructure() {
        Layout l = new Layout();
        ExportModel.Shard s1 = m.first();
        for (ExportModel.Shard s : m.shards) {
            String sfx = m.sharded() ? " (" + s.key() + ")" : "";
            panel(l, "stat", "Services up" + sfx, 6, 4, prom(s), "none", onShard(s, "count(up{job=~\"service-.*\"} == 1)"), "up");
            // ServiceDown counts both a target that does not answer and a service with no target left (see configs/rules/).
            panel(l, "stat", "Services down" + sfx, 6, 4, prom(s), "none",
                    onShard(s, "count(count by (service) (ALERTS{alertname=\"ServiceDown\",alertstate=\"firing\"})) or vector(0)"), "down");
            panel(l, "stat", "Active series" + sfx, 6, 4, prom(s), "short", onShard(s, "prometheus_tsdb_head_series{job=\"prometheus\"}"), "series");
            panel(l, "stat", "Samples/s" + sfx, 6, 4, prom(s), "short", onShard(s, "rate(prometheus_tsdb_head_samples_appended_total{job=\"prometheus\"}[5m])"), "samples/s");
        }
        for (ExportModel.Shard s : m.shards) {
            String sfx = m.sharded() ? " (" + s.key() + ")" : "";
            panel(l, "timeseries", "Scrape target health" + sfx, 12, 8, prom(s), "none", onShard(s, "up{job=~\"service-.*\"}"), "{{service}} {{instance}}");
            panel(l, "timeseries", "Scrape duration" + sfx, 12, 8, prom(s), "s", onShard(s, "scrape_duration_seconds{job=~\"service-.*\"}"), "{{service}} {{instance}}");
        }
        panel(l, "timeseries", "ECS CPU utilisation by service", 12, 8, prom(s1), "percent", "aws_ecs_cpuutilization_average", "{{service_name}}");
        panel(l, "timeseries", "ECS memory utilisation by service", 12, 8, prom(s1), "percent", "aws_ecs_memory_utilization_average", "{{service_name}}");
        panel(l, "timeseries", "Error rate (5xx share) by service", 12, 8, prom(s1), "percentunit",
                "sum by (service) (rate(http_requests_total{status=~\"5..\"}[5m])) / sum by (service) (rate(http_requests_total[5m]))", "{{service}}");
        panel(l, "timeseries", "ALB target response time (the services' target groups)", 12, 8, prom(s1), "s",
                "aws_applicationelb_target_response_time_average{job=\"cloudwatch\",target_group=~\"" + new ConfigFiles(m).targetGroupPromqlRegex() + "\"}",
                "{{target_group}}");
        return dashboard("promplan-infrastructure", "Infrastructure Overview", "Every monitored service at a glance: health, CPU, memory, errors, latency. "
                + METRICS_CONTRACT, l,
                "infrastructure");
    }

    private ObjectNode ecsCluster() {
        Layout l = new Layout();
        ExportModel.Shard s1 = m.first();
        panel(l, "timeseries", "CPU utilisation by service", 12, 8, prom(s1), "percent", "aws_ecs_cpuutilization_average", "{{service_name}}");
        panel(l, "timeseries", "Memory utilisation by service", 12, 8, prom(s1), "percent", "aws_ecs_memory_utilization_average", "{{service_name}}");
        panel(l, "stat", "Highest CPU utilisation", 8, 4, prom(s1), "percent", "max(aws_ecs_cpuutilization_average)", "max");
        panel(l, "stat", "Highest memory utilisation", 8, 4, prom(s1), "percent", "max(aws_ecs_memory_utilization_average)", "max");
        panel(l, "stat", "Services reporting", 8, 4, prom(s1), "none", "count(aws_ecs_cpuutilization_average)", "services");
        for (ExportModel.Shard s : m.shards) {
            String sfx = m.sharded() ? " (" + s.key() + ")" : "";
            panel(l, "timeseries", "Running tasks per service" + sfx, 12, 8, prom(s), "none", onShard(s, "count by (service) (up{job=~\"service-.*\"})"), "{{service}}");
            panel(l, "timeseries", "Monitoring stack memory" + sfx, 12, 8, prom(s), "bytes", onShard(s, "process_resident_memory_bytes{}"), "{{job}} {{instance}}");
        }
        return dashboard("promplan-ecs-cluster", "ECS Cluster", "ECS service CPU and memory from CloudWatch (Container Insights off), and running tasks.", l,
                "ecs");
    }

    private ObjectNode service(ExportModel.Svc svc) {
        Layout l = new Layout();
        ExportModel.Shard s = m.shards.stream().filter(x -> x.key().equals(svc.shardKey())).findFirst().orElse(m.first());
        String sel = "service=\"" + svc.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String cw = "service_name=\"" + svc.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        panel(l, "stat", "Targets up", 6, 4, prom(s), "none", "sum(up{" + sel + "})", "up");
        panel(l, "stat", "Requests/s", 6, 4, prom(s), "reqps", "sum(rate(http_requests_total{" + sel + "}[5m]))", "rps");
        panel(l, "stat", "Error rate", 6, 4, prom(s), "percentunit",
                "sum(rate(http_requests_total{" + sel + ",status=~\"5..\"}[5m])) / sum(rate(http_requests_total{" + sel + "}[5m]))", "errors");
        panel(l, "stat", "P95 latency", 6, 4, prom(s), "s",
                "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{" + sel + "}[5m])))", "p95");
        panel(l, "timeseries", "Requests/s by status", 12, 8, prom(s), "reqps", "sum by (status) (rate(http_requests_total{" + sel + "}[5m]))", "{{status}}");
        panel(l, "timeseries", "Latency P50 / P95 / P99", 12, 8, prom(s), "s",
                "histogram_quantile(0.50, sum by (le) (rate(http_request_duration_seconds_bucket{" + sel + "}[5m])))", "p50",
                "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{" + sel + "}[5m])))", "p95",
                "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{" + sel + "}[5m])))", "p99");
        panel(l, "timeseries", "ECS CPU / memory utilisation", 12, 8, prom(m.first()), "percent",
                "aws_ecs_cpuutilization_average{" + cw + "}", "cpu", "aws_ecs_memory_utilization_average{" + cw + "}", "memory");
        panel(l, "timeseries", "Scrape duration and samples", 12, 8, prom(s), "short",
                "scrape_duration_seconds{" + sel + "}", "duration {{instance}}", "scrape_samples_scraped{" + sel + "}", "samples {{instance}}");
        return dashboard("promplan-svc-" + shortUid(svc.slug()), "Service: " + svc.name(),
                "Requests, errors, latency and resources of " + svc.name() + " (job " + svc.job() + "). " + METRICS_CONTRACT, l, "service");
    }

    private static String shortUid(String slug) {
        return slug.length() <= 27 ? slug : slug.substring(0, 19) + "-" + String.format("%07x", slug.hashCode() & 0xfffffff);
    }

    private ObjectNode applicationPerformance() {
        Layout l = new Layout();
        for (ExportModel.Shard s : m.shards) {
            String sfx = m.sharded() ? " (" + s.key() + ")" : "";
            panel(l, "timeseries", "Latency P50 by service" + sfx, 8, 8, prom(s), "s",
                    "histogram_quantile(0.50, sum by (service, le) (rate(http_request_duration_seconds_bucket{job=~\"service-.*\"}[5m])))", "{{service}}");
            panel(l, "timeseries", "Latency P95 by service" + sfx, 8, 8, prom(s), "s",
                    "histogram_quantile(0.95, sum by (service, le) (rate(http_request_duration_seconds_bucket{job=~\"service-.*\"}[5m])))", "{{service}}");
            panel(l, "timeseries", "Latency P99 by service" + sfx, 8, 8, prom(s), "s",
                    "histogram_quantile(0.99, sum by (service, le) (rate(http_request_duration_seconds_bucket{job=~\"service-.*\"}[5m])))", "{{service}}");
            panel(l, "timeseries", "Requests/s (RPS) by service" + sfx, 12, 8, prom(s), "reqps",
                    "sum by (service) (rate(http_requests_total{job=~\"service-.*\"}[5m]))", "{{service}}");
            panel(l, "timeseries", "Error rate (5xx share) by service" + sfx, 12, 8, prom(s), "percentunit",
                    "sum by (service) (rate(http_requests_total{job=~\"service-.*\",status=~\"5..\"}[5m])) / sum by (service) (rate(http_requests_total{job=~\"service-.*\"}[5m]))",
                    "{{service}}");
        }
        return dashboard("promplan-app-performance", "Application Performance",
                "P50/P95/P99 latency, requests per second and error rate per service. " + METRICS_CONTRACT, l, "performance");
    }

    private BigDecimal unitPrice(String keySuffix) {
        Optional<CostLine> l = m.plan.selfHosted().lines().stream()
                .filter(c -> c.key().startsWith("fargate:") && c.key().endsWith(keySuffix) && !c.isMissing()).findFirst();
        return l.flatMap(CostLine::unitPriceUsd).orElse(null);
    }

    private ObjectNode costEstimation() {
        Layout l = new Layout();
        BigDecimal vcpu = unitPrice(":vcpu");
        BigDecimal gb = unitPrice(":memory");
        ExportModel.Shard s1 = m.first();
        String hours = String.valueOf(m.plan.hoursPerMonth());
        ArrayNode vars = F.arrayNode();
        if (vcpu == null || gb == null) {
            ObjectNode p = l.add("text", "Fargate prices missing", 24, 4);
            p.putObject("options").put("mode", "markdown").put("content",
                    "The price snapshot has no Fargate vCPU or memory price for " + m.region() + "; the cost panels are left out "
                            + "rather than priced at zero.");
        } else {
            String v = vcpu.stripTrailingZeros().toPlainString();
            String g = gb.stripTrailingZeros().toPlainString();
            ObjectNode text = l.add("text", "How these figures are computed", 24, 6);
            text.putObject("options").put("mode", "markdown").put("content",
                    "Cost of the vCPU and memory each service **uses**, at the plan's Fargate prices for " + m.region() + " (price snapshot "
                            + m.plan.priceSnapshot() + ", as of " + m.plan.pricesAsOf() + "): $" + v + " per vCPU-hour and $" + g
                            + " per GB-hour, " + hours + " hours a month.\n\n"
                            + "Used vCPU = AWS/ECS CPUUtilization % x the service's reserved vCPU; used GB = MemoryUtilization % x its reserved GB "
                            + "(set both above: the planner does not know the monitored services' task sizes). Fargate bills the **reserved** size; "
                            + "the gap between used and reserved is headroom you pay for. The monitoring stack's own lines come from the "
                            + "recording rules in configs/rules/cost.yml, written from the plan.");
            panel(l, "timeseries", "Used vCPU cost per service (USD a month)", 12, 8, prom(s1), "currencyUSD",
                    "sum by (service_name) (aws_ecs_cpuutilization_average) / 100 * $service_vcpu * " + v + " * " + hours, "{{service_name}}");
            panel(l, "timeseries", "Used memory cost per service (USD a month)", 12, 8, prom(s1), "currencyUSD",
                    "sum by (service_name) (aws_ecs_memory_utilization_average) / 100 * $service_memory_gb * " + g + " * " + hours, "{{service_name}}");
            panel(l, "timeseries", "Prometheus: used vs reserved (USD a month)", 12, 8, prom(s1), "currencyUSD",
                    "sum by (instance) (rate(process_cpu_seconds_total{job=\"prometheus\"}[5m])) * " + v + " * " + hours
                            + " + sum by (instance) (process_resident_memory_bytes{job=\"prometheus\"}) / 1073741824 * " + g + " * " + hours, "used",
                    "sum(promplan:task_reserved_monthly_usd{task=~\"prometheus.*\"})", "reserved (plan)");
            panel(l, "stat", "Planned stack total (USD a month)", 12, 8, prom(s1), "currencyUSD",
                    "sum(promplan:planned_monthly_usd)", "total");
            ObjectNode table = panel(l, "table", "Planned monthly cost of the stack, line by line (from promplan)", 24, 12, prom(s1), "currencyUSD",
                    "sort_desc(promplan:planned_monthly_usd)", "{{line}}");
            ((ObjectNode) table.get("targets").get(0)).put("instant", true).put("format", "table");
            vars.add(textbox("service_vcpu", "Reserved vCPU per service task", "0.25"));
            vars.add(textbox("service_memory_gb", "Reserved GB per service task", "0.5"));
        }
        ObjectNode d = dashboard("promplan-cost-estimation", "Cost Estimation",
                "vCPU and memory use turned into cost per service with the plan's unit prices.", l, "cost");
        ((ObjectNode) d.get("templating")).set("list", vars);
        return d;
    }

    private static ObjectNode textbox(String name, String label, String value) {
        ObjectNode v = F.objectNode();
        v.put("name", name);
        v.put("label", label);
        v.put("type", "textbox");
        v.put("query", value);
        v.put("hide", 0);
        ObjectNode cur = v.putObject("current");
        cur.put("text", value);
        cur.put("value", value);
        return v;
    }
}
