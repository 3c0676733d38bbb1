package io.promplan.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.analysis.GrowthPlan;
import io.promplan.core.analysis.Tco;
import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.AlternativeRegistry;
import io.promplan.core.cost.CostLine;
import io.promplan.core.cost.CostModel;
import io.promplan.core.cost.SelfHostedEbsModel;
import io.promplan.core.money.Money;
import io.promplan.core.plan.Plan;
import io.promplan.core.plan.Warning;
import io.promplan.core.price.PriceId;
import io.promplan.core.price.PriceStatus;
import io.promplan.core.sizing.ThanosComponent;
import io.promplan.core.sizing.ThanosResult;
import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.StorageBackend;
import io.promplan.core.workload.ThanosSpec;
import io.promplan.scenario.ScenarioReader;
import io.promplan.scenario.ScenarioWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan side of storage: thanos-s3 on the shipped 40-service, 1-year scenario. */
class ThanosPlanTest {
    private final Scenario thanos = TestSupport.scenario("thanos-40-services-1y.yaml");
    private final Plan plan = TestSupport.service().plan(thanos);

    private static CostLine line(Alternative a, String key) {
        return a.lines().stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no line " + key));
    }

    @Test
    void theBillAddsUpToTheCent() {
        for (Alternative a : plan.alternatives()) {
            Money sum = Money.usd("0");
            for (CostLine l : a.lines()) {
                if (l.monthly() == null) {
                    assertThat(l.status()).isEqualTo(PriceStatus.MISSING);
                    continue;
                }
                // a flat price, or S3's tiered storage below its first tier (50 TB)
                if (!l.price().isTiered() || (l.price().id() == io.promplan.core.price.PriceId.S3_STANDARD_TIERED
                        && l.quantity().compareTo(BigDecimal.valueOf(50 * 1024)) < 0)) {
                    BigDecimal expected = l.quantity().multiply(l.price().firstTierUsd()).setScale(2, RoundingMode.HALF_UP);
                    assertThat(l.monthly().rounded().amount()).as(a.id() + "/" + l.key()).isEqualByComparingTo(expected);
                }
                sum = sum.plus(l.monthly().rounded());
            }
            assertThat(a.monthly()).as(a.id()).isEqualTo(sum);
        }
    }

