package io.promplan.ui;

import io.promplan.core.baseline.BaselineComparison;
import io.promplan.core.baseline.BaselineRow;
import io.promplan.core.baseline.Roi;
import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.CostLine;
import io.promplan.core.money.Money;
import io.promplan.core.plan.Plan;
import io.promplan.core.plan.PriceRef;
import io.promplan.core.price.PriceStatus;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.sizing.Sizing;
import io.promplan.core.sizing.StorageSizing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a plan into the texts the results show, in the UI's language: the summary block, the
 * sizing rows, the cost tree (alternative, line, how the quantity was computed), the baseline rows,
 * ROI and warnings. No JavaFX nodes: tested without a window.
 */
public final class ResultsPresenter {

    private final I18n t;

    public ResultsPresenter(I18n t) {
        this.t = t;
    }

    /** The manager's answer: total per alternative, the plan's baseline, the difference and why. */
    public record Summary(List<String> totals, String baseline, String difference, List<String> why, String roi) {
        public Summary {
            totals = List.copyOf(totals);
            why = List.copyOf(why);
        }

        /** The block as plain text, for copying into a mail or a report. */
        public String text() {
            StringBuilder b = new StringBuilder();
            totals.forEach(x -> b.append(x).append('\n'));
            if (!baseline.isEmpty()) {
                b.append(baseline).append('\n').append(difference).append('\n');
            }
            why.forEach(x -> b.append("  - ").append(x).append('\n'));
            return b.append(roi).toString();
        }
    }

    public String alternativeName(Alternative a) {
        String k = "alt." + a.id();
        return t.has(k) ? t.get(k) : a.name();
    }

    /** A short name for narrow places (chart axes, the cost table): "Self-hosted", "CloudWatch only". */
    public String shortName(Alternative a) {
        return shortName(a.id(), a.name());
    }

    public String shortName(String id, String name) {
        String k = "alt.short." + id;
        if (t.has(k)) {
            return t.get(k);
        }
        k = "alt." + id;
        return t.has(k) ? t.get(k) : name;
    }

    public Summary summary(Plan p) {
        List<String> totals = new ArrayList<>();
        for (Alternative a : p.alternatives()) {
            totals.add(t.get("summary.total", alternativeName(a), t.money(a.monthly()), t.money(a.monthly().times(12)))
                    + (a.complete() ? "" : " " + t.get("summary.incomplete")));
        }
        BaselineComparison b = p.baseline();
        String baseline = "";
        String difference = "";
        List<String> why = new ArrayList<>();
        if (b.planLow().isZero() && b.planHigh().isZero()) {
            baseline = "";
            difference = t.get("summary.noBaseline");
        } else {
            baseline = t.get("summary.baseline", range(b.planLow(), b.planHigh()));
            Money computed = b.computed();
            if (computed.compareTo(b.planHigh()) > 0) {
                difference = t.get("summary.above", t.money(computed), t.money(computed.minus(b.planHigh())), range(b.planLow(), b.planHigh()));
            } else if (computed.compareTo(b.planLow()) < 0) {
                difference = t.get("summary.below", t.money(computed), t.money(b.planLow().minus(computed)), range(b.planLow(), b.planHigh()));
            } else {
                difference = t.get("summary.within", t.money(computed), range(b.planLow(), b.planHigh()));
            }
            b.rows().stream()
                    .filter(r -> r.delta().cents().abs().compareTo(new BigDecimal("0.50")) >= 0)
                    .sorted(Comparator.comparing((BaselineRow r) -> r.delta().amount().abs()).reversed())
                    .limit(4)
                    .forEach(r -> why.add(t.get("summary.why", words().rowName(r), t.signedMoney(r.delta()), words().reasons(r))));
        }
        // The same ROI statements as the command line and the report: the break-even first, a percent only
        // where it means something, then the payback of the set-up.
        Roi r = p.roi();
        List<String> roiWords = words().roi(r);
        StringBuilder roi = new StringBuilder(String.join(" ", roiWords.subList(0, Math.min(2, roiWords.size()))));
        if (r.paybackMonthsLow() != null || r.paybackMonthsHigh() != null) {
            roi.append(roi.length() == 0 ? "" : " ").append(t.get("summary.payback", monthsRange(r.paybackMonthsLow(), r.paybackMonthsHigh())));
        }
        return new Summary(totals, baseline, difference, why, roi.toString());
    }

