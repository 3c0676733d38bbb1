package io.promplan.core.analysis;

import io.promplan.core.baseline.TimeValue;
import io.promplan.core.cost.AlternativeModel.Role;
import io.promplan.core.plan.Plan;
import io.promplan.core.plan.PriceRef;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.StorageBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Everything a manager's page needs for one scenario: the plan, TCO over time, the Monte Carlo
 * ranges, the tornado, the sweeps over service counts and over series per metric name, and the recommendation with its basis and the
 * risks. The rule: of the two Prometheus alternatives, the one that costs less a month in most of the
 * simulated runs (so the decision never contradicts the simulation printed beside it; the lower TCO
 * over the horizon when there is no simulation); it is recommended when it costs less than
 * CloudWatch-only outright, or when the time it saves is worth more than what it costs above
 * CloudWatch-only (net value above 0 at the middle hourly rate), otherwise CloudWatch-only. Every
 * alternative is priced on the same workload (the model's sizes unless pins are requirements).
 * {@link #flips()} says where the decision turns: services, series per metric, hours saved.
 */
public record Decision(Scenario scenario, Plan plan, Tco.Result tco, MonteCarlo.Result simulation, Sensitivity.Result sensitivity,
                       Sweep.Result sweep, Sweep.Result seriesSweep, String recommendedId, Basis basis, double recommendedRoiPercent, List<Risk> risks,
                       List<Flip> flips, double probabilityRecommendedCheaper) {

    /** The series sweep: 1 to 50 series per metric name (the plan's 1 to a realistic service's 10-50), 49 steps. */
    public static final double SERIES_SWEEP_TO = 50;
    public static final int SERIES_SWEEP_STEPS = 49;

    public enum Basis {
        /** The cheaper Prometheus alternative costs less than CloudWatch-only outright. */
        CHEAPER_THAN_CLOUDWATCH_ONLY,
        /** The cheaper Prometheus alternative, and its value exceeds its extra cost. */
        CHEAPEST_WITH_POSITIVE_ROI,
        /** Neither Prometheus alternative earns back what it costs above CloudWatch-only. */
        NO_POSITIVE_ROI,
        /** No Prometheus alternative is completely priced (a price is missing): no recommendation can be made. */
        INCOMPLETE_PRICES
    }

    /**
     * EFS: no args; MISSING_PRICES, ASSUMED_PRICES: the price ids; UNCERTAINTY: P10, P90 ("$12.34") and the input that moves
     * the cost most (its path); OVER_BUDGET: percent of runs, the plan's high end; PINNED_TOO_SMALL: the components (the plan's
     * warnings of kind PIN_BELOW_NEED and PIN_RAISED say more); NO_RANGES: no args, the scenario gives no range for any
     * cost input, so every cost is a point figure (UNCERTAINTY is left out then).
     */
    public enum RiskKind { EFS, MISSING_PRICES, ASSUMED_PRICES, UNCERTAINTY, OVER_BUDGET, PINNED_TOO_SMALL, NO_RANGES }

    /**
     * What a monthly cost compared at a crossing counts: the AWS bill alone, or the bill plus the self-hosted stack's
     * running hours at the middle hourly rate (the decision's basis; the managed services and CloudWatch-only have none).
     */
    public enum CostBasis { BILL, BILL_AND_SELF_HOSTED_HOURS }

    /** A risk with its figures (text is made by the renderer, in the reader's language). */
    public record Risk(RiskKind kind, List<String> args) {
        public Risk {
            args = List.copyOf(args);
        }
    }

    public record Options(Tco.Options tco, MonteCarlo.Options simulation, int sweepTo) {
    }

    public enum FlipKind {
        /** The two Prometheus alternatives cross at this service count (args: services, active series). */
        SERVICES,
        /** They cross at this many series per metric name (args: series per metric, active series). */
        SERIES_PER_METRIC,
        /** The recommended Prometheus alternative and CloudWatch-only cross at this service count (args: services). */
        SERVICES_VS_CLOUDWATCH_ONLY,
        /** Below this many hours saved a month, CloudWatch-only is the better buy (args: hours). */
        HOURS_SAVED,
        /** No crossing of the Prometheus alternatives within the swept range (args: up to services, up to series per metric). */
        NO_CROSSING
    }

    /**
     * Where the decision turns, with its figures and the basis they were compared on (every flip of the decision is on
     * {@link CostBasis#BILL_AND_SELF_HOSTED_HOURS}, the basis the recommendation is made on).
     */
    public record Flip(FlipKind kind, List<String> args, CostBasis basis) {
        public Flip {
            args = List.copyOf(args);
        }

        public Flip(FlipKind kind, List<String> args) {
            this(kind, args, CostBasis.BILL_AND_SELF_HOSTED_HOURS);
        }
    }

    public Decision {
        risks = List.copyOf(risks);
        flips = List.copyOf(flips);
    }

    /** Up to this many services the sweep has a point for every count; above, {@link #sweepCounts} samples. */
    public static final int SWEEP_EVERY_COUNT_UP_TO = 50;

    /**
     * The service counts of the sweep: every count from 1 to {@code to} when that is at most
     * {@value #SWEEP_EVERY_COUNT_UP_TO}; else every count to 50 and then 50 evenly spaced counts up to {@code to}, the
     * scenario's own count among them (10,000 services would otherwise mean 10,000 plans of up to 10,000 services each).
     */
    public static List<Integer> sweepCounts(int to, int own) {
        java.util.TreeSet<Integer> c = new java.util.TreeSet<>();
        for (int n = 1; n <= Math.min(to, SWEEP_EVERY_COUNT_UP_TO); n++) {
            c.add(n);
        }
        if (to > SWEEP_EVERY_COUNT_UP_TO) {
            for (int i = 1; i <= 50; i++) {
                c.add((int) Math.round(SWEEP_EVERY_COUNT_UP_TO + (to - SWEEP_EVERY_COUNT_UP_TO) * i / 50.0));
            }
            if (own >= 1 && own <= to) {
                c.add(own);
            }
        }
        return new ArrayList<>(c);
    }

    public static Decision make(Scenario s, Options o, Function<Scenario, Plan> planner) {
        Plan plan = planner.apply(s);
        Tco.Result tco = Tco.compute(s, o.tco(), planner);
        MonteCarlo.Result mc = new MonteCarlo(s, planner).run(o.simulation());
        Sensitivity.Result sens = Sensitivity.compute(s, planner);
        Sweep.Result sweep = Sweep.runServices(s, sweepCounts(Math.max(o.sweepTo(), s.workload().serviceCount()), s.workload().serviceCount()), planner);
        Sweep.Result seriesSweep = Sweep.runInput(s, "seriesPerMetric", 1, Math.max(SERIES_SWEEP_TO, s.workload().seriesPerMetric()), SERIES_SWEEP_STEPS, planner);
        double rate = tco.hourlyRate();
        int h = o.tco().months();
        String selfId = plan.selfHosted().id();
        String managedId = firstId(plan, Role.MANAGED);
        String inPlaceId = plan.cloudwatchOnly().id();
        List<Tco.Line> prom = tco.lines().stream().filter(l -> l.role() != Role.IN_PLACE && l.complete()).toList();
        Tco.Line best = prom.stream().min(Comparator.comparingDouble(l -> l.totalAt(h))).orElse(null);
        double pSelf = mc.probabilitySelfBelowManaged();
        // One basis for every comparison of the two Prometheus options: the monthly bill plus the self-hosted
        // stack's running hours at the middle hourly rate (the TCO's basis; the simulation counts the same).
        double selfOps = TimeValue.usd(s.roi().opsHoursPerMonth(), rate);
        boolean bothPriced = prom.stream().anyMatch(l -> l.id().equals(selfId)) && prom.stream().anyMatch(l -> l.id().equals(managedId));
        boolean ranges = hasCostRanges(s);
        if (bothPriced && ranges && !Double.isNaN(pSelf) && pSelf != 0.5) {
            // The simulation decides between the two Prometheus alternatives: the one cheaper a month in most runs.
            String id = pSelf > 0.5 ? selfId : managedId;
            best = prom.stream().filter(l -> l.id().equals(id)).findFirst().orElse(best);
        } else if (bothPriced && !ranges) {
            // No range of any cost input: the point figures decide, on the same basis (the bill plus the running hours).
            double selfM = plan.alternative(selfId).orElseThrow().monthly().toDouble() + selfOps;
            double managedM = plan.alternative(managedId).orElseThrow().monthly().toDouble();
            if (selfM != managedM) {
                String id = selfM < managedM ? selfId : managedId;
                best = prom.stream().filter(l -> l.id().equals(id)).findFirst().orElse(best);
            }
        }
        String rec = inPlaceId;
        Basis basis = best == null ? Basis.INCOMPLETE_PRICES : Basis.NO_POSITIVE_ROI;
        double roi = Double.NaN;
        double pRec = Double.NaN;
        if (best != null) {
            double cw = plan.alternative(inPlaceId).map(a -> a.monthly().toDouble()).orElse(0.0);
            double cost = plan.alternative(best.id()).orElseThrow().monthly().toDouble();
            double extra = cost - cw + best.opsUsdPerMonth();
            double value = TimeValue.savedUsdPerMonth(s.roi().hoursSavedPerWeek(), rate);
            roi = extra > 0 ? (value - extra) / extra * 100 : Double.POSITIVE_INFINITY;
            if (extra <= 0) {
                rec = best.id();
                basis = Basis.CHEAPER_THAN_CLOUDWATCH_ONLY;
            } else if (value > extra) {
                rec = best.id();
                basis = Basis.CHEAPEST_WITH_POSITIVE_ROI;
            }
            if (bothPriced && ranges && !Double.isNaN(pSelf)) {
                pRec = best.id().equals(selfId) ? pSelf : 1 - pSelf;
            }
        }
        List<Flip> flips = new ArrayList<>();
        var sc = withOps(sweep.points(), selfOps, selfId, managedId).stream().findFirst();
        var xc = withOps(seriesSweep.points(), selfOps, selfId, managedId).stream().findFirst();
        sc.ifPresent(c -> flips.add(new Flip(FlipKind.SERVICES, List.of(String.valueOf(c.services()), String.valueOf(c.activeSeries())))));
        xc.ifPresent(c -> flips.add(new Flip(FlipKind.SERIES_PER_METRIC, List.of(io.promplan.core.sizing.Num.fmt(c.x()), String.valueOf(c.activeSeries())))));
        if (sc.isEmpty() && xc.isEmpty()) {
            flips.add(new Flip(FlipKind.NO_CROSSING, List.of(String.valueOf(sweep.points().isEmpty() ? 0 : sweep.points().get(sweep.points().size() - 1).services()),
                    io.promplan.core.sizing.Num.fmt(Math.max(SERIES_SWEEP_TO, s.workload().seriesPerMetric())))));
        }
        if (best != null) {
            onBasis(sweep, selfOps).crossing(best.id(), inPlaceId)
                    .ifPresent(c -> flips.add(new Flip(FlipKind.SERVICES_VS_CLOUDWATCH_ONLY, List.of(String.valueOf(c.services())))));
            if (rate > 0) {
                double cw = plan.alternative(inPlaceId).map(a -> a.monthly().toDouble()).orElse(0.0);
                double extra = plan.alternative(best.id()).orElseThrow().monthly().toDouble() - cw + best.opsUsdPerMonth();
                if (extra > 0) {
                    flips.add(new Flip(FlipKind.HOURS_SAVED, List.of(io.promplan.core.sizing.Num.fmt(Math.round(extra / rate * 10) / 10.0))));
                }
            }
        }
        List<Risk> risks = new ArrayList<>();
        if (s.workload().storage().backend() == StorageBackend.EFS) {
            risks.add(new Risk(RiskKind.EFS, List.of()));
        }
        if (!plan.missingPrices().isEmpty()) {
            risks.add(new Risk(RiskKind.MISSING_PRICES, plan.missingPrices().stream().map(p -> p.price().id().id()).toList()));
        }
        if (!plan.assumedPrices().isEmpty()) {
            risks.add(new Risk(RiskKind.ASSUMED_PRICES, plan.assumedPrices().stream().map(PriceRef::price).map(p -> p.id().id()).toList()));
        }
        MonteCarlo.Stats self = mc.monthly().get(selfId);
        if (!hasCostRanges(s)) {
            risks.add(new Risk(RiskKind.NO_RANGES, List.of()));
        } else if (self != null) {
            // the input that moves the self-hosted bill most: one that moves it at all (an hourly rate never does)
            String moving = sens.byMonthly().stream().filter(b -> b.monthlySwing() >= 0.005).map(Sensitivity.Bar::path).findFirst().orElse("");
            risks.add(new Risk(RiskKind.UNCERTAINTY, List.of(money(self.p10()), money(self.p90()), moving)));
        }
        if (!Double.isNaN(mc.probabilityAboveBaseline()) && mc.probabilityAboveBaseline() > 0) {
            risks.add(new Risk(RiskKind.OVER_BUDGET, List.of(String.valueOf(Math.round(mc.probabilityAboveBaseline() * 100)), money(mc.baselineHighUsd()))));
        }
        List<String> pinned = plan.warnings().stream().filter(w -> w.kind() == io.promplan.core.plan.Warning.Kind.PIN_BELOW_NEED
                || w.kind() == io.promplan.core.plan.Warning.Kind.PIN_RAISED).map(w -> w.args().get(0)).toList();
        if (!pinned.isEmpty()) {
            risks.add(new Risk(RiskKind.PINNED_TOO_SMALL, pinned));
        }
        return new Decision(s, plan, tco, mc, sens, sweep, seriesSweep, rec, basis, roi, risks, flips, pRec);
    }

    /** True when the scenario gives a range for at least one input that changes a bill (not only the ROI's value inputs). */
    public static boolean hasCostRanges(Scenario s) {
        return s.uncertainty().ranges().keySet().stream().anyMatch(k -> !InputPaths.isValueInput(k));
    }

    /** True when the simulation draws some bill: else every monthly cost is a point figure and its P10 = P90. */
    public boolean costRangesGiven() {
        return hasCostRanges(scenario);
    }

    /**
     * The cost inputs whose likely value sits at one end of its range (low = likely or likely = high): their draws all
     * fall on one side of the point figure, so the point figure may lie outside the simulated P10-P90. Path, low, likely, high.
     */
    public List<List<String>> oneSidedRanges() {
        List<List<String>> out = new ArrayList<>();
        scenario.uncertainty().ranges().forEach((k, r) -> {
            if (!InputPaths.isValueInput(k) && r.hasLikely() && r.high() > r.low() && (r.likely() == r.low() || r.likely() == r.high())) {
                out.add(List.of(k, io.promplan.core.sizing.Num.fmt(r.low()), io.promplan.core.sizing.Num.fmt(r.likely()), io.promplan.core.sizing.Num.fmt(r.high())));
            }
        });
        return out;
    }

    /** The self-hosted stack's running hours a month at the middle hourly rate, in USD: what the decision's basis adds to its bill. */
    public double selfHostedHoursUsd() {
        return TimeValue.usd(scenario.roi().opsHoursPerMonth(), tco.hourlyRate());
    }

    /** The services sweep on the decision's basis: every self-hosted alternative's bill plus its running hours. */
    public Sweep.Result sweepOnDecisionBasis() {
        return onBasis(sweep, selfHostedHoursUsd());
    }

    /** The series-per-metric sweep on the decision's basis. */
    public Sweep.Result seriesSweepOnDecisionBasis() {
        return onBasis(seriesSweep, selfHostedHoursUsd());
    }

    /** A sweep with every self-hosted alternative's monthly cost raised by its running hours, and the crossings found again. */
    static Sweep.Result onBasis(Sweep.Result r, double selfOpsUsd) {
        java.util.Set<String> own = new java.util.HashSet<>();
        r.names().keySet().forEach(id -> io.promplan.core.cost.AlternativeRegistry.byId(id)
                .filter(m -> m.role() == Role.OWN_STACK).ifPresent(m -> own.add(id)));
        List<Sweep.Point> shifted = new ArrayList<>();
        for (Sweep.Point p : r.points()) {
            java.util.Map<String, Double> m = new java.util.LinkedHashMap<>(p.monthlyUsd());
            own.forEach(id -> m.computeIfPresent(id, (k, v) -> v + selfOpsUsd));
            shifted.add(new Sweep.Point(p.x(), p.services(), p.activeSeries(), p.samplesPerSecond(), m, p.complete()));
        }
        List<String> ids = new ArrayList<>(r.names().keySet());
        List<Sweep.Crossing> crossings = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i);
                String b = ids.get(j);
                if (shifted.stream().allMatch(p -> p.monthlyUsd().containsKey(a) && p.monthlyUsd().containsKey(b))) {
                    crossings.addAll(Sweep.crossings(shifted, a, b));
                }
            }
        }
        return new Sweep.Result(r.scenario(), r.input(), shifted, r.names(), crossings, r.scalingRule());
    }

    /** The crossings of the two Prometheus options when the self-hosted stack carries its running hours too. */
    static List<Sweep.Crossing> withOps(List<Sweep.Point> points, double selfOpsUsd, String selfId, String managedId) {
        List<Sweep.Point> shifted = new ArrayList<>();
        for (Sweep.Point p : points) {
            if (!p.monthlyUsd().containsKey(selfId) || !p.monthlyUsd().containsKey(managedId)) {
                return List.of();
            }
            java.util.Map<String, Double> m = new java.util.LinkedHashMap<>(p.monthlyUsd());
            m.put(selfId, m.get(selfId) + selfOpsUsd);
            shifted.add(new Sweep.Point(p.x(), p.services(), p.activeSeries(), p.samplesPerSecond(), m, p.complete()));
        }
        return Sweep.crossings(shifted, selfId, managedId);
    }

    /** The recommended option's monthly cost on the decision's basis: the bill plus its running hours at the middle rate. */
    public double monthlyWithOps(String id) {
        double bill = plan.alternative(id).map(a -> a.monthly().toDouble()).orElse(Double.NaN);
        return plan.alternative(id).map(a -> a.isSelfHosted()).orElse(false) ? bill + tco.line(id).opsUsdPerMonth() : bill;
    }

    /** The id of the plan's first alternative in a role, or null. */
    static String firstId(Plan plan, Role role) {
        return plan.alternatives().stream().filter(a -> a.role() == role).map(io.promplan.core.cost.Alternative::id).findFirst().orElse(null);
    }

    static String money(double d) {
        return "$" + java.math.BigDecimal.valueOf(d).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
