package io.promplan.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.cost.Alternative;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulation prices the same model as the point plan: with every input at its likely value (an input
 * without a likely value at the scenario's own), every alternative's simulated monthly cost is the point
 * figure the report prints, to the cent, for every shipped scenario; and the likely scenario is the plan's
 * own, so the headline figure and the simulated range are of one model.
 */
class SimulationMatchesPointTest {

    static String cents(double d) {
        return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-5-services.yaml", "services-10.yaml", "services-20.yaml", "thanos-40-services-1y.yaml"})
    void everyInputAtItsLikelyValueGivesThePointFigureToTheCent(String file) {
        Scenario s = TestSupport.scenario(file);
        Plan point = MonteCarloTest.PLANNER.apply(s);
        MonteCarlo mc = new MonteCarlo(s, MonteCarloTest.PLANNER);
        Map<String, Double> fast = mc.evaluate(Map.of());
        Plan likely = MonteCarloTest.PLANNER.apply(mc.likelyScenario());
        for (Alternative a : point.alternatives()) {
            assertThat(cents(fast.get(a.id()))).as(file + " fast " + a.id()).isEqualTo(a.monthly().amount().setScale(2, RoundingMode.HALF_UP).toPlainString());
            assertThat(likely.alternative(a.id()).orElseThrow().monthly()).as(file + " likely plan " + a.id()).isEqualTo(a.monthly());
        }
    }

    /**
     * Why the seed's self-hosted point ($148.33) lies above its simulated P90: not another model (above: the same to the
     * cent at the likely values), but the exporter's scrape interval, likely at 15 s, the dearest end of 15-300 s: every
     * draw is that or cheaper. Without that one range, the point lies inside its P10-P90.
     */
    @org.junit.jupiter.api.Test
    void theSeedsPointAboveItsP90ComesFromARangeWhoseLikelyValueIsItsDearestEnd() {
        Scenario s = TestSupport.seed();
        double point = MonteCarloTest.PLANNER.apply(s).selfHosted().monthly().toDouble();
        MonteCarlo.Result all = new MonteCarlo(s, MonteCarloTest.PLANNER).run(new MonteCarlo.Options(20_000, 42, false));
        assertThat(all.monthly().get(Alternative.SELF_HOSTED).p90()).isLessThan(point);
        var ranges = new java.util.LinkedHashMap<>(s.uncertainty().ranges());
        var exporter = ranges.remove("cloudwatchExporter.scrapeInterval");
        assertThat(exporter.likely()).isEqualTo(exporter.low());
        Scenario without = s.withUncertainty(new io.promplan.core.workload.Uncertainty(ranges));
        MonteCarlo.Stats st = new MonteCarlo(without, MonteCarloTest.PLANNER).run(new MonteCarlo.Options(20_000, 42, false)).monthly().get(Alternative.SELF_HOSTED);
        assertThat(point).isBetween(st.p10(), st.p90());
    }
}
