package io.promplan.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.promplan.TestSupport;
import io.promplan.core.cost.Alternative;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TcoAndSweepTest {
    static final Function<Scenario, Plan> PLANNER = TestSupport.service()::plan;

    @Test
    void flatTcoIsTheOneOffPlusTheMonthlyBillEachMonth() {
        Scenario s = TestSupport.seed();
        Plan p = PLANNER.apply(s);
        Tco.Result t = Tco.compute(s, new Tco.Options(36, GrowthPlan.flat(5), 0, Tco.MANAGED_SETUP_SHARE), PLANNER);
        for (Alternative a : p.alternatives()) {
            Tco.Line l = t.line(a.id());
            double oneOff = a.id().equals(Alternative.SELF_HOSTED) ? 80 * 17.5 : a.id().equals(Alternative.AMP_AMG) ? 40 * 17.5 : 0;
            assertThat(l.oneOffUsd()).isCloseTo(oneOff, within(1e-9));
            // the seed pins its 20 GB of EFS: billed in full from month 1, so every month is the plan's bill
            assertThat(l.monthlyUsd()).allSatisfy(m -> assertThat(m).isCloseTo(a.monthly().toDouble(), within(1e-9)));
            // the self-hosted stack also costs its ops hours (4 h a month at $17.5 in the seed) every month
            double ops = a.id().equals(Alternative.SELF_HOSTED) ? s.roi().opsHoursPerMonth() * 17.5 : 0;
            assertThat(l.opsUsdPerMonth()).isCloseTo(ops, within(1e-9));
            assertThat(l.totalAt(36)).isCloseTo(oneOff + 36 * (a.monthly().toDouble() + ops), within(1e-6));
            assertThat(l.totalAt(12)).isCloseTo(oneOff + 12 * (a.monthly().toDouble() + ops), within(1e-6));
        }
        // payback against CloudWatch-only: 80 h x $17.5 / (value - extra), extra = $148.33 + $70 ops - $201.77 = $16.56:
        // 1400 / (530.83 - 16.56) = 2.7 -> month 3
        assertThat(t.breakEvenVsCloudwatch()).isEqualTo(3);
        // self-hosted costs more each month than the managed services and more up front: never within 36 months
        assertThat(t.breakEvenVsManaged()).isNull();
    }

    @Test
    void theDefaultGrowthIsThePlans5To10To20() {
        GrowthPlan g = GrowthPlan.planDefault(5);
        assertThat(g.servicesIn(1)).isEqualTo(5);
        assertThat(g.servicesIn(3)).isEqualTo(5);
        assertThat(g.servicesIn(4)).isEqualTo(6);
        assertThat(g.servicesIn(13)).isEqualTo(10);
        assertThat(g.servicesIn(25)).isEqualTo(20);
        assertThat(g.servicesIn(36)).isEqualTo(20);
        assertThat(GrowthPlan.planDefault(10).servicesIn(12)).isEqualTo(10);
        assertThat(GrowthPlan.planDefault(10).servicesIn(25)).isEqualTo(20);
        assertThat(GrowthPlan.planDefault(20).steps()).hasSize(1);
        assertThat(GrowthPlan.planDefault(30).servicesIn(36)).isEqualTo(30);
        assertThat(GrowthPlan.parse("5,10,20", 5).servicesIn(13)).isEqualTo(10);
        assertThat(GrowthPlan.parse("+2/q", 5).servicesIn(7)).isEqualTo(9);
        assertThatThrownBy(() -> GrowthPlan.parse("lots", 5)).hasMessageContaining("allowed");
    }

    @Test
    void storageOnWhatIsStoredFillsUpUntilTheRetentionWindowIsFull() {
        Scenario s = TestSupport.seed();
        var w = s.workload().toBuilder().retention(io.promplan.core.units.TimeSpan.ofDays(180))
                .storage(new io.promplan.core.workload.StorageSpec(io.promplan.core.workload.StorageBackend.EFS, 0, 2, s.workload().storage().localRetention(), false))
                .seriesPerMetric(200).build();
        Scenario big = s.withWorkload(w);
        Tco.Result t = Tco.compute(big, new Tco.Options(12, GrowthPlan.flat(5), 0, Tco.MANAGED_SETUP_SHARE), PLANNER);
        List<Double> self = t.line(Alternative.SELF_HOSTED).monthlyUsd();
        assertThat(self.get(0)).isLessThan(self.get(5));
        assertThat(self.get(6)).isEqualTo(self.get(11));
        assertThat(self.get(11)).isCloseTo(PLANNER.apply(big).selfHosted().monthly().toDouble(), within(1e-9));
    }

    @Test
    void theSweepPricesEachServiceCountWithTheFullPlannerAndFindsTheCrossing() {
        Scenario s = TestSupport.seed();
        Sweep.Result r = Sweep.run(s, 1, 50, PLANNER);
        assertThat(r.points()).hasSize(50);
        Sweep.Point five = r.points().get(4);
        assertThat(five.monthlyUsd().get(Alternative.SELF_HOSTED)).isEqualTo(PLANNER.apply(s).selfHosted().monthly().toDouble());
        Sweep.Crossing c = r.crossing(Alternative.SELF_HOSTED, Alternative.AMP_AMG).orElseThrow();
        Sweep.Point before = r.points().get(c.services() - 2);
        Sweep.Point at = r.points().get(c.services() - 1);
        assertThat(before.monthlyUsd().get(Alternative.AMP_AMG)).isLessThan(before.monthlyUsd().get(Alternative.SELF_HOSTED));
        assertThat(at.monthlyUsd().get(Alternative.AMP_AMG)).isGreaterThanOrEqualTo(at.monthlyUsd().get(Alternative.SELF_HOSTED));
        assertThat(c.activeSeries()).isEqualTo(at.activeSeries());
        assertThat(c.cheaperBefore()).isEqualTo(Alternative.AMP_AMG);
    }

    @Test
    void scalingGrowsThePerServiceQuantities() {
        Scenario s = TestSupport.seed();
        Scenario ten = Scaling.withServices(s, 10);
        assertThat(ten.workload().serviceCount()).isEqualTo(10);
        assertThat(ten.workload().logs().servicesGbPerMonth()).isEqualTo(50.0);
        assertThat(ten.cloudwatchOnly().dashboards()).isEqualTo(10);
        assertThat(ten.cloudwatchOnly().alarms()).isEqualTo(40);
        assertThat(ten.roi().hoursSavedPerWeek()).isEqualTo(14.0);
        assertThat(Scaling.withServices(s, 2).workload().serviceOverrides()).hasSize(2);
    }

    @Test
    void aSweepOverSeriesFindsWhereTheManagedServicesStopBeingCheaper() {
        Sweep.Result r = Sweep.runInput(TestSupport.seed(), "seriesPerMetric", 1, 50, 49, PLANNER);
        assertThat(r.points()).hasSize(50);
        assertThat(r.points()).allSatisfy(p -> assertThat(p.services()).isEqualTo(5));
        Sweep.Crossing c = r.crossing(Alternative.SELF_HOSTED, Alternative.AMP_AMG).orElseThrow();
        assertThat(c.cheaperBefore()).isEqualTo(Alternative.AMP_AMG);
        assertThat(c.cheaperAfter()).isEqualTo(Alternative.SELF_HOSTED);
        // at the crossing the plan itself agrees
        Plan at = PLANNER.apply(InputPaths.byPath("seriesPerMetric").orElseThrow().write(TestSupport.seed(), c.x()));
        assertThat(at.alternative(Alternative.AMP_AMG).orElseThrow().monthly()).isGreaterThanOrEqualTo(at.selfHosted().monthly());
        assertThat(c.activeSeries()).isEqualTo(at.sizing().activeSeries());
        assertThatThrownBy(() -> Sweep.runInput(TestSupport.seed(), "roi.hourlyRate", 1, 5, 4, PLANNER)).hasMessageContaining("sweep a cost input");
        assertThatThrownBy(() -> Sweep.runInput(TestSupport.seed(), "nope", 1, 5, 4, PLANNER)).hasMessageContaining("allowed:");
    }
}
