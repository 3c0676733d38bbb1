package io.promplan.render;

import io.promplan.core.baseline.BaselineComparison;
import io.promplan.core.baseline.BaselineRow;
import io.promplan.core.baseline.Reason;
import io.promplan.core.money.Money;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The sentences made from the core's structured results (baseline causes, the overrun, ROI), in
 * English or Korean, from the bundle {@code io/promplan/render/words*.properties}.
 */
public final class Words {
    public static final String BUNDLE = "io.promplan.render.words";
    private final ResourceBundle bundle;
    private final Locale locale;

    private Words(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final Words EN = new Words(Locale.ROOT);
    private static final Words KO = new Words(Locale.KOREAN);

    public static Words of(Labels.Lang lang) {
        return lang == Labels.Lang.KO ? KO : EN;
    }

    public static Words english() {
        return of(Labels.Lang.EN);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String p = bundle.getString(key);
        return args.length == 0 ? p : new MessageFormat(p, Locale.ROOT).format(args);
    }

    public static String signed(Money m) {
        return (m.isNegative() ? "-" : "+") + usdText(m.amount().abs());
    }

    /**
     * The English money style of every table, sentence and report: "$1,234.56", "-$12.30" (the cents rounded half
     * up at this line; machine outputs, CSV numbers and JSON, carry the plain amount instead).
     */
    public static String usdText(java.math.BigDecimal amount) {
        return (amount.setScale(2, java.math.RoundingMode.HALF_UP).signum() < 0 ? "-$" : "$") + grouped(amount);
    }

    /** The amount's size in cents, rounded half up, its thousands separated: "1,234.56" (both languages write it so). */
    private static String grouped(java.math.BigDecimal amount) {
        return new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(Locale.US))
                .format(amount.setScale(2, java.math.RoundingMode.HALF_UP).abs());
    }

    /**
     * An amount as this language writes it: English "$1,234.56"; Korean "US$1,234.56" (the won sign is
     * never meant).
     */
    public String money(Money m) {
        if (!isKorean()) {
            return Money.USD.equals(m.currency()) ? usdText(m.amount()) : m.format();
        }
        return (m.isNegative() ? "-US$" : "US$") + grouped(m.amount());
    }

    /** A difference with its sign, in this language's money format. */
    public String signedMoney(Money m) {
        if (!isKorean()) {
            return signed(m);
        }
        return (m.isNegative() ? "-" : "+") + money(Money.usd(m.amount().abs()));
    }

    /** An amount the core passed as "$12.34" (a cause's figure), in this language's money format. */
    public String moneyArg(String s) {
        String t = s.trim();
        boolean neg = t.startsWith("-");
        String digits = t.replaceFirst("^[+-]?\\$", "");
        if (digits.equals(t) || !digits.matches("[0-9]+(\\.[0-9]+)?")) {
            return s;
        }
        if (!isKorean()) {
            String sign = t.startsWith("+") ? "+" : neg ? "-" : "";
            return sign + "$" + new java.text.DecimalFormat(digits.contains(".") ? "#,##0.00##########" : "#,##0",
                    java.text.DecimalFormatSymbols.getInstance(Locale.US)).format(new java.math.BigDecimal(digits));
        }
        Money m = Money.usd(digits);
        return money(neg ? m.negate() : m);
    }

    private boolean isKorean() {
        return Locale.KOREAN.getLanguage().equals(locale.getLanguage());
    }

    /** A warning of the plan in words (the English is the command line's sentence, word for word). */
    public String warning(io.promplan.core.plan.Warning w) {
        List<String> a = new ArrayList<>(w.args());
        String key = "warning." + w.kind().name();
        switch (w.kind()) {
            case MODEL_BASIS -> {
                a.set(0, moneyArg(a.get(0)));
                a.set(1, moneyArg(a.get(1)));
            }
            case SHARDS_MANAGED_DEARER, SHARDS_MANAGED_CHEAPER -> {
                a.set(1, moneyArg(a.get(1)));
                a.set(2, Labels.of(lang()).t(a.get(2)));
                a.set(3, moneyArg(a.get(3)));
                a.set(4, moneyArg(a.get(4)));
            }
            case MISSING_PRICE -> key += a.get(3).isEmpty() ? "" : ".note";
            case ASSUMED_PRICES -> key += a.get(0).equals("1") ? ".one" : ".many";
            case THANOS_GLOBAL_VIEW -> key += a.get(0).equals("1") ? ".one" : ".many";
            default -> { }
        }
        return get(key, a.toArray());
    }

