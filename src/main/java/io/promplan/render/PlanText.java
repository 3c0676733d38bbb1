package io.promplan.render;

import io.promplan.core.baseline.BaselineComparison;
import io.promplan.core.baseline.BaselineRow;
import io.promplan.core.baseline.Roi;
import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.CostLine;
import io.promplan.core.money.Money;
import io.promplan.core.plan.Plan;
import io.promplan.core.plan.PriceRef;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.sizing.Explanation;
import io.promplan.core.sizing.Num;
import io.promplan.core.sizing.Sizing;
import io.promplan.core.sizing.StorageSizing;
import java.math.BigDecimal;
import java.util.List;

/**
 * The plan as text tables for a terminal: sizing, every cost line, the baseline, ROI and warnings, in
 * English (the command line's default, held by golden files) or Korean; every word from the bundle
 * {@code render/words*.properties} ({@code plan.*}, {@code line.*}, {@code unit.*}).
 */
public final class PlanText {
    private final Words w;
    private final Plan p;

    private PlanText(Plan p, Words w) {
        this.p = p;
        this.w = w;
    }

    public static String render(Plan p, boolean explain) {
        return render(p, explain, Labels.Lang.EN);
    }

    public static String render(Plan p, boolean explain, Labels.Lang lang) {
        return new PlanText(p, Words.of(lang)).text(explain);
    }

    private String t(String key, Object... args) {
        return w.get(key, args);
    }

    private String text(boolean explain) {
        StringBuilder sb = new StringBuilder();
        sb.append(t("plan.title", w.text(p.scenario().name()))).append('\n');
        sb.append(t("plan.subtitle", p.region(), p.scenario().workload().architecture().key(), p.priceSnapshot(), p.pricesAsOf(),
                String.valueOf(p.hoursPerMonth()))).append("\n\n");
        sizing(sb, p.sizing(), explain);
        if (!p.implications().isEmpty()) {
            sb.append(t("plan.implications")).append('\n');
            for (Explanation e : p.implications()) {
                sb.append("  - ").append(w.implicationFigure(e)).append(": ").append(w.implicationResult(e)).append("\n    (").append(w.implicationFormula(e));
                e.inputs().forEach(i -> sb.append("; ").append(w.implicationInput(i)).append(" ").append(i.value()));
                sb.append(")\n");
            }
            sb.append('\n');
        }
        for (Alternative a : p.alternatives()) {
            alternative(sb, a, explain);
        }
        summary(sb);
        baseline(sb, p.baseline());
        roi(sb, p.roi());
        if (!p.warnings().isEmpty()) {
            sb.append(t("plan.warnings")).append('\n');
            for (io.promplan.core.plan.Warning x : p.warnings()) {
                sb.append("  - ").append(w.warning(x)).append('\n');
            }
            sb.append('\n');
        }
        refs(sb, t("plan.missingPrices"), p.missingPrices());
        refs(sb, t("plan.assumedPrices"), p.assumedPrices());
        return sb.toString();
    }

