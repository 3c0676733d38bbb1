package io.promplan.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.money.Money;
import io.promplan.core.plan.Plan;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.workload.FargateSizes;
import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.Architecture;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.StorageBackend;
import io.promplan.core.workload.Workload;
import io.promplan.service.PlanningService;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants over random workloads. */
class InvariantPropertiesTest {
    private static final PlanningService SERVICE = TestSupport.service();
    private static final Scenario BASE = TestSupport.scenario("services-10.yaml");

    record Load(int services, int metrics, double seriesPerMetric, int scrape, int retentionDays, StorageBackend storage, Architecture arch,
                String region, boolean am) {
        Scenario scenario() {
            Workload w = BASE.workload().toBuilder().serviceCount(services).metricsPerService(metrics).seriesPerMetric(seriesPerMetric)
                    .scrapeInterval(TimeSpan.ofSeconds(scrape)).retention(TimeSpan.ofDays(retentionDays)).storageBackend(storage)
                    .architecture(arch).region(region).alertmanager(am).serviceOverrides(java.util.List.of()).build();
            return BASE.withWorkload(w);
        }
    }

    @Provide
    Arbitrary<Load> loads() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 60),
                Arbitraries.integers().between(1, 2000),
                Arbitraries.doubles().between(0.5, 300).ofScale(1),
                Arbitraries.of(5, 10, 15, 30, 60),
                Arbitraries.integers().between(1, 400),
                Arbitraries.of(StorageBackend.class),
                Arbitraries.of(Architecture.class),
                Arbitraries.of("us-east-1", "ap-northeast-2", "eu-west-1", "us-west-2")).as((a, b, c, d, e, f, g, h) -> new Load(a, b, c, d, e, f, g, h, a % 2 == 0));
    }

    @Property(tries = 300)
    void noInvalidFargatePairEverLeavesTheSizer(@ForAll("loads") Load l) {
        Plan p = SERVICE.plan(l.scenario());
        for (ComponentSizing c : p.sizing().components()) {
            assertThat(FargateSizes.isValid(c.size())).as(c.key() + " " + c.size()).isTrue();
            assertThat(c.size().vcpu()).isGreaterThanOrEqualTo(Math.min(c.targetVcpu(), FargateSizes.LARGEST.vcpu()) - 1e-9);
        }
    }

    @Property(tries = 300)
    void noCostFallsWhenSeriesRetentionOrServicesGrow(@ForAll("loads") Load l) {
        Plan base = SERVICE.plan(l.scenario());
        Load more = new Load(l.services() + 3, l.metrics(), l.seriesPerMetric() * 1.7, l.scrape(), l.retentionDays() + 20, l.storage(), l.arch(), l.region(), l.am());
        Plan grown = SERVICE.plan(more.scenario());
        assertThat(total(grown)).isGreaterThanOrEqualTo(total(base));
        // Line by line only while the Prometheus shard count stays: a further shard brings its own task's free
        // 20 GiB of ephemeral storage (AWS bills only what a task uses above it), so the storage line may fall
        // while the total, asserted above, does not.
        if (shards(grown) == shards(base)) {
            Map<String, Money> b = base.selfHosted().byComponent();
            grown.selfHosted().byComponent().forEach((k, v) -> assertThat(v).as(k).isGreaterThanOrEqualTo(b.getOrDefault(k, Money.ZERO_USD)));
        }
    }

    private static long shards(Plan p) {
        return p.sizing().components().stream().filter(c -> c.component() == io.promplan.core.workload.Component.PROMETHEUS).count();
    }

    @Property(tries = 300)
    void sizesNeverFallWhenTheWorkloadGrows(@ForAll("loads") Load l) {
        Plan base = SERVICE.plan(l.scenario());
        Load more = new Load(l.services(), l.metrics() + 50, l.seriesPerMetric() * 2, l.scrape(), l.retentionDays(), l.storage(), l.arch(), l.region(), l.am());
        Plan grown = SERVICE.plan(more.scenario());
        double cpuBase = base.sizing().components().stream().mapToDouble(c -> c.size().vcpu()).sum();
        double cpuGrown = grown.sizing().components().stream().mapToDouble(c -> c.size().vcpu()).sum();
        double memBase = base.sizing().components().stream().mapToDouble(c -> c.size().memoryMiB()).sum();
        double memGrown = grown.sizing().components().stream().mapToDouble(c -> c.size().memoryMiB()).sum();
        assertThat(cpuGrown).isGreaterThanOrEqualTo(cpuBase);
        assertThat(memGrown).isGreaterThanOrEqualTo(memBase);
        assertThat(grown.sizing().storage().neededGiB()).isGreaterThanOrEqualTo(base.sizing().storage().neededGiB());
    }

    private static Money total(Plan p) {
        return p.selfHosted().monthly();
    }
}