    /** The language of these words. */
    public Labels.Lang lang() {
        return isKorean() ? Labels.Lang.KO : Labels.Lang.EN;
    }

    /** One cause in words. */
    public String reason(Reason r) {
        String amount = r.amount() == null ? "" : signedMoney(r.amount());
        List<String> a = r.args();
        return switch (r.kind()) {
            case HOURS -> get("reason.hours", amount, a.get(0), a.get(1));
            case SIZING -> get("reason.sizing", amount);
            case QUANTITIES -> get("reason.quantities", amount, a.isEmpty() ? "" : a.get(0));
            case REGION -> get("reason.region", amount, a.get(0), a.get(1));
            case NOT_PRICED -> get("reason.notPriced", amount);
            case NOT_IN_PLAN -> get("reason.notInPlan", amount);
            case PLAN_ROUNDING -> get("reason.planRounding", amount, moneyArg(a.get(1)), moneyArg(a.get(2)));
            case MISSING_PRICE -> get("reason.missing", a.get(0));
            case NO_COMPUTED_LINE -> get("reason.noLine");
            case WITHIN_RANGE -> get("reason.within");
            case EXPORTER_INTERVAL -> get("reason.exporter", a.get(0), a.get(1), moneyArg(a.get(2)), moneyArg(a.get(3)), moneyArg(a.get(4)));
            case NOTE -> r.text().isEmpty() ? a.get(0) : text(r.text());
        };
    }

    /** Every cause of a row, joined. */
    public String reasons(BaselineRow row) {
        List<String> out = new ArrayList<>();
        for (Reason r : row.reasons()) {
            out.add(reason(r));
        }
        return String.join("; ", out);
    }

    /** A text of the scenario file in this language (else its English or plain text). */
    public String text(io.promplan.core.workload.LocalText t) {
        return t.text(lang().code());
    }

    /** A row's name: the plan's own for its lines, else what the row stands for. */
    public String rowName(BaselineRow row) {
        return switch (row.kind()) {
            case PLAN_LINE -> text(row.name());
            case NOT_IN_PLAN -> get("baseline.notInPlan", lang() == Labels.Lang.EN || row.lineKeys().isEmpty() ? row.name().text()
                    : String.join(", ", row.lineKeys().stream().map(this::lineName).toList()));
            case PLAN_ROUNDING -> get("baseline.planRounding");
        };
    }

    static String num(double d) {
        return io.promplan.core.sizing.Num.fmt(io.promplan.core.sizing.Num.round(d, 1));
    }

    static String pct(Double d) {
        return d == null ? "-" : io.promplan.core.sizing.Num.fmt(Math.round(d)) + " %";
    }

    /** The ROI lines: the break-even first, the percent only where it means something, the plan's own claim reconciled. */
    public List<String> roi(io.promplan.core.baseline.Roi r) {
        List<String> out = new ArrayList<>();
        if (r.extraMonthly().high().amount().signum() <= 0) {
            out.add(get("roi.cheaper", money(r.extraMonthly().high().negate()), money(r.extraMonthly().low().negate())));
        } else if (r.breakEvenHours().isPresent()) {
            var h = r.breakEvenHours().get();
            out.add(get(r.paysOff() ? "roi.breakEven.pays" : "roi.breakEven.short", num(h.from()), num(h.to()), num(r.hoursSavedPerMonth())));
        }
        if (r.extraMonthly().high().amount().signum() <= 0) {
            // no percent: there is no extra cost to return on
        } else if (r.roiPercentLow() == null && r.roiPercentHigh() == null) {
            out.add(get("roi.none"));
        } else if (r.percentMeaningful()) {
            out.add(get("roi.percent", pct(r.roiPercentLow()), pct(r.roiPercentHigh())));
        } else {
            out.add(get("roi.notMeaningful", money(r.extraMonthly().low()), money(r.valueMonthly().low().minus(r.extraMonthly().low())),
                    money(r.valueMonthly().high().minus(r.extraMonthly().high()))));
        }
        var c = r.planClaim();
        if (c != null) {
            out.add(get("roi.plan", num(c.claimedLowPercent()), num(c.claimedHighPercent()), num(c.hoursSavedPerMonth()),
                    money(c.planValue().low()), money(c.planValue().high()), money(c.planExtra().low()), money(c.planExtra().high()),
                    pct(c.planFormulaLowPercent()), pct(c.planFormulaHighPercent()), pct(c.toolFormulaLowPercent()), pct(c.toolFormulaHighPercent())));
        }
        return out;
    }

