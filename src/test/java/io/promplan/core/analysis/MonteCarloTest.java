package io.promplan.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.promplan.TestSupport;
import io.promplan.core.cost.Alternative;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.Uncertainty;
import io.promplan.service.PlanningService;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MonteCarloTest {
    static final PlanningService SERVICE = TestSupport.service();
    static final Function<Scenario, Plan> PLANNER = SERVICE::plan;

    @Test
    void theSameSeedGivesTheSameResult() {
        Scenario s = TestSupport.seed();
        MonteCarlo.Result a = new MonteCarlo(s, PLANNER).run(new MonteCarlo.Options(20_000, 7, false));
        MonteCarlo.Result b = new MonteCarlo(s, PLANNER).run(new MonteCarlo.Options(20_000, 7, false));
        assertThat(a.samples().get(Alternative.SELF_HOSTED)).containsExactly(b.samples().get(Alternative.SELF_HOSTED));
        assertThat(a.samples().get("roi")).containsExactly(b.samples().get("roi"));
        assertThat(a.monthly()).isEqualTo(b.monthly());
        assertThat(a.roiPercent()).isEqualTo(b.roiPercent());
        MonteCarlo.Result c = new MonteCarlo(s, PLANNER).run(new MonteCarlo.Options(20_000, 8, false));
        assertThat(c.samples().get(Alternative.AMP_AMG)).isNotEqualTo(a.samples().get(Alternative.AMP_AMG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-5-services.yaml", "services-10.yaml", "services-20.yaml"})
    void theFastMethodAgreesWithTheFullPlannerAtTheLikelyValuesAndAlongEachInput(String file) {
        Scenario s = TestSupport.scenario(file);
        MonteCarlo mc = new MonteCarlo(s, PLANNER);
        Plan likely = PLANNER.apply(mc.likelyScenario());
        Map<String, Double> fast = mc.evaluate(Map.of());
        for (Alternative a : likely.alternatives()) {
            assertThat(fast.get(a.id())).as(a.id()).isCloseTo(a.monthly().toDouble(), within(1e-9));
        }
        for (var e : s.uncertainty().ranges().entrySet()) {
            if (InputPaths.isValueInput(e.getKey())) {
                continue;
            }
            InputPaths.Input in = InputPaths.byPath(e.getKey()).orElseThrow();
            for (double x : new double[] {e.getValue().low(), e.getValue().high()}) {
                Plan full = PLANNER.apply(in.write(mc.likelyScenario(), x));
                Map<String, Double> f = mc.evaluate(Map.of(e.getKey(), x));
                for (Alternative a : full.alternatives()) {
                    assertThat(f.get(a.id())).as(e.getKey() + "=" + x + " " + a.id()).isCloseTo(a.monthly().toDouble(), within(1e-9));
                }
            }
        }
    }

    @Test
    void fastAndExactPercentilesAgreeWithinThreePercent() {
        // the exporter's API cost goes with 1 / interval: a curve the additive fast path follows less closely than a line
        Scenario s = TestSupport.seed();
        MonteCarlo mc = new MonteCarlo(s, PLANNER);
        MonteCarlo.Result fast = mc.run(new MonteCarlo.Options(1_500, 11, false));
        MonteCarlo.Result exact = mc.run(new MonteCarlo.Options(1_500, 11, true));
        for (String id : fast.monthly().keySet()) {
            MonteCarlo.Stats f = fast.monthly().get(id);
            MonteCarlo.Stats e = exact.monthly().get(id);
            assertThat(f.p10()).as(id + " P10").isCloseTo(e.p10(), within(0.03 * e.p10()));
            assertThat(f.p50()).as(id + " P50").isCloseTo(e.p50(), within(0.03 * e.p50()));
            assertThat(f.p90()).as(id + " P90").isCloseTo(e.p90(), within(0.03 * e.p90()));
        }
    }

    @Test
    void percentilesAreOrderedAndTheBudgetProbabilityIsAShare() {
        MonteCarlo.Result r = new MonteCarlo(TestSupport.seed(), PLANNER).run(new MonteCarlo.Options(10_000, 1, false));
        r.monthly().values().forEach(st -> assertThat(st.p10()).isLessThanOrEqualTo(st.p50()).isLessThanOrEqualTo(st.p90()));
        assertThat(r.probabilityAboveBaseline()).isBetween(0.0, 1.0);
        assertThat(r.baselineHighUsd()).isEqualTo(116.0);
        // the seed's computed stack ($148.33) is above the plan's $116 in nearly every draw: only a long exporter
        // interval together with few log GB brings it under
        assertThat(r.probabilityAboveBaseline()).isGreaterThan(0.9).isLessThan(1.0);
    }

    @Test
    void aScenarioWithoutRangesStillVariesTheHourlyRateBetweenItsLowAndHigh() {
        Scenario s = TestSupport.seed().withUncertainty(Uncertainty.none());
        MonteCarlo.Result r = new MonteCarlo(s, PLANNER).run(new MonteCarlo.Options(5_000, 3, false));
        assertThat(r.ranges()).containsOnlyKeys(MonteCarlo.RATE);
        assertThat(r.monthly().get(Alternative.SELF_HOSTED).p10()).isEqualTo(r.monthly().get(Alternative.SELF_HOSTED).p90());
        assertThat(r.roiPercent().p10()).isLessThan(r.roiPercent().p90());
    }

    @Test
    void theTornadoPutsTheInputThatMovesTheCostMostFirst() {
        Sensitivity.Result t = Sensitivity.compute(TestSupport.seed(), PLANNER);
        // the exporter's interval (15 s .. 300 s) moves the GetMetricData line from $35.04 to $1.75: the largest swing
        assertThat(t.byMonthly().get(0).path()).isEqualTo("cloudwatchExporter.scrapeInterval");
        for (int i = 1; i < t.byMonthly().size(); i++) {
            assertThat(t.byMonthly().get(i - 1).monthlySwing()).isGreaterThanOrEqualTo(t.byMonthly().get(i).monthlySwing());
        }
        assertThat(t.byRoi().get(0).roiSwing()).isGreaterThan(0);
        assertThat(t.monthlyLikely()).isEqualTo(148.33);
    }

    @Test
    void pertDrawsFollowTheCommonsMathBetaQuantiles() {
        double a = 20;
        double m = 25;
        double b = 50;
        double alpha = 1 + 4 * (m - a) / (b - a);
        double beta = 1 + 4 * (b - m) / (b - a);
        double[] q = MonteCarlo.pertQuantiles(alpha, beta);
        var exact = new org.apache.commons.math3.distribution.BetaDistribution(null, alpha, beta);
        for (double u : new double[] {0.01, 0.1, 0.3333, 0.5, 0.9, 0.99}) {
            assertThat(MonteCarlo.quantile(q, u)).isCloseTo(exact.inverseCumulativeProbability(u), within(1e-3));
        }
        var rng = new org.apache.commons.math3.random.Well19937c(5);
        double sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            sum += a + (b - a) * MonteCarlo.quantile(q, rng.nextDouble());
        }
        // PERT mean = (low + 4 likely + high) / 6
        assertThat(sum / n).isCloseTo((a + 4 * m + b) / 6, within(0.1));
    }

    @Test
    void pairCorrectionsKeepEveryDrawCloseToTheFullPlanner() {
        // the seed: AMP query samples grow with series x dashboard hours, and the exporter's 1 / interval cost meets its
        // metric count: a few dollars on a $100-$200 bill
        assertThat(new MonteCarlo(TestSupport.seed(), PLANNER).check(200, 42)).isLessThan(5.0);
        // model-sized tasks step between Fargate sizes, and the exporter's 1 / interval cost meets its metric count:
        // some dollars on a $150-$600 bill
        assertThat(new MonteCarlo(TestSupport.scenario("services-10.yaml"), PLANNER).check(200, 42)).isLessThan(12.0);
    }
}
