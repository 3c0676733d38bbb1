package io.promplan.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.baseline.BaselineRow;
import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.CostLine;
import io.promplan.core.money.Money;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.scenario.ScenarioReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed scenario's bill, finding by finding (issue "One sound decision", findings 2 to 7): every
 * alternative on the same workload, the lines a real bill has, the exporter priced by the API it
 * calls, EFS on the bytes stored, a ROI that does not inflate a near-zero extra cost, a baseline that adds up.
 */
class CompleteBillTest {
    @TempDir
    Path dir;

    private final Plan seed = TestSupport.service().plan(TestSupport.seed());

    /** The seed file with one line replaced (the replaced text must be there). */
    private Plan seedWith(String from, String to) throws Exception {
        String text = Files.readString(Path.of("scenarios/seed-5-services.yaml"));
        assertThat(text).contains(from);
        Path f = dir.resolve("variant.yaml");
        Files.writeString(f, text.replace(from, to));
        Scenario s = ScenarioReader.read(f);
        return TestSupport.service().plan(s);
    }

    private static CostLine line(Plan p, String alt, String key) {
        return p.alternative(alt).orElseThrow().lines().stream().filter(l -> l.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + key + " in " + alt));
    }

    private static boolean hasLine(Plan p, String alt, String key) {
        return p.alternative(alt).orElseThrow().lines().stream().anyMatch(l -> l.key().equals(key));
    }

    @Test
    void cloudwatchOnlyPublishesTheSameServiceSeriesTheStackScrapes() throws Exception {
        // finding 2: the services' 500 series, not the 67 metrics the plan's $20 buys
        assertThat(line(seed, Alternative.CLOUDWATCH_ONLY, "cloudwatch:metrics").quantity()).isEqualByComparingTo("500");
        assertThat(seed.cloudwatchOnly().monthly()).isEqualTo(Money.usd("201.77"));
        // the plan's narrower reading stays available, named by its own key
        Plan narrow = seedWith("publishServiceSeries: true", "publishServiceSeries: false");
        assertThat(line(narrow, Alternative.CLOUDWATCH_ONLY, "cloudwatch:metrics").quantity()).isLessThan(new BigDecimal("500"));
    }

    @Test
    void theExporterIsPricedByTheApiItCalls() throws Exception {
        // finding 3: GetMetricData bills metric x statistic x combination per scrape: 20 x (730 h x 3600 / 15 s) / 1000 = 3,504 x $0.01
        CostLine gmd = line(seed, Alternative.SELF_HOSTED, "cloudwatch:exporter-api");
        assertThat(gmd.quantity()).isEqualByComparingTo("3504");
        assertThat(gmd.price().id().id()).isEqualTo("cloudwatch.getmetricdata");
        // GetMetricStatistics (the exporter's default) is priced as requests, with the 1M free requests where they apply
        Plan gms = seedWith("api: GetMetricData", "api: GetMetricStatistics");
        CostLine req = line(gms, Alternative.SELF_HOSTED, "cloudwatch:exporter-api");
        assertThat(req.price().id().id()).isEqualTo("cloudwatch.api.requests");
        assertThat(req.monthly()).isNotEqualTo(gmd.monthly());
        // at 60 s the exporter costs a quarter of the 15 s bill, at 300 s a twentieth
        Plan at60 = seedWith("  scrapeInterval: 15s\n  # CloudWatch period", "  scrapeInterval: 60s\n  # CloudWatch period");
        assertThat(line(at60, Alternative.SELF_HOSTED, "cloudwatch:exporter-api").monthly().rounded()).isEqualTo(Money.usd("8.76"));
    }

    @Test
    void theLinesARealBillHasAreThere() throws Exception {
        // finding 4: the ALB's public IPv4 addresses, 2 x 730 h x $0.005
        assertThat(line(seed, Alternative.SELF_HOSTED, "network:ipv4").monthly().rounded()).isEqualTo(Money.usd("7.30"));
        // Alertmanager, since the plan's success criteria need alerts in Slack
        assertThat(seed.selfHosted().byComponent()).containsKey("alertmanager");
        assertThat(hasLine(seed, Alternative.SELF_HOSTED, "dns:cloudmap-zone")).isTrue();
        assertThat(hasLine(seed, Alternative.SELF_HOSTED, "secrets:secretsmanager")).isTrue();
        assertThat(hasLine(seed, Alternative.SELF_HOSTED, "s3:config")).isTrue();
        // a new NAT gateway: its hours in Seoul (730 x $0.059 = $43.07) and the data it processes
        Plan nat = seedWith("  nat: existing", "  nat: new");
        assertThat(line(nat, Alternative.SELF_HOSTED, "network:nat:hours").monthly().rounded()).isEqualTo(Money.usd("43.07"));
        assertThat(nat.selfHosted().monthly()).isEqualTo(seed.selfHosted().monthly().plus(Money.usd("43.07")));
    }

    @Test
    void efsIsBilledOnTheBytesStoredNotThePinnedSize() {
        // finding 5: the workload stores ~0.3 GiB; the pinned 20 GB is shown beside, not billed
        CostLine efs = line(seed, Alternative.SELF_HOSTED, "storage:efs:prometheus");
        assertThat(efs.quantity()).isLessThan(BigDecimal.ONE);
        assertThat(line(seed, Alternative.SELF_HOSTED, "backup:efs").quantity()).isLessThan(new BigDecimal("5"));
    }

    @Test
    void roiLeadsWithTheBreakEvenAndCountsTheRunningHours() {
        // finding 6: ops hours have a stated non-zero default; a percent on a near-zero extra cost is not shown as meaningful
        assertThat(seed.scenario().roi().opsHoursPerMonth()).isEqualTo(4.0);
        assertThat(seed.roi().breakEvenHoursLow()).isNotNull();
        assertThat(seed.roi().percentMeaningful()).isFalse();
        assertThat(seed.roi().planClaim()).isNotNull();
    }

    @Test
    void theBaselineAddsUpToTheCent() {
        // finding 7: the row deltas sum exactly to the total difference, each row's parts to the row
        Money sum = Money.ZERO_USD;
        for (BaselineRow r : seed.baseline().rows()) {
            sum = sum.plus(r.delta());
            Money parts = r.parts().stream().map(x -> x.amount()).reduce(Money.ZERO_USD, Money::plus);
            assertThat(parts).as(r.name().text()).isEqualTo(r.delta());
        }
        assertThat(sum).isEqualTo(seed.baseline().delta());
    }
}
