package io.promplan.render;

import io.promplan.core.analysis.Decision;
import java.util.ArrayList;
import java.util.List;

/** The report's tables for spreadsheets (CSV) and wikis (Markdown): the same figures as the PDF, and more rows. */
public final class ReportExport {
    private ReportExport() {
    }

    public static List<Table> tables(Decision d, Labels l) {
        List<Table> out = new ArrayList<>();
        out.add(DecisionTables.alternatives(d, l));
        out.add(DecisionTables.baseline(d, l));
        out.add(DecisionTables.roi(d, l));
        out.add(DecisionTables.tcoYears(d.tco(), l));
        out.add(DecisionTables.simulation(d.simulation(), l));
        out.add(DecisionTables.tornado(d.sensitivity(), l));
        out.add(DecisionTables.sweep(d.sweep(), l));
        out.add(DecisionTables.sweep(d.seriesSweep(), l));
        out.add(DecisionTables.tcoMonthly(d.tco(), l));
        return out;
    }

    /** Every table with its own header row; the first column names the table. */
    public static String csv(Decision d, Labels l) {
        StringBuilder sb = new StringBuilder();
        Table.Builder rec = new Table.Builder("summary", l.t("recommendation"), l.t("col.figure"), l.t("col.value"));
        rec.row(l.t("recommendation"), DecisionTables.recommendation(d, l));
        rec.row(l.t("recommendedId"), d.recommendedId());
        DecisionTables.risks(d, l).forEach(r -> rec.row(l.t("risks"), r));
        DecisionTables.assumptions(d, l).forEach(a -> rec.row(l.t("assumptions"), a));
        sb.append(rec.build().toCsv(true));
        for (Table t : tables(d, l)) {
            sb.append(t.toCsv(true));
        }
        return sb.toString();
    }

    public static String markdown(Decision d, Labels l) {
        StringBuilder sb = new StringBuilder("# ").append(l.t("title", l.text(d.scenario().name()))).append("\n\n");
        var p = d.plan();
        sb.append(l.t("subtitle", p.region(), p.priceSnapshot(), p.pricesAsOf(), p.hoursPerMonth())).append("\n\n");
        sb.append("**").append(l.t("recommendation")).append(":** ").append(DecisionTables.recommendation(d, l)).append("\n\n");
        for (Table t : tables(d, l)) {
            // no plan budget in the scenario: no empty table
            if (!t.id().equals("tco-monthly") && !(t.id().equals("baseline") && t.rows().isEmpty())) {
                sb.append(t.toMarkdown());
            }
        }
        sb.append("### ").append(l.t("risks")).append("\n\n");
        DecisionTables.risks(d, l).forEach(r -> sb.append("- ").append(r).append('\n'));
        // the two Prometheus options' crossings, each with its basis, as on the PDF
        DecisionTables.promCrossingNotes(d, l).forEach(r -> sb.append("- ").append(r).append('\n'));
        sb.append("\n### ").append(l.t("assumptions")).append("\n\n");
        DecisionTables.assumptions(d, l).forEach(a -> sb.append("- ").append(a).append('\n'));
        sb.append('\n').append(l.t("footer", d.plan().priceSnapshot())).append('\n');
        return sb.toString();
    }
}
