package io.promplan.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.analysis.MonteCarlo;
import io.promplan.core.analysis.Tco;
import io.promplan.core.plan.Plan;
import io.promplan.core.plan.Planner;
import io.promplan.core.workload.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry is the one list of alternatives; the planner and the analyses loop over what a planner is given. */
class AlternativeRegistryTest {

    @Test
    void everyAlternativeIsRegisteredOnceWithOneSelfHostedAndOneInPlace() {
        List<String> ids = AlternativeRegistry.ALL.stream().map(AlternativeModel::id).toList();
        assertThat(ids).containsExactly("self-hosted", "cloudwatch-only", "amp-amg", "self-hosted-ebs").doesNotHaveDuplicates();
        // the stack itself comes first in its role; its EBS variant applies only to a thanos-s3 scenario
        assertThat(AlternativeRegistry.idOf(AlternativeModel.Role.OWN_STACK)).isEqualTo("self-hosted");
        Scenario seed = TestSupport.seed();
        assertThat(AlternativeRegistry.applying(seed).stream().filter(AlternativeModel::isSelfHosted)).hasSize(1);
        assertThat(AlternativeRegistry.applying(seed).stream().filter(AlternativeModel::isInPlace)).hasSize(1);
        assertThat(AlternativeRegistry.applying(TestSupport.scenario("thanos-40-services-1y.yaml"))).extracting(AlternativeModel::id)
                .containsExactly("self-hosted", "cloudwatch-only", "amp-amg", "self-hosted-ebs");
        assertThat(AlternativeRegistry.indexOf("amp-amg")).isEqualTo(2);
        assertThat(AlternativeRegistry.indexOf("nothing")).isEqualTo(-1);
    }

    /** A fourth alternative (here a relabelled managed model) is one more model in the planner's list: priced, in the TCO and the simulation. */
    @Test
    void aFourthAlternativeIsPricedAndAnalysedWithoutChangesElsewhere() {
        AlternativeModel fourth = new AlternativeModel() {
            @Override
            public String id() {
                return "fourth";
            }

            @Override
            public String name() {
                return "A fourth way";
            }

            @Override
            public Role role() {
                return Role.MANAGED;
            }

            @Override
            public List<String> noteKeys(Scenario s) {
                return List.of();
            }

            @Override
            public List<String> notes(Scenario s) {
                return List.of();
            }

            @Override
            public List<CostDemand> demands(PlanContext ctx) {
                return ManagedAlternative.INSTANCE.demands(ctx);
            }
        };
        List<AlternativeModel> models = new ArrayList<>(AlternativeRegistry.ALL);
        models.add(fourth);
        var service = TestSupport.service();
        Planner planner = new Planner(service.snapshot().catalog(), service.coefficients(), models);
        Scenario s = TestSupport.seed();
        Plan p = planner.plan(s);
        assertThat(p.alternatives()).extracting(Alternative::id).containsExactly("self-hosted", "cloudwatch-only", "amp-amg", "fourth");
        assertThat(p.alternative("fourth").orElseThrow().monthly()).isEqualTo(p.alternative("amp-amg").orElseThrow().monthly());
        Tco.Result t = Tco.compute(s, Tco.Options.defaults(s), planner::plan);
        assertThat(t.breakEvens()).containsKeys("cloudwatch-only", "amp-amg", "fourth");
        assertThat(t.line("fourth").oneOffUsd()).isEqualTo(t.line("amp-amg").oneOffUsd());
        MonteCarlo.Result mc = new MonteCarlo(s, planner::plan).run(new MonteCarlo.Options(200, 1, false));
        assertThat(mc.monthly()).containsKeys("self-hosted", "cloudwatch-only", "amp-amg", "fourth");
        assertThat(mc.probabilitySelfBelow().get("fourth")).isEqualTo(mc.probabilitySelfBelow().get("amp-amg"));
    }
}
