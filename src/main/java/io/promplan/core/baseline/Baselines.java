package io.promplan.core.baseline;

import io.promplan.core.cost.Alternative;
import io.promplan.core.cost.CostLine;
import io.promplan.core.cost.CostModel;
import io.promplan.core.money.Money;
import io.promplan.core.price.Price;
import io.promplan.core.price.PriceCatalog;
import io.promplan.core.units.Hours;
import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.Baseline;
import io.promplan.core.workload.BaselineLine;
import io.promplan.core.workload.Workload;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the plan's lines with the computed ones and splits each difference into causes, one
 * amount per cause, that add up to the line's difference in cents:
 * <ol>
 * <li>hours: the plan's figure at 730 h a month instead of its own hours;</li>
 * <li>quantities: what the plan's own sizes, traffic and API calls cost at the plan's region prices, against its figure at 730 h;</li>
 * <li>sizing: the model's sizes instead of the plan's pinned ones, at the plan's region prices;</li>
 * <li>region: the stack's region prices instead of the plan's;</li>
 * </ol>
 * or, for an item the plan describes without pricing, the whole difference as that omission. Each
 * computed line belongs to the first plan line that covers it; computed lines no plan line covers
 * become rows of their own, and the gap between the plan's total and the sum of its lines is a row,
 * so that the rows add up to the total.
 */
public final class Baselines {
    private Baselines() {
    }

    /**
     * @param selfHosted the stack as planned (the decision's basis)
     * @param asPinned   the stack at the scenario's pinned sizes when the plan rests on the model's sizes, else null
     * @param w          the workload as planned (for the exporter's what-ifs)
     */
    public static BaselineComparison compare(Baseline b, Alternative selfHosted, Alternative asPinned, Alternative cwOnly, PriceCatalog catalog,
                                             String region, Workload w) {
        Money low = usd(b.lowUsd());
        Money high = usd(b.highUsd());
        List<BaselineRow> rows = table(b.lines(), low, high, selfHosted, asPinned, catalog, b.priceRegion(), region, w);
        Money cwPlan = usd(b.cloudwatchOnlyUsd());
        List<BaselineRow> cwRows = b.cloudwatchOnlyLines().isEmpty() ? List.of()
                : table(b.cloudwatchOnlyLines(), cwPlan, cwPlan, cwOnly, null, catalog, b.priceRegion(), region, w);
        Money computed = selfHosted.monthly();
        BaselineComparison.Position pos;
        if (b.lowUsd() == 0 && b.highUsd() == 0) {
            pos = BaselineComparison.Position.NONE;
        } else if (computed.compareTo(high) > 0) {
            pos = BaselineComparison.Position.ABOVE;
        } else if (computed.compareTo(low) < 0) {
            pos = BaselineComparison.Position.BELOW;
        } else {
            pos = BaselineComparison.Position.WITHIN;
        }
        return new BaselineComparison(low, high, computed, rows, cwPlan, cwOnly.monthly(), cwRows, pos, selfHosted.complete());
    }

