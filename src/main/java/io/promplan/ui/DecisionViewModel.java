package io.promplan.ui;

import io.promplan.core.analysis.Decision;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.service.PlanningService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The decision views' state: for every new plan on screen, the analyses of the report (TCO over time,
 * the service-count sweep with its crossings, the seeded Monte Carlo simulation, the tornado) computed on
 * their own runner (debounced, off the JavaFX thread; a newer plan supersedes an older computation).
 */
public final class DecisionViewModel {
    /**
     * The simulation's draws while the user edits: enough for a stable majority (the recommendation's rule)
     * in well under a second; the exported report runs {@link io.promplan.service.DecisionService#DEFAULT_RUNS}.
     */
    public static final int LIVE_RUNS = 5_000;
    private final MainViewModel vm;
    private final PlanRunner runner;
    private final int runs;
    private final ObjectProperty<Decision> decision = new SimpleObjectProperty<>(this, "decision");
    private final BooleanProperty computing = new SimpleBooleanProperty(this, "computing");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private Plan lastPlan;

    public DecisionViewModel(MainViewModel vm, PlanRunner runner, int runs) {
        this.vm = vm;
        this.runner = runner;
        this.runs = runs;
        vm.closeWith(runner);
        vm.resultsProperty().addListener((o, a, b) -> {
            // a new plan (not its sweep arriving for the same plan)
            if (b != null && b.plan() != lastPlan) {
                lastPlan = b.plan();
                submit(b.plan().scenario());
            }
        });
        if (vm.plan() != null) {
            lastPlan = vm.plan();
            submit(lastPlan.scenario());
        }
        vm.growthProperty().addListener((o, a, b) -> {
            if (lastPlan != null) {
                submit(lastPlan.scenario());
            }
        });
    }

    /**
     * Sets the growth plan of the TCO (as `--growth` takes it) when it is allowed, and the analyses run again.
     *
     * @return the problem in the app's language, or empty when the plan was taken
     */
    public String setGrowth(String text) {
        String g = text == null || text.isBlank() ? "default" : text.trim();
        int n = lastPlan == null ? 1 : lastPlan.scenario().workload().serviceCount();
        try {
            io.promplan.core.analysis.GrowthPlan.parse(g, n);
        } catch (IllegalArgumentException e) {
            return vm.i18n().get("decision.growthInvalid", g);
        }
        vm.growthProperty().set(g);
        return "";
    }

    public String growth() {
        return vm.growthProperty().get();
    }

    private void submit(Scenario s) {
        PlanningService svc = vm.service();
        computing.set(true);
        StartGate.ANSWERED.whenOpen(() -> submit(svc, s));
    }

    private void submit(PlanningService svc, Scenario s) {
        if (lastPlan == null || !lastPlan.scenario().equals(s)) {
            return; // superseded while start-up held it back
        }
        String growth = vm.growthProperty().get();
        runner.submit(() -> ToolsViewModel.decide(svc, s, runs, growth), d -> {
            computing.set(false);
            error.set("");
            decision.set(d);
        }, e -> {
            computing.set(false);
            error.set(vm.i18n().get("decision.failed", ToolsViewModel.cause(e)));
        });
    }

    /** The Monte Carlo draws of each simulation (seeded: the same inputs give the same figures). */
    public int runs() {
        return runs;
    }

    /** The last decision computed, or null before the first. */
    public Decision decision() {
        return decision.get();
    }

    public ReadOnlyObjectProperty<Decision> decisionProperty() {
        return decision;
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing;
    }

    /** Why the last computation failed, empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
