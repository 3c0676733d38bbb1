package io.promplan.render;

import io.promplan.core.analysis.BaselineComparison;
import io.promplan.core.analysis.BaselineRow;
import io.promplan.core.analysis.Roi;
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

/** The plan as text tables for a terminal: sizing, every cost line, the baseline, ROI and warnings. */
public final class PlanText {
    private PlanText() {
    }

    public static String render(Plan p, boolean explain) {
        StringBuilder sb = new StringBuilder();
        sb.append("Promplan plan: ").append(p.scenario().name()).append('\n');
        sb.append("Region ").append(p.region()).append(", ").append(p.scenario().workload().architecture().key())
                .append("; prices: snapshot ").append(p.priceSnapshot()).append(" as of ").append(p.pricesAsOf())
                .append("; ").append(p.hoursPerMonth()).append(" hours a month; USD\n\n");
        sizing(sb, p.sizing(), explain);
        if (!p.implications().isEmpty()) {
            sb.append("WHAT THE FIGURES IMPLY\n");
            for (Explanation e : p.implications()) {
                sb.append("  - ").append(e.figure()).append(": ").append(e.result()).append("\n    (").append(e.formula());
                e.inputs().forEach((k, v) -> sb.append("; ").append(k).append(" ").append(v));
                sb.append(")\n");
            }
            sb.append('\n');
        }
        for (Alternative a : p.alternatives()) {
            alternative(sb, a, explain);
        }
        summary(sb, p);
        baseline(sb, p.baseline());
        roi(sb, p.roi());
        if (!p.warnings().isEmpty()) {
            sb.append("WARNINGS\n");
            for (io.promplan.core.plan.Warning w : p.warnings()) {
                sb.append("  - ").append(Words.english().warning(w)).append('\n');
            }
            sb.append('\n');
        }
        refs(sb, "MISSING PRICES (left out of the totals)", p.missingPrices());
        refs(sb, "ASSUMED PRICES (not verified for this region)", p.assumedPrices());
        return sb.toString();
    }

    static void sizing(StringBuilder sb, Sizing s, boolean explain) {
        sb.append("SIZING\n");
        sb.append("  active series ").append(s.activeSeries()).append(" (services ").append(s.serviceSeries()).append(", meta ")
                .append(s.metaSeries()).append(", self ").append(s.selfSeries()).append(", exporter ").append(s.exporterSeries())
                .append("); samples/s ").append(Num.fmt(s.samplesPerSecond())).append("; panel queries/s ").append(Num.fmt(s.queriesPerSecond()))
                .append("; headroom ").append(Num.fmt(s.headroomPercent())).append(" %")
                .append(s.shards() > 1 ? "; Prometheus shards " + s.shards() : "").append('\n');
        TextTable t = new TextTable("component", "Fargate size", "cpu/memory", "need vCPU", "need MiB", "with headroom", "how").right(3, 4);
        for (ComponentSizing c : s.components()) {
            t.row(c.displayName(), c.size().text(), c.size().cpuUnits() + "/" + c.size().memoryMiB(), Num.fmt(Num.round(c.requiredVcpu(), 3)),
                    Num.fmt(Num.round(c.requiredMemoryMiB(), 0)), Num.fmt(Num.round(c.targetVcpu(), 3)) + " / " + Math.round(c.targetMemoryMiB()),
                    c.pinned() ? "pinned " + c.requested().cpuUnits() + "/" + c.requested().memoryMiB() : "model");
        }
        sb.append(t.render("  "));
        StorageSizing st = s.storage();
        sb.append("  storage (").append(st.backend().key()).append("): blocks ").append(gib(st.blocksGiB())).append(" + WAL ").append(gib(st.walGiB()))
                .append(" + head chunks ").append(gib(st.headChunksGiB())).append(" + compaction room ").append(gib(st.compactionGiB()))
                .append(" = ").append(gib(st.neededGiB())).append(" needed; volume ").append(gib(st.volumeGiB()))
                .append(st.pinned() ? " (pinned; the model would provision " + gib(st.modelVolumeGiB()) + ")" : "")
                .append("; retention.size ").append(gib(st.retentionSizeGiB())).append("; Grafana ").append(gib(st.grafanaGiB())).append('\n');
        sb.append("  stored by month until the retention window is full: ");
        for (int i = 0; i < st.monthlyGiB().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("m").append(i + 1).append(' ').append(gib(st.monthlyGiB().get(i)));
        }
        sb.append('\n');
        if (explain) {
            sb.append("  how:\n");
            for (Explanation e : s.explanations()) {
                sb.append("    ").append(e.oneLine()).append('\n');
            }
            for (ComponentSizing c : s.components()) {
                for (Explanation e : c.explanations()) {
                    sb.append("    ").append(e.oneLine()).append('\n');
                }
            }
            for (Explanation e : st.explanations()) {
                sb.append("    ").append(e.oneLine()).append('\n');
            }
            sb.append("    coefficients: ").append(s.coefficients().source()).append('\n');
        }
        sb.append('\n');
    }

    static String gib(double g) {
        return Num.fmt(g < 0.1 ? Num.round(g * 1024, 1) : Num.round(g, 2)) + (g < 0.1 ? " MiB" : " GiB");
    }

