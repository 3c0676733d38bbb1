package io.promplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.analysis.Decision;
import io.promplan.core.analysis.MonteCarlo;
import io.promplan.core.analysis.Sweep;
import io.promplan.core.cost.Alternative;
import io.promplan.core.workload.Scenario;
import io.promplan.service.DecisionService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every figure on the manager's page holds beside the others and says its basis: one crossing of the two Prometheus
 * options per basis, each labelled, the recommendation's on the decision's basis; the P10-P90 said to be the simulation's,
 * with why a point figure may lie outside it; the ROI's extra cost counting the running hours; the budget gap against
 * the range and against its middle both labelled; point figures said as such when a scenario gives no ranges; Korean
 * sentences with no particle glued to an option's name.
 */
class DecisionPageConsistencyTest {
    static Decision seed;
    static Decision thanos;
    static final Labels EN = Labels.of(Labels.Lang.EN);
    static final Labels KO = Labels.of(Labels.Lang.KO);

    static Decision decide(String file) {
        Scenario s = TestSupport.scenario(file);
        return new DecisionService(TestSupport.service()).decide(s, null, DecisionService.tcoOptions(s, 36, "default", 0), 20_000, 42);
    }

    @BeforeAll
    static void decideBoth() {
        seed = decide("seed-5-services.yaml");
        thanos = decide("thanos-40-services-1y.yaml");
    }

    /** The crossing the recommendation names, on the decision's basis, and the bill-only one, each labelled with its basis. */
    @Test
    void theRecommendationAndTheRisksNameTheSameCrossingOnTheSameBasis() {
        for (Decision d : List.of(seed, thanos)) {
            String rec = DecisionTables.recommendation(d, EN);
            List<String> risks = DecisionTables.promCrossingNotes(d, EN);
            Decision.Flip f = d.flips().stream().filter(x -> x.kind() == Decision.FlipKind.SERVICES).findFirst().orElseThrow();
            assertThat(f.basis()).isEqualTo(Decision.CostBasis.BILL_AND_SELF_HOSTED_HOURS);
            String n = f.args().get(0);
            assertThat(rec).contains("It turns at " + n + " services").contains("the bill plus the self-hosted stack's running hours");
            assertThat(risks.get(0)).contains("on the decision's basis (the bill + the self-hosted stack's running hours")
                    .contains("they cross at " + n + " services").contains("on the AWS bill alone (running hours not counted)");
            // the conclusion drawn ("cheaper from there on") holds on the decision's basis at every swept count from there on
            Sweep.Crossing c = d.sweepOnDecisionBasis().crossing(Alternative.SELF_HOSTED, Alternative.AMP_AMG).orElseThrow();
            double ops = d.selfHostedHoursUsd();
            for (Sweep.Point p : d.sweep().points()) {
                double self = p.monthlyUsd().get(Alternative.SELF_HOSTED) + ops;
                double managed = p.monthlyUsd().get(Alternative.AMP_AMG);
                String cheaper = self < managed ? Alternative.SELF_HOSTED : Alternative.AMP_AMG;
                if (p.services() >= c.services() && p.services() <= c.services() + 3) {
                    assertThat(cheaper).as(d.scenario().name() + " at " + p.services()).isEqualTo(c.cheaperAfter());
                }
                if (p.services() < c.services() && p.services() >= c.services() - 3) {
                    assertThat(cheaper).as(d.scenario().name() + " at " + p.services()).isEqualTo(c.cheaperBefore());
                }
            }
        }
        // the seed: 44 services on the decision's basis, 7 on the bill alone, both on the page, both labelled
        assertThat(DecisionTables.promCrossingNotes(seed, EN).get(0)).contains("cross at 44 services").contains("the bills cross at 7 services");
        // Thanos: 8 services on the decision's basis; the bills alone do not cross from 1 to 50
        assertThat(DecisionTables.promCrossingNotes(thanos, EN).get(0)).contains("cross at 8 services").contains("the bills do not cross between 1 and 50");
        // the sweep's own notes are the bill's, and say so
        DecisionTables.crossingNotes(seed.sweep(), EN).forEach(x -> assertThat(x).startsWith("On the AWS bill alone (running hours not counted)"));
    }

