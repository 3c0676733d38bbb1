package io.promplan.core.cost;

import java.util.List;
import java.util.Optional;

/**
 * The alternatives the product prices, in the order every output lists them (and charts colour
 * them): the one place an alternative is registered.
 */
public final class AlternativeRegistry {
    public static final List<AlternativeModel> ALL = List.of(SelfHostedModel.INSTANCE, CloudWatchOnlyModel.INSTANCE, ManagedAlternative.INSTANCE,
            SelfHostedEbsModel.INSTANCE);

    /** The registered models that apply to a scenario, in registry order. */
    public static List<AlternativeModel> applying(io.promplan.core.workload.Scenario s) {
        return ALL.stream().filter(m -> m.appliesTo(s)).toList();
    }

    private AlternativeRegistry() {
    }

    public static Optional<AlternativeModel> byId(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Its place in the registry (a chart's colour index), -1 when it is not registered. */
    public static int indexOf(String id) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The first registered model in a role. */
    public static Optional<AlternativeModel> first(AlternativeModel.Role role) {
        return ALL.stream().filter(m -> m.role() == role).findFirst();
    }

    /** The id of the first registered model in a role. */
    public static String idOf(AlternativeModel.Role role) {
        return first(role).map(AlternativeModel::id).orElseThrow();
    }
}
