package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.core.plan.Plan;
import io.promplan.core.workload.ThanosSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * storage: thanos-s3 in the export: the sidecar in each Prometheus task, Query, Store Gateway and Compactor, the bucket,
 * least-privilege IAM per component, objstore.yml, and Grafana's one datasource.
 */
class ThanosExportTest {
    static final String SCENARIO = "scenarios/thanos-40-services-1y.yaml";
    static final String TF = "terraform/monitoring/";
    static Plan plan;
    static Map<String, String> files;
    /** The same scenario with at most 60,000 series per server: sharded. */
    static Plan shardedPlan;
    static Map<String, String> shardedFiles;

    @BeforeAll
    static void export(@TempDir Path tmp) throws IOException {
        plan = ExportTestSupport.plan(SCENARIO);
        files = ExportTestSupport.export(plan).files();
        String yaml = Files.readString(Path.of(SCENARIO));
        assertThat(yaml).contains("maxSeriesPerServer: 2000000");
        Path sharded = tmp.resolve("thanos-sharded.yaml");
        Files.writeString(sharded, yaml.replace("maxSeriesPerServer: 2000000", "maxSeriesPerServer: 60000"));
        shardedPlan = ExportTestSupport.plan(sharded.toString());
        shardedFiles = ExportTestSupport.export(shardedPlan).files();
    }

    /** Both exports: the committed scenario's and its sharded variant. */
    static List<Object[]> both() {
        return List.of(new Object[] {plan, files}, new Object[] {shardedPlan, shardedFiles});
    }

    static String tf(String name) {
        return tf(files, name);
    }

    static String tf(Map<String, String> files, String name) {
        String s = files.get(TF + name);
        assertThat(s).as(name).isNotNull();
        return s;
    }