    private static List<BaselineRow> table(List<BaselineLine> lines, Money totalLow, Money totalHigh, Alternative alt, Alternative asPinned,
                                           PriceCatalog catalog, String planRegion, String region, Workload w) {
        List<BaselineRow> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        Set<String> taken = new HashSet<>();
        Money sumMid = Money.ZERO_USD;
        for (BaselineLine l : lines) {
            List<CostLine> covered = alt.lines().stream().filter(c -> !taken.contains(c.key()) && covers(l, c)).toList();
            covered.forEach(c -> taken.add(c.key()));
            Set<String> keys = new HashSet<>(covered.stream().map(CostLine::key).toList());
            List<CostLine> pinned = asPinned == null ? covered : asPinned.lines().stream().filter(c -> keys.contains(c.key())).toList();
            BaselineRow r = row(l, covered, pinned, catalog, planRegion, region, w);
            rows.add(r);
            sumMid = sumMid.plus(r.planMid());
        }
        // Computed lines the plan has no line for, grouped by component.
        Map<String, List<CostLine>> left = new LinkedHashMap<>();
        for (CostLine c : alt.lines()) {
            if (!taken.contains(c.key())) {
                left.computeIfAbsent(c.component(), k -> new ArrayList<>()).add(c);
            }
        }
        for (List<CostLine> group : left.values()) {
            Money computed = sum(group);
            boolean complete = group.stream().noneMatch(CostLine::isMissing);
            List<Reason> reasons = new ArrayList<>();
            reasons.add(Reason.of(Reason.Kind.NOT_IN_PLAN, computed));
            if (!complete) {
                reasons.add(Reason.of(Reason.Kind.MISSING_PRICE, null, region));
            }
            String name = String.join(", ", group.stream().map(CostLine::item).toList());
            rows.add(new BaselineRow(BaselineRow.Kind.NOT_IN_PLAN, name, Money.ZERO_USD, Money.ZERO_USD, computed, computed, complete, "", reasons,
                    group.stream().map(CostLine::key).toList()));
        }
        Money totalMid = totalLow.plus(totalHigh).times(new BigDecimal("0.5")).rounded();
        Money gap = totalMid.minus(sumMid.rounded());
        if (gap.cents().signum() != 0) {
            // The plan's total is not the sum of its lines: a row with the plan's gap, computed 0, so that the rows add up.
            rows.add(new BaselineRow(BaselineRow.Kind.PLAN_ROUNDING, "", gap, gap, Money.ZERO_USD, gap.negate(), true, "",
                    List.of(Reason.of(Reason.Kind.PLAN_ROUNDING, gap.negate(), gap.format(), totalMid.format(), sumMid.rounded().format())), List.of()));
        }
        return rows;
    }

    private static boolean covers(BaselineLine l, CostLine c) {
        return l.covers().stream().anyMatch(p -> c.key().startsWith(p));
    }

    static BaselineRow row(BaselineLine l, List<CostLine> covered, List<CostLine> pinned, PriceCatalog catalog, String planRegion, String region, Workload w) {
        Money low = usd(l.lowUsd());
        Money high = usd(l.highUsd());
        Money mid = low.plus(high).times(new BigDecimal("0.5")).rounded();
        Money computed = sum(covered);
        boolean complete = covered.stream().noneMatch(CostLine::isMissing);
        Money delta = computed.minus(mid);
        List<Reason> info = new ArrayList<>();
        Map<Reason.Kind, BigDecimal> parts = new LinkedHashMap<>();
        if (covered.isEmpty()) {
            info.add(Reason.of(Reason.Kind.NO_COMPUTED_LINE, null));
        }
        if (l.notPriced()) {
            parts.put(Reason.Kind.NOT_PRICED, delta.amount());
        } else if (!complete) {
            info.add(Reason.of(Reason.Kind.MISSING_PRICE, null, region));
            parts.put(Reason.Kind.QUANTITIES, delta.amount());
        } else {
            BigDecimal planAt730 = mid.amount();
            if (l.planHours() > 0 && l.planHours() != Hours.PER_MONTH) {
                planAt730 = mid.amount().multiply(BigDecimal.valueOf(Hours.PER_MONTH)).divide(BigDecimal.valueOf(l.planHours()), 12, RoundingMode.HALF_UP);
                parts.put(Reason.Kind.HOURS, planAt730.subtract(mid.amount()));
            }
            BigDecimal pinnedAtPlan = atRegion(pinned, catalog, planRegion);
            BigDecimal modelAtPlan = atRegion(covered, catalog, planRegion);
            if (pinnedAtPlan == null || modelAtPlan == null) {
                // A price of the plan's region is missing: the quantities and the region cannot be told apart.
                parts.merge(Reason.Kind.QUANTITIES, computed.amount().subtract(planAt730), BigDecimal::add);
            } else {
                parts.put(Reason.Kind.QUANTITIES, pinnedAtPlan.subtract(planAt730));
                parts.put(Reason.Kind.SIZING, modelAtPlan.subtract(pinnedAtPlan));
                if (!planRegion.equals(region)) {
                    parts.put(Reason.Kind.REGION, computed.amount().subtract(modelAtPlan));
                } else {
                    parts.merge(Reason.Kind.QUANTITIES, computed.amount().subtract(modelAtPlan), BigDecimal::add);
                }
            }
        }
        List<Reason> reasons = new ArrayList<>();
        for (Map.Entry<Reason.Kind, Money> e : apportion(parts, delta).entrySet()) {
            if (e.getValue().cents().signum() == 0) {
                continue;
            }
            Reason.Kind k = e.getKey();
            String[] args = switch (k) {
                case HOURS -> new String[] {String.valueOf(Hours.PER_MONTH), String.valueOf(l.planHours())};
                case QUANTITIES -> new String[] {planRegion};
                case REGION -> new String[] {region, planRegion};
                default -> new String[0];
            };
            reasons.add(Reason.of(k, e.getValue(), args));
        }
        if (covered.stream().anyMatch(c -> c.key().startsWith("cloudwatch:exporter-api"))) {
            info.add(exporterWhatIf(w, catalog, region));
        }
        if (l.lowUsd() != l.highUsd() && computed.compareTo(low) >= 0 && computed.compareTo(high) <= 0) {
            info.add(Reason.of(Reason.Kind.WITHIN_RANGE, null));
        }
        if (!l.note().isEmpty()) {
            info.add(Reason.note(l.note()));
        }
        reasons.addAll(info);
        return new BaselineRow(BaselineRow.Kind.PLAN_LINE, l.name(), low, high, computed, delta, complete, l.planFormula(), reasons);
    }

