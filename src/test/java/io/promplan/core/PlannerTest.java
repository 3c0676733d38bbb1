package io.promplan.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.CostLine;
import io.promplan.core.money.Money;
import io.promplan.core.plan.Plan;
import io.promplan.core.plan.Planner;
import io.promplan.core.price.Price;
import io.promplan.core.price.PriceCatalog;
import io.promplan.core.price.PriceId;
import io.promplan.core.sizing.SizingCoefficients;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.FargateSize;
import io.promplan.core.workload.Scenario;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final io.promplan.service.PlanningService service = TestSupport.service();

    /** The plan's own pinned task, priced beside the model-sized plan. */
    private static Money fargate(Plan p, String component) {
        return p.asPinned().orElseThrow().sumOf(List.of("fargate:" + component + ":"));
    }

    @Test
    void thePlansPrometheusTaskCosts4145InSeoulAt730Hours() {
        Plan p = service.plan(TestSupport.seed());
        assertThat(p.hoursPerMonth()).isEqualTo(730);
        assertThat(p.sizingBasis()).isEqualTo(io.promplan.core.plan.SizingBasis.MODEL);
        assertThat(fargate(p, "prometheus").format()).isEqualTo("$41.45");
        // the decision's basis: the model's 0.5 vCPU / 1 GB
        assertThat(p.selfHosted().sumOf(List.of("fargate:prometheus:")).format()).isEqualTo("$20.72");
    }

    @Test
    void andCosts3604InUsEast1() {
        Plan p = service.plan(TestSupport.seed(), "us-east-1");
        assertThat(fargate(p, "prometheus").format()).isEqualTo("$36.04");
        assertThat(fargate(p, "grafana").format()).isEqualTo("$18.02");
        assertThat(fargate(p, "cloudwatch-exporter").format()).isEqualTo("$9.01");
    }

    @Test
    void pinsMarkedAsRequirementsAreKeptAndNeverBelowTheNeed() {
        Scenario seed = TestSupport.seed();
        var w = seed.workload();
        Plan req = service.plan(seed.withWorkload(w.toBuilder().sizing(w.sizing().withPinsAreRequirements(true)).build()));
        assertThat(req.sizingBasis()).isEqualTo(io.promplan.core.plan.SizingBasis.PINS_AS_REQUIRED);
        assertThat(req.asPinned()).isEmpty();
        assertThat(req.selfHosted().sumOf(List.of("fargate:prometheus:")).format()).isEqualTo("$41.45");
        Map<Component, FargateSize> tiny = new EnumMap<>(Component.class);
        tiny.put(Component.PROMETHEUS, new FargateSize(256, 512));
        Scenario big = seed.withWorkload(w.toBuilder().seriesPerMetric(2000).pinned(tiny).sizing(w.sizing().withPinsAreRequirements(true)).build());
        Plan p = service.plan(big);
        var prom = p.sizing().component(Component.PROMETHEUS).orElseThrow();
        assertThat(prom.size().memoryMiB()).isGreaterThanOrEqualTo((int) Math.ceil(prom.requiredMemoryMiB()));
        assertThat(english(p)).anyMatch(x -> x.contains("planned at"));
    }

    @Test
    void everyLineTracesToQuantityTimesUnitPrice() {
        Plan p = service.plan(TestSupport.seed());
        for (Alternative a : p.alternatives()) {
            for (CostLine l : a.lines()) {
                assertThat(l.price().source()).as(l.key()).isNotBlank();
                assertThat(l.monthly().amount()).as(l.key()).isEqualByComparingTo(l.price().costOf(l.quantity()));
                assertThat(io.promplan.render.Words.english().pricedFormula(l)).as(l.key()).contains(l.quantity().stripTrailingZeros().toPlainString());
            }
        }
    }

    @Test
    void theBaselineExplainsHoursAndRegion() {
        Plan p = service.plan(TestSupport.seed());
        var row = p.baseline().rows().get(0);
        assertThat(row.name().text()).isEqualTo("Fargate Prometheus");
        var words = io.promplan.render.Words.english();
        assertThat(words.reasons(row)).contains("730 h a month instead of the plan’s 720 h").contains("ap-northeast-2 prices instead of us-east-1")
                .contains("the model’s task and storage sizes instead of the plan’s pinned ones");
        var alb = p.baseline().rows().stream().filter(r -> r.name().text().equals("ALB")).findFirst().orElseThrow();
        assertThat(words.reasons(alb)).contains("10x off");
    }

    @Test
    void anInvalidPinnedSizeIsReportedAndReplacedByAValidOne() {
        Scenario s = TestSupport.scenario("services-10.yaml");
        Map<Component, FargateSize> pinned = new EnumMap<>(Component.class);
        pinned.put(Component.PROMETHEUS, new FargateSize(1536, 3072));
        Plan p = service.plan(s.withWorkload(s.workload().toBuilder().pinned(pinned).build()));
        assertThat(p.sizingAsPinned().component(Component.PROMETHEUS).orElseThrow().size()).isEqualTo(new FargateSize(2048, 4096));
        assertThat(english(p)).anyMatch(w -> w.contains("1536/3072") && w.contains("not a valid Fargate size") && w.contains("2048/4096"));
    }

    @Test
    void aMissingPriceIsReportedWithItsKeyAndNeverCountedAsZero() {
        PriceCatalog shipped = service.snapshot().catalog();
        Map<String, Map<PriceId, Price>> copy = new HashMap<>();
        shipped.all().forEach((r, m) -> copy.put(r, new EnumMap<>(m)));
        copy.get("ap-northeast-2").remove(PriceId.ALB_LCU);
        PriceCatalog holed = new PriceCatalog("holed", shipped.asOf(), "", copy);
        Plan p = new Planner(holed, SizingCoefficients.published()).plan(TestSupport.seed());
        CostLine lcu = p.selfHosted().lines().stream().filter(l -> l.key().equals("alb:lcu")).findFirst().orElseThrow();
        assertThat(lcu.isMissing()).isTrue();
        assertThat(lcu.monthly()).isNull();
        assertThat(p.selfHosted().complete()).isFalse();
        assertThat(p.missingPrices()).singleElement().satisfies(r -> {
            assertThat(r.price().id()).isEqualTo(PriceId.ALB_LCU);
            assertThat(r.describe()).contains("AWSELB/Load Balancer-Application/*LCUUsage").contains("self-hosted/alb:lcu");
        });
        assertThat(english(p)).anyMatch(w -> w.startsWith("Missing price alb.lcu"));
    }

    @Test
    void efsAlwaysCarriesThePrometheusWarning() {
        Plan p = service.plan(TestSupport.seed());
        assertThat(english(p)).anyMatch(w -> w.contains("does not support NFS") && w.contains("EFS"));
    }

    @Test
    void roiUsesFiftyTwoTwelfthsWeeksAMonth() {
        Plan p = service.plan(TestSupport.seed());
        assertThat(p.roi().hoursSavedPerMonth()).isCloseTo(7 * 52 / 12.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.roi().valueMonthly().low().format()).isEqualTo("$455.00");
        assertThat(p.roi().valueMonthly().high().format()).isEqualTo("$606.67");
    }

    /** The plan's warnings as the command line writes them. */
    private static java.util.List<String> english(io.promplan.core.plan.Plan p) {
        return p.warnings().stream().map(io.promplan.render.Words.english()::warning).toList();
    }
}