    private void sizing(StringBuilder sb, Sizing s, boolean explain) {
        sb.append(t("plan.sizing")).append('\n');
        sb.append("  ").append(t("plan.sizing.demand", String.valueOf(s.activeSeries()), String.valueOf(s.serviceSeries()), String.valueOf(s.metaSeries()),
                String.valueOf(s.selfSeries()), String.valueOf(s.exporterSeries()), Num.fmt(s.samplesPerSecond()), Num.fmt(s.queriesPerSecond()),
                Num.fmt(s.headroomPercent()))).append(s.shards() > 1 ? t("plan.sizing.shards", String.valueOf(s.shards())) : "").append('\n');
        TextTable tt = new TextTable(t("plan.col.component"), t("plan.col.fargateSize"), t("plan.col.cpuMemory"), t("plan.col.needVcpu"),
                t("plan.col.needMib"), t("plan.col.withHeadroom"), t("plan.col.how")).right(3, 4);
        for (ComponentSizing c : s.components()) {
            tt.row(w.componentName(c.component().key(), c.shard()), c.size().text(), c.size().cpuUnits() + "/" + c.size().memoryMiB(),
                    Num.fmt(Num.round(c.requiredVcpu(), 3)), Num.fmt(Num.round(c.requiredMemoryMiB(), 0)),
                    Num.fmt(Num.round(c.targetVcpu(), 3)) + " / " + Math.round(c.targetMemoryMiB()),
                    c.pinned() ? t("plan.sizing.pinned", c.requested().cpuUnits() + "/" + c.requested().memoryMiB()) : t("plan.sizing.model"));
        }
        s.thanosResult().ifPresent(th -> {
            for (var c : th.components()) {
                boolean inTask = c.component() == io.promplan.core.sizing.ThanosComponent.SIDECAR;
                tt.row(w.componentName(c.component().key(), 0) + (c.tasks() > 1 ? " x " + c.tasks() : ""), c.size().text(),
                        c.size().cpuUnits() + "/" + c.size().memoryMiB(), Num.fmt(Num.round(c.requiredVcpu(), 3)), Num.fmt(Num.round(c.requiredMemoryMiB(), 0)),
                        Num.fmt(Num.round(c.targetVcpu(), 3)) + " / " + Math.round(c.targetMemoryMiB()), inTask ? t("plan.thanos.inTask") : t("plan.thanos.documented"));
            }
        });
        sb.append(tt.render("  "));
        StorageSizing st = s.storage();
        sb.append("  ").append(t("plan.storage", st.backend().key(), gib(st.blocksGiB()), gib(st.walGiB()), gib(st.headChunksGiB()), gib(st.compactionGiB()),
                gib(st.neededGiB()), gib(st.volumeGiB()), st.pinned() ? t("plan.storage.pinned", gib(st.modelVolumeGiB())) : "",
                gib(st.retentionSizeGiB()), gib(st.grafanaGiB()))).append('\n');
        sb.append("  ").append(t("plan.storedByMonth"));
        for (int i = 0; i < st.monthlyGiB().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(t("plan.month", String.valueOf(i + 1))).append(' ').append(gib(st.monthlyGiB().get(i)));
        }
        sb.append('\n');
        s.thanosResult().ifPresent(th -> {
            var spec = p.scenario().workload().thanos();
            sb.append("  ").append(t("plan.thanos", spec.localRetention().text(), spec.localStorage().key(), spec.retentionRaw().text(),
                    spec.retention5m().text(), spec.retention1h().text())).append('\n');
            sb.append("  ").append(t("plan.thanos.s3", gib(th.s3GiB(1)), gib(th.s3GiB(12)), gib(th.steadyStateGiB()), String.valueOf(th.steadyStateMonth()),
                    Num.fmt(Math.round(th.blocksInBucket())), Num.fmt(Math.round(th.requests().putClassPerMonth())),
                    Num.fmt(Math.round(th.requests().getClassPerMonth())))).append('\n');
            sb.append("  ").append(t("plan.thanos.disks", gib(th.localTsdbGiBPerShard()), gib(th.localVolumeGiBPerShard()), gib(th.compactorScratchGiB()),
                    gib(th.storeGatewayDiskGiB()), Num.fmt(th.headLossHours()))).append('\n');
        });
        if (explain) {
            sb.append("  ").append(t("plan.how")).append('\n');
            for (Explanation e : s.explanations()) {
                sb.append("    ").append(w.explanation(e)).append('\n');
            }
            for (ComponentSizing c : s.components()) {
                for (Explanation e : c.explanations()) {
                    sb.append("    ").append(w.explanation(e)).append('\n');
                }
            }
            for (Explanation e : st.explanations()) {
                sb.append("    ").append(w.explanation(e)).append('\n');
            }
            sb.append("    ").append(t("plan.coefficients", w.explainSource(s.coefficients()))).append('\n');
            s.thanosResult().ifPresent(th -> {
                sb.append("  ").append(t("plan.thanos.how")).append('\n');
                for (Explanation e : th.explanations()) {
                    sb.append("    ").append(w.explanation(e)).append('\n');
                }
                for (var c : th.components()) {
                    for (Explanation e : c.explanations()) {
                        sb.append("    ").append(w.explanation(e)).append('\n');
                    }
                }
            });
        }
        sb.append('\n');
    }

    static String gib(double g) {
        return Num.fmt(g < 0.1 ? Num.round(g * 1024, 1) : Num.round(g, 2)) + (g < 0.1 ? " MiB" : " GiB");
    }

    private void alternative(StringBuilder sb, Alternative a, boolean explain) {
        sb.append(t("plan.cost", w.alternativeName(a), a.id())).append('\n');
        TextTable tt = new TextTable(t("plan.col.line"), t("plan.col.quantity"), t("plan.col.unit"), t("plan.col.unitPrice"), t("plan.col.monthly"),
                t("plan.col.priceStatus")).right(1, 3, 4);
        for (CostLine l : a.lines()) {
            tt.row(w.lineName(p, a, l), l.quantity().stripTrailingZeros().toPlainString(), w.unit(l.unit()),
                    l.isMissing() ? t("plan.price.missing") : (l.price().isTiered() ? t("plan.price.tiered") : "") + t("plan.price.usd", l.price().firstTierUsd().stripTrailingZeros().toPlainString()),
                    l.monthly() == null ? "-" : w.money(l.monthly().rounded()),
                    l.isMissing() ? t("plan.status.missing", l.price().id().id()) : l.price().status() == io.promplan.core.price.PriceStatus.VERIFIED
                            ? t("plan.status.verified", l.price().sourceDate()) : t("plan.status.assumed"));
        }
        tt.rule();
        tt.row(t("plan.total") + (a.complete() ? "" : t("plan.total.incomplete")), "", "", "", w.money(a.monthly()), "");
        sb.append(tt.render("  "));
        if (explain) {
            sb.append("  ").append(t("plan.how")).append('\n');
            for (CostLine l : a.lines()) {
                sb.append("    ").append(l.key()).append(": ").append(w.formula(l.quantityFormula())).append(" -> ").append(w.pricedFormula(l))
                        .append(l.note().isEmpty() ? "" : " (" + w.formula(l.note()) + ")").append('\n');
            }
        }
        for (String n : w.alternativeNotes(p, a)) {
            sb.append("  ").append(t("plan.note", n)).append('\n');
        }
        sb.append('\n');
    }

