package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.core.plan.Plan;
import io.promplan.core.sizing.StorageSizing;
import io.promplan.render.PlanJson;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 4: a sharded export gives each Prometheus server a volume for its own share of the samples (not the
 * whole stack's, and not a flat average that under-sizes the first server, which also scrapes the exporter and
 * Alertmanager), its retention.size from that volume, and counts snapshots per server.
 */
class TerraformShardVolumesTest {
    static final String SCENARIO = "src/test/resources/scenarios/ebs-sharded-40-services.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachShardsVolumeIsSizedFromItsOwnShare() throws Exception {
        Plan p = ExportTestSupport.plan(SCENARIO);
        assertThat(p.sizing().shards()).isEqualTo(3);
        StorageSizing st = p.sizing().storage();
        ExportBundle b = ExportTestSupport.export(p);
        String prom = b.file("terraform/monitoring/prometheus.tf");
        JsonNode plan = JSON.readTree(PlanJson.render(p));
        double total = 0;
        for (JsonNode c : plan.get("sizing").get("components")) {
            if (c.get("name").asText().equals("prometheus")) {
                total += SizedValuesTest.samplesPerSecond(c);
            }
        }
        int wholeStack = (int) Math.ceil(st.neededGiB() / 0.85);
        int sum = 0;
        int i = 0;
        for (JsonNode c : plan.get("sizing").get("components")) {
            if (!c.get("name").asText().equals("prometheus")) {
                continue;
            }
            i++;
            String key = i == 1 ? "prometheus" : "prometheus-" + i;
            String svc = SizedValuesTest.block(prom, "aws_ecs_service", key.replace('-', '_'));
            int size = SizedValuesTest.intArg(svc, "size_in_gb");
            double share = SizedValuesTest.samplesPerSecond(c) / total;
            assertThat(size).as(key + ": its own share of " + st.neededGiB() + " GiB needed / 0.85")
                    .isEqualTo((int) Math.ceil(st.neededGiB() * share / 0.85 - 1e-9))
                    .isLessThan(wholeStack);
            sum += size;
            String task = SizedValuesTest.block(prom, "aws_ecs_task_definition", key.replace('-', '_'));
            Matcher m = Pattern.compile("--storage\\.tsdb\\.retention\\.size=(\\d+)MB\"").matcher(task);
            assertThat(m.find()).isTrue();
            assertThat(Long.parseLong(m.group(1))).as(key + " retention.size is 85 % of its own volume")
                    .isEqualTo((long) Math.floor(Math.floor(size * 0.85 * 100) / 100 * 1024 + 1e-6));
        }
        // The first server also scrapes the exporter and Alertmanager: the flat average would under-size it.
        int first = SizedValuesTest.intArg(SizedValuesTest.block(prom, "aws_ecs_service", "prometheus"), "size_in_gb");
        assertThat(first).as("first server vs. the plan's average volume").isGreaterThan((int) st.volumeGiB());
        assertThat(sum).as("the volumes together hold what the stack needs, and not shards x the whole stack")
                .isGreaterThanOrEqualTo((int) Math.ceil(st.neededGiB() / 0.85)).isLessThanOrEqualTo(wholeStack + 3);
        String ebs = b.file("terraform/monitoring/ebs.tf");
        assertThat(ebs).contains("#   prometheus: " + first + " GiB volume").contains("GiB-month over all 3 servers");
    }

    @Test
    void snapshotsAreCountedPerServerNotTheWholeStackTimesTheShards() throws Exception {
        Plan p = ExportTestSupport.plan(SCENARIO);
        StorageSizing st = p.sizing().storage();
        ExportBundle b = ExportTestSupport.export(p);
        double stored = st.blocksGiB() + st.walGiB() + st.headChunksGiB();
        double expected = stored * (1 + 7 / p.scenario().workload().retention().days());
        JsonNode usage = JSON.readTree(b.file(ReadmeFiles.INFRACOST_FILE));
        assertThat(usage.get("resource_usage").get("aws_backup_vault.monitoring").get("monthly_ebs_snapshot_gb").asDouble())
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
        Matcher m = Pattern.compile("GiB-month; ([0-9.]+) GiB-month over all 3 servers|\\); ([0-9.]+) GiB-month over all 3 servers")
                .matcher(b.file("terraform/monitoring/ebs.tf"));
        assertThat(m.find()).isTrue();
        double inEbsTf = Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(2));
        assertThat(inEbsTf).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
    }
}