    /** The exporter's cost at its interval and at 60 s and 300 s, priced by the API it calls. */
    static Reason exporterWhatIf(Workload w, PriceCatalog catalog, String region) {
        CostModel cm = new CostModel(catalog, region);
        String at60 = exporterCost(cm, w, TimeSpan.parse("60s"));
        String at300 = exporterCost(cm, w, TimeSpan.parse("300s"));
        return Reason.of(Reason.Kind.EXPORTER_INTERVAL, null, w.exporter().scrapeInterval().text(), w.exporter().api().apiName(),
                exporterCost(cm, w, w.exporter().scrapeInterval()), at60, at300);
    }

    private static String exporterCost(CostModel cm, Workload w, TimeSpan interval) {
        Workload x = w.toBuilder().exporter(w.exporter().withScrapeInterval(interval)).build();
        return sum(cm.exporterApiLines(x, false)).format();
    }

    /**
     * Rounds each part to cents so that they add up to {@code total} exactly: the cents lost or gained
     * by rounding go to the largest part (largest remainder).
     */
    static Map<Reason.Kind, Money> apportion(Map<Reason.Kind, BigDecimal> parts, Money total) {
        Map<Reason.Kind, Money> out = new LinkedHashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<Reason.Kind, BigDecimal> e : parts.entrySet()) {
            BigDecimal r = e.getValue().setScale(2, RoundingMode.HALF_UP);
            out.put(e.getKey(), Money.usd(r));
            sum = sum.add(r);
        }
        BigDecimal residual = total.cents().subtract(sum);
        if (residual.signum() != 0) {
            if (out.isEmpty()) {
                out.put(Reason.Kind.QUANTITIES, Money.usd(residual));
            } else {
                Reason.Kind biggest = parts.entrySet().stream().max(Comparator.comparing(e -> e.getValue().abs())).orElseThrow().getKey();
                out.put(biggest, Money.usd(out.get(biggest).cents().add(residual)));
            }
        }
        return out;
    }

    private static BigDecimal atRegion(List<CostLine> lines, PriceCatalog catalog, String r) {
        BigDecimal s = BigDecimal.ZERO;
        for (CostLine c : lines) {
            Price p = catalog.price(r, c.price().id());
            if (p.isMissing()) {
                return null;
            }
            s = s.add(p.costOf(c.quantity()).setScale(2, RoundingMode.HALF_UP));
        }
        return s;
    }

    private static Money sum(List<CostLine> lines) {
        Money m = Money.ZERO_USD;
        for (CostLine c : lines) {
            if (c.monthly() != null) {
                m = m.plus(c.monthly().rounded());
            }
        }
        return m;
    }

    private static Money usd(double d) {
        return Money.usd(BigDecimal.valueOf(d)).rounded();
    }
}