    @Test
    void theRangeColumnSaysItIsTheSimulationsAndWhyAPointLiesOutsideIt() {
        Table t = DecisionTables.alternatives(seed, EN);
        assertThat(t.headers()).contains("simulated P10-P90 a month");
        MonteCarlo.Stats self = seed.simulation().monthly().get(Alternative.SELF_HOSTED);
        // the seed's self-hosted point ($148.33) lies above its P90: the exporter's scrape interval is likely at its dearest end (15 s of 15-300 s)
        assertThat(seed.plan().selfHosted().monthly().toDouble()).isGreaterThan(self.p90());
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).contains("the point figures (a month, a year, TCO) use the likely values"));
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).contains("Outside its own P10-P90 (Self-hosted Prometheus + Grafana (Fargate), CloudWatch only)")
                .contains("exporter scrape interval (s) 15 (range 15-300)").contains("series per metric name 1 (range 1-30)"));
    }

    @Test
    void theRoiSaysItsExtraCostCountsTheRunningHoursAndTheSimulatedNaIsExplained() {
        Table roi = DecisionTables.roi(seed, EN);
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        roi.rows().forEach(r -> rows.put(r.get(0), r.get(1)));
        assertThat(rows.get("ROI of the self-hosted stack at $15-$20 an hour")).isEqualTo("not meaningful (extra cost, running hours included: $6.56 - $26.56 a month, near zero)");
        assertThat(rows.get("ROI, simulated P10 / P50 / P90 (n/a: no extra cost in that run)")).isEqualTo("n/a / n/a / n/a");
        assertThat(roi.notes()).singleElement().asString().contains("Extra cost = the self-hosted bill above CloudWatch only + its running hours")
                .contains("CloudWatch only $201.77 a month").contains("the simulation draws the ranges (CloudWatch only $").contains(", P10-P90)");
    }

    @Test
    void theBudgetGapIsAgainstTheRangeAndTheMiddleIsLabelled() {
        var b = seed.plan().baseline();
        assertThat(b.outsideRange().toDouble()).isEqualTo(32.33);
        assertThat(b.delta().toDouble()).isEqualTo(37.83);
        assertThat(DecisionTables.budgetGap(b, EN)).isEqualTo("$32.33 above its high end");
        assertThat(DecisionTables.budgetGapSentence(b, EN)).isEqualTo("$32.33 above the plan's high end; against its middle ($110.50) +$37.83, the sum of the lines' differences");
        assertThat(DecisionTables.baseline(seed, EN).headers()).contains("difference vs the plan's middle");
        Table compare = DecisionTables.compare(List.of(new DecisionTables.CompareRow("seed", seed.plan(), seed.tco())), EN);
        assertThat(compare.headers()).contains("stack vs the plan's range");
        assertThat(compare.rows().get(0)).contains("$32.33 above its high end");
    }

    @Test
    void aScenarioWithoutRangesShowsPointFiguresAndClaimsNoShareOfRuns() {
        assertThat(thanos.costRangesGiven()).isFalse();
        assertThat(thanos.probabilityRecommendedCheaper()).isNaN();
        String rec = DecisionTables.recommendation(thanos, EN);
        assertThat(rec).doesNotContain("simulated runs").contains("on point figures (the scenario gives no uncertainty ranges)");
        Table alt = DecisionTables.alternatives(thanos, EN);
        alt.rows().forEach(r -> assertThat(r.get(5)).isEqualTo("-"));
        assertThat(alt.notes()).containsExactly("Point figures: the scenario gives no uncertainty ranges for any cost input, so there is no P10-P90.");
        assertThat(thanos.risks()).extracting(Decision.Risk::kind).contains(Decision.RiskKind.NO_RANGES).doesNotContain(Decision.RiskKind.UNCERTAINTY);
        assertThat(DecisionTables.roi(thanos, EN).rows()).noneSatisfy(r -> assertThat(r.get(0)).startsWith("probability"));
        assertThat(DecisionTables.tornado(thanos.sensitivity(), EN).notes()).containsExactly("No input range moves the monthly cost: the scenario gives no range for a cost input.");
        String md = ReportExport.markdown(thanos, EN);
        assertThat(md).doesNotContain("### The plan's budget and why the computed cost differs").doesNotContain("% of 100,000");
        // the seed's uncertainty names an input that moves the bill, never the hourly rate
        Decision.Risk u = seed.risks().stream().filter(r -> r.kind() == Decision.RiskKind.UNCERTAINTY).findFirst().orElseThrow();
        assertThat(u.args().get(2)).isEqualTo("cloudwatchExporter.scrapeInterval");
    }

    /** Korean: no "와(과)"-style particle after a name that may end either way, no particle glued to an option's name. */
    @Test
    void koreanSentencesFitEveryOptionName() {
        for (Decision d : List.of(seed, thanos)) {
            List<String> lines = new java.util.ArrayList<>(DecisionTables.crossingNotes(d.sweep(), KO));
            lines.addAll(DecisionTables.crossingNotes(d.seriesSweep(), KO));
            lines.addAll(DecisionTables.promCrossingNotes(d, KO));
            lines.add(DecisionTables.recommendation(d, KO));
            for (String x : lines) {
                assertThat(x).doesNotContain("(과)", "(는)", "(가)", "단독는", "단독가", "단독와", "(Fargate)가", "(Fargate)는", "Grafana가", "Grafana와");
            }
        }
        for (String k : List.of("nocrossing", "crossing.input", "nocrossing.input", "pc.ops.cross", "pc.ops.none", "pc.head.services")) {
            assertThat(KO.t(k, "A", "B", "C", "D", "E", "F", "G", "H")).doesNotContainPattern("[AB][와과는가이을를은]");
        }
    }
}
