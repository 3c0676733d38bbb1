package io.promplan.core.cost;

import io.promplan.core.money.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way to monitor the services, priced: its lines and their total. The total is the sum of the
 * lines rounded to cents (each line is a bill line); a line with a missing price is left out of the
 * total and makes the alternative incomplete.
 */
public record Alternative(String id, String name, List<CostLine> lines, List<String> notes) {
    public static final String SELF_HOSTED = "self-hosted";
    public static final String CLOUDWATCH_ONLY = "cloudwatch-only";
    public static final String AMP_AMG = "amp-amg";

    public Alternative {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    public Money monthly() {
        Money m = Money.ZERO_USD;
        for (CostLine l : lines) {
            if (l.monthly() != null) {
                m = m.plus(l.monthly().rounded());
            }
        }
        return m;
    }

    public boolean complete() {
        return lines.stream().noneMatch(CostLine::isMissing);
    }

    /** Monthly cost by component, in the order components first appear. */
    public Map<String, Money> byComponent() {
        Map<String, Money> out = new LinkedHashMap<>();
        for (CostLine l : lines) {
            if (l.monthly() != null) {
                out.merge(l.component(), l.monthly().rounded(), Money::plus);
            } else {
                out.putIfAbsent(l.component(), Money.ZERO_USD);
            }
        }
        return out;
    }

    /** Sum of the lines whose key starts with one of the prefixes. */
    public Money sumOf(List<String> keyPrefixes) {
        Money m = Money.ZERO_USD;
        for (CostLine l : lines) {
            if (l.monthly() != null && keyPrefixes.stream().anyMatch(p -> l.key().startsWith(p))) {
                m = m.plus(l.monthly().rounded());
            }
        }
        return m;
    }

    public List<CostLine> linesOf(List<String> keyPrefixes) {
        return lines.stream().filter(l -> keyPrefixes.stream().anyMatch(p -> l.key().startsWith(p))).toList();
    }
}
