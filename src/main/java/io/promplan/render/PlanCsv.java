package io.promplan.render;

import io.promplan.core.baseline.BaselineRow;
import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.CostLine;
import io.promplan.core.plan.Plan;
import java.util.List;

/** The plan's tables as one CSV (RFC 4180) for spreadsheets: a "section" column tells them apart. */
public final class PlanCsv {
    public static final List<String> HEADER = List.of("section", "alternative", "key", "item", "quantity", "unit", "unitPriceUsd", "monthlyUsd",
            "planUsd", "deltaUsd", "priceStatus", "priceSource", "priceKey", "region", "note");

    private PlanCsv() {
    }

    public static String render(Plan p) {
        StringBuilder sb = new StringBuilder();
        row(sb, HEADER.toArray());
        for (Alternative a : p.alternatives()) {
            for (CostLine l : a.lines()) {
                row(sb, "cost", a.id(), l.key(), l.item(), l.quantity().stripTrailingZeros().toPlainString(), l.unit(),
                        l.isMissing() ? "" : l.price().firstTierUsd().stripTrailingZeros().toPlainString(),
                        l.monthly() == null ? "" : l.monthly().cents().toPlainString(), "", "", l.status().name().toLowerCase(),
                        l.isMissing() ? "missing: " + l.price().note() : l.price().provenance(), l.price().id().keyText(), p.region(), Words.english().formula(l.quantityFormula()));
            }
            row(sb, "total", a.id(), "total", a.name(), "", "", "", a.monthly().cents().toPlainString(), "", "", a.complete() ? "complete" : "incomplete",
                    "", "", p.region(), "");
        }
        for (BaselineRow r : p.baseline().rows()) {
            baseline(sb, "baseline", p.selfHosted().id(), r, p.region());
        }
        for (BaselineRow r : p.baseline().cloudwatchOnlyRows()) {
            baseline(sb, "baseline", p.cloudwatchOnly().id(), r, p.region());
        }
        var roi = p.roi();
        row(sb, "roi", "", "extraMonthlyUsd.low", "extra monthly cost at the low rate", "", "", "", roi.extraMonthly().low().cents().toPlainString(), "", "", "", "", "", p.region(), "");
        row(sb, "roi", "", "extraMonthlyUsd.high", "extra monthly cost at the high rate", "", "", "", roi.extraMonthly().high().cents().toPlainString(), "", "", "", "", "", p.region(), "");
        row(sb, "roi", "", "valueMonthlyUsd.low", "value of hours saved at the low rate", "", "", "", roi.valueMonthly().low().cents().toPlainString(), "", "", "", "", "", p.region(), "");
        row(sb, "roi", "", "valueMonthlyUsd.high", "value of hours saved at the high rate", "", "", "", roi.valueMonthly().high().cents().toPlainString(), "", "", "", "", "", p.region(), "");
        for (io.promplan.core.plan.Warning w : p.warnings()) {
            row(sb, "warning", "", "", "", "", "", "", "", "", "", "", "", "", p.region(), Words.english().warning(w));
        }
        return sb.toString();
    }

    private static void baseline(StringBuilder sb, String section, String alt, BaselineRow r, String region) {
        Words w = Words.english();
        row(sb, section, alt, "", w.rowName(r), "", "", "", r.computed().cents().toPlainString(), r.planMid().cents().toPlainString(),
                r.delta().cents().toPlainString(), r.complete() ? "complete" : "incomplete", "", "", region, w.reasons(r));
    }

    public static void row(StringBuilder sb, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(escape(cells[i] == null ? "" : cells[i].toString()));
        }
        sb.append("\r\n");
    }

    public static String escape(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
