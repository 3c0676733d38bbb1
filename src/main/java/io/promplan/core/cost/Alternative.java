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
public record Alternative(String id, String name, AlternativeModel.Role role, List<CostLine> lines, List<String> notes) {
    /** The ids of the shipped models, for callers that name one (tests, the export's README); behaviour goes by {@link #model()}. */
    public static final String SELF_HOSTED = SelfHostedModel.ID;
    public static final String CLOUDWATCH_ONLY = CloudWatchOnlyModel.ID;
    public static final String AMP_AMG = ManagedAlternative.ID;

    public Alternative {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /** The registered model of this alternative (empty for an id no model has). */
    public java.util.Optional<AlternativeModel> model() {
        return AlternativeRegistry.byId(id);
    }

    public boolean isSelfHosted() {
        return role == AlternativeModel.Role.OWN_STACK;
    }

    public boolean isManaged() {
        return role == AlternativeModel.Role.MANAGED;
    }

    public boolean isInPlace() {
        return role == AlternativeModel.Role.IN_PLACE;
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
