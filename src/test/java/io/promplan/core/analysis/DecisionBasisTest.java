package io.promplan.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.cost.Alternative;
import io.promplan.core.workload.Scenario;
import io.promplan.service.DecisionService;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One basis for the decision (issue "One sound decision", finding 1 and build item 9): the two Prometheus
 * options are compared on the bill plus the self-hosted stack's running hours, in the simulation, at the
 * likely values, in the TCO and at the crossings alike; the recommendation never contradicts the
 * simulation printed beside it, and the crossing it names is where the ranking really turns.
 */
class DecisionBasisTest {
    private static final List<String> PROMETHEUS = List.of(Alternative.SELF_HOSTED, Alternative.AMP_AMG);

    private static Decision decide(String file) {
        Scenario s = TestSupport.scenario(file);
        return new DecisionService(TestSupport.service()).decide(s, null, DecisionService.tcoOptions(s, 36, "default", 0), 20_000, 42);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-5-services.yaml", "services-10.yaml", "services-20.yaml"})
    void theRecommendationNeverContradictsTheSimulationBesideIt(String file) {
        Decision d = decide(file);
        if (PROMETHEUS.contains(d.recommendedId())) {
            assertThat(d.probabilityRecommendedCheaper()).as("share of simulated runs in which the recommended option costs less").isGreaterThan(0.5);
        }
        // the simulated share is on the decision's basis: the bill plus the running hours (the self-hosted stack only)
        double ops = d.tco().line(Alternative.SELF_HOSTED).opsUsdPerMonth();
        assertThat(ops).isPositive();
        assertThat(d.monthlyWithOps(Alternative.SELF_HOSTED)).isEqualTo(d.plan().selfHosted().monthly().toDouble() + ops);
        assertThat(d.monthlyWithOps(Alternative.AMP_AMG)).isEqualTo(d.plan().alternative(Alternative.AMP_AMG).orElseThrow().monthly().toDouble());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-5-services.yaml", "services-10.yaml", "services-20.yaml"})
    void theServicesCrossingItNamesIsWhereTheRankingTurnsOnTheSameBasis(String file) {
        Decision d = decide(file);
        double ops = d.tco().line(Alternative.SELF_HOSTED).opsUsdPerMonth();
        for (Decision.Flip f : d.flips()) {
            if (f.kind() != Decision.FlipKind.SERVICES) {
                continue;
            }
            int n = Integer.parseInt(f.args().get(0));
            Sweep.Point at = d.sweep().points().stream().filter(p -> p.services() == n).findFirst().orElseThrow();
            Sweep.Point before = d.sweep().points().stream().filter(p -> p.services() == n - 1).findFirst().orElseThrow();
            double diffAt = at.monthlyUsd().get(Alternative.SELF_HOSTED) + ops - at.monthlyUsd().get(Alternative.AMP_AMG);
            double diffBefore = before.monthlyUsd().get(Alternative.SELF_HOSTED) + ops - before.monthlyUsd().get(Alternative.AMP_AMG);
            assertThat(Math.signum(diffAt)).as("the ranking turns at " + n + " services").isNotEqualTo(Math.signum(diffBefore));
        }
    }

    @org.junit.jupiter.api.Test
    void theSeedsAnswerStatesItsBasisAndWhereItTurns() {
        Decision d = decide("seed-5-services.yaml");
        // sized by the model: the managed services $145.71 against the self-hosted $148.33 + 4 h x $17.50 of running effort
        assertThat(d.recommendedId()).isEqualTo(Alternative.AMP_AMG);
        assertThat(d.basis()).isEqualTo(Decision.Basis.CHEAPER_THAN_CLOUDWATCH_ONLY);
        assertThat(d.flips()).extracting(Decision.Flip::kind).contains(Decision.FlipKind.SERVICES, Decision.FlipKind.SERIES_PER_METRIC);
        String text = io.promplan.render.DecisionTables.recommendation(d, io.promplan.render.Labels.of(io.promplan.render.Labels.Lang.EN));
        assertThat(text).contains("Basis, the bill plus the self-hosted stack's running hours ($70.00 a month)")
                .contains("at the likely values $145.71 against $218.33 a month")
                .contains("36-month TCO $9,960.16 against $12,686.54");
        // the TCO quoted is the one the compare command prints for the same scenario
        TestSupport.Run compare = TestSupport.cli("compare", "scenarios/seed-5-services.yaml", "scenarios/services-10.yaml", "--prices", "pricing-data");
        assertThat(compare.out()).contains("$12,686.54").contains("$9,960.16");
    }
}
