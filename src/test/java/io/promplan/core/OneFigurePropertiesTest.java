package io.promplan.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.analysis.Scaling;
import io.promplan.core.analysis.Sweep;
import io.promplan.core.cost.Alternative;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.NatChoice;
import io.promplan.core.workload.NetworkSpec;
import io.promplan.core.workload.Scenario;
import io.promplan.service.PlanningService;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * One figure per workload: the same workload gives the same monthly figure whichever way it is
 * reached (a plan of the scaled scenario, a point of the sweep), and a bill line added by an input
 * never lowers a total.
 */
class OneFigurePropertiesTest {
    private static final PlanningService SERVICE = TestSupport.service();

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.of(TestSupport.seed(), TestSupport.scenario("services-10.yaml"), TestSupport.scenario("services-20.yaml"));
    }

    @Property(tries = 60)
    void aSweepPointIsThePlanOfTheScaledScenario(@ForAll("scenarios") Scenario s, @ForAll @IntRange(min = 1, max = 50) int n) {
        Sweep.Result sweep = Sweep.run(s, n, n, SERVICE::plan);
        Plan plan = SERVICE.plan(Scaling.withServices(s, n));
        for (Alternative a : plan.alternatives()) {
            assertThat(sweep.points().get(0).monthlyUsd().get(a.id())).as(a.id() + " at " + n + " services").isEqualTo(a.monthly().toDouble());
        }
    }

    @Property(tries = 30)
    void anInputThatAddsLinesNeverLowersATotal(@ForAll("scenarios") Scenario s, @ForAll @IntRange(min = 2, max = 3) int azs) {
        Plan base = SERVICE.plan(s);
        var w = s.workload();
        for (NatChoice nat : List.of(NatChoice.NEW, NatChoice.VPC_ENDPOINTS)) {
            Plan more = SERVICE.plan(s.withWorkload(w.toBuilder().network(new NetworkSpec(nat, azs, -1)).build()));
            if (more.selfHosted().complete()) {
                assertThat(more.selfHosted().monthly()).as(nat + " over existing NAT").isGreaterThanOrEqualTo(base.selfHosted().monthly());
            } else {
                // a price this region's snapshot lacks (VPC endpoints in Seoul) is reported by its key, never counted as zero
                assertThat(more.selfHosted().lines()).as(nat + " missing keys").anyMatch(l -> l.isMissing());
            }
        }
        Plan noAm = SERVICE.plan(s.withWorkload(w.toBuilder().alertmanager(false).build()));
        assertThat(base.selfHosted().monthly()).isGreaterThanOrEqualTo(noAm.selfHosted().monthly());
    }

    @Property(tries = 20)
    void pinnedSizesDoNotMoveTheDecisionsBasis(@ForAll @IntRange(min = 1, max = 40) int n) {
        // The seed pins 1 vCPU / 2 GB and 20 GB; the 10- and 20-service files pin nothing: at the same service count the plan is the same.
        Scenario seed = Scaling.withServices(TestSupport.seed(), n);
        Scenario ten = Scaling.withServices(TestSupport.scenario("services-10.yaml"), n);
        assertThat(SERVICE.plan(seed).selfHosted().monthly()).isEqualTo(SERVICE.plan(ten).selfHosted().monthly());
        assertThat(SERVICE.plan(seed).cloudwatchOnly().monthly()).isEqualTo(SERVICE.plan(ten).cloudwatchOnly().monthly());
    }
}