    @Test
    void theStackCarriesEveryThanosLineAndAMissingPriceStaysMissing() {
        Alternative self = plan.selfHosted();
        for (String k : List.of("fargate:thanos-query:vcpu", "fargate:thanos-query:memory", "fargate:thanos-store:vcpu", "fargate:thanos-store:memory",
                "fargate:thanos-compact:vcpu", "fargate:thanos-compact:memory", "fargate:thanos-compact:ephemeral", CostModel.THANOS_S3_STORAGE,
                "s3:thanos:requests:tier1", "s3:thanos:requests:tier2")) {
            line(self, k);
        }
        ThanosResult t = plan.sizing().thanosResult().orElseThrow();
        assertThat(line(self, CostModel.THANOS_S3_STORAGE).quantity().doubleValue()).isCloseTo(t.steadyStateGiB(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(line(self, "s3:thanos:requests:tier1").quantity().doubleValue() * 1000).isCloseTo(t.requests().putClassPerMonth(),
                org.assertj.core.data.Offset.offset(1e-3));
        // no sidecar line of its own: it is inside the Prometheus task, whose size includes it
        assertThat(self.lines()).noneMatch(l -> l.key().startsWith("fargate:thanos-sidecar"));
        var prom = plan.sizing().component(Component.PROMETHEUS).orElseThrow();
        var sidecar = t.component(ThanosComponent.SIDECAR).orElseThrow();
        assertThat(prom.requiredMemoryMiB()).isGreaterThan(sidecar.requiredMemoryMiB());
        assertThat(prom.size()).isEqualTo(sidecar.size());
        // Seoul's ephemeral storage price is an explicit assumption (eu-west-2's): priced, and listed among the assumed prices
        CostLine scratch = line(self, "fargate:thanos-compact:ephemeral");
        assertThat(scratch.status()).isEqualTo(PriceStatus.ASSUMED);
        assertThat(scratch.monthly().rounded().amount()).isEqualByComparingTo(
                scratch.quantity().multiply(new java.math.BigDecimal("0.000129")).setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(self.complete()).isTrue();
        assertThat(plan.assumedPrices()).anyMatch(m -> m.price().id().id().equals("fargate.ephemeral"));
        // a price the snapshot lacks stays missing, reported with its key, never zero
        var catalog = TestSupport.service().snapshot().catalog();
        var prices = new java.util.HashMap<String, java.util.Map<PriceId, io.promplan.core.price.Price>>();
        catalog.all().forEach((r, m) -> prices.put(r, new java.util.EnumMap<>(m)));
        prices.get("ap-northeast-2").remove(PriceId.FARGATE_EPHEMERAL);
        var without = new io.promplan.core.price.PriceCatalog(catalog.snapshotName(), catalog.asOf(), catalog.retrievedAt(), prices);
        Plan bare = new io.promplan.core.plan.Planner(without, plan.sizing().coefficients()).plan(TestSupport.scenario("thanos-40-services-1y.yaml"));
        CostLine bareScratch = line(bare.selfHosted(), "fargate:thanos-compact:ephemeral");
        assertThat(bareScratch.status()).isEqualTo(PriceStatus.MISSING);
        assertThat(bareScratch.monthly()).isNull();
        assertThat(bare.selfHosted().complete()).isFalse();
        assertThat(bare.missingPrices()).anyMatch(m -> m.price().id().id().equals("fargate.ephemeral"));
    }

    @Test
    void s3StorageGrowsWithRetentionAndMonthByMonth() throws Exception {
        ThanosResult t = plan.sizing().thanosResult().orElseThrow();
        for (int m = 2; m <= t.s3Months().size(); m++) {
            assertThat(t.s3GiB(m)).isGreaterThanOrEqualTo(t.s3GiB(m - 1));
        }
        assertThat(t.s3GiB(1)).isLessThan(t.s3GiB(12));
        Scenario twoYears = thanos.withWorkload(thanos.workload().toBuilder().retention(TimeSpan.parse("730d"))
                .thanos(new ThanosSpec(TimeSpan.parse("30d"), TimeSpan.parse("180d"), TimeSpan.parse("730d"), TimeSpan.parse("6h"), StorageBackend.EPHEMERAL)).build());
        Plan longer = TestSupport.service().plan(twoYears);
        assertThat(line(longer.selfHosted(), CostModel.THANOS_S3_STORAGE).quantity()).isGreaterThan(line(plan.selfHosted(), CostModel.THANOS_S3_STORAGE).quantity());
        Scenario rawOnlyMonth = thanos.withWorkload(thanos.workload().toBuilder()
                .thanos(new ThanosSpec(TimeSpan.parse("30d"), TimeSpan.parse("30d"), TimeSpan.parse("30d"), TimeSpan.parse("6h"), StorageBackend.EPHEMERAL)).build());
        assertThat(line(TestSupport.service().plan(rawOnlyMonth).selfHosted(), CostModel.THANOS_S3_STORAGE).quantity())
                .isLessThan(line(plan.selfHosted(), CostModel.THANOS_S3_STORAGE).quantity());
        // the TCO bills S3 on what is stored: the first month below the steady state's
        Tco.Result tco = Tco.compute(thanos, new Tco.Options(24, GrowthPlan.flat(40), 0, Tco.MANAGED_SETUP_SHARE), s -> TestSupport.service().plan(s));
        List<Double> self = tco.line("self-hosted").monthlyUsd();
        assertThat(self.get(0)).isLessThan(self.get(23));
        assertThat(self.get(23)).isEqualTo(plan.selfHosted().monthly().toDouble());
    }

    @Test
    void theDecisionIsEbsVersusThanosVersusManagedOnlyForAThanosScenario() {
        assertThat(plan.alternatives()).extracting(Alternative::id).containsExactly("self-hosted", "cloudwatch-only", "amp-amg", SelfHostedEbsModel.ID);
        Alternative ebs = plan.alternative(SelfHostedEbsModel.ID).orElseThrow();
        assertThat(ebs.lines()).anyMatch(l -> l.key().equals("storage:ebs:prometheus"));
        assertThat(ebs.lines()).noneMatch(l -> l.key().startsWith("s3:thanos") || l.key().contains("thanos"));
        // the same workload with storage: ebs priced alone
        Plan onEbs = TestSupport.service().plan(thanos.withWorkload(SelfHostedEbsModel.onEbs(thanos.workload())));
        assertThat(ebs.monthly()).isEqualTo(onEbs.selfHosted().monthly());
        for (String s : List.of("seed-5-services.yaml", "services-10.yaml", "services-20.yaml")) {
            Plan p = TestSupport.service().plan(TestSupport.scenario(s));
            assertThat(p.alternatives()).extracting(Alternative::id).containsExactly("self-hosted", "cloudwatch-only", "amp-amg");
        }
        assertThat(AlternativeRegistry.applying(thanos)).hasSize(4);
    }

    @Test
    void whatAReplacementLosesAndTheOneDatasourceAreStatedAsData() {
        assertThat(plan.warnings()).anyMatch(w -> w.kind() == Warning.Kind.THANOS_HEAD_LOSS && w.args().equals(List.of("2")));
        assertThat(plan.warnings()).anyMatch(w -> w.kind() == Warning.Kind.THANOS_GLOBAL_VIEW);
        assertThat(plan.warnings()).noneMatch(w -> w.kind() == Warning.Kind.EPHEMERAL_LOST);
        assertThat(plan.selfHosted().notes()).anyMatch(n -> n.contains("one datasource"));
        // the bundle's English is the core's sentence, word for word; Korean has its own
        io.promplan.render.Words en = io.promplan.render.Words.of(io.promplan.render.Labels.Lang.EN);
        io.promplan.render.Words ko = io.promplan.render.Words.of(io.promplan.render.Labels.Lang.KO);
        Plan tight = TestSupport.service().plan(thanos.withWorkload(thanos.workload().toBuilder()
                .thanos(new ThanosSpec(TimeSpan.parse("1d"), TimeSpan.parse("180d"), TimeSpan.parse("365d"), TimeSpan.parse("2h"), StorageBackend.EBS)).build()));
        assertThat(tight.warnings()).extracting(Warning::kind).contains(Warning.Kind.THANOS_LOCAL_RETENTION_SHORT, Warning.Kind.THANOS_RETENTION_BEFORE_DOWNSAMPLING);
        assertThat(tight.selfHosted().lines()).anyMatch(l -> l.key().equals("storage:ebs:prometheus"));
        for (Plan x : List.of(plan, tight)) {
            for (var f : x.sizing().findings()) {
                assertThat(en.warning(Warning.of(f))).isEqualTo(f.text());
                assertThat(ko.warning(Warning.of(f))).isNotEqualTo(f.text());
            }
        }
    }

    @Test
    void theScenarioIsWrittenAndReadBackWithItsThanosBlock() throws Exception {
        String yaml = ScenarioWriter.toYaml(thanos);
        assertThat(yaml).contains("thanos:\n", "  retentionRaw: 30d", "  localStorage: ephemeral").doesNotContain("\nlocalRetention:");
        assertThat(ScenarioReader.parse(yaml, "t.yaml")).isEqualTo(thanos);
    }
}