    /** The break-even hours as "from - to" in a number format (the command line's or the app's); empty when there are none. */
    public static java.util.Optional<String> breakEvenHours(io.promplan.core.baseline.Roi r, java.util.function.DoubleFunction<String> number) {
        return r.breakEvenHours().map(h -> number.apply(h.from()) + " - " + number.apply(h.to()));
    }

    /** The break-even hours as the command line writes them: one decimal at most. */
    public static java.util.Optional<String> breakEvenHours(io.promplan.core.baseline.Roi r) {
        return breakEvenHours(r, Words::num);
    }

    /** The overrun against the plan's range, said once. */
    public String summary(BaselineComparison b) {
        String s = switch (b.position()) {
            case NONE -> get("baseline.none");
            case ABOVE -> get("baseline.above", money(b.computed()), money(b.aboveHigh().rounded()), money(b.aboveLow().rounded()),
                    money(b.planLow()), money(b.planHigh()), signedMoney(b.delta()), money(b.planMid()));
            case BELOW -> get("baseline.below", money(b.computed()), money(b.aboveLow().negate().rounded()), money(b.aboveHigh().negate().rounded()),
                    money(b.planLow()), money(b.planHigh()), signedMoney(b.delta()), money(b.planMid()));
            case WITHIN -> get("baseline.within", money(b.computed()), money(b.planLow()), money(b.planHigh()), signedMoney(b.delta()), money(b.planMid()));
        };
        return b.complete() ? s : s + " " + get("baseline.incomplete");
    }

    // ---- names of the plan's parts: alternatives, components, cost lines, units, notes ----------

    /** An alternative's name: the command line's in English ("Self-hosted Prometheus + Grafana on Fargate"), the report's in Korean. */
    public String alternativeName(io.promplan.core.cost.Alternative a) {
        Labels l = Labels.of(lang());
        String k = DecisionTables.nameKey(a.id());
        return lang() == Labels.Lang.EN || !l.has(k) ? a.name() : l.t(k);
    }

    /** A task's name: its id ("prometheus", "grafana"), or the bundle's name, with its shard. */
    public String componentName(String key, int shard) {
        String base = bundle.containsKey("component." + key) ? get("component." + key) : key;
        return shard == 0 ? base : get("component.shard", base, String.valueOf(shard));
    }

    /**
     * A cost line's name, from its key (and, where one key stands for two things, its price or the
     * alternative's other lines): {@code line.<key>} with ':' as '.', or {@code line.<alternative>.<key>}.
     */
    public String lineName(io.promplan.core.plan.Plan p, io.promplan.core.cost.Alternative a, io.promplan.core.cost.CostLine l) {
        String k = l.key();
        String dotted = k.replace(':', '.');
        if (k.startsWith("fargate:") && (k.endsWith(":vcpu") || k.endsWith(":memory"))) {
            String seg = k.substring("fargate:".length(), k.lastIndexOf(':'));
            String kind = k.substring(k.lastIndexOf(':') + 1);
            var c = a.isSelfHosted()
                    ? p.sizing().components().stream().filter(x -> x.key().equals(seg)).findFirst().orElse(null) : null;
            String name = c != null ? componentName(c.component().key(), c.shard()) : componentName(seg, 0);
            return get("line.fargate." + kind, name);
        }
        String key = "line." + dotted;
        if (bundle.containsKey("line." + a.id() + "." + dotted)) {
            key = "line." + a.id() + "." + dotted;
        } else if (k.equals("cloudwatch:exporter-api") && l.price().id() == io.promplan.core.price.PriceId.CW_API_REQUESTS) {
            key = "line.cloudwatch.exporter-api.statistics";
        } else if (k.equals("network:nat:data") && a.lines().stream().noneMatch(x -> x.key().equals("network:nat:hours"))) {
            key = "line.network.nat.data.existing";
        }
        return bundle.containsKey(key) ? get(key) : l.item();
    }

