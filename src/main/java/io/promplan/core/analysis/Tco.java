package io.promplan.core.analysis;

import io.promplan.core.baseline.TimeValue;
import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.AlternativeModel.Role;
import io.promplan.core.cost.CostLine;
import io.promplan.core.plan.Plan;
import io.promplan.core.sizing.StorageSizing;
import io.promplan.core.units.Hours;
import io.promplan.core.workload.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Total cost of ownership month by month: each month's bill at that month's service count (growth
 * plan), storage lines filling up until the retention window is full, one-off set-up and migration
 * hours at the hourly rate in month 1, and the self-hosted stack's ops hours. Break-even months of
 * the self-hosted stack against CloudWatch-only (counting the time it saves) and against the
 * managed services (cost alone: both save the same time).
 */
public final class Tco {
    /** Share of the self-hosted set-up hours the managed services need: no EFS, ALB or Prometheus/Grafana tasks to build; dashboards and rules are the same work. */
    public static final double MANAGED_SETUP_SHARE = 0.5;

    /** What the TCO is computed with. */
    public record Options(int months, GrowthPlan growth, double migrationHours, double managedSetupShare) {
        public Options {
            if (months < 1 || months > 120) {
                throw new IllegalArgumentException("months " + months + " is not allowed; 1 to 120");
            }
            if (migrationHours < 0) {
                throw new IllegalArgumentException("migration hours cannot be negative");
            }
        }

        public static Options defaults(Scenario s) {
            return new Options(36, GrowthPlan.planDefault(s.workload().serviceCount()), 0, MANAGED_SETUP_SHARE);
        }
    }

    /** One alternative over the horizon. */
    public record Line(String id, String name, double oneOffUsd, String oneOffFormula, double opsUsdPerMonth, List<Double> monthlyUsd,
                       List<Double> cumulativeUsd, boolean complete, Role role) {
        public Line {
            monthlyUsd = List.copyOf(monthlyUsd);
            cumulativeUsd = List.copyOf(cumulativeUsd);
        }

        /** One-off + every month's bill and ops hours up to month m (1-based). */
        public double totalAt(int m) {
            return cumulativeUsd.get(Math.min(m, cumulativeUsd.size()) - 1);
        }
    }

    /** @param roi the scenario's ROI assumptions the figures rest on (rates, ops hours, hours saved) */
    /**
     * @param roi the scenario's ROI assumptions the figures rest on (rates, ops hours, hours saved)
     * @param breakEvens the self-hosted stack's break-even month against each other alternative (by id; null: not within the horizon)
     */
    public record Result(String scenario, Options options, double hourlyRate, io.promplan.core.workload.RoiAssumptions roi, List<Integer> servicesByMonth, List<Line> lines,
                         Map<String, Integer> breakEvens, List<Double> valueByMonth, List<String> assumptions) {
        public Result {
            servicesByMonth = List.copyOf(servicesByMonth);
            lines = List.copyOf(lines);
            breakEvens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(breakEvens));
            valueByMonth = List.copyOf(valueByMonth);
            assumptions = List.copyOf(assumptions);
        }

        /** Break-even month against the alternative in place today (CloudWatch-only), counting the time saved. */
        public Integer breakEvenVsCloudwatch() {
            return firstOf(Role.IN_PLACE).map(l -> breakEvens.get(l.id())).orElse(null);
        }

        /** Break-even month against the managed services, on cost alone. */
        public Integer breakEvenVsManaged() {
            return firstOf(Role.MANAGED).map(l -> breakEvens.get(l.id())).orElse(null);
        }

        /** The first alternative in a role. */
        public java.util.Optional<Line> firstOf(Role role) {
            return lines.stream().filter(l -> l.role() == role).findFirst();
        }

