package io.promplan.render;

import io.promplan.core.analysis.BaselineComparison;
import io.promplan.core.analysis.BaselineRow;
import io.promplan.core.analysis.Reason;
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

    public static Words of(Labels.Lang lang) {
        return new Words(lang == Labels.Lang.KO ? Locale.KOREAN : Locale.ROOT);
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
        return (m.isNegative() ? "-" : "+") + Money.usd(m.amount().abs()).rounded().format();
    }

    /** One cause in words. */
    public String reason(Reason r) {
        String amount = r.amount() == null ? "" : signed(r.amount());
        List<String> a = r.args();
        return switch (r.kind()) {
            case HOURS -> get("reason.hours", amount, a.get(0), a.get(1));
            case SIZING -> get("reason.sizing", amount);
            case QUANTITIES -> get("reason.quantities", amount, a.isEmpty() ? "" : a.get(0));
            case REGION -> get("reason.region", amount, a.get(0), a.get(1));
            case NOT_PRICED -> get("reason.notPriced", amount);
            case NOT_IN_PLAN -> get("reason.notInPlan", amount);
            case PLAN_ROUNDING -> get("reason.planRounding", amount, a.get(1), a.get(2));
            case MISSING_PRICE -> get("reason.missing", a.get(0));
            case NO_COMPUTED_LINE -> get("reason.noLine");
            case WITHIN_RANGE -> get("reason.within");
            case EXPORTER_INTERVAL -> get("reason.exporter", a.get(0), a.get(1), a.get(2), a.get(3), a.get(4));
            case NOTE -> a.get(0);
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

    /** A row's name: the plan's own for its lines, else what the row stands for. */
    public String rowName(BaselineRow row) {
        return switch (row.kind()) {
            case PLAN_LINE -> row.name();
            case NOT_IN_PLAN -> get("baseline.notInPlan", row.name());
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
    public List<String> roi(io.promplan.core.analysis.Roi r) {
        List<String> out = new ArrayList<>();
        if (r.extraMonthly().high().amount().signum() <= 0) {
            out.add(get("roi.cheaper", r.extraMonthly().high().negate().format(), r.extraMonthly().low().negate().format()));
        } else if (r.breakEvenHoursLow() != null) {
            double a = Math.min(r.breakEvenHoursLow(), r.breakEvenHoursHigh());
            double b = Math.max(r.breakEvenHoursLow(), r.breakEvenHoursHigh());
            out.add(get(r.paysOff() ? "roi.breakEven.pays" : "roi.breakEven.short", num(a), num(b), num(r.hoursSavedPerMonth())));
        }
        if (r.extraMonthly().high().amount().signum() <= 0) {
            // no percent: there is no extra cost to return on
        } else if (r.roiPercentLow() == null && r.roiPercentHigh() == null) {
            out.add(get("roi.none"));
        } else if (r.percentMeaningful()) {
            out.add(get("roi.percent", pct(r.roiPercentLow()), pct(r.roiPercentHigh())));
        } else {
            out.add(get("roi.notMeaningful", r.extraMonthly().low().format(), r.valueMonthly().low().minus(r.extraMonthly().low()).format(),
                    r.valueMonthly().high().minus(r.extraMonthly().high()).format()));
        }
        var c = r.planClaim();
        if (c != null) {
            out.add(get("roi.plan", num(c.claimedLowPercent()), num(c.claimedHighPercent()), num(c.hoursSavedPerMonth()),
                    c.planValue().low().format(), c.planValue().high().format(), c.planExtra().low().format(), c.planExtra().high().format(),
                    pct(c.planFormulaLowPercent()), pct(c.planFormulaHighPercent()), pct(c.toolFormulaLowPercent()), pct(c.toolFormulaHighPercent())));
        }
        return out;
    }

    /** The overrun against the plan's range, said once. */
    public String summary(BaselineComparison b) {
        String s = switch (b.position()) {
            case NONE -> get("baseline.none");
            case ABOVE -> get("baseline.above", b.computed().format(), b.aboveHigh().rounded().format(), b.aboveLow().rounded().format(),
                    b.planLow().format(), b.planHigh().format(), signed(b.delta()), b.planMid().format());
            case BELOW -> get("baseline.below", b.computed().format(), b.aboveLow().negate().rounded().format(), b.aboveHigh().negate().rounded().format(),
                    b.planLow().format(), b.planHigh().format(), signed(b.delta()), b.planMid().format());
            case WITHIN -> get("baseline.within", b.computed().format(), b.planLow().format(), b.planHigh().format(), signed(b.delta()), b.planMid().format());
        };
        return b.complete() ? s : s + " " + get("baseline.incomplete");
    }
}