    /**
     * The manager's verdict on the first screen: the recommendation with its basis (the decision's, on the same
     * rule as the report), the run count of its simulation, CloudWatch-only against the plan's figure with its
     * causes, and the main risk. Empty texts where the plan carries no such figure.
     */
    public record Verdict(String recommendation, String basis, String runs, String cloudwatchOnly, List<String> cloudwatchOnlyWhy, String mainRisk,
                          boolean current) {
        public Verdict {
            cloudwatchOnlyWhy = List.copyOf(cloudwatchOnlyWhy);
        }
    }

    /**
     * @param d       the last decision computed, or null
     * @param failure why the decision could not be computed, or empty
     * @param runs    the simulation's run count of the decision being computed
     */
    public Verdict verdict(Plan p, io.promplan.core.analysis.Decision d, String failure, int runs) {
        io.promplan.render.Labels l = io.promplan.render.Labels.of(io.promplan.render.Labels.Lang.fromLocale(t.locale()));
        boolean current = d != null && d.scenario().equals(p.scenario()) && d.plan().priceSnapshot().equals(p.priceSnapshot());
        String rec;
        String basis = "";
        String runText = "";
        String risk = "";
        if (current) {
            List<String> parts = io.promplan.render.DecisionTables.recommendationParts(d, l);
            rec = parts.get(0);
            basis = String.join(" ", parts.subList(1, parts.size()));
            runText = t.get("verdict.runs", t.integer(d.simulation().runs()), t.integer(io.promplan.service.DecisionService.DEFAULT_RUNS));
            if (!d.risks().isEmpty()) {
                risk = io.promplan.render.DecisionTables.risk(d, d.risks().get(0), l, words());
            }
        } else if (!failure.isEmpty()) {
            rec = failure;
        } else {
            rec = t.get("verdict.computing", t.integer(runs));
        }
        BaselineComparison b = p.baseline();
        String cw = "";
        List<String> cwWhy = new ArrayList<>();
        if (!b.cloudwatchOnlyRows().isEmpty() || b.cloudwatchOnlyPlan().amount().signum() > 0) {
            Money delta = b.cloudwatchOnlyComputed().minus(b.cloudwatchOnlyPlan());
            cw = t.get("verdict.cloudwatchOnly", t.money(b.cloudwatchOnlyComputed()), t.money(b.cloudwatchOnlyPlan()), t.signedMoney(delta));
            b.cloudwatchOnlyRows().stream()
                    .filter(r -> r.delta().cents().abs().compareTo(new BigDecimal("0.50")) >= 0)
                    .sorted(Comparator.comparing((BaselineRow r) -> r.delta().amount().abs()).reversed())
                    .limit(3)
                    .forEach(r -> cwWhy.add(t.get("summary.why", words().rowName(r), t.signedMoney(r.delta()), words().reasons(r))));
        }
        return new Verdict(rec, basis, runText, cw, cwWhy, risk, current);
    }

    public String range(Money low, Money high) {
        return low.compareTo(high) == 0 ? t.money(low) : t.money(low) + " - " + t.money(high);
    }

    private String monthsRange(Double low, Double high) {
        return (low == null ? "-" : t.number(low, 1)) + " / " + (high == null ? "-" : t.number(high, 1));
    }

    // ---- sizing ------------------------------------------------------------------------------

    /** One task of the stack. */
    public record SizingRow(String component, String size, String cpuMemory, String need, String withHeadroom, String how) {
    }

