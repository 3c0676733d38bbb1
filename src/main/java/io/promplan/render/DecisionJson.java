package io.promplan.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promplan.core.analysis.MonteCarlo;
import io.promplan.core.analysis.Sensitivity;
import io.promplan.core.analysis.Sweep;
import io.promplan.core.analysis.Tco;
import io.promplan.core.cost.Alternative;
import io.promplan.core.sizing.Num;
import java.util.List;

/** The decision outputs as JSON: plain numbers (USD, rounded to cents), null for "never" / "no extra cost". */
public final class DecisionJson {
    private DecisionJson() {
    }

    static ObjectNode obj() {
        return PlanJson.MAPPER.createObjectNode();
    }

    static void num(ObjectNode o, String k, double v, int decimals) {
        if (Double.isFinite(v)) {
            o.put(k, Num.round(v, decimals));
        } else {
            o.putNull(k);
        }
    }

    static String write(ObjectNode o) {
        try {
            return PlanJson.MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode stats(MonteCarlo.Stats s, int decimals) {
        ObjectNode o = obj();
        num(o, "p10", s.p10(), decimals);
        num(o, "p50", s.p50(), decimals);
        num(o, "p90", s.p90(), decimals);
        num(o, "mean", s.mean(), decimals);
        num(o, "min", s.min(), decimals);
        num(o, "max", s.max(), decimals);
        return o;
    }

    public static ObjectNode simulation(MonteCarlo.Result r, Sensitivity.Result sens) {
        ObjectNode o = obj();
        o.put("scenario", r.scenario());
        o.put("runs", r.runs());
        o.put("seed", r.seed());
        o.put("method", r.method());
        ObjectNode ranges = o.putObject("ranges");
        r.ranges().forEach((k, v) -> {
            ObjectNode x = ranges.putObject(k);
            x.put("low", v.low());
            if (v.hasLikely()) {
                x.put("likely", v.likely());
            } else {
                x.putNull("likely");
            }
            x.put("high", v.high());
            x.put("shape", v.shape().key());
        });
        ObjectNode m = o.putObject("monthlyUsd");
        r.monthly().forEach((id, s) -> m.set(id, stats(s, 2)));
        o.set("roiPercent", stats(r.roiPercent(), 1));
        o.put("roiNote", "null = the stack costs no more than CloudWatch-only");
        o.set("breakEvenMonthVsCloudwatch", stats(r.breakEvenVsCloudwatch(), 0));
        o.set("breakEvenMonthVsManaged", stats(r.breakEvenVsManaged(), 0));
        o.put("breakEvenNote", "null = never");
        if (!Double.isNaN(r.probabilityAboveBaseline())) {
            o.put("baselineHighUsd", r.baselineHighUsd());
            o.put("probabilityAboveBaseline", Num.round(r.probabilityAboveBaseline(), 4));
        }
        if (!Double.isNaN(r.probabilitySelfBelowManaged())) {
            o.put("probabilitySelfHostedBelowManaged", Num.round(r.probabilitySelfBelowManaged(), 4));
        }
        if (sens != null) {
            ArrayNode t = o.putArray("tornado");
            for (Sensitivity.Bar b : sens.byMonthly()) {
                ObjectNode x = t.addObject();
                x.put("input", b.path());
                x.put("label", b.label());
                x.put("low", b.low());
                x.put("high", b.high());
                num(x, "monthlyUsdAtLow", b.monthlyAtLow(), 2);
                num(x, "monthlyUsdAtHigh", b.monthlyAtHigh(), 2);
                num(x, "roiPercentAtLow", b.roiAtLow(), 1);
                num(x, "roiPercentAtHigh", b.roiAtHigh(), 1);
                num(x, "monthlySwingUsd", b.monthlySwing(), 2);
                num(x, "roiSwingPercent", b.roiSwing(), 1);
            }
        }
        return o;
    }

    public static String simulationText(MonteCarlo.Result r, Sensitivity.Result sens) {
        return write(simulation(r, sens));
    }

    public static ObjectNode sweep(Sweep.Result r) {
        ObjectNode o = obj();
        o.put("scenario", r.scenario());
        o.put("input", r.input());
        o.put("scaling", r.scalingRule());
        o.set("alternatives", PlanJson.MAPPER.valueToTree(r.names()));
        ArrayNode pts = o.putArray("points");
        for (Sweep.Point p : r.points()) {
            ObjectNode x = pts.addObject();
            x.put("x", p.x());
            x.put("services", p.services());
            x.put("activeSeries", p.activeSeries());
            x.put("samplesPerSecond", Num.round(p.samplesPerSecond(), 3));
            ObjectNode m = x.putObject("monthlyUsd");
            p.monthlyUsd().forEach((k, v) -> m.put(k, Num.round(v, 2)));
            x.set("complete", PlanJson.MAPPER.valueToTree(p.complete()));
        }
        ArrayNode cs = o.putArray("crossings");
        for (Sweep.Crossing c : r.crossings()) {
            cs.add(PlanJson.MAPPER.<ObjectNode>valueToTree(c));
        }
        return o;
    }

    public static String sweepText(Sweep.Result r) {
        return write(sweep(r));
    }

    public static ObjectNode tco(Tco.Result t) {
        ObjectNode o = obj();
        o.put("months", t.options().months());
        o.put("growth", t.options().growth().description());
        o.put("hourlyRateUsd", t.hourlyRate());
        o.set("servicesByMonth", PlanJson.MAPPER.valueToTree(t.servicesByMonth()));
        ObjectNode ls = o.putObject("alternatives");
        for (Tco.Line l : t.lines()) {
            ObjectNode x = ls.putObject(l.id());
            x.put("name", l.name());
            x.put("oneOffUsd", Num.round(l.oneOffUsd(), 2));
            x.put("oneOffFormula", l.oneOffFormula());
            x.put("opsUsdPerMonth", Num.round(l.opsUsdPerMonth(), 2));
            x.put("total12Usd", Num.round(l.totalAt(Math.min(12, t.options().months())), 2));
            x.put("totalUsd", Num.round(l.totalAt(t.options().months()), 2));
            x.put("complete", l.complete());
            x.set("monthlyUsd", PlanJson.MAPPER.valueToTree(l.monthlyUsd()));
            x.set("cumulativeUsd", PlanJson.MAPPER.valueToTree(l.cumulativeUsd().stream().map(v -> Num.round(v, 2)).toList()));
        }
        if (t.breakEvenVsCloudwatch() == null) {
            o.putNull("breakEvenMonthVsCloudwatch");
        } else {
            o.put("breakEvenMonthVsCloudwatch", t.breakEvenVsCloudwatch());
        }
        if (t.breakEvenVsManaged() == null) {
            o.putNull("breakEvenMonthVsManaged");
        } else {
            o.put("breakEvenMonthVsManaged", t.breakEvenVsManaged());
        }
        o.set("assumptions", PlanJson.MAPPER.valueToTree(t.assumptions()));
        return o;
    }

    public static String compareText(List<DecisionTables.CompareRow> rows) {
        ObjectNode o = obj();
        ArrayNode a = o.putArray("scenarios");
        for (DecisionTables.CompareRow r : rows) {
            ObjectNode x = a.addObject();
            x.put("file", r.file());
            x.put("name", r.plan().scenario().name().text());
            x.put("region", r.plan().region());
            x.put("services", r.plan().scenario().workload().serviceCount());
            x.put("activeSeries", r.plan().sizing().activeSeries());
            x.put("samplesPerSecond", Num.round(r.plan().sizing().samplesPerSecond(), 3));
            ObjectNode m = x.putObject("monthlyUsd");
            ObjectNode c = x.putObject("complete");
            for (Alternative alt : r.plan().alternatives()) {
                m.put(alt.id(), alt.monthly().cents());
                c.put(alt.id(), alt.complete());
            }
            ObjectNode roi = x.putObject("roiPercent");
            roi.set("low", r.plan().roi().roiPercentLow() == null ? null : PlanJson.MAPPER.valueToTree(r.plan().roi().roiPercentLow()));
            roi.set("high", r.plan().roi().roiPercentHigh() == null ? null : PlanJson.MAPPER.valueToTree(r.plan().roi().roiPercentHigh()));
            x.set("tco", tco(r.tco()));
        }
        return write(o);
    }
}