    private void summary(StringBuilder sb) {
        sb.append(t("plan.summary")).append('\n');
        TextTable tt = new TextTable(t("plan.col.alternative"), t("plan.col.monthly"), t("plan.col.yearly"), t("plan.col.complete")).right(1, 2);
        for (Alternative a : p.alternatives()) {
            tt.row(w.alternativeName(a), w.money(a.monthly()), w.money(Money.usd(a.monthly().cents().multiply(BigDecimal.valueOf(12)))),
                    a.complete() ? t("plan.yes") : t("plan.no"));
        }
        if (p.baseline().planHigh().amount().signum() > 0) {
            tt.row(t("plan.ownBudget"), w.money(p.baseline().planLow()) + "-" + w.money(p.baseline().planHigh()), "", "");
        }
        sb.append(tt.render("  ")).append('\n');
    }

    private void baseline(StringBuilder sb, BaselineComparison b) {
        if (b.rows().isEmpty() && b.cloudwatchOnlyRows().isEmpty()) {
            return;
        }
        sb.append(t("plan.baseline")).append('\n');
        sb.append("  ").append(w.summary(b)).append('\n');
        rowsTable(sb, b.rows(), t("plan.baseline.stack"), b.planLow(), b.planHigh(), b.computed());
        if (!b.cloudwatchOnlyRows().isEmpty()) {
            rowsTable(sb, b.cloudwatchOnlyRows(), t("plan.baseline.cw"), b.cloudwatchOnlyPlan(), b.cloudwatchOnlyPlan(), b.cloudwatchOnlyComputed());
        }
        sb.append('\n');
    }

    private void rowsTable(StringBuilder sb, List<BaselineRow> rows, String title, Money low, Money high, Money computed) {
        sb.append("  ").append(title).append('\n');
        TextTable tt = new TextTable(t("plan.col.planLine"), t("plan.col.plan"), t("plan.col.computed"), t("plan.col.delta"), t("plan.col.why")).right(1, 2, 3);
        for (BaselineRow r : rows) {
            tt.row(w.rowName(r), r.kind() == BaselineRow.Kind.NOT_IN_PLAN ? "-" : range(r.planLow(), r.planHigh()),
                    w.money(r.computed()) + (r.complete() ? "" : "*"), w.signedMoney(r.delta()), w.reasons(r));
        }
        tt.rule();
        Money mid = low.plus(high).times(new BigDecimal("0.5")).rounded();
        tt.row(t("plan.total"), range(low, high), w.money(computed), w.signedMoney(computed.minus(mid)), low.equals(high) ? "" : t("plan.baseline.againstMiddle", w.money(mid)));
        sb.append(tt.render("    "));
    }

    private String range(Money low, Money high) {
        return low.compareTo(high) == 0 ? w.money(low) : w.money(low) + "-" + w.money(high);
    }

    private void roi(StringBuilder sb, Roi r) {
        sb.append(t("plan.roi")).append('\n');
        sb.append("  ").append(t("plan.roi.extra", w.money(r.extraMonthly().low()), w.money(r.extraMonthly().high()))).append('\n');
        sb.append("  ").append(t("plan.roi.value", Num.fmt(Num.round(r.hoursSavedPerMonth(), 2)), w.money(r.valueMonthly().low()), w.money(r.valueMonthly().high())))
                .append('\n');
        for (String line : w.roi(r)) {
            sb.append("  ").append(line).append('\n');
        }
        sb.append("  ").append(t("plan.roi.payback", w.money(r.setupCost().low()), w.money(r.setupCost().high()), months(r.paybackMonthsLow()),
                months(r.paybackMonthsHigh()))).append('\n');
        sb.append("  ").append(t("plan.roi.how", w.roiFormula(r))).append("\n\n");
    }

    private String months(Double d) {
        return d == null ? t("plan.months.never") : t("plan.months", Num.fmt(d));
    }

    private void refs(StringBuilder sb, String title, List<PriceRef> refs) {
        if (refs.isEmpty()) {
            return;
        }
        sb.append(title).append('\n');
        for (PriceRef r : refs) {
            sb.append("  - ").append(w.priceRef(r)).append('\n');
        }
        sb.append('\n');
    }
}
