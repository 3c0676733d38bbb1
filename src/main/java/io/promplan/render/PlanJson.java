package io.promplan.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promplan.core.baseline.BaselineComparison;
import io.promplan.core.baseline.BaselineRow;
import io.promplan.core.baseline.Roi;
import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.CostLine;
import io.promplan.core.money.Money;
import io.promplan.core.plan.Plan;
import io.promplan.core.plan.PriceRef;
import io.promplan.core.price.Price;
import io.promplan.core.price.Tier;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.sizing.Explanation;
import io.promplan.core.sizing.Num;
import io.promplan.core.sizing.Sizing;
import io.promplan.core.sizing.SizingCoefficients;
import io.promplan.core.sizing.StorageSizing;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The plan as JSON: every figure with its quantity, unit price, price source and explanation. */
public final class PlanJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    private PlanJson() {
    }

    public static String render(Plan p) {
        try {
            return MAPPER.writeValueAsString(tree(p)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode tree(Plan p) {
        ObjectNode root = F.objectNode();
        root.put("scenario", p.scenario().name().text());
        root.put("scenarioVersion", p.scenario().version());
        root.put("region", p.region());
        root.put("architecture", p.scenario().workload().architecture().key());
        root.put("hoursPerMonth", p.hoursPerMonth());
        root.put("currency", Money.USD);
        ObjectNode prices = root.putObject("prices");
        prices.put("snapshot", p.priceSnapshot());
        prices.put("asOf", p.pricesAsOf());
        ObjectNode sz = sizing(p.sizing());
        sz.set("implications", implications(p.implications()));
        root.set("sizing", sz);
        ArrayNode alts = root.putArray("alternatives");
        for (Alternative a : p.alternatives()) {
            alts.add(alternative(a));
        }
        root.set("baseline", baseline(p.baseline()));
        root.set("roi", roi(p.roi()));
        ArrayNode w = root.putArray("warnings");
        p.warnings().forEach(x -> w.add(Words.english().warning(x)));
        root.set("missingPrices", refs(p.missingPrices()));
        root.set("assumedPrices", refs(p.assumedPrices()));
        return root;
    }

    static ObjectNode sizing(Sizing s) {
        ObjectNode n = F.objectNode();
        n.put("activeSeries", s.activeSeries());
        n.put("serviceSeries", s.serviceSeries());
        n.put("metaSeries", s.metaSeries());
        n.put("selfSeries", s.selfSeries());
        n.put("exporterSeries", s.exporterSeries());
        n.put("samplesPerSecond", Num.round(s.samplesPerSecond(), 3));
        n.put("queriesPerSecond", Num.round(s.queriesPerSecond(), 3));
        n.put("shards", s.shards());
        n.put("headroomPercent", s.headroomPercent());
        StorageSizing st = s.storage();
        n.put("storageGiB", Num.round(st.volumeGiB(), 3));
        ObjectNode sn = n.putObject("storage");
        sn.put("backend", st.backend().key());
        sn.put("blocksGiB", Num.round(st.blocksGiB(), 4));
        sn.put("walGiB", Num.round(st.walGiB(), 4));
        sn.put("headChunksGiB", Num.round(st.headChunksGiB(), 4));
        sn.put("compactionGiB", Num.round(st.compactionGiB(), 4));
        sn.put("neededGiB", Num.round(st.neededGiB(), 4));
        sn.put("modelVolumeGiB", Num.round(st.modelVolumeGiB(), 3));
        sn.put("volumeGiB", Num.round(st.volumeGiB(), 3));
        sn.put("pinned", st.pinned());
        sn.put("retentionSizeGiB", Num.round(st.retentionSizeGiB(), 2));
        sn.put("billedPrometheusGiB", Num.round(st.billedPrometheusGiB(), 4));
        sn.put("grafanaGiB", Num.round(st.grafanaGiB(), 3));
        sn.put("localRetentionDays", Num.round(st.localRetentionDays(), 3));
        sn.put("remoteStoredGiB", Num.round(st.remoteStoredGiB(), 4));
        ArrayNode months = sn.putArray("monthlyGiB");
        st.monthlyGiB().forEach(m -> months.add(Num.round(m, 4)));
        sn.set("explanation", explanations(st.explanations()));
        ArrayNode comps = n.putArray("components");
        for (ComponentSizing c : s.components()) {
            ObjectNode cn = comps.addObject();
            cn.put("name", c.component().key());
            cn.put("shard", c.shard());
            cn.put("cpuUnits", c.size().cpuUnits());
            cn.put("memoryMiB", c.size().memoryMiB());
            cn.put("vcpu", c.size().vcpu());
            cn.put("memoryGb", c.size().memoryGb());
            cn.put("requiredVcpu", Num.round(c.requiredVcpu(), 4));
            cn.put("requiredMemoryMiB", Num.round(c.requiredMemoryMiB(), 1));
            cn.put("targetVcpu", Num.round(c.targetVcpu(), 4));
            cn.put("targetMemoryMiB", Num.round(c.targetMemoryMiB(), 1));
            cn.put("pinned", c.pinned());
            if (c.requested() != null) {
                ObjectNode r = cn.putObject("requested");
                r.put("cpuUnits", c.requested().cpuUnits());
                r.put("memoryMiB", c.requested().memoryMiB());
            } else {
                cn.putNull("requested");
            }
            ArrayNode sv = cn.putArray("services");
            c.services().forEach(sv::add);
            cn.set("explanation", explanations(c.explanations()));
        }
        s.thanosResult().ifPresent(t -> n.set("thanos", thanos(t)));
        n.set("explanation", explanations(s.explanations()));
        n.set("coefficients", coefficients(s.coefficients()));
        return n;
    }

    /** Thanos on S3 (storage: thanos-s3 only): every figure from the Thanos documentation, not measured here. */
    static ObjectNode thanos(io.promplan.core.sizing.ThanosResult t) {
        ObjectNode n = F.objectNode();
        n.put("source", io.promplan.core.sizing.ThanosCoefficients.DOCUMENTED);
        ArrayNode comps = n.putArray("components");
        for (var c : t.components()) {
            ObjectNode cn = comps.addObject();
            cn.put("name", c.component().key());
            cn.put("tasks", c.tasks());
            cn.put("cpuUnits", c.size().cpuUnits());
            cn.put("memoryMiB", c.size().memoryMiB());
            cn.put("requiredVcpu", Num.round(c.requiredVcpu(), 4));
            cn.put("requiredMemoryMiB", Num.round(c.requiredMemoryMiB(), 1));
            cn.put("targetVcpu", Num.round(c.targetVcpu(), 4));
            cn.put("targetMemoryMiB", Num.round(c.targetMemoryMiB(), 1));
            cn.put("tooLarge", c.tooLarge());
            cn.set("explanation", explanations(c.explanations()));
        }
        n.put("localTsdbGiBPerShard", Num.round(t.localTsdbGiBPerShard(), 4));
        n.put("localVolumeGiBPerShard", Num.round(t.localVolumeGiBPerShard(), 3));
        n.put("compactorScratchGiB", Num.round(t.compactorScratchGiB(), 4));
        n.put("storeGatewayDiskGiB", Num.round(t.storeGatewayDiskGiB(), 4));
        n.put("blocksInBucket", Num.round(t.blocksInBucket(), 2));
        n.put("steadyStateMonth", t.steadyStateMonth());
        n.put("steadyStateGiB", Num.round(t.steadyStateGiB(), 4));
        ArrayNode months = n.putArray("s3Months");
        for (var m : t.s3Months()) {
            ObjectNode mn = months.addObject();
            mn.put("month", m.month());
            mn.put("rawGiB", Num.round(m.rawGiB(), 4));
            mn.put("fiveMinuteGiB", Num.round(m.fiveMinuteGiB(), 4));
            mn.put("oneHourGiB", Num.round(m.oneHourGiB(), 4));
        }
        ObjectNode r = n.putObject("requestsPerMonth");
        r.put("putClass", Math.round(t.requests().putClassPerMonth()));
        r.put("getClass", Math.round(t.requests().getClassPerMonth()));
        ObjectNode put = r.putObject("putClassBySource");
        t.requests().putClassBySource().forEach((k, v) -> put.put(k, Math.round(v)));
        ObjectNode get = r.putObject("getClassBySource");
        t.requests().getClassBySource().forEach((k, v) -> get.put(k, Math.round(v)));
        n.put("headLossHours", t.headLossHours());
        n.set("explanation", explanations(t.explanations()));
        return n;
    }

    static ObjectNode coefficients(SizingCoefficients k) {
        ObjectNode n = F.objectNode();
        n.put("source", k.source());
        n.put("prometheusVersion", k.prometheusVersion());
        n.put("measuredAt", k.measuredAt());
        n.put("blockBytesPerSample", k.blockBytesPerSample());
        n.put("walBytesPerSample", k.walBytesPerSample());
        n.put("headChunkBytesPerSample", k.headChunkBytesPerSample());
        n.put("rssBytesPerSeries", k.rssBytesPerSeries());
        n.put("rssBaseMiB", k.rssBaseMiB());
        n.put("cpuCoresPerKSamples", k.cpuCoresPerKSamples());
        n.put("cpuBaseCores", k.cpuBaseCores());
        n.put("queryCoreSeconds", k.queryCoreSeconds());
        n.put("queryMiB", k.queryMiB());
        n.put("prometheusSelfSeries", k.prometheusSelfSeries());
        return n;
    }

    /** Explanations as data in the command line's English (the bundle's), for the JSON output. */
    static ArrayNode explanations(List<Explanation> ex) {
        Words w = Words.english();
        ArrayNode a = F.arrayNode();
        for (Explanation e : ex) {
            ObjectNode n = a.addObject();
            n.put("figure", w.explainFigure(e));
            n.put("formula", w.explainFormula(e));
            ObjectNode in = n.putObject("inputs");
            e.inputs().forEach(i -> in.put(w.explainInput(i), w.explainValue(i)));
            n.put("result", w.explainResult(e));
        }
        return a;
    }

    /** What the workload's figures imply, in the command line's English. */
    static ArrayNode implications(List<Explanation> ex) {
        Words w = Words.english();
        ArrayNode a = F.arrayNode();
        for (Explanation e : ex) {
            ObjectNode n = a.addObject();
            n.put("figure", w.implicationFigure(e));
            n.put("formula", w.implicationFormula(e));
            ObjectNode in = n.putObject("inputs");
            e.inputs().forEach(i -> in.put(w.implicationInput(i), i.value()));
            n.put("result", w.implicationResult(e));
        }
        return a;
    }

    public static ObjectNode alternative(Alternative a) {
        ObjectNode n = F.objectNode();
        n.put("id", a.id());
        n.put("name", a.name());
        n.put("monthlyUsd", a.monthly().cents());
        n.put("yearlyUsd", a.monthly().cents().multiply(BigDecimal.valueOf(12)));
        n.put("complete", a.complete());
        ArrayNode lines = n.putArray("lines");
        for (CostLine l : a.lines()) {
            lines.add(line(l));
        }
        ObjectNode by = n.putObject("byComponent");
        for (Map.Entry<String, Money> e : a.byComponent().entrySet()) {
            by.put(e.getKey(), e.getValue().cents());
        }
        ArrayNode notes = n.putArray("notes");
        a.notes().forEach(notes::add);
        return n;
    }

    static ObjectNode line(CostLine l) {
        ObjectNode n = F.objectNode();
        Price p = l.price();
        n.put("key", l.key());
        n.put("component", l.component());
        n.put("item", l.item());
        n.put("quantity", l.quantity());
        n.put("unit", l.unit());
        if (p.isMissing()) {
            n.putNull("unitPriceUsd");
            n.putNull("monthlyUsd");
        } else {
            n.put("unitPriceUsd", p.firstTierUsd().stripTrailingZeros());
            n.put("monthlyUsd", l.monthly().cents());
            n.put("monthlyUsdExact", l.monthly().amount().stripTrailingZeros());
        }
        if (p.isTiered()) {
            ArrayNode t = n.putArray("tiers");
            for (Tier tier : p.tiers()) {
                ObjectNode tn = t.addObject();
                tn.put("from", tier.from());
                if (tier.to() == null) {
                    tn.putNull("to");
                } else {
                    tn.put("to", tier.to());
                }
                tn.put("usd", tier.usd().stripTrailingZeros());
            }
        }
        n.put("priceId", p.id().id());
        n.put("priceKey", p.id().keyText());
        n.put("priceStatus", p.status().name().toLowerCase());
        n.put("priceSource", p.isMissing() ? "missing: " + p.note() : p.provenance());
        n.put("priceDate", p.sourceDate());
        n.put("quantityFormula", Words.english().formula(l.quantityFormula()));
        n.put("formula", Words.english().pricedFormula(l));
        n.put("note", Words.english().formula(l.note()));
        return n;
    }

    static ObjectNode baseline(BaselineComparison b) {
        ObjectNode n = F.objectNode();
        n.put("lowUsd", b.planLow().cents());
        n.put("highUsd", b.planHigh().cents());
        n.put("computedUsd", b.computed().cents());
        n.put("position", b.position().name().toLowerCase(java.util.Locale.ROOT));
        n.put("midUsd", b.planMid().cents());
        n.put("deltaUsd", b.delta().cents());
        n.put("aboveHighUsd", b.aboveHigh().cents());
        n.put("aboveLowUsd", b.aboveLow().cents());
        n.put("summary", Words.english().summary(b));
        n.set("lines", rows(b.rows()));
        ObjectNode cw = n.putObject("cloudwatchOnly");
        cw.put("planUsd", b.cloudwatchOnlyPlan().cents());
        cw.put("computedUsd", b.cloudwatchOnlyComputed().cents());
        cw.set("lines", rows(b.cloudwatchOnlyRows()));
        return n;
    }

    static ArrayNode rows(List<BaselineRow> rows) {
        ArrayNode a = F.arrayNode();
        for (BaselineRow r : rows) {
            ObjectNode n = a.addObject();
            n.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            n.put("name", Words.english().rowName(r));
            n.put("planUsd", r.planMid().cents());
            n.put("planLowUsd", r.planLow().cents());
            n.put("planHighUsd", r.planHigh().cents());
            n.put("computedUsd", r.computed().cents());
            n.put("deltaUsd", r.delta().cents());
            n.put("complete", r.complete());
            n.put("planFormula", r.planFormula().text());
            n.put("reason", Words.english().reasons(r));
            ArrayNode causes = n.putArray("causes");
            for (io.promplan.core.baseline.Reason c : r.reasons()) {
                ObjectNode cn = causes.addObject();
                cn.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                if (c.amount() != null) {
                    cn.put("usd", c.amount().cents());
                }
                ArrayNode args = cn.putArray("args");
                c.args().forEach(args::add);
                cn.put("text", Words.english().reason(c));
            }
        }
        return a;
    }

    static ObjectNode roi(Roi r) {
        ObjectNode n = F.objectNode();
        range(n, "extraMonthlyUsd", r.extraMonthly().low().cents(), r.extraMonthly().high().cents());
        range(n, "valueMonthlyUsd", r.valueMonthly().low().cents(), r.valueMonthly().high().cents());
        ObjectNode roi = n.putObject("roiPercent");
        putNullable(roi, "low", r.roiPercentLow());
        putNullable(roi, "high", r.roiPercentHigh());
        ObjectNode pb = n.putObject("paybackMonths");
        putNullable(pb, "low", r.paybackMonthsLow());
        putNullable(pb, "high", r.paybackMonthsHigh());
        range(n, "setupCostUsd", r.setupCost().low().cents(), r.setupCost().high().cents());
        n.put("hoursSavedPerMonth", Num.round(r.hoursSavedPerMonth(), 3));
        n.put("formula", r.formula());
        ObjectNode be = n.putObject("breakEvenHoursSavedPerMonth");
        putNullable(be, "low", r.breakEvenHoursLow() == null ? null : Num.round(r.breakEvenHoursLow(), 2));
        putNullable(be, "high", r.breakEvenHoursHigh() == null ? null : Num.round(r.breakEvenHoursHigh(), 2));
        n.put("paysOff", r.paysOff());
        n.put("percentMeaningful", r.percentMeaningful());
        if (r.planClaim() != null) {
            var c = r.planClaim();
            ObjectNode pc = n.putObject("planClaim");
            range(pc, "claimedPercent", BigDecimal.valueOf(c.claimedLowPercent()), BigDecimal.valueOf(c.claimedHighPercent()));
            pc.put("hoursSavedPerMonth", c.hoursSavedPerMonth());
            range(pc, "planValueUsd", c.planValue().low().cents(), c.planValue().high().cents());
            range(pc, "planExtraUsd", c.planExtra().low().cents(), c.planExtra().high().cents());
            ObjectNode pf = pc.putObject("planFormulaPercent");
            putNullable(pf, "low", c.planFormulaLowPercent());
            putNullable(pf, "high", c.planFormulaHighPercent());
            ObjectNode tf = pc.putObject("toolFormulaPercent");
            putNullable(tf, "low", c.toolFormulaLowPercent());
            putNullable(tf, "high", c.toolFormulaHighPercent());
        }
        ArrayNode txt = n.putArray("text");
        Words.english().roi(r).forEach(txt::add);
        return n;
    }

    private static void range(ObjectNode n, String k, BigDecimal low, BigDecimal high) {
        ObjectNode o = n.putObject(k);
        o.put("low", low);
        o.put("high", high);
    }

    private static void putNullable(ObjectNode n, String k, Double v) {
        if (v == null) {
            n.putNull(k);
        } else {
            n.put(k, v);
        }
    }

    static ArrayNode refs(List<PriceRef> refs) {
        ArrayNode a = F.arrayNode();
        for (PriceRef r : refs) {
            ObjectNode n = a.addObject();
            n.put("id", r.price().id().id());
            n.put("key", r.price().id().keyText());
            n.put("region", r.price().region());
            n.put("note", r.price().note());
            if (!r.price().isMissing()) {
                n.put("unitPriceUsd", r.price().firstTierUsd().stripTrailingZeros());
            }
            ArrayNode u = n.putArray("usedBy");
            r.usedBy().forEach(u::add);
        }
        return a;
    }
}