    /** A line's name by its key alone (rows of the baseline that list computed lines), without the alternative's context. */
    public String lineName(String key) {
        if (key.startsWith("fargate:") && (key.endsWith(":vcpu") || key.endsWith(":memory"))) {
            return get("line.fargate." + key.substring(key.lastIndexOf(':') + 1), componentName(key.substring("fargate:".length(), key.lastIndexOf(':')), 0));
        }
        String k = "line." + key.replace(':', '.');
        return bundle.containsKey(k) ? get(k) : key;
    }

    /**
     * A formula of the core ({@code formula.<kind>} of this bundle, a MessageFormat pattern, with its
     * figures; a figure that is a formula is written first): how a quantity is computed, a line's note.
     */
    public String formula(io.promplan.core.cost.Formula f) {
        if (f.isEmpty()) {
            return "";
        }
        Object[] args = f.figures().stream().map(x -> x instanceof io.promplan.core.cost.Formula g ? formula(g) : x).toArray();
        return new MessageFormat(bundle.getString("formula." + f.kind()), Locale.ROOT).format(args);
    }

    /** A priced line: "730 vCPU-hour x $0.04656 = $33.99", the tiers when tiered, the missing price's key when missing. */
    public String pricedFormula(io.promplan.core.cost.CostLine l) {
        var price = l.price();
        String q = l.quantity().stripTrailingZeros().toPlainString() + " " + unit(l.unit());
        if (price.isMissing()) {
            return get("formula.priced.missing", q, price.id().keyText(), price.region());
        }
        String total = money(l.monthly().rounded());
        return price.isTiered() ? get("formula.priced.tiered", q, tierBreakdown(price, l.quantity()), total)
                : get("formula.priced", q, price.firstTierUsd().stripTrailingZeros().toPlainString(), total);
    }

    /** A price unit ("vCPU-hour", "1000 metrics") in this language. */
    public String unit(String u) {
        String k = "unit." + u.replace(' ', '_');
        return bundle.containsKey(k) ? get(k) : u;
    }

    /** An alternative's notes in this language (the core's English when the bundle does not know them). */
    public List<String> alternativeNotes(io.promplan.core.plan.Plan p, io.promplan.core.cost.Alternative a) {
        List<String> keys = a.model().map(m -> m.noteKeys(p.scenario())).orElse(List.of());
        if (keys.size() != a.notes().size()) {
            return a.notes();
        }
        return keys.stream().map(this::get).toList();
    }

    /** A price that is missing or assumed, with what it stands on and the lines that use it. */
    public String priceRef(io.promplan.core.plan.PriceRef r) {
        var pr = r.price();
        return get(pr.note().isEmpty() ? "priceRef" : "priceRef.note", pr.id().id(), pr.id().keyText(), pr.region(), pr.note(), String.join(", ", r.usedBy()));
    }

    /** How ROI and payback are computed. */
    public String roiFormula(io.promplan.core.baseline.Roi r) {
        return get("roi.formula");
    }

    // ---- how a sizing figure is computed (core.sizing.Explanation, shown by --explain) -------------

    /**
     * An explanation as one line in this language: its figure, formula and inputs' names from the keys the
     * core chose ({@code explain.figure.<key>}, {@code explain.formula.<key>}, {@code explain.input.<key>},
     * MessageFormat patterns taking the figures the core carries); the inputs' values and the result are
     * written as the core wrote them.
     */
    public String explanation(io.promplan.core.sizing.Explanation e) {
        StringBuilder in = new StringBuilder();
        for (var x : e.inputs()) {
            in.append(in.isEmpty() ? "" : ", ").append(explainInput(x)).append(" = ").append(explainValue(x));
        }
        String inputs = e.inputs().isEmpty() ? "" : get("explain.inputs", in.toString());
        return get("explain.line", explainFigure(e), explainFormula(e), inputs, explainResult(e));
    }

