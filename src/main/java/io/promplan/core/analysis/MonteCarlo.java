package io.promplan.core.analysis;

import io.promplan.core.baseline.TimeValue;
import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.AlternativeModel;
import io.promplan.core.plan.Plan;
import io.promplan.core.units.Hours;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.Uncertainty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Monte Carlo over the scenario's ranges: P10 / P50 / P90 of each alternative's monthly cost, the ROI
 * and the break-even months, and the probability that the stack costs more than the plan's budget.
 *
 * <p>Fast method (the default): every alternative's monthly cost is precomputed with the full
 * planner along each uncertain input's range (the others at their likely values) and a draw adds up
 * the changes: cost(x) = cost(likely) + sum_i [cost(likely with x_i) - cost(likely)], linear between
 * grid points (every whole value for whole-number inputs up to 64 steps), plus, for each pair of
 * inputs that interact (their corners differ from the sum of their separate changes), the residual
 * on a 9 x 9 grid through the likely values (bilinear). It is exact at the likely values and along
 * each input; interactions of three or more inputs are left out, which {@link #check} measures
 * against the full planner. The exact method runs the full planner per draw.
 * Value inputs (roi.*) are evaluated in closed form per draw. Draws come from Apache Commons Math
 * distributions on one Well19937c generator seeded by the caller, so a seed gives the same result:
 * triangular by its inverse CDF, PERT (a Beta scaled to the range) through the Beta inverse CDF
 * tabulated at {@link #QUANTILES} points.
 */
public final class MonteCarlo {
    public static final int GRID = 32;
    public static final String RATE = "roi.hourlyRate";

    public record Options(int runs, long seed, boolean exact) {
        public Options {
            if (runs < 1 || runs > 10_000_000) {
                throw new IllegalArgumentException("runs " + runs + " is not allowed; 1 to 10,000,000");
            }
        }
    }

    /** Percentiles of one figure; infinite values mean "never" (break-even) or "no extra cost" (ROI). */
    public record Stats(double p10, double p50, double p90, double mean, double min, double max) {
    }

    /**
     * @param breakEvens the self-hosted stack's break-even months against each other alternative (by id)
     * @param probabilitySelfBelow for each other Prometheus alternative (by id), the share of runs where the self-hosted stack, its
     *     running hours counted, costs less a month
     */
    public record Result(String scenario, int runs, long seed, String method, Map<String, Uncertainty.Range> ranges,
                         Map<String, String> names, Map<String, AlternativeModel.Role> roles, Map<String, Stats> monthly, Stats roiPercent, Map<String, Stats> breakEvens,
                         double baselineHighUsd, double probabilityAboveBaseline, Map<String, Double> probabilitySelfBelow,
                         Map<String, double[]> samples) {

        /** Break-even months against the alternative in place (CloudWatch-only), counting the time saved. */
        public Stats breakEvenVsCloudwatch() {
            return breakEvenVs(AlternativeModel.Role.IN_PLACE);
        }

        /** Break-even months against the managed services, on cost alone. */
        public Stats breakEvenVsManaged() {
            return breakEvenVs(AlternativeModel.Role.MANAGED);
        }

        /** The id of the first alternative in a role. */
        public java.util.Optional<String> firstOf(AlternativeModel.Role role) {
            return roles.entrySet().stream().filter(e -> e.getValue() == role).map(Map.Entry::getKey).findFirst();
        }

        private Stats breakEvenVs(AlternativeModel.Role role) {
            Stats s = firstOf(role).map(breakEvens::get).orElse(null);
            return s != null ? s : new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }

        /** The probability that the self-hosted stack costs less a month than the managed services (NaN when either is not priced). */
        public double probabilitySelfBelowManaged() {
            Double p = firstOf(AlternativeModel.Role.MANAGED).map(probabilitySelfBelow::get).orElse(null);
            return p == null ? Double.NaN : p;
        }
    }

    private final Scenario scenario;
    private final Function<Scenario, Plan> planner;
    private final Map<String, Uncertainty.Range> ranges;
    private final List<String> costPaths = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final List<AlternativeModel.Role> roles = new ArrayList<>();
    private final Scenario likely;
    private double[] base;
    /** [input][grid] x values and [input][alternative][grid] monthly costs. */
    private double[][] gridX;
    private double[][][] gridY;
    private double[] mids;
    /** Second-order corrections for pairs of inputs that interact (AMP query samples = series x dashboard hours). */
    private final List<PairTerm> pairs = new ArrayList<>();

    /** Residual cost of two inputs together beyond their separate curves, on a coarse grid through the likely values. */
    private record PairTerm(int i, int j, double[] xi, double[] xj, double[][][] r) {
    }

    /** Pair grid points on each side of the likely value. */
    public static final int PAIR_HALF = 4;
    /** A pair whose corners interact by less than this (USD a month) gets no correction. */
    public static final double PAIR_THRESHOLD = 0.005;
    private final Map<String, double[]> quantileTables = new java.util.concurrent.ConcurrentHashMap<>();

    public MonteCarlo(Scenario s, Function<Scenario, Plan> planner) {
        this.scenario = s;
        this.planner = planner;
        this.ranges = effectiveRanges(s);
        Scenario l = s;
        for (var e : ranges.entrySet()) {
            if (e.getValue().hasLikely() && !e.getKey().equals(RATE)) {
                l = InputPaths.byPath(e.getKey()).orElseThrow().write(l, e.getValue().likely());
            }
            if (!InputPaths.isValueInput(e.getKey())) {
                costPaths.add(e.getKey());
            }
        }
        this.likely = l;
    }

    /** The scenario's ranges, plus the hourly rate between the scenario's low and high rate when no range gives it. */
    public static Map<String, Uncertainty.Range> effectiveRanges(Scenario s) {
        Map<String, Uncertainty.Range> r = new LinkedHashMap<>(s.uncertainty().ranges());
        double lo = s.roi().hourlyRateLow();
        double hi = s.roi().hourlyRateHigh();
        if (!r.containsKey(RATE) && hi > lo) {
            r.put(RATE, new Uncertainty.Range(lo, (lo + hi) / 2, hi, Uncertainty.Shape.TRIANGULAR));
        }
        return r;
    }

    /** The scenario with every input at its likely value: what the fast method is exact for. */
    public Scenario likelyScenario() {
        return likely;
    }

    /** Builds the cost curves with the full planner: (1 + inputs x grid) plans. */
    public synchronized void prepare() {
        if (base != null) {
            return;
        }
        Plan p = planner.apply(likely);
        for (Alternative a : p.alternatives()) {
            ids.add(a.id());
            names.put(a.id(), a.name());
            roles.add(a.role());
        }
        base = monthly(p);
        gridX = new double[costPaths.size()][];
        gridY = new double[costPaths.size()][][];
        for (int i = 0; i < costPaths.size(); i++) {
            InputPaths.Input in = InputPaths.byPath(costPaths.get(i)).orElseThrow();
            Uncertainty.Range r = ranges.get(costPaths.get(i));
            double mid = r.likelyOr(in.read(scenario));
            double[] xs = grid(r.low(), mid, r.high(), in.whole());
            double[][] ys = new double[ids.size()][xs.length];
            for (int g = 0; g < xs.length; g++) {
                double[] m = monthly(planner.apply(in.write(likely, xs[g])));
                for (int a = 0; a < ids.size(); a++) {
                    ys[a][g] = m[a];
                }
            }
            gridX[i] = xs;
            gridY[i] = ys;
        }
        mids = new double[costPaths.size()];
        for (int i = 0; i < costPaths.size(); i++) {
            mids[i] = ranges.get(costPaths.get(i)).likelyOr(InputPaths.byPath(costPaths.get(i)).orElseThrow().read(scenario));
        }
        for (int i = 0; i < costPaths.size(); i++) {
            for (int j = i + 1; j < costPaths.size(); j++) {
                addPair(i, j);
            }
        }
    }

    private void addPair(int i, int j) {
        InputPaths.Input a = InputPaths.byPath(costPaths.get(i)).orElseThrow();
        InputPaths.Input b = InputPaths.byPath(costPaths.get(j)).orElseThrow();
        Uncertainty.Range ra = ranges.get(costPaths.get(i));
        Uncertainty.Range rb = ranges.get(costPaths.get(j));
        double[] xa = pairGrid(ra.low(), mids[i], ra.high(), a.whole());
        double[] xb = pairGrid(rb.low(), mids[j], rb.high(), b.whole());
        double[][] corners = new double[4][];
        int k = 0;
        for (double va : new double[] {xa[0], xa[xa.length - 1]}) {
            for (double vb : new double[] {xb[0], xb[xb.length - 1]}) {
                corners[k++] = residual(a, b, i, j, va, vb);
            }
        }
        boolean interacts = false;
        for (int alt = 0; alt < ids.size(); alt++) {
            double inter = corners[3][alt] - corners[2][alt] - corners[1][alt] + corners[0][alt];
            interacts |= Math.abs(inter) >= PAIR_THRESHOLD || Math.abs(corners[0][alt]) >= PAIR_THRESHOLD || Math.abs(corners[3][alt]) >= PAIR_THRESHOLD;
        }
        if (!interacts) {
            return;
        }
        double[][][] r = new double[ids.size()][xa.length][xb.length];
        for (int p = 0; p < xa.length; p++) {
            for (int q = 0; q < xb.length; q++) {
                double[] res = residual(a, b, i, j, xa[p], xb[q]);
                for (int alt = 0; alt < ids.size(); alt++) {
                    r[alt][p][q] = res[alt];
                }
            }
        }
        pairs.add(new PairTerm(i, j, xa, xb, r));
    }

    /** cost(both set) - cost(likely) - the two single-input changes, per alternative. */
    private double[] residual(InputPaths.Input a, InputPaths.Input b, int i, int j, double va, double vb) {
        double[] m = monthly(planner.apply(b.write(a.write(likely, va), vb)));
        double[] out = new double[ids.size()];
        for (int alt = 0; alt < ids.size(); alt++) {
            out[alt] = m[alt] - base[alt] - (interp(gridX[i], gridY[i][alt], va) - base[alt]) - (interp(gridX[j], gridY[j][alt], vb) - base[alt]);
        }
        return out;
    }

    static double[] pairGrid(double lo, double mid, double hi, boolean whole) {
        double[] xs = new double[2 * PAIR_HALF + 1];
        for (int k = 0; k <= PAIR_HALF; k++) {
            xs[k] = lo + (mid - lo) * k / PAIR_HALF;
            xs[PAIR_HALF + k] = mid + (hi - mid) * k / PAIR_HALF;
        }
        if (whole) {
            for (int k = 0; k < xs.length; k++) {
                xs[k] = Math.floor(xs[k] + 0.5);
            }
        }
        return Arrays.stream(xs).distinct().sorted().toArray();
    }

    /** The fast cost of alternative {@code alt} with each cost input at v[i] (NaN = its likely value). */
    private double fastCost(int alt, double[] v) {
        double c = base[alt];
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                c += interp(gridX[i], gridY[i][alt], v[i]) - base[alt];
            }
        }
        for (PairTerm t : pairs) {
            double a = Double.isNaN(v[t.i()]) ? mids[t.i()] : v[t.i()];
            double b = Double.isNaN(v[t.j()]) ? mids[t.j()] : v[t.j()];
            c += bilinear(t.xi(), t.xj(), t.r()[alt], a, b);
        }
        return c;
    }

    private static int cell(double[] xs, double x) {
        if (x <= xs[0]) {
            return 0;
        }
        int n = xs.length;
        if (x >= xs[n - 1]) {
            return n - 2;
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int m = (lo + hi) >>> 1;
            if (xs[m] <= x) {
                lo = m;
            } else {
                hi = m;
            }
        }
        return lo;
    }

    static double bilinear(double[] xa, double[] xb, double[][] r, double a, double b) {
        if (xa.length < 2 || xb.length < 2) {
            return 0;
        }
        int p = cell(xa, a);
        int q = cell(xb, b);
        double ta = Math.max(0, Math.min(1, (a - xa[p]) / (xa[p + 1] - xa[p])));
        double tb = Math.max(0, Math.min(1, (b - xb[q]) / (xb[q + 1] - xb[q])));
        return (1 - ta) * (1 - tb) * r[p][q] + ta * (1 - tb) * r[p + 1][q] + (1 - ta) * tb * r[p][q + 1] + ta * tb * r[p + 1][q + 1];
    }

    static double[] grid(double lo, double mid, double hi, boolean whole) {
        if (whole && hi - lo <= 64) {
            int a = (int) Math.floor(lo + 0.5);
            int b = (int) Math.floor(hi + 0.5);
            double[] xs = new double[b - a + 1];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = a + i;
            }
            return xs;
        }
        double[] xs = new double[GRID + 1];
        int half = GRID / 2;
        for (int i = 0; i <= half; i++) {
            xs[i] = lo + (mid - lo) * i / half;
            xs[half + i] = mid + (hi - mid) * i / half;
        }
        return Arrays.stream(xs).distinct().sorted().toArray();
    }

    private double[] monthly(Plan p) {
        double[] m = new double[ids.size()];
        for (int a = 0; a < ids.size(); a++) {
            String id = ids.get(a);
            m[a] = p.alternative(id).map(x -> x.monthly().toDouble()).orElse(Double.NaN);
        }
        return m;
    }

    private static double interp(double[] xs, double[] ys, double x) {
        if (x <= xs[0]) {
            return ys[0];
        }
        int n = xs.length;
        if (x >= xs[n - 1]) {
            return ys[n - 1];
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t = (x - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] + t * (ys[hi] - ys[lo]);
    }

    /** Draws of every range, in a fixed order, one row per run. */
    private interface Sampler {
        double sample();
    }

    private List<Sampler> samplers(RandomGenerator rng, List<String> paths) {
        List<Sampler> out = new ArrayList<>();
        for (String path : paths) {
            Uncertainty.Range r = ranges.get(path);
            double mid = r.likelyOr(InputPaths.byPath(path).orElseThrow().read(scenario));
            double lo = r.low();
            double hi = r.high();
            if (r.shape() == Uncertainty.Shape.TRIANGULAR) {
                TriangularDistribution d = new TriangularDistribution(rng, lo, mid, hi);
                out.add(d::sample);
            } else {
                double alpha = 1 + 4 * (mid - lo) / (hi - lo);
                double beta = 1 + 4 * (hi - mid) / (hi - lo);
                double[] q = quantileTables.computeIfAbsent(path, k -> pertQuantiles(alpha, beta));
                out.add(() -> lo + (hi - lo) * quantile(q, rng.nextDouble()));
            }
        }
        return out;
    }

    /** Points of the Beta quantile function tabulated for PERT draws. */
    public static final int QUANTILES = 1024;

    /**
     * Commons Math's Beta(alpha, beta) inverse CDF at i / QUANTILES: a PERT draw inverts a uniform
     * draw through it (linear between the points), several times faster than the Beta sampler and
     * within 1e-3 of the range of the exact quantile.
     */
    static double[] pertQuantiles(double alpha, double beta) {
        BetaDistribution d = new BetaDistribution(null, alpha, beta);
        double[] q = new double[QUANTILES + 1];
        for (int i = 0; i <= QUANTILES; i++) {
            q[i] = i == 0 ? 0 : i == QUANTILES ? 1 : d.inverseCumulativeProbability(i / (double) QUANTILES);
        }
        return q;
    }

    static double quantile(double[] q, double u) {
        double x = u * QUANTILES;
        int i = Math.min(QUANTILES - 1, (int) x);
        double t = x - i;
        return q[i] + t * (q[i + 1] - q[i]);
    }

    public Result run(Options o) {
        prepare();
        List<String> paths = new ArrayList<>(ranges.keySet());
        RandomGenerator rng = new Well19937c(o.seed());
        List<Sampler> samplers = samplers(rng, paths);
        int n = o.runs();
        int na = ids.size();
        double[][] cost = new double[na][n];
        double[] roi = new double[n];
        AlternativeModel.Role[] role = new AlternativeModel.Role[na];
        int self = -1;
        int cw = -1;
        for (int a = 0; a < na; a++) {
            role[a] = roles.get(a);
            if (self < 0 && role[a] == AlternativeModel.Role.OWN_STACK) {
                self = a;
            } else if (cw < 0 && role[a] == AlternativeModel.Role.IN_PLACE) {
                cw = a;
            }
        }
        // the self-hosted stack's break-even against every other alternative, and how often it costs less than each Prometheus one
        double[][] be = new double[na][n];
        int[] selfBelow = new int[na];
        int[] costIndex = new int[paths.size()];
        boolean[] whole = new boolean[paths.size()];
        for (int k = 0; k < paths.size(); k++) {
            costIndex[k] = costPaths.indexOf(paths.get(k));
            whole[k] = InputPaths.byPath(paths.get(k)).orElseThrow().whole();
        }
        int hIdx = paths.indexOf("roi.hoursSavedPerWeek");
        int rIdx = paths.indexOf(RATE);
        int oIdx = paths.indexOf("roi.opsHoursPerMonth");
        int sIdx = paths.indexOf("roi.setupHours");
        double rate0 = TimeValue.middleRate(likely.roi());
        double[] x = new double[paths.size()];
        double[] cv = new double[costPaths.size()];
        double baseline = scenario.baseline().highUsd();
        int above = 0;
        for (int run = 0; run < n; run++) {
            for (int k = 0; k < x.length; k++) {
                double v = samplers.get(k).sample();
                x[k] = whole[k] ? Math.floor(v + 0.5) : v;
            }
            if (o.exact()) {
                Scenario s = likely;
                for (int k = 0; k < x.length; k++) {
                    if (costIndex[k] >= 0) {
                        s = InputPaths.byPath(paths.get(k)).orElseThrow().write(s, x[k]);
                    }
                }
                double[] m = monthly(planner.apply(s));
                for (int a = 0; a < na; a++) {
                    cost[a][run] = m[a];
                }
            } else {
                for (int k = 0; k < x.length; k++) {
                    if (costIndex[k] >= 0) {
                        cv[costIndex[k]] = x[k];
                    }
                }
                for (int a = 0; a < na; a++) {
                    cost[a][run] = fastCost(a, cv);
                }
            }
            double hours = hIdx >= 0 ? x[hIdx] : likely.roi().hoursSavedPerWeek();
            double rate = rIdx >= 0 ? x[rIdx] : rate0;
            double ops = oIdx >= 0 ? x[oIdx] : likely.roi().opsHoursPerMonth();
            double setup = sIdx >= 0 ? x[sIdx] : likely.roi().setupHours();
            double selfC = self >= 0 ? cost[self][run] : Double.NaN;
            double value = TimeValue.savedUsdPerMonth(hours, rate);
            double extra = selfC - (cw >= 0 ? cost[cw][run] : 0) + TimeValue.usd(ops, rate);
            roi[run] = extra > 0 ? (value - extra) / extra * 100 : Double.POSITIVE_INFINITY;
            double opsUsd = TimeValue.usd(ops, rate);
            for (int a = 0; a < na; a++) {
                if (a == self || self < 0) {
                    continue;
                }
                if (role[a] == AlternativeModel.Role.IN_PLACE) {
                    // against what is in place: the time saved pays for the set-up and the extra cost
                    double net = value - (selfC - cost[a][run] + opsUsd);
                    be[a][run] = net > 0 ? Math.ceil(TimeValue.usd(setup, rate) / net) : Double.POSITIVE_INFINITY;
                    continue;
                }
                // against another Prometheus alternative, cost alone (both save the same time); a self-hosted one carries the same running hours
                double otherOps = role[a] == AlternativeModel.Role.OWN_STACK ? opsUsd : 0;
                double oneOffDiff = TimeValue.usd(setup, rate) * (1 - (role[a] == AlternativeModel.Role.MANAGED ? Tco.MANAGED_SETUP_SHARE : 1));
                double monthlyGain = cost[a][run] + otherOps - selfC - opsUsd;
                be[a][run] = oneOffDiff <= 0 ? 0 : monthlyGain > 0 ? Math.ceil(oneOffDiff / monthlyGain) : Double.POSITIVE_INFINITY;
                // One basis with the decision and the TCO: the bill plus the self-hosted stack's running hours at the
                // drawn hourly rate (the managed services have none of their own).
                if (selfC + opsUsd < cost[a][run] + otherOps) {
                    selfBelow[a]++;
                }
            }
            if (baseline > 0 && selfC > baseline) {
                above++;
            }
        }
        Map<String, Stats> monthly = new LinkedHashMap<>();
        Map<String, double[]> samples = new LinkedHashMap<>();
        for (int a = 0; a < na; a++) {
            monthly.put(ids.get(a), stats(cost[a]));
            samples.put(ids.get(a), cost[a]);
        }
        samples.put("roi", roi);
        Map<String, AlternativeModel.Role> roleById = new LinkedHashMap<>();
        for (int a = 0; a < na; a++) {
            roleById.put(ids.get(a), role[a]);
        }
        Map<String, Stats> breakEvens = new LinkedHashMap<>();
        Map<String, Double> below = new LinkedHashMap<>();
        for (int a = 0; a < na && self >= 0; a++) {
            if (a != self) {
                breakEvens.put(ids.get(a), stats(be[a]));
                if (role[a] != AlternativeModel.Role.IN_PLACE) {
                    below.put(ids.get(a), selfBelow[a] / (double) n);
                }
            }
        }
        return new Result(scenario.name().text(), n, o.seed(), o.exact() ? "exact: the full planner for every draw"
                : "fast: per-input cost curves from the full planner, added up (exact at the likely values)", ranges, names, roleById, monthly,
                stats(roi), breakEvens, baseline, baseline > 0 ? above / (double) n : Double.NaN, below, samples);
    }

    /** The fast method's monthly cost of each alternative (by id) with some inputs set; the others at their likely values. */
    public Map<String, Double> evaluate(Map<String, Double> values) {
        prepare();
        Map<String, Double> out = new LinkedHashMap<>();
        double[] v = new double[costPaths.size()];
        Arrays.fill(v, Double.NaN);
        for (var e : values.entrySet()) {
            int i = costPaths.indexOf(e.getKey());
            if (i >= 0) {
                v[i] = InputPaths.byPath(e.getKey()).orElseThrow().whole() ? Math.floor(e.getValue() + 0.5) : e.getValue();
            }
        }
        for (int a = 0; a < ids.size(); a++) {
            out.put(ids.get(a), fastCost(a, v));
        }
        return out;
    }

    /** Largest difference (USD a month, any alternative) between the fast and the exact method on the same draws. */
    public double check(int runs, long seed) {
        Result fast = run(new Options(runs, seed, false));
        Result exact = run(new Options(runs, seed, true));
        double max = 0;
        for (String id : ids) {
            double[] f = fast.samples().get(id);
            double[] e = exact.samples().get(id);
            for (int i = 0; i < runs; i++) {
                max = Math.max(max, Math.abs(f[i] - e[i]));
            }
        }
        return max;
    }

    public static Stats stats(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double sum = 0;
        int finite = 0;
        for (double d : s) {
            if (Double.isFinite(d)) {
                sum += d;
                finite++;
            }
        }
        return new Stats(pct(s, 0.10), pct(s, 0.50), pct(s, 0.90), finite == 0 ? Double.NaN : sum / finite, s[0], s[s.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