    public List<SizingRow> sizingRows(Plan p) {
        List<SizingRow> out = new ArrayList<>();
        for (ComponentSizing c : p.sizing().components()) {
            String how = !c.pinned() ? t.get("sizing.model")
                    : c.requested().equals(c.size()) ? t.get("sizing.pinned")
                    : t.get("sizing.pinnedRounded", c.requested().cpuUnits() + "/" + c.requested().memoryMiB());
            ComponentSizing asPinned = pinnedBeside(p, c);
            if (asPinned != null) { // the plan rests on the model's size; the scenario's pin is shown beside it
                String pin = asPinned.requested().equals(asPinned.size())
                        ? t.get("sizing.size", t.number(asPinned.size().vcpu(), 2), t.number(asPinned.size().memoryGb(), 2))
                        : t.get("sizing.notFargate", asPinned.requested().cpuUnits() + "/" + asPinned.requested().memoryMiB());
                how = t.get("sizing.modelPinnedBeside", pin);
            }
            out.add(new SizingRow(c.displayName(), t.get("sizing.size", t.number(c.size().vcpu(), 2), t.number(c.size().memoryGb(), 2)),
                    c.size().cpuUnits() + " / " + c.size().memoryMiB(),
                    t.get("sizing.need", t.number(c.requiredVcpu(), 3), t.integer(Math.round(c.requiredMemoryMiB()))),
                    t.get("sizing.need", t.number(c.targetVcpu(), 2), t.integer(Math.round(c.targetMemoryMiB()))), how));
        }
        return out;
    }

    /** The same component as the scenario pinned it, when the plan rests on the model's sizes instead; null otherwise. */
    private static ComponentSizing pinnedBeside(Plan p, ComponentSizing c) {
        if (c.pinned() || p.sizingAsPinned() == null) {
            return null;
        }
        return p.sizingAsPinned().components().stream()
                .filter(x -> x.pinned() && x.component() == c.component() && x.shard() == c.shard())
                .findFirst().orElse(null);
    }

    /** Active series, samples/s, storage: one line each. */
    public List<String> demand(Plan p) {
        Sizing s = p.sizing();
        StorageSizing st = s.storage();
        List<String> out = new ArrayList<>();
        out.add(t.get("sizing.series", t.integer(s.activeSeries()), t.integer(s.serviceSeries()), t.integer(s.metaSeries()),
                t.integer(s.selfSeries()), t.integer(s.exporterSeries())));
        out.add(t.get("sizing.samples", t.number(s.samplesPerSecond(), 1), t.number(s.queriesPerSecond(), 2),
                t.integer(s.shards()), t.number(s.headroomPercent(), 0)));
        out.add(t.get("sizing.storage", st.backend().key(), t.number(st.neededGiB(), 2), t.number(st.volumeGiB(), 2),
                t.get(st.pinned() ? "sizing.storagePinned" : "sizing.storageModel"), t.number(st.retentionSizeGiB(), 2),
                t.number(st.billedPrometheusGiB(), 2), t.number(st.grafanaGiB(), 2)));
        return out;
    }

    // ---- cost --------------------------------------------------------------------------------

    /** A row of the cost tree: an alternative, a cost line, or how a line's quantity was computed. */
    public record CostNode(String label, String formula, String monthly, String source, String status, boolean missing,
                           List<CostNode> children) {
        public CostNode {
            children = List.copyOf(children);
        }
    }

    public List<CostNode> costTree(Plan p) {
        List<CostNode> out = new ArrayList<>();
        for (Alternative a : p.alternatives()) {
            List<CostNode> lines = new ArrayList<>();
            for (CostLine l : a.lines()) {
                List<CostNode> how = new ArrayList<>();
                String quantityHow = words().formula(l.quantityFormula());
                if (!quantityHow.isBlank()) {
                    how.add(new CostNode(t.get("cost.quantityHow"), quantityHow, "", "", "", false, List.of()));
                }
                String note = words().formula(l.note());
                if (!note.isBlank()) {
                    how.add(new CostNode(t.get("cost.note"), note, "", "", "", false, List.of()));
                }
                how.add(new CostNode(t.get("cost.priceKey"), l.price().id().keyText() + " @ " + l.price().region()
                        + (l.price().note().isBlank() ? "" : " (“" + l.price().note() + "”)"), "", "", "", false, List.of()));
                lines.add(new CostNode(words().lineName(p, a, l), formula(l), l.monthlyRounded().map(t::money).orElse(t.get("cost.missing")),
                        source(l), status(l.status()), l.isMissing(), how));
            }
            String total = t.money(a.monthly()) + (a.complete() ? "" : " " + t.get("summary.incomplete"));
            out.add(new CostNode(shortName(a), t.get("cost.lines", a.lines().size()), total, "", "", !a.complete(), lines));
        }
        return out;
    }

