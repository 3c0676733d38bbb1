package io.promplan.render;

import io.promplan.core.baseline.BaselineRow;
import io.promplan.core.analysis.Decision;
import io.promplan.core.analysis.MonteCarlo;
import io.promplan.core.analysis.Sensitivity;
import io.promplan.core.analysis.Sweep;
import io.promplan.core.analysis.Tco;
import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.AlternativeModel;
import io.promplan.core.cost.AlternativeRegistry;
import io.promplan.core.plan.Plan;
import io.promplan.core.sizing.Num;
import io.promplan.core.workload.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The decision outputs as tables (text, CSV, Markdown share them), in English or Korean. */
public final class DecisionTables {
    private DecisionTables() {
    }

    public static String usd(double d) {
        if (Double.isNaN(d)) {
            return "-";
        }
        return Words.usdText(BigDecimal.valueOf(d));
    }

    /** An amount in the reader's money format: the command line's "$148.30" in English, "US$148.30" in Korean. */
    public static String money(io.promplan.core.money.Money m, Labels l) {
        return Words.of(l.lang()).money(m);
    }

    /** {@link #usd(double)} in the reader's money format. */
    public static String usd(double d, Labels l) {
        if (l.lang() == Labels.Lang.EN || Double.isNaN(d)) {
            return usd(d);
        }
        return money(io.promplan.core.money.Money.usd(BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP)), l);
    }

    /**
     * An input's name for a table: the scenario file's path in English (the command line's columns), the
     * input's label in Korean ({@code input.<path>} of the labels).
     */
    public static String inputName(String path, Labels l) {
        return l.lang() == Labels.Lang.EN ? path : inputLabel(path, l);
    }

    /** An input's label ("services' logs (GB/month)"), for charts and the app; the path when it has none. */
    public static String inputLabel(String path, Labels l) {
        return l.has("input." + path) ? l.t("input." + path) : path;
    }

    public static String pct(double d, Labels l) {
        if (Double.isInfinite(d)) {
            return l.t("na");
        }
        return Double.isNaN(d) ? "-" : BigDecimal.valueOf(d).setScale(0, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /** The ROI range, or why there is none: no extra cost, or one so near zero that a percent means nothing. */
    public static String roiRange(io.promplan.core.baseline.Roi r, Labels l) {
        if (r.extraMonthly().high().amount().signum() <= 0) {
            return l.t("na");
        }
        if (!r.percentMeaningful()) {
            String lo = usd(r.extraMonthly().low().toDouble(), l);
            String hi = usd(r.extraMonthly().high().toDouble(), l);
            return l.t("roi.notMeaningfulShort", lo.equals(hi) ? lo : lo + " - " + hi);
        }
        return pct(nz(r.roiPercentLow()), l) + " .. " + pct(nz(r.roiPercentHigh()), l);
    }

    /** Months above this are shown as "> 120": a break-even ten years out is no break-even for a budget. */
    public static final int MONTHS_SHOWN = 120;

    public static String months(double d, Labels l) {
        if (Double.isInfinite(d)) {
            return l.t("never");
        }
        if (d > MONTHS_SHOWN) {
            return l.t("over", MONTHS_SHOWN);
        }
        return Double.isNaN(d) ? "-" : String.valueOf((long) Math.ceil(d));
    }

    /** An alternative in a column header: its id in English (the command line's columns), its short name in Korean. */
    static String column(String id, Labels l) {
        return l.lang() == Labels.Lang.EN ? id : shortName(id, l);
    }

    /** The short name of an alternative ("자체 호스팅"), for narrow columns. */
    public static String shortName(String id, Labels l) {
        String k = nameKey(id);
        return l.has("short." + k) ? l.t("short." + k) : name(id, id, l);
    }

    public static String name(String id, String fallback, Labels l) {
        String k = nameKey(id);
        return l.has(k) ? l.t(k) : fallback;
    }

    /** The bundle key of an alternative's name: its model's, else the id. */
    static String nameKey(String id) {
        return AlternativeRegistry.byId(id).map(AlternativeModel::nameKey).orElse(id);
    }

    public static Table alternatives(Decision d, Labels l) {
        int h = d.tco().options().months();
        Table.Builder b = new Table.Builder("alternatives", l.t("alternatives"), l.t("col.alternative"), l.t("col.monthly"), l.t("col.yearly"),
                l.t("col.tcoN", Math.min(12, h)), l.t("col.tcoN", h), l.t("col.range"), l.t("col.complete")).right(1, 2, 3, 4, 5);
        for (Alternative a : d.plan().alternatives()) {
            Tco.Line t = d.tco().line(a.id());
            MonteCarlo.Stats s = d.simulation().monthly().get(a.id());
            b.row(name(a.id(), a.name(), l) + (a.id().equals(d.recommendedId()) ? " *" : ""), money(a.monthly(), l), money(a.monthly().times(12).rounded(), l),
                    usd(t.totalAt(Math.min(12, h)), l), usd(t.totalAt(h), l), s == null || !d.costRangesGiven() ? "-" : usd(s.p10(), l) + "-" + usd(s.p90(), l),
                    a.complete() ? l.t("yes") : l.t("no"));
        }
        rangeNotes(d, l).forEach(b::note);
        return b.build();
    }

    /**
     * What the P10-P90 column is: the simulation's, the point figures at the likely values; when a point figure lies
     * outside its own P10-P90, the inputs whose likely value sits at one end of their range say why; with no range of a
     * cost input, that the figures are point figures.
     */
    public static List<String> rangeNotes(Decision d, Labels l) {
        if (!d.costRangesGiven()) {
            return List.of(l.t("range.none"));
        }
        List<String> out = new ArrayList<>();
        out.add(l.t("range.note", String.format(java.util.Locale.ROOT, "%,d", d.simulation().runs())));
        List<String> outside = new ArrayList<>();
        for (Alternative a : d.plan().alternatives()) {
            MonteCarlo.Stats st = d.simulation().monthly().get(a.id());
            double m = a.monthly().toDouble();
            if (st != null && (m < round2(st.p10()) || m > round2(st.p90()))) {
                outside.add(name(a.id(), a.name(), l));
            }
        }
        List<List<String>> one = d.oneSidedRanges();
        if (!outside.isEmpty() && !one.isEmpty()) {
            out.add(l.t("range.outside", String.join(", ", outside), String.join("; ", one.stream()
                    .map(x -> l.t("range.oneSided", inputLabel(x.get(0), l), x.get(2), x.get(1), x.get(3))).toList())));
        }
        return out;
    }

    static double round2(double d) {
        return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    public static Table baseline(Decision d, Labels l) {
        Table.Builder b = new Table.Builder("baseline", l.t("baseline"), l.t("col.planLine"), l.t("col.plan"), l.t("col.computed"), l.t("col.delta"), l.t("col.why"))
                .right(1, 2, 3);
        if (d.plan().baseline() == null) {
            return b.build();
        }
        List<BaselineRow> rows = new ArrayList<>(d.plan().baseline().rows());
        Words w = Words.of(l.lang());
        for (BaselineRow r : rows) {
            String plan = r.kind() == BaselineRow.Kind.NOT_IN_PLAN ? "-" : r.planLow().equals(r.planHigh()) ? money(r.planLow(), l) : money(r.planLow(), l) + "-" + money(r.planHigh(), l);
            b.row(w.rowName(r), plan, money(r.computed(), l), w.signedMoney(r.delta()), w.reasons(r));
        }
        var bc = d.plan().baseline();
        if (!rows.isEmpty()) {
            b.row(l.t("total"), bc.planLow().equals(bc.planHigh()) ? money(bc.planLow(), l) : money(bc.planLow(), l) + "-" + money(bc.planHigh(), l),
                    money(bc.computed(), l), w.signedMoney(bc.delta()), w.summary(bc));
        }
        return b.build();
    }

    public static Table roi(Decision d, Labels l) {
        Plan p = d.plan();
        Scenario s = d.scenario();
        Table.Builder b = new Table.Builder("roi", l.t("roi"), l.t("col.figure"), l.t("col.value")).right(1);
        b.row(l.t("roi.range", Num.fmt(s.roi().hourlyRateLow()), Num.fmt(s.roi().hourlyRateHigh())),
                roiRange(p.roi(), l));
        var net = p.roi();
        if (net.breakEvenHours().isPresent() && net.extraMonthly().high().amount().signum() > 0) {
            b.row(l.t("roi.breakEvenHours"), Words.breakEvenHours(net).orElseThrow() + " h (" + Num.fmt(Num.round(net.hoursSavedPerMonth(), 1)) + " h)");
        }
        b.row(l.t("roi.net"), usd(net.valueMonthly().low().minus(net.extraMonthly().low()).toDouble(), l) + " .. "
                + usd(net.valueMonthly().high().minus(net.extraMonthly().high()).toDouble(), l));
        MonteCarlo.Result mc = d.simulation();
        b.row(l.t("roi.sim"), simPct(mc.roiPercent().p10(), l) + " / " + simPct(mc.roiPercent().p50(), l) + " / " + simPct(mc.roiPercent().p90(), l));
        b.row(l.t("be.cw"), d.tco().breakEvenVsCloudwatch() == null ? l.t("within", d.tco().options().months()) : String.valueOf(d.tco().breakEvenVsCloudwatch()));
        b.row(l.t("be.cw.sim"), months(mc.breakEvenVsCloudwatch().p10(), l) + " / " + months(mc.breakEvenVsCloudwatch().p50(), l) + " / "
                + months(mc.breakEvenVsCloudwatch().p90(), l));
        b.row(l.t("be.mg"), d.tco().breakEvenVsManaged() == null ? l.t("within", d.tco().options().months()) : String.valueOf(d.tco().breakEvenVsManaged()));
        if (!Double.isNaN(mc.probabilitySelfBelowManaged()) && d.costRangesGiven()) {
            b.row(l.t("p.selfBelow"), BigDecimal.valueOf(mc.probabilitySelfBelowManaged() * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %");
        }
        if (!Double.isNaN(mc.probabilityAboveBaseline()) && d.costRangesGiven()) {
            b.row(l.t("p.over", usd(mc.baselineHighUsd(), l)), BigDecimal.valueOf(mc.probabilityAboveBaseline() * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %");
        }
        roiNote(d, l).ifPresent(b::note);
        return b.build();
    }

    /** A simulated ROI percentile: "n/a" where the run has no extra cost (the row's label says so). */
    static String simPct(double d, Labels l) {
        return Double.isInfinite(d) ? l.t("roi.simNa") : pct(d, l);
    }

    /**
     * What the ROI's extra cost counts, and why the point and the simulation disagree on it: where the point ROI has an
     * extra cost and some simulated percentile has none.
     */
    public static java.util.Optional<String> roiNote(Decision d, Labels l) {
        var cw = d.plan().cloudwatchOnly();
        MonteCarlo.Stats s = d.simulation().monthly().get(cw.id());
        MonteCarlo.Stats roi = d.simulation().roiPercent();
        boolean pointHasExtra = d.plan().roi().extraMonthly().high().amount().signum() > 0;
        boolean runsWithout = Double.isInfinite(roi.p10()) || Double.isInfinite(roi.p50()) || Double.isInfinite(roi.p90());
        // only where the point ROI has an extra cost and simulated percentiles have none: the two must be told apart
        if (s == null || !d.costRangesGiven() || !pointHasExtra || !runsWithout) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(l.t("roi.note", money(cw.monthly(), l), usd(s.p10(), l), usd(s.p90(), l)));
    }

    private static double nz(Double d) {
        return d == null ? Double.POSITIVE_INFINITY : d;
    }

    /** TCO at each year's end (and the horizon), per alternative. */
    public static Table tcoYears(Tco.Result t, Labels l) {
        List<String> h = new ArrayList<>(List.of(l.t("col.month"), l.t("col.services")));
        for (Tco.Line x : t.lines()) {
            h.add(name(x.id(), x.name(), l));
        }
        Table.Builder b = new Table.Builder("tco", l.t("tco"), h.toArray(String[]::new)).right(0, 1);
        for (int i = 2; i < h.size(); i++) {
            b.right(i);
        }
        List<Object> one = new ArrayList<>(List.of(l.t("col.oneOff"), ""));
        t.lines().forEach(x -> one.add(usd(x.oneOffUsd(), l)));
        b.row(one.toArray());
        List<Integer> marks = new ArrayList<>();
        for (int m = 12; m <= t.options().months(); m += 12) {
            marks.add(m);
        }
        if (marks.isEmpty() || marks.get(marks.size() - 1) != t.options().months()) {
            marks.add(t.options().months());
        }
        for (int m : marks) {
            List<Object> r = new ArrayList<>(List.of(m, t.servicesByMonth().get(m - 1)));
            t.lines().forEach(x -> r.add(usd(x.totalAt(m), l)));
            b.row(r.toArray());
        }
        tcoNotes(t, l).forEach(b::note);
        return b.build();
    }

    /** What the TCO assumes, in the reader's language. */
    public static List<String> tcoNotes(Tco.Result t, Labels l) {
        var g = t.options().growth();
        String counts = g.steps().stream().map(x -> String.valueOf(x.services())).collect(java.util.stream.Collectors.joining(" -> "));
        String months = g.steps().stream().map(x -> x.fromMonth() + ": " + x.services()).collect(java.util.stream.Collectors.joining(", "));
        var roi = t.roi();
        return List.of(l.t("a.growth", counts, months), l.t("a.scaling"),
                l.t("tco.rate", Num.fmt(t.hourlyRate()), Num.fmt(roi.hourlyRateLow()), Num.fmt(roi.hourlyRateHigh())),
                l.t("tco.oneoff", Num.fmt(t.options().managedSetupShare() * 100)),
                l.t("tco.ops", Num.fmt(roi.opsHoursPerMonth())),
                l.t("a.storage"),
                l.t("tco.breakeven", Num.fmt(roi.hoursSavedPerWeek())));
    }

    /** Month by month: services, each alternative's bill and cumulative cost. */
    public static Table tcoMonthly(Tco.Result t, Labels l) {
        List<String> h = new ArrayList<>(List.of(l.t("col.month"), l.t("col.services")));
        for (Tco.Line x : t.lines()) {
            h.add(column(x.id(), l) + " " + l.t("col.monthly"));
            h.add(column(x.id(), l) + " TCO");
        }
        Table.Builder b = new Table.Builder("tco-monthly", l.t("tco"), h.toArray(String[]::new));
        for (int i = 0; i < h.size(); i++) {
            b.right(i);
        }
        for (int m = 1; m <= t.options().months(); m++) {
            List<Object> r = new ArrayList<>(List.of(m, t.servicesByMonth().get(m - 1)));
            for (Tco.Line x : t.lines()) {
                r.add(usd(x.monthlyUsd().get(m - 1), l));
                r.add(usd(x.totalAt(m), l));
            }
            b.row(r.toArray());
        }
        return b.build();
    }

    public static Table tornado(Sensitivity.Result s, Labels l) {
        Table.Builder b = new Table.Builder("tornado", l.t("tornado"), l.t("col.input"), l.t("col.low"), l.t("col.high"), l.t("col.monthlyLow"),
                l.t("col.monthlyHigh"), l.t("col.roiLow"), l.t("col.roiHigh")).right(1, 2, 3, 4, 5, 6);
        for (Sensitivity.Bar x : s.byMonthly()) {
            b.row(inputName(x.path(), l), Num.fmt(x.low()), Num.fmt(x.high()), usd(x.monthlyAtLow(), l), usd(x.monthlyAtHigh(), l), pct(x.roiAtLow(), l), pct(x.roiAtHigh(), l));
        }
        if (s.byMonthly().stream().noneMatch(x -> x.monthlySwing() >= 0.005)) {
            b.note(l.t("tornado.flat"));
        }
        return b.build();
    }

    public static Table simulation(MonteCarlo.Result r, Labels l) {
        Table.Builder b = new Table.Builder("simulation", l.t("simulation"), l.t("col.figure"), "P10", "P50", "P90", l.t("col.mean")).right(1, 2, 3, 4);
        r.monthly().forEach((id, s) -> b.row(name(id, r.names().get(id), l) + " (" + l.t("col.monthly") + ")", usd(s.p10(), l), usd(s.p50(), l), usd(s.p90(), l), usd(s.mean(), l)));
        MonteCarlo.Stats roi = r.roiPercent();
        b.row("ROI", pct(roi.p10(), l), pct(roi.p50(), l), pct(roi.p90(), l), pct(roi.mean(), l));
        MonteCarlo.Stats be = r.breakEvenVsCloudwatch();
        b.row(l.t("be.cw"), months(be.p10(), l), months(be.p50(), l), months(be.p90(), l), "");
        MonteCarlo.Stats bm = r.breakEvenVsManaged();
        if (!Double.isNaN(bm.p50())) {
            b.row(l.t("be.mg"), months(bm.p10(), l), months(bm.p50(), l), months(bm.p90(), l), "");
        }
        boolean costRanges = r.ranges().keySet().stream().anyMatch(k -> !io.promplan.core.analysis.InputPaths.isValueInput(k));
        if (!costRanges) {
            b.note(l.t("sim.pointOnly"));
        }
        if (!Double.isNaN(r.probabilitySelfBelowManaged()) && costRanges) {
            b.note(l.t("p.selfBelow") + ": " + BigDecimal.valueOf(r.probabilitySelfBelowManaged() * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %");
        }
        if (!Double.isNaN(r.probabilityAboveBaseline())) {
            b.note(l.t("p.over", usd(r.baselineHighUsd(), l)) + ": " + BigDecimal.valueOf(r.probabilityAboveBaseline() * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %");
        }
        if (l.lang() == Labels.Lang.EN) {
            b.note("runs " + r.runs() + ", seed " + r.seed() + "; " + r.method());
            r.ranges().forEach((k, v) -> b.note(k + ": " + Num.fmt(v.low()) + " / " + (v.hasLikely() ? Num.fmt(v.likely()) : "(scenario)") + " / "
                    + Num.fmt(v.high()) + " " + v.shape().key()));
        } else {
            b.note(l.t("sim.runs", r.runs(), r.seed(), l.t(r.method().startsWith("exact") ? "sim.exact" : "sim.fast")));
            r.ranges().forEach((k, v) -> b.note(l.t("sim.range", inputName(k, l), Num.fmt(v.low()), v.hasLikely() ? Num.fmt(v.likely()) : l.t("sim.scenarioValue"),
                    Num.fmt(v.high()), l.t("shape." + v.shape().key()))));
        }
        return b.build();
    }

    static boolean byServices(Sweep.Result r) {
        return r.input().equals(Sweep.SERVICES);
    }

    public static Table sweep(Sweep.Result r, Labels l) {
        boolean services = byServices(r);
        List<String> h = new ArrayList<>();
        if (!services) {
            h.add(inputName(r.input(), l));
        }
        h.add(l.t("col.services"));
        h.add(l.t("col.series"));
        r.names().forEach((id, n) -> h.add(name(id, n, l)));
        Table.Builder b = new Table.Builder(services ? "sweep" : "sweep-" + r.input(), services ? l.t("sweep") : l.t("sweep.input", inputName(r.input(), l)), h.toArray(String[]::new));
        for (int i = 0; i < h.size(); i++) {
            b.right(i);
        }
        for (Sweep.Point p : r.points()) {
            List<Object> row = new ArrayList<>();
            if (!services) {
                row.add(Num.fmt(p.x()));
            }
            row.add(p.services());
            row.add(p.activeSeries());
            r.names().keySet().forEach(id -> row.add(usd(p.monthlyUsd().get(id), l)));
            b.row(row.toArray());
        }
        crossingNotes(r, l).forEach(b::note);
        b.note(l.lang() == Labels.Lang.EN ? "scaling: " + r.scalingRule() : l.t("a.scaling"));
        return b.build();
    }

    /** Every crossing of a sweep on the AWS bill alone (what the sweep's table and chart show), each labelled with that basis. */
    public static List<String> crossingNotes(Sweep.Result r, Labels l) {
        List<String> out = new ArrayList<>();
        List<String> ids = new ArrayList<>(r.names().keySet());
        if (r.points().isEmpty()) {
            return out;
        }
        boolean services = byServices(r);
        String from = Num.fmt(r.points().get(0).x());
        String to = Num.fmt(r.points().get(r.points().size() - 1).x());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i);
                String c = ids.get(j);
                List<Sweep.Crossing> cs = r.crossings().stream().filter(x -> x.a().equals(a) && x.b().equals(c)).toList();
                String na = name(a, r.names().get(a), l);
                String nc = name(c, r.names().get(c), l);
                if (cs.isEmpty()) {
                    Map<String, Double> m = r.points().get(0).monthlyUsd();
                    String cheaper = m.get(a) <= m.get(c) ? a : c;
                    out.add(services ? l.t("nocrossing", na, nc, from, to, name(cheaper, r.names().get(cheaper), l))
                            : l.t("nocrossing.input", na, nc, inputName(r.input(), l), from, to, name(cheaper, r.names().get(cheaper), l)));
                }
                for (Sweep.Crossing x : cs) {
                    String before = name(x.cheaperBefore(), r.names().get(x.cheaperBefore()), l);
                    String after = x.cheaperAfter().equals("equal") ? "=" : name(x.cheaperAfter(), r.names().get(x.cheaperAfter()), l);
                    out.add(services ? l.t("crossing", na, nc, x.services(), Labels.count(x.activeSeries()), before, after)
                            : l.t("crossing.input", na, nc, inputName(r.input(), l), Num.fmt(x.x()), Labels.count(x.activeSeries()), before, after));
                }
            }
        }
        return out;
    }

    /**
     * The crossings of the two Prometheus options (the self-hosted stack and the managed services), one line for the service
     * count and one for the series per metric name, each with both bases labelled: the decision's (the bill plus the
     * self-hosted stack's running hours), where "cheaper" means what the recommendation means, then the AWS bill alone.
     */
    public static List<String> promCrossingNotes(Decision d, Labels l) {
        String self = d.plan().selfHosted().id();
        String managed = d.plan().alternatives().stream().filter(Alternative::isManaged).map(Alternative::id).findFirst().orElse(null);
        if (managed == null) {
            return List.of();
        }
        String ops = usd(d.selfHostedHoursUsd(), l);
        List<String> out = new ArrayList<>();
        promCrossing(d.sweepOnDecisionBasis(), d.sweep(), self, managed, ops, l).ifPresent(out::add);
        promCrossing(d.seriesSweepOnDecisionBasis(), d.seriesSweep(), self, managed, ops, l).ifPresent(out::add);
        return out;
    }

    private static java.util.Optional<String> promCrossing(Sweep.Result onBasis, Sweep.Result bill, String a, String b, String ops, Labels l) {
        if (onBasis.points().isEmpty() || onBasis.points().stream().anyMatch(p -> !p.monthlyUsd().containsKey(a) || !p.monthlyUsd().containsKey(b))) {
            return java.util.Optional.empty();
        }
        boolean services = byServices(onBasis);
        String from = Num.fmt(onBasis.points().get(0).x());
        String to = Num.fmt(onBasis.points().get(onBasis.points().size() - 1).x());
        String na = shortName(a, l);
        String nb = shortName(b, l);
        String head = services ? l.t("pc.head.services", na, nb) : l.t("pc.head.input", na, nb, inputName(onBasis.input(), l));
        var x = onBasis.crossing(a, b);
        String decision;
        if (x.isPresent()) {
            Sweep.Crossing c = x.get();
            String after = c.cheaperAfter().equals("equal") ? "=" : shortName(c.cheaperAfter(), l);
            decision = l.t("pc.ops.cross", ops, at(c, services, onBasis, l), Labels.count(c.activeSeries()), shortName(c.cheaperBefore(), l), after);
        } else {
            Map<String, Double> m = onBasis.points().get(0).monthlyUsd();
            decision = l.t("pc.ops.none", ops, from, to, shortName(m.get(a) <= m.get(b) ? a : b, l));
        }
        var y = bill.crossing(a, b);
        String billOnly = y.isPresent() ? l.t("pc.bill.cross", at(y.get(), services, bill, l), Labels.count(y.get().activeSeries())) : l.t("pc.bill.none", from, to);
        return java.util.Optional.of(l.t("pc.line", head, decision, billOnly));
    }

    /** Where a crossing is: "44 services", or "series per metric name 10". */
    private static String at(Sweep.Crossing c, boolean services, Sweep.Result r, Labels l) {
        return services ? l.t("pc.at.services", c.services()) : l.t("pc.at.input", inputName(r.input(), l), Num.fmt(c.x()));
    }

    public static List<String> risks(Decision d, Labels l) {
        List<String> out = new ArrayList<>();
        Words w = Words.of(l.lang());
        for (Decision.Risk r : d.risks()) {
            out.add(risk(d, r, l, w));
        }
        return out;
    }

    /** One risk in the reader's language: money in the reader's format, inputs by their label, pinned sizes by their warnings. */
    public static String risk(Decision d, Decision.Risk r, Labels l, Words w) {
        String key = "risk." + r.kind().name();
        return switch (r.kind()) {
            case EFS -> l.t(key);
            case MISSING_PRICES, ASSUMED_PRICES -> l.t(key, String.join(", ", r.args()));
            case UNCERTAINTY -> l.t(key, w.moneyArg(r.args().get(0)), w.moneyArg(r.args().get(1)),
                    r.args().get(2).isEmpty() ? l.t("risk.noMover") : inputLabel(r.args().get(2), l));
            case NO_RANGES -> l.t(key);
            case OVER_BUDGET -> l.t(key, r.args().get(0), w.moneyArg(r.args().get(1)));
            case PINNED_TOO_SMALL -> l.t(key, String.join(" ", d.plan().warnings().stream()
                    .filter(x -> x.kind() == io.promplan.core.plan.Warning.Kind.PIN_BELOW_NEED || x.kind() == io.promplan.core.plan.Warning.Kind.PIN_RAISED)
                    .map(w::warning).toList()));
        };
    }

    public static String recommendation(Decision d, Labels l) {
        List<String> parts = recommendationParts(d, l);
        StringBuilder text = new StringBuilder(parts.get(0));
        parts.subList(1, parts.size()).forEach(x -> text.append(' ').append(x));
        return text.toString();
    }

    /**
     * The recommendation in parts: the verdict itself first, then its basis (the simulation's majority, the likely
     * values, the TCO), where it turns and the pinned stack, each a sentence or two of its own.
     */
    public static List<String> recommendationParts(Decision d, Labels l) {
        String id = d.recommendedId();
        var a = d.plan().alternative(id).orElseThrow();
        var cwAlt = d.plan().cloudwatchOnly();
        List<String> out = new ArrayList<>();
        if (d.basis() == Decision.Basis.INCOMPLETE_PRICES) {
            out.add(l.t("rec.incomplete", String.join(", ", d.plan().missingPrices().stream().map(p -> p.price().id().id()).toList())));
            return out;
        }
        if (d.basis() == Decision.Basis.NO_POSITIVE_ROI) {
            out.add(l.t("rec.none", money(a.monthly(), l), pct(d.recommendedRoiPercent(), l)));
            return out;
        }
        int h = d.tco().options().months();
        if (d.basis() == Decision.Basis.CHEAPER_THAN_CLOUDWATCH_ONLY) {
            out.add(l.t("rec.cheaperThanCw", name(id, a.name(), l), money(a.monthly(), l), money(a.monthly().times(12).rounded(), l), money(cwAlt.monthly(), l)));
        } else {
            var roi = d.plan().roi();
            out.add(l.t("rec.value", name(id, a.name(), l), money(a.monthly(), l), money(a.monthly().times(12).rounded(), l), money(cwAlt.monthly(), l),
                    money(roi.valueMonthly().low().minus(roi.extraMonthly().low()).rounded(), l), usd(d.tco().line(id).opsUsdPerMonth(), l)));
        }
        // the other Prometheus alternative the simulation weighed it against
        var otherAlt = a.isManaged() ? java.util.Optional.of(d.plan().selfHosted())
                : d.plan().alternatives().stream().filter(Alternative::isManaged).findFirst();
        String other = otherAlt.map(Alternative::id).orElse("");
        if (!Double.isNaN(d.probabilityRecommendedCheaper()) && otherAlt.isPresent()) {
            double mine = d.monthlyWithOps(id);
            double theirs = d.monthlyWithOps(other);
            String basis = l.t("rec.basisSim", usd(d.tco().line(d.plan().selfHosted().id()).opsUsdPerMonth(), l), name(other, otherAlt.get().name(), l),
                    String.valueOf(Math.round(d.probabilityRecommendedCheaper() * 100)), String.format(java.util.Locale.ROOT, "%,d", d.simulation().runs()),
                    usd(mine, l), usd(theirs, l), h, usd(d.tco().line(id).totalAt(h), l), usd(d.tco().line(other).totalAt(h), l)).trim();
            if (theirs < mine) {
                basis += " " + l.t("rec.likelyDisagrees", name(other, otherAlt.get().name(), l), usd(mine - theirs, l)).trim();
            }
            out.add(basis);
        } else if (!d.costRangesGiven() && otherAlt.isPresent()) {
            // no ranges: the point figures on the decision's basis, and no share of simulated runs claimed
            out.add(l.t("rec.basisPoint", usd(d.selfHostedHoursUsd(), l), usd(d.monthlyWithOps(id), l), usd(d.monthlyWithOps(other), l),
                    name(other, otherAlt.get().name(), l), h, usd(d.tco().line(id).totalAt(h), l), usd(d.tco().line(other).totalAt(h), l)).trim());
        }
        // the basis once: in full unless the sentence before has just said it
        String onBasis = l.t(out.size() > 1 ? "basis.same" : "basis.short");
        for (Decision.Flip f : d.flips()) {
            String x = switch (f.kind()) {
                case SERVICES -> l.t("rec.flip.services", f.args().get(0), Labels.count(f.args().get(1)), onBasis);
                case SERIES_PER_METRIC -> l.t("rec.flip.series", f.args().get(0), Labels.count(f.args().get(1)), onBasis);
                case NO_CROSSING -> l.t("rec.flip.none", onBasis, f.args().get(0), f.args().get(1));
                case SERVICES_VS_CLOUDWATCH_ONLY -> l.t("rec.flip.cw", f.args().get(0), onBasis);
                case HOURS_SAVED -> l.t("rec.flip.hours", f.args().get(0));
            };
            out.add(x.trim());
        }
        d.plan().asPinned().ifPresent(p -> out.add(l.t("rec.pinned", money(p.monthly(), l)).trim()));
        return out;
    }

    public static List<String> assumptions(Decision d, Labels l) {
        Scenario s = d.scenario();
        var w = s.workload();
        var sz = d.plan().sizing();
        List<String> out = new ArrayList<>();
        out.add(l.t("a.workload", w.serviceCount(), Labels.count(sz.activeSeries()), Num.fmt(sz.samplesPerSecond()), w.scrapeInterval().text(), w.retention().text(),
                w.storage().backend().name().toLowerCase(java.util.Locale.ROOT)));
        out.add(l.t("a.roi", Num.fmt(s.roi().hoursSavedPerWeek()), Num.fmt(s.roi().hourlyRateLow()), Num.fmt(s.roi().hourlyRateHigh()),
                Num.fmt(s.roi().opsHoursPerMonth()), Num.fmt(s.roi().setupHours())));
        out.add(l.t("a.sim", d.simulation().runs(), d.simulation().seed(), d.simulation().ranges().size(), String.join(", ", d.simulation().ranges().keySet().stream().map(k -> inputName(k, l)).toList())));
        out.add(l.t("a.managed"));
        Tco.Result t = d.tco();
        var steps = t.options().growth().steps();
        String counts = steps.stream().map(x -> String.valueOf(x.services())).collect(java.util.stream.Collectors.joining(" -> "));
        String months = steps.stream().map(x -> x.fromMonth() + ": " + x.services()).collect(java.util.stream.Collectors.joining(", "));
        out.add(l.t("a.growth", counts, months));
        out.add(l.t("a.scaling"));
        out.add(l.t("a.oneoff", Num.fmt(t.hourlyRate()), Num.fmt(s.roi().setupHours() + t.options().migrationHours()),
                Num.fmt(s.roi().setupHours() * t.options().managedSetupShare() + t.options().migrationHours())));
        out.add(l.t("a.storage"));
        out.add(l.t("a.breakeven"));
        return out;
    }

    /**
     * The computed stack against the plan's range, the one headline definition: above its high end, below its low end, or
     * within ({@link io.promplan.core.baseline.BaselineComparison#outsideRange()}).
     */
    public static String budgetGap(io.promplan.core.baseline.BaselineComparison b, Labels l) {
        var g = b.outsideRange();
        if (g.amount().signum() > 0) {
            return l.t("gap.short.above", money(g, l));
        }
        if (g.amount().signum() < 0) {
            return l.t("gap.short.below", money(g.negate(), l));
        }
        return l.t("gap.short.within");
    }

    /** The full sentence: the gap against the range, and the labelled difference against its middle (the lines' sum). */
    public static String budgetGapSentence(io.promplan.core.baseline.BaselineComparison b, Labels l) {
        var g = b.outsideRange();
        String mid = Words.of(l.lang()).signedMoney(b.delta());
        if (g.amount().signum() > 0) {
            return l.t("gap.above", money(g, l), money(b.planMid(), l), mid);
        }
        if (g.amount().signum() < 0) {
            return l.t("gap.below", money(g.negate(), l), money(b.planMid(), l), mid);
        }
        return l.t("gap.within", money(b.planMid(), l), mid);
    }

    /** One row per scenario: the architect's what-if view. */
    public record CompareRow(String file, Plan plan, Tco.Result tco) {
    }

    public static Table compare(List<CompareRow> rows, Labels l) {
        List<String> ids = new ArrayList<>();
        List<String> h = new ArrayList<>(List.of(l.t("col.scenario"), l.t("col.services"), l.t("col.series")));
        if (!rows.isEmpty()) {
            // every alternative any scenario has (one that applies to some scenarios only, such as the EBS variant of a Thanos
            // stack, gets its column when one of them is compared), in registry order
            java.util.Set<String> present = new java.util.LinkedHashSet<>();
            rows.forEach(r -> r.plan().alternatives().forEach(a -> present.add(a.id())));
            List<String> ordered = new ArrayList<>();
            AlternativeRegistry.ALL.forEach(m -> {
                if (present.contains(m.id())) {
                    ordered.add(m.id());
                }
            });
            present.stream().filter(x -> !ordered.contains(x)).forEach(ordered::add);
            for (String id : ordered) {
                ids.add(id);
                h.add(column(id, l) + " " + l.t("col.monthly"));
            }
            for (String id : ids) {
                h.add(column(id, l) + " " + l.t("col.tcoN", rows.get(0).tco().options().months()));
            }
        }
        h.add(l.t("col.cheapest"));
        h.add(l.t("col.roiRange"));
        h.add(l.t("col.budget"));
        h.add(l.t("col.budgetGap"));
        Table.Builder b = new Table.Builder("compare", l.t("compare"), h.toArray(String[]::new));
        for (int i = 1; i < h.size() - 3; i++) {
            b.right(i);
        }
        for (CompareRow r : rows) {
            Plan p = r.plan();
            List<Object> row = new ArrayList<>(List.of(r.file(), p.scenario().workload().serviceCount(), p.sizing().activeSeries()));
            String cheapest = null;
            double min = Double.MAX_VALUE;
            for (String id : ids) {
                var a = p.alternative(id);
                row.add(a.map(x -> money(x.monthly(), l) + (x.complete() ? "" : " " + l.t("incomplete"))).orElse("-"));
                if (a.isPresent() && a.get().complete() && a.get().monthly().toDouble() < min) {
                    min = a.get().monthly().toDouble();
                    cheapest = id;
                }
            }
            for (String id : ids) {
                row.add(r.tco().lines().stream().anyMatch(x -> x.id().equals(id)) ? usd(r.tco().line(id).totalAt(r.tco().options().months()), l) : "-");
            }
            row.add(cheapest == null ? "-" : l.lang() == Labels.Lang.EN ? cheapest : shortName(cheapest, l));
            row.add(roiRange(p.roi(), l));
            var bl = p.scenario().baseline();
            row.add(bl.highUsd() > 0 ? usd(bl.lowUsd(), l) + "-" + usd(bl.highUsd(), l) : "-");
            row.add(bl.highUsd() > 0 && p.baseline() != null ? budgetGap(p.baseline(), l) : "-");
            b.row(row.toArray());
        }
        if (!rows.isEmpty()) {
            var g = rows.get(0).tco().options().growth();
            if (l.lang() == Labels.Lang.EN) {
                b.note("TCO over " + rows.get(0).tco().options().months() + " months: " + (g.steps().size() == 1 ? "each scenario at its own service count" : g.description() + " (from the first scenario's count)")
                        + "; one-off set-up hours in month 1");
            } else {
                String counts = g.steps().stream().map(x -> String.valueOf(x.services())).collect(java.util.stream.Collectors.joining(" -> "));
                b.note(g.steps().size() == 1 ? l.t("compare.note.own", rows.get(0).tco().options().months())
                        : l.t("compare.note.growth", rows.get(0).tco().options().months(), counts));
            }
        }
        return b.build();
    }
}