    /** The figure an explanation computes ("grafana requiredVcpu"). */
    public String explainFigure(io.promplan.core.sizing.Explanation e) {
        return phrase("explain.figure.", e.figure());
    }

    /** The formula of an explanation. */
    public String explainFormula(io.promplan.core.sizing.Explanation e) {
        return phrase("explain.formula.", e.formula());
    }

    /** An input's name ("B/sample at the scrape interval (15s)"). */
    public String explainInput(io.promplan.core.sizing.Explanation.Input i) {
        return text("explain.input." + i.key(), i.args());
    }

    /** An input's value: as the core wrote it, or a citation in this language ({@code explain.cite.<key>}, its arguments citations too). */
    public String explainValue(io.promplan.core.sizing.Explanation.Input i) {
        if (i.cite() == null) {
            return i.value();
        }
        Object[] ends = i.cite().args().stream().map(k -> get("explain.cite." + k)).toArray();
        return get("explain.cite." + i.cite().key(), ends);
    }

    /** The result: the value as the core wrote it. */
    public String explainResult(io.promplan.core.sizing.Explanation e) {
        return e.value();
    }

    /**
     * Where the sizing coefficients come from, in this language. The source is data of a calibration file: the
     * calibration shipped in the build has its text in the bundles ({@code explain.source.<calibration>}, the
     * English word for word); any other source (a user's calibration, another value mix) is written as it is.
     */
    public String explainSource(io.promplan.core.sizing.SizingCoefficients k) {
        Words en = english();
        for (String key : en.bundle.keySet()) {
            if (key.startsWith("explain.source.") && en.bundle.getString(key).equals(k.source())) {
                return bundle.getString(key);
            }
        }
        return k.source();
    }

    private String phrase(String prefix, io.promplan.core.sizing.Explanation.Phrase p) {
        return text(prefix + p.key(), p.args());
    }

    /** A pattern with its figures; a pattern without figures is the bundle's text as it is. */
    private String text(String key, List<String> args) {
        return get(key, args.toArray());
    }

    // ---- what the workload's figures imply (core.sizing.Implications) ---------------------------

    public String implicationFigure(io.promplan.core.sizing.Explanation e) {
        return get("implication." + e.figure().key() + ".figure");
    }

    public String implicationFormula(io.promplan.core.sizing.Explanation e) {
        return get("implication." + e.figure().key() + ".formula");
    }

    public String implicationResult(io.promplan.core.sizing.Explanation e) {
        String id = e.result().key();
        List<String> a = e.result().args();
        String head = get("implication." + id + ".result", a.toArray());
        if (id.equals("storage") || a.size() < 2 || a.get(a.size() - 2).isEmpty()) {
            return head;
        }
        String unit = id.equals("serviceSeries") ? "mib" : "series";
        return head + get("implication.published." + unit, a.get(a.size() - 2), a.get(a.size() - 1));
    }

    /** An input's name in an implication ("active series", "MiB a day"). */
    public String implicationInput(io.promplan.core.sizing.Explanation.Input i) {
        return text("implication.input." + i.key(), i.args());
    }

    // ---- a tiered price's breakdown (core.price.Price.tiers) ------------------------------------

    /** The tiers a quantity goes through in this language's money style: "10000 x $0.3 + 5000 x $0.1" ("US$" in Korean). */
    public String tierBreakdown(io.promplan.core.price.Price p, java.math.BigDecimal quantity) {
        List<String> parts = new ArrayList<>();
        for (var t : p.tiersOf(quantity)) {
            parts.add(get("tier.part", t.quantity().stripTrailingZeros().toPlainString(), t.usd().stripTrailingZeros().toPlainString()));
        }
        return parts.isEmpty() ? "0" : String.join(" + ", parts);
    }
}