        public Line line(String id) {
            return lines.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
        }
    }

    private Tco() {
    }

    public static Result compute(Scenario s, Options o, Function<Scenario, Plan> planner) {
        double rate = TimeValue.middleRate(s.roi());
        Map<Integer, Plan> plans = new HashMap<>();
        List<Integer> services = new ArrayList<>();
        Map<String, List<Double>> monthly = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Boolean> complete = new LinkedHashMap<>();
        Map<String, Role> roles = new LinkedHashMap<>();
        List<Double> value = new ArrayList<>();
        for (int m = 1; m <= o.months(); m++) {
            int n = o.growth().servicesIn(m);
            services.add(n);
            Plan p = plans.computeIfAbsent(n, k -> planner.apply(Scaling.withServices(s, k)));
            double fill = fill(p.sizing().storage(), m);
            double s3Fill = s3Fill(p.sizing(), m);
            for (Alternative a : p.alternatives()) {
                names.putIfAbsent(a.id(), a.name());
                roles.putIfAbsent(a.id(), a.role());
                complete.merge(a.id(), a.complete(), Boolean::logicalAnd);
                monthly.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(monthOf(a, p.sizing().storage(), fill, s3Fill));
            }
            value.add(TimeValue.savedUsdPerMonth(Scaling.withServices(s, n).roi().hoursSavedPerWeek(), rate));
        }
        double setup = s.roi().setupHours();
        double ops = TimeValue.usd(s.roi().opsHoursPerMonth(), rate);
        List<Line> lines = new ArrayList<>();
        for (String id : monthly.keySet()) {
            double hours;
            String f;
            Role role = roles.get(id);
            if (role == Role.OWN_STACK) {
                hours = setup + o.migrationHours();
                f = "(" + fmt(setup) + " set-up + " + fmt(o.migrationHours()) + " migration hours) x $" + fmt(rate);
            } else if (role == Role.MANAGED) {
                hours = setup * o.managedSetupShare() + o.migrationHours();
                f = "(" + fmt(setup) + " x " + fmt(o.managedSetupShare()) + " set-up + " + fmt(o.migrationHours()) + " migration hours) x $" + fmt(rate);
            } else {
                hours = 0;
                f = "none: in place today";
            }
            double oneOff = TimeValue.usd(hours, rate);
            double opsM = role == Role.OWN_STACK ? ops : 0;
            List<Double> cum = new ArrayList<>();
            double c = oneOff;
            for (double x : monthly.get(id)) {
                c += x + opsM;
                cum.add(c);
            }
            lines.add(new Line(id, names.get(id), oneOff, f, opsM, monthly.get(id), cum, complete.get(id), role));
        }
        Map<String, Integer> breakEvens = new LinkedHashMap<>();
        Line self = lines.stream().filter(l -> l.role() == Role.OWN_STACK).findFirst().orElse(null);
        for (Line other : lines) {
            if (self == null || other == self) {
                continue;
            }
            breakEvens.put(other.id(), other.role() == Role.IN_PLACE ? breakEvenCountingValue(self, other, value, o.months())
                    : breakEvenOnCost(self, other, o.months()));
        }
        List<String> assumptions = List.of(
                "growth: " + o.growth().description(),
                "scaling with services: " + Scaling.RULE,
                "hourly rate $" + fmt(rate) + " (the middle of $" + fmt(s.roi().hourlyRateLow()) + "-$" + fmt(s.roi().hourlyRateHigh()) + ")",
                "one-off hours are paid in month 1; managed set-up = " + fmt(o.managedSetupShare() * 100) + " % of the self-hosted set-up; CloudWatch-only has none",
                "self-hosted ops: " + fmt(s.roi().opsHoursPerMonth()) + " h a month at the hourly rate",
                "storage billed on what is stored fills up month by month until the retention window is full; provisioned or pinned storage is billed in full from month 1",
                "break-even against CloudWatch-only counts the time saved (" + fmt(s.roi().hoursSavedPerWeek()) + " h a week at the start); against the managed services cost alone (both save the same time)");
        return new Result(s.name().text(), o, rate, s.roi(), services, lines, breakEvens, value, assumptions);
    }

    /** Against what is in place: the first month the time saved has paid for the one-off hours and the extra cost. */
    private static Integer breakEvenCountingValue(Line self, Line inPlace, List<Double> value, int months) {
        double net = -self.oneOffUsd();
        for (int m = 1; m <= months; m++) {
            net += value.get(m - 1) - (self.monthlyUsd().get(m - 1) + self.opsUsdPerMonth() - inPlace.monthlyUsd().get(m - 1));
            if (net >= 0) {
                return m;
            }
        }
        return null;
    }

    /** Against another Prometheus alternative (both save the same time): the first month the totals cross. */
    private static Integer breakEvenOnCost(Line self, Line other, int months) {
        for (int m = 1; m <= months; m++) {
            if (self.totalAt(m) <= other.totalAt(m)) {
                return m;
            }
        }
        return null;
    }

    /** Stored share of the full window at the end of month m (1-based), 1 once full. */
    static double fill(StorageSizing st, int m) {
        List<Double> g = st.monthlyGiB();
        if (g.isEmpty() || m > g.size()) {
            return 1;
        }
        double full = g.get(g.size() - 1);
        return full <= 0 ? 1 : Math.min(1, g.get(m - 1) / full);
    }

    /** Thanos's S3 storage in month m (1-based) as a share of its steady state, 1 without Thanos or once steady. */
    static double s3Fill(io.promplan.core.sizing.Sizing s, int m) {
        return s.thanosResult().map(t -> t.steadyStateGiB() <= 0 ? 1.0 : Math.min(1, t.s3GiB(m) / t.steadyStateGiB())).orElse(1.0);
    }

    static double monthOf(Alternative a, StorageSizing st, double fill) {
        return monthOf(a, st, fill, 1);
    }

    static double monthOf(Alternative a, StorageSizing st, double fill, double s3Fill) {
        double sum = 0;
        for (CostLine l : a.lines()) {
            if (l.monthly() == null) {
                continue;
            }
            double v = l.monthly().rounded().toDouble();
            if (l.key().equals(io.promplan.core.cost.CostModel.THANOS_S3_STORAGE)) {
                // Thanos's blocks in S3 (every resolution) grow month by month until each resolution's retention is full
                sum += v * s3Fill;
                continue;
            }
            // Billed on what is stored (EFS, its backup, AMP, EBS snapshots): fills up month by month; provisioned volumes bill in full from month 1.
            boolean filling = l.key().equals("amp:storage") || l.key().equals("storage:efs:prometheus") || l.key().equals("backup:ebs")
                    || (l.key().equals("backup:efs") && st.backend() == io.promplan.core.workload.StorageBackend.EFS);
            sum += filling ? v * fill : v;
        }
        return Math.round(sum * 100) / 100.0;
    }

    static String fmt(double d) {
        return io.promplan.core.sizing.Num.fmt(d);
    }
}