    static void alternative(StringBuilder sb, Alternative a, boolean explain) {
        sb.append("COST: ").append(a.name()).append(" [").append(a.id()).append("]\n");
        TextTable t = new TextTable("line", "quantity", "unit", "unit price", "monthly", "price status").right(1, 3, 4);
        for (CostLine l : a.lines()) {
            t.row(l.item(), l.quantity().stripTrailingZeros().toPlainString(), l.unit(),
                    l.isMissing() ? "MISSING" : (l.price().isTiered() ? "tiered " : "") + "$" + l.price().firstTierUsd().stripTrailingZeros().toPlainString(),
                    l.monthly() == null ? "-" : l.monthly().rounded().format(),
                    l.isMissing() ? "MISSING " + l.price().id().id() : l.price().status() == io.promplan.core.price.PriceStatus.VERIFIED
                            ? "verified " + l.price().sourceDate() : "ASSUMED (see below)");
        }
        t.rule();
        t.row("TOTAL" + (a.complete() ? "" : " (incomplete: missing prices left out)"), "", "", "", a.monthly().format(), "");
        sb.append(t.render("  "));
        if (explain) {
            sb.append("  how:\n");
            for (CostLine l : a.lines()) {
                sb.append("    ").append(l.key()).append(": ").append(l.quantityFormula()).append(" -> ").append(l.formula())
                        .append(l.note().isEmpty() ? "" : " (" + l.note() + ")").append('\n');
            }
        }
        for (String n : a.notes()) {
            sb.append("  note: ").append(n).append('\n');
        }
        sb.append('\n');
    }

    static void summary(StringBuilder sb, Plan p) {
        sb.append("SUMMARY (USD a month / a year)\n");
        TextTable t = new TextTable("alternative", "monthly", "yearly", "complete").right(1, 2);
        for (Alternative a : p.alternatives()) {
            t.row(a.name(), a.monthly().format(), Money.usd(a.monthly().cents().multiply(BigDecimal.valueOf(12))).format(), a.complete() ? "yes" : "no");
        }
        if (p.baseline().planHigh().amount().signum() > 0) {
            t.row("The plan's own budget", p.baseline().planLow().format() + "-" + p.baseline().planHigh().format(), "", "");
        }
        sb.append(t.render("  ")).append('\n');
    }

    static void baseline(StringBuilder sb, BaselineComparison b) {
        if (b.rows().isEmpty() && b.cloudwatchOnlyRows().isEmpty()) {
            return;
        }
        sb.append("BASELINE: the plan's table beside the computed one\n");
        sb.append("  ").append(Words.english().summary(b)).append('\n');
        rowsTable(sb, b.rows(), "Self-hosted stack", b.planLow(), b.planHigh(), b.computed());
        if (!b.cloudwatchOnlyRows().isEmpty()) {
            rowsTable(sb, b.cloudwatchOnlyRows(), "CloudWatch only", b.cloudwatchOnlyPlan(), b.cloudwatchOnlyPlan(), b.cloudwatchOnlyComputed());
        }
        sb.append('\n');
    }

    private static void rowsTable(StringBuilder sb, List<BaselineRow> rows, String title, Money low, Money high, Money computed) {
        sb.append("  ").append(title).append('\n');
        Words words = Words.english();
        TextTable t = new TextTable("plan line", "plan", "computed", "delta", "why").right(1, 2, 3);
        for (BaselineRow r : rows) {
            t.row(words.rowName(r), r.kind() == BaselineRow.Kind.NOT_IN_PLAN ? "-" : range(r.planLow(), r.planHigh()),
                    r.computed().format() + (r.complete() ? "" : "*"), signed(r.delta()), words.reasons(r));
        }
        t.rule();
        Money mid = low.plus(high).times(new BigDecimal("0.5")).rounded();
        t.row("TOTAL", range(low, high), computed.format(), signed(computed.minus(mid)), low.equals(high) ? "" : "against the middle of the plan's range, " + mid.format());
        sb.append(t.render("    "));
    }

    static String range(Money low, Money high) {
        return low.compareTo(high) == 0 ? low.format() : low.format() + "-" + high.format();
    }

    static String signed(Money m) {
        return (m.isNegative() ? "-" : "+") + Money.usd(m.cents().abs()).format();
    }

    static void roi(StringBuilder sb, Roi r) {
        sb.append("ROI (low / high hourly rate)\n");
        sb.append("  extra cost a month over CloudWatch-only: ").append(r.extraMonthly().low().format()).append(" / ").append(r.extraMonthly().high().format()).append('\n');
        sb.append("  value of ").append(Num.fmt(Num.round(r.hoursSavedPerMonth(), 2))).append(" hours saved a month: ")
                .append(r.valueMonthly().low().format()).append(" / ").append(r.valueMonthly().high().format()).append('\n');
        for (String line : Words.english().roi(r)) {
            sb.append("  ").append(line).append('\n');
        }
        sb.append("  payback of ").append(r.setupCost().low().format()).append(" / ").append(r.setupCost().high().format()).append(" set-up: ")
                .append(months(r.paybackMonthsLow())).append(" / ").append(months(r.paybackMonthsHigh())).append('\n');
        sb.append("  how: ").append(r.formula()).append("\n\n");
    }

    static String pct(Double d) {
        return d == null ? "n/a (the stack costs no more)" : Num.fmt(d) + " %";
    }

    static String months(Double d) {
        return d == null ? "never (value below extra cost)" : Num.fmt(d) + " months";
    }

    static void refs(StringBuilder sb, String title, List<PriceRef> refs) {
        if (refs.isEmpty()) {
            return;
        }
        sb.append(title).append('\n');
        for (PriceRef r : refs) {
            sb.append("  - ").append(r.describe()).append('\n');
        }
        sb.append('\n');
    }
}
