package io.promplan.core.analysis;

import io.promplan.core.baseline.TimeValue;
import io.promplan.core.cost.Alternative;
import io.promplan.core.plan.Plan;
import io.promplan.core.units.Hours;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.Uncertainty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One input at a time (tornado): each ranged input at its low and its high value, every other input at
 * its likely value, through the full planner; the self-hosted stack's monthly cost and the ROI at the
 * middle hourly rate. Sorted by how far the monthly cost moves, then by how far the ROI moves.
 */
public final class Sensitivity {
    public record Bar(String path, String label, double low, double high, double monthlyAtLow, double monthlyAtHigh,
                      double roiAtLow, double roiAtHigh) {
        public double monthlySwing() {
            return Math.abs(monthlyAtHigh - monthlyAtLow);
        }

        public double roiSwing() {
            return Math.abs(finite(roiAtHigh) - finite(roiAtLow));
        }

        private static double finite(double d) {
            return Double.isFinite(d) ? d : 0;
        }
    }

    public record Result(String scenario, double monthlyLikely, double roiLikely, List<Bar> byMonthly, List<Bar> byRoi) {
        public Result {
            byMonthly = List.copyOf(byMonthly);
            byRoi = List.copyOf(byRoi);
        }
    }

    private Sensitivity() {
    }

    public static Result compute(Scenario s, Function<Scenario, Plan> planner) {
        MonteCarlo mc = new MonteCarlo(s, planner);
        Scenario likely = mc.likelyScenario();
        Map<String, Uncertainty.Range> ranges = MonteCarlo.effectiveRanges(s);
        double rate = ranges.containsKey(MonteCarlo.RATE) ? ranges.get(MonteCarlo.RATE).likelyOr(TimeValue.middleRate(s.roi()))
                : TimeValue.middleRate(s.roi());
        Plan base = planner.apply(likely);
        double m0 = self(base);
        double r0 = roi(likely, base, rate);
        List<Bar> bars = new ArrayList<>();
        for (var e : ranges.entrySet()) {
            InputPaths.Input in = InputPaths.byPath(e.getKey()).orElseThrow();
            Uncertainty.Range r = e.getValue();
            double[] m = new double[2];
            double[] roi = new double[2];
            double[] xs = {r.low(), r.high()};
            for (int k = 0; k < 2; k++) {
                if (e.getKey().equals(MonteCarlo.RATE)) {
                    m[k] = m0;
                    roi[k] = roi(likely, base, xs[k]);
                } else {
                    Scenario v = in.write(likely, xs[k]);
                    Plan p = InputPaths.isValueInput(e.getKey()) ? base : planner.apply(v);
                    m[k] = self(p);
                    roi[k] = roi(v, p, rate);
                }
            }
            bars.add(new Bar(e.getKey(), in.label(), r.low(), r.high(), m[0], m[1], roi[0], roi[1]));
        }
        List<Bar> byM = new ArrayList<>(bars);
        byM.sort(Comparator.comparingDouble(Bar::monthlySwing).reversed().thenComparing(Comparator.comparingDouble(Bar::roiSwing).reversed()));
        List<Bar> byR = new ArrayList<>(bars);
        byR.sort(Comparator.comparingDouble(Bar::roiSwing).reversed());
        return new Result(s.name().text(), m0, r0, byM, byR);
    }

    private static double self(Plan p) {
        return p.alternatives().stream().filter(Alternative::isSelfHosted).findFirst().map(a -> a.monthly().toDouble()).orElse(Double.NaN);
    }

    /** ROI % at one hourly rate: (value - extra) / extra x 100, infinite when the stack costs no more. */
    public static double roi(Scenario s, Plan p, double rate) {
        double extra = self(p) - p.alternatives().stream().filter(Alternative::isInPlace).findFirst().map(a -> a.monthly().toDouble()).orElse(0.0)
                + TimeValue.usd(s.roi().opsHoursPerMonth(), rate);
        double value = TimeValue.savedUsdPerMonth(s.roi().hoursSavedPerWeek(), rate);
        return extra > 0 ? (value - extra) / extra * 100 : Double.POSITIVE_INFINITY;
    }
}