    /** "730 vCPU-hour x $0.04656 = $33.99" in the UI's number format. */
    public String formula(CostLine l) {
        String q = t.number(l.quantity()) + " " + words().unit(l.unit());
        if (l.isMissing()) {
            return q + " x " + t.get("cost.missingPrice");
        }
        String price = l.price().isTiered()
                ? t.get("cost.tiered", l.price().tiersOf(l.quantity()).stream()
                        .map(u -> u.quantity().stripTrailingZeros().toPlainString() + " x " + t.unitPrice(u.usd()))
                        .reduce((a, b) -> a + " + " + b).orElse("0"))
                : t.unitPrice(l.price().firstTierUsd());
        return q + " x " + price + " = " + l.monthlyRounded().map(t::money).orElse("-");
    }

    public String source(CostLine l) {
        if (l.isMissing()) {
            return "-";
        }
        String date = l.price().sourceDate();
        return l.price().source() + (date.isBlank() ? "" : ", " + (date.matches("\\d{4}-\\d{2}-\\d{2}") ? t.date(date) : date));
    }

    public String status(PriceStatus s) {
        return t.get("status." + s.name().toLowerCase());
    }

    // ---- baseline ----------------------------------------------------------------------------

    /** A line of the plan's table beside the computed one. */
    public record BaselineDisplay(String name, String plan, String computed, String delta, String why, boolean total) {
    }

    public List<BaselineDisplay> baselineRows(Plan p, boolean cloudwatchOnly) {
        BaselineComparison b = p.baseline();
        List<BaselineRow> rows = cloudwatchOnly ? b.cloudwatchOnlyRows() : b.rows();
        List<BaselineDisplay> out = new ArrayList<>();
        for (BaselineRow r : rows) {
            out.add(new BaselineDisplay(words().rowName(r), range(r.planLow(), r.planHigh()), t.money(r.computed()), t.signedMoney(r.delta()),
                    words().reasons(r), false));
        }
        if (!rows.isEmpty()) {
            if (cloudwatchOnly) {
                Money plan = b.cloudwatchOnlyPlan();
                out.add(new BaselineDisplay(t.get("baseline.total"), t.money(plan), t.money(b.cloudwatchOnlyComputed()),
                        t.signedMoney(b.cloudwatchOnlyComputed().minus(plan)), "", true));
            } else {
                Money mid = b.planLow().plus(b.planHigh()).times(new BigDecimal("0.5"));
                out.add(new BaselineDisplay(t.get("baseline.total"), range(b.planLow(), b.planHigh()), t.money(b.computed()),
                        t.signedMoney(b.computed().minus(mid)), t.get("baseline.totalWhy"), true));
            }
        }
        return out;
    }

    /** The core's structured causes in the app's language. */
    private io.promplan.render.Words words() {
        return io.promplan.render.Words.of(io.promplan.render.Labels.Lang.fromLocale(t.locale()));
    }

    // ---- ROI and warnings --------------------------------------------------------------------

    public List<String> roiLines(Plan p) {
        Roi r = p.roi();
        List<String> out = new ArrayList<>();
        out.add(t.get("roi.extra", range(r.extraMonthly().low(), r.extraMonthly().high())));
        out.add(t.get("roi.value", t.number(r.hoursSavedPerMonth(), 1), range(r.valueMonthly().low(), r.valueMonthly().high())));
        out.addAll(words().roi(r));
        out.add(t.get("roi.payback", range(r.setupCost().low(), r.setupCost().high()), monthsRange(r.paybackMonthsLow(), r.paybackMonthsHigh())));
        out.add(t.get("roi.how", words().roiFormula(r)));
        return out;
    }

    /** The plan's warnings, then every missing and every assumed price with what it stands on. */
    public List<String> warnings(Plan p) {
        List<String> out = new ArrayList<>(p.warnings().stream().map(w -> words().warning(w)).toList());
        for (PriceRef m : p.missingPrices()) {
            out.add(t.get("warning.missingPrice", words().priceRef(m)));
        }
        for (PriceRef a : p.assumedPrices()) {
            out.add(t.get("warning.assumedPrice", words().priceRef(a)));
        }
        return out;
    }

    /** "Prices: ap-northeast-2, snapshot shipped-2026-11-26, as of 31 Oct 2026". */
    public String priceLine(Plan p) {
        return t.get("prices.line", p.region(), p.priceSnapshot(), t.date(p.pricesAsOf()));
    }
}
