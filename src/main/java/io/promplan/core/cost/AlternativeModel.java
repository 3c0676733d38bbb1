package io.promplan.core.cost;

import io.promplan.core.workload.Scenario;
import java.util.List;

/**
 * One way to monitor the services, as a model: what it is (id, name, role) and how it is priced on
 * a planned workload (its {@link #demands}, priced by one {@link Pricer}). Every model is registered once, in {@link AlternativeRegistry#ALL}; the planner,
 * the analyses and the renderers loop over the registry and ask a model's {@link #role()} instead of
 * comparing ids, so another alternative is one more model and one more registry entry (and its words
 * in the bundles).
 */
public interface AlternativeModel {

    /** What an alternative is to the others: who runs it, what it costs in hours, what it is compared with. */
    enum Role {
        /** Runs its own Prometheus + Grafana: carries the running (ops) hours and the full set-up hours. */
        OWN_STACK,
        /** Managed Prometheus-compatible services: a share of the set-up hours, no running hours of its own. */
        MANAGED,
        /** What monitors the services today: no set-up; the reference of ROI and break-even. */
        IN_PLACE
    }

    /** The id in every output ("self-hosted"). */
    String id();

    /** The English name the command line prints. */
    String name();

    /** The bundle key of its name (render/labels*.properties); {@code short.<key>} is its short name. */
    default String nameKey() {
        return id();
    }

    Role role();

    default boolean isSelfHosted() {
        return role() == Role.OWN_STACK;
    }

    default boolean isManaged() {
        return role() == Role.MANAGED;
    }

    default boolean isInPlace() {
        return role() == Role.IN_PLACE;
    }

    /** Whether it runs Prometheus (its own or a managed one): what the decision chooses among. */
    default boolean runsPrometheus() {
        return role() != Role.IN_PLACE;
    }

    /**
     * Whether it is an alternative for this scenario at all (the plan, the analyses and the charts list only those that
     * apply). Most apply to every scenario; a variant of the stack (its long retention on EBS instead of Thanos on S3)
     * applies only where it is the other choice.
     */
    default boolean appliesTo(Scenario s) {
        return true;
    }

    /** The bundle keys of its notes (render/words*.properties), one per note, in order. */
    List<String> noteKeys(Scenario s);

    /** Its notes in English, in the order of {@link #noteKeys} (the command line's and the export's text). */
    List<String> notes(Scenario s);

    /** What it demands on the planned workload: quantities, their formulas and price ids, no prices. */
    List<CostDemand> demands(PlanContext ctx);

    /** Its demands priced in the context's region: a missing price stays missing, reported with its key. */
    default Alternative price(PlanContext ctx) {
        return new Alternative(id(), name(), role(), ctx.costModel().pricer().price(demands(ctx)), notes(ctx.scenario()));
    }
}