    /** The text of a top-level HCL block starting with {@code header} (e.g. resource "aws_s3_bucket" "thanos"), up to its closing brace. */
    static String block(String text, String header) {
        int i = text.indexOf(header + " {");
        assertThat(i).as(header).isGreaterThanOrEqualTo(0);
        int depth = 0;
        for (int j = text.indexOf('{', i); j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(i, j + 1);
            }
        }
        throw new AssertionError("unclosed " + header);
    }

    /** Each statement of a policy document as {actions, resources, effect}; dynamic statements are left out. */
    static List<String[]> statements(String policyDocument) {
        List<String[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^  statement \\{").matcher(policyDocument);
        while (m.find()) {
            String st = block(policyDocument.substring(m.start() + 2), "statement");
            String actions = match(st, "actions\\s*=\\s*\\[([^\\]]*)\\]");
            String resources = match(st, "resources\\s*=\\s*\\[([^\\]]*)\\]");
            String effect = match(st, "effect\\s*=\\s*\"(\\w+)\"");
            out.add(new String[] {actions, resources, effect.isEmpty() ? "Allow" : effect});
        }
        return out;
    }

    static String match(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        return m.find() ? m.group(1) : "";
    }

    /** The S3 actions a role's policy document allows on the Thanos bucket or its objects. */
    static Set<String> thanosBucketActions(String role) {
        String doc = block(tf("iam.tf"), "data \"aws_iam_policy_document\" \"" + role + "\"");
        Set<String> out = new TreeSet<>();
        for (String[] st : statements(doc)) {
            if (st[2].equals("Allow") && st[1].contains("aws_s3_bucket.thanos")) {
                Matcher a = Pattern.compile("\"([a-z0-9]+:[A-Za-z*]+)\"").matcher(st[0]);
                while (a.find()) {
                    out.add(a.group(1));
                }
            }
        }
        return out;
    }

    @Test
    void bothExportsHaveTheThanosFileAndTheVariantIsSharded() {
        assertThat(plan.sizing().thanosResult()).isPresent();
        assertThat(files).containsKey(TF + "thanos.tf");
        assertThat(shardedFiles).containsKey(TF + "thanos.tf");
        assertThat(shardedPlan.sizing().all(io.promplan.core.workload.Component.PROMETHEUS)).hasSizeGreaterThan(1);
    }

    @Test
    void theBucketIsEncryptedVersionedPrivateOwnerEnforcedTlsOnly() {
        String t = tf("thanos.tf");
        assertThat(block(t, "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"thanos\""))
                .contains("apply_server_side_encryption_by_default").contains("sse_algorithm");
        assertThat(block(t, "resource \"aws_s3_bucket_versioning\" \"thanos\"")).contains("status = \"Enabled\"");
        String pab = block(t, "resource \"aws_s3_bucket_public_access_block\" \"thanos\"");
        for (String k : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
            assertThat(pab).containsPattern(k + "\\s*= true");
        }
        assertThat(block(t, "resource \"aws_s3_bucket_ownership_controls\" \"thanos\"")).contains("\"BucketOwnerEnforced\"");
        String policy = block(t, "data \"aws_iam_policy_document\" \"thanos_bucket\"");
        assertThat(policy).contains("effect    = \"Deny\"").contains("aws:SecureTransport").contains("values   = [\"false\"]");
        assertThat(block(t, "resource \"aws_s3_bucket_policy\" \"thanos\"")).contains("data.aws_iam_policy_document.thanos_bucket.json");
        assertThat(t).doesNotContainPattern("force_destroy\\s*= true");
    }

    @Test
    void theLifecycleCleansUpAndItsBackstopComesAfterTheLongestRetention() {
        String lc = block(tf("thanos.tf"), "resource \"aws_s3_bucket_lifecycle_configuration\" \"thanos\"");
        assertThat(lc).contains("abort_incomplete_multipart_upload").contains("noncurrent_version_expiration");
        int noncurrent = Integer.parseInt(match(lc, "noncurrent_days = (\\d+)"));
        assertThat(noncurrent).isBetween(1, 14);
        int backstop = Integer.parseInt(match(lc, "expiration \\{\\s*days = (\\d+)"));
        ThanosSpec spec = plan.scenario().workload().thanos();
        double longest = Math.max(spec.retentionRaw().days(), Math.max(spec.retention5m().days(), spec.retention1h().days()));
        assertThat((double) backstop).isGreaterThan(longest).isLessThanOrEqualTo(longest + 31);
    }

    @Test
    void eachRoleHasOnlyTheBucketAccessItsComponentNeeds() {
        assertThat(thanosBucketActions("prometheus_task")).containsExactly("s3:GetObject", "s3:ListBucket", "s3:PutObject");
        assertThat(thanosBucketActions("thanos_store_task")).containsExactly("s3:GetObject", "s3:ListBucket");
        assertThat(thanosBucketActions("thanos_compact_task")).containsExactly("s3:DeleteObject", "s3:GetObject", "s3:ListBucket", "s3:PutObject");
        // ListBucket on the bucket, object actions on its objects only.
        for (String role : List.of("prometheus_task", "thanos_store_task", "thanos_compact_task")) {
            for (String[] st : statements(block(tf("iam.tf"), "data \"aws_iam_policy_document\" \"" + role + "\""))) {
                if (st[1].contains("aws_s3_bucket.thanos")) {
                    assertThat(st[0]).as(role).doesNotContain("*");
                    if (st[0].contains("s3:ListBucket")) {
                        assertThat(st[1].trim()).as(role).isEqualTo("aws_s3_bucket.thanos.arn");
                    } else {
                        assertThat(st[1].trim()).as(role).isEqualTo("\"${aws_s3_bucket.thanos.arn}/*\"");
                    }
                }
            }
        }
        // Query: no task role, no bucket access.
        String query = block(tf("thanos.tf"), "resource \"aws_ecs_task_definition\" \"thanos_query\"");
        assertThat(query).doesNotContain("task_role_arn");
        assertThat(tf("iam.tf")).doesNotContain("thanos_query");
        // Other roles never reach the Thanos bucket.
        for (String role : List.of("grafana_task", "cloudwatch_exporter_task", "execution")) {
            assertThat(thanosBucketActions(role)).as(role).isEmpty();
        }
    }

    @Test
    void everyPrometheusTaskRunsASidecarWithTheDocumentedFlags() {
        for (Object[] e : both()) {
            everyPrometheusTaskRunsASidecar((Plan) e[0], cast(e[1]));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> cast(Object o) {
        return (Map<String, String>) o;
    }

    static void everyPrometheusTaskRunsASidecar(Plan plan, Map<String, String> files) {
        String p = tf(files, "prometheus.tf");
        int shards = plan.sizing().all(io.promplan.core.workload.Component.PROMETHEUS).size();
        assertThat(p.split("name                   = \"thanos-sidecar\"", -1).length - 1).isEqualTo(shards);
        for (String flag : List.of("\"sidecar\"", "\"--tsdb.path=/prometheus\"", "\"--prometheus.url=http://localhost:9090\"",
                "\"--objstore.config-file=/etc/prometheus/objstore.yml\"", "\"--grpc-address=0.0.0.0:10901\"", "\"--http-address=0.0.0.0:10902\"",
                "\"--storage.tsdb.min-block-duration=2h\"", "\"--storage.tsdb.max-block-duration=2h\"")) {
            assertThat(p.split(Pattern.quote(flag), -1).length - 1).as(flag).isEqualTo(shards);
        }
        String local = plan.scenario().workload().thanos().localRetention().text();
        assertThat(p).contains("\"--storage.tsdb.retention.time=" + local + "\"");
        assertThat(tf(files, "main.tf")).containsPattern("thanos\\s+= \"quay\\.io/thanos/thanos:v0\\.\\d+\\.\\d+\"");
        // The sidecar shares the TSDB volume with Prometheus.
        assertThat(p).contains("{ sourceVolume = \"prometheus-data\", containerPath = \"/prometheus\", readOnly = false }");
        // Each shard's blocks carry its own external labels.
        for (int i = 1; i <= shards; i++) {
            String key = i == 1 ? "prometheus" : "prometheus-" + i;
            String yml = files.get("configs/" + key + ".yml");
            assertThat(yml).contains("    shard: '" + key + "'").contains("    cluster: 'monitoring-prod'");
        }
    }

    @Test
    void theCompactorRetentionFlagsAreTheScenarios() {
        ThanosSpec spec = plan.scenario().workload().thanos();
        String c = block(tf("thanos.tf"), "resource \"aws_ecs_task_definition\" \"thanos_compact\"");
        assertThat(c).contains("\"--retention.resolution-raw=" + spec.retentionRaw().text() + "\"")
                .contains("\"--retention.resolution-5m=" + spec.retention5m().text() + "\"")
                .contains("\"--retention.resolution-1h=" + spec.retention1h().text() + "\"")
                .contains("\"--wait\"");
        String svc = block(tf("thanos.tf"), "resource \"aws_ecs_service\" \"thanos_compact\"");
        assertThat(svc).contains("desired_count    = 1").contains("deployment_maximum_percent         = 100")
                .contains("deployment_minimum_healthy_percent = 0");
        // Ephemeral storage sized to the plan's compactor scratch (Fargate: 20 GiB included, at most 200).
        int scratch = (int) Math.ceil(plan.sizing().thanosResult().orElseThrow().compactorScratchGiB() - 1e-9);
        Matcher eph = Pattern.compile("size_in_gib = (\\d+)").matcher(c);
        if (scratch > 20) {
            assertThat(eph.find()).isTrue();
            assertThat(Integer.parseInt(eph.group(1))).isEqualTo(Math.min(200, scratch));
        } else {
            assertThat(eph.find()).isFalse();
        }
        // Exactly one compactor.
        assertThat(tf("thanos.tf").split("resource \"aws_ecs_service\" \"thanos_compact", -1).length - 1).isEqualTo(1);
    }

    @Test
    void queryFindsTheSidecarsAndTheStoreGatewayThroughCloudMapAndOnlyQuerySpeaksGrpcToThem() {
        for (Object[] e : both()) {
            queryFindsEveryServer((Plan) e[0], cast(e[1]));
        }
    }

    static void queryFindsEveryServer(Plan plan, Map<String, String> files) {
        String q = block(tf(files, "thanos.tf"), "resource \"aws_ecs_task_definition\" \"thanos_query\"");
        int shards = plan.sizing().all(io.promplan.core.workload.Component.PROMETHEUS).size();
        assertThat(q).contains("\"--endpoint=dns+prometheus.monitoring.internal:10901\"")
                .contains("\"--endpoint=dns+thanos-store.monitoring.internal:10901\"");
        assertThat(q.split("--endpoint=", -1).length - 1).isEqualTo(shards + 1);
        for (int i = 2; i <= shards; i++) {
            assertThat(q).contains("\"--endpoint=dns+prometheus-" + i + ".monitoring.internal:10901\"");
        }
        String sd = tf(files, "service-discovery.tf");
        assertThat(sd).contains("name = \"thanos-query\"").contains("name = \"thanos-store\"");
        String sg = tf(files, "security-groups.tf");
        List<String> grpc = new ArrayList<>();
        Matcher m = Pattern.compile("resource \"aws_vpc_security_group_(ingress|egress)_rule\" \"(\\w+)\" \\{[^}]*from_port\\s+= 10901").matcher(sg);
        while (m.find()) {
            grpc.add(m.group(2));
        }
        assertThat(grpc).containsExactlyInAnyOrder("prometheus_from_thanos_query", "thanos_store_from_thanos_query",
                "thanos_query_to_prometheus", "thanos_query_to_thanos_store");
    }

    @Test
    void grafanaHasExactlyOnePrometheusDatasourceThanosQueryEvenWhenSharded() {
        for (Object[] e : both()) {
            grafanaHasOnePrometheusDatasource(cast(e[1]));
        }
    }

    static void grafanaHasOnePrometheusDatasource(Map<String, String> files) {
        String ds = files.get("configs/grafana/provisioning/datasources/datasources.yml");
        assertThat(ds.split("type: prometheus", -1).length - 1).isEqualTo(1);
        assertThat(ds).contains("name: Thanos Query").contains("uid: thanos-query")
                .contains("url: http://thanos-query.monitoring.internal:10902");
        for (var e : files.entrySet()) {
            if (e.getKey().startsWith("dashboards/")) {
                Matcher m = Pattern.compile("\"type\" : \"prometheus\",\\s*\"uid\" : \"([^\"]+)\"").matcher(e.getValue());
                while (m.find()) {
                    assertThat(m.group(1)).as(e.getKey()).isEqualTo("thanos-query");
                }
            }
        }
    }

    @Test
    void aServersPanelShowsThatServerOnlyThroughTheOneGlobalView() {
        String infra = shardedFiles.get("dashboards/infrastructure.json");
        assertThat(infra).contains("prometheus_tsdb_head_series{prometheus=\\\"prometheus\\\",job=\\\"prometheus\\\"}")
                .contains("prometheus_tsdb_head_series{prometheus=\\\"prometheus-2\\\",job=\\\"prometheus\\\"}")
                .contains("up{prometheus=\\\"prometheus-2\\\",job=~\\\"service-.*\\\"}");
        assertThat(shardedFiles.get("dashboards/ecs-cluster.json")).contains("process_resident_memory_bytes{prometheus=\\\"prometheus-2\\\"}");
        // One server: the queries as written.
        assertThat(files.get("dashboards/infrastructure.json")).contains("prometheus_tsdb_head_series{job=\\\"prometheus\\\"}")
                .doesNotContain("{prometheus=");
    }

    @Test
    void objstoreYmlNamesTheBucketAndTheRegionalEndpointAndHoldsNoKeys() {
        String o = block(tf("thanos.tf"), "resource \"aws_s3_object\" \"thanos_objstore\"");
        assertThat(o).contains("bucket       = aws_s3_bucket.config.id").contains("key          = \"configs/thanos/objstore.yml\"")
                .contains("type = \"S3\"").contains("bucket   = aws_s3_bucket.thanos.id")
                .contains("endpoint = \"s3.${var.aws_region}.amazonaws.com\"").contains("region   = var.aws_region")
                .doesNotContainIgnoringCase("access_key").doesNotContainIgnoringCase("secret_key");
        // Every component that reads the bucket copies it from the config bucket and may read that object only.
        assertThat(tf("prometheus.tf")).contains("${aws_s3_object.thanos_objstore.key} /etc/prometheus/objstore.yml");
        assertThat(tf("thanos.tf").split(Pattern.quote("${aws_s3_object.thanos_objstore.key} /etc/thanos/objstore.yml"), -1).length - 1).isEqualTo(2);
        for (String role : List.of("prometheus_task", "thanos_store_task", "thanos_compact_task")) {
            assertThat(block(tf("iam.tf"), "data \"aws_iam_policy_document\" \"" + role + "\"")).as(role)
                    .contains("\"${aws_s3_bucket.config.arn}/configs/thanos/objstore.yml\"");
        }
        assertThat(plan.region()).isEqualTo("ap-northeast-2");
        assertThat(tf("variables.tf")).contains("default     = \"ap-northeast-2\"");
    }

    @Test
    void theReadmeSaysWhatAReplacementLosesHowToQueryAndTheRetentionPerResolution() {
        String r = files.get("README.md");
        ThanosSpec spec = plan.scenario().workload().thanos();
        assertThat(r).contains("## Thanos: the history in S3").contains("about 2 hours").contains("Thanos Query")
                .contains("raw samples " + spec.retentionRaw().text()).contains("**thanos-s3** (this export)");
    }

    @Test
    void exportsOfOtherStorageChoicesHaveNoThanos() {
        for (String[] c : ExportTestSupport.COMMITTED) {
            if (c[0].startsWith("thanos")) {
                continue;
            }
            Map<String, String> f = ExportTestSupport.export(ExportTestSupport.plan(c[1])).files();
            assertThat(f.keySet()).as(c[0]).noneMatch(k -> k.contains("thanos"));
            assertThat(String.join("\n", f.values())).as(c[0]).doesNotContain("quay.io/thanos");
        }
    }
}
