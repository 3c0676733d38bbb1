package io.promplan.ui;

import io.promplan.core.cost.Alternative;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.io.InputFileException;
import io.promplan.service.PlanningService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Two or three scenarios side by side: each is read and planned (off the JavaFX thread in the app),
 * then shown as one column per scenario and one row per figure. Any number of alternatives.
 */
public final class CompareViewModel {
    public static final int MAX_SCENARIOS = 3;

    /** One figure across the scenarios. */
    public record Row(String label, List<String> values) {
        public Row {
            values = List.copyOf(values);
        }
    }

    private final PlanningService service;
    private final I18n t;
    private final PlanRunner runner;
    private final ObservableList<String> headers = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private List<Plan> plans = List.of();

    public CompareViewModel(PlanningService service, I18n t, PlanRunner runner) {
        this.service = service;
        this.t = t;
        this.runner = runner;
        t.localeProperty().addListener((o, a, b) -> show(plans));
    }

    public ObservableList<String> headers() {
        return headers;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public List<Plan> plans() {
        return plans;
    }

    /** Reads and plans the files (the first three); a file that cannot be used is named in {@link #errorProperty()}. */
    public void compare(List<Path> files) {
        compare(files, null);
    }

    /**
     * The scenario being edited (when not null, the first column, planned as it is on screen) beside the files
     * (the first three; a file whose scenario is the edited one is not shown twice).
     */
    public void compare(List<Path> files, Scenario edited) {
        List<Path> use = files.size() > MAX_SCENARIOS ? files.subList(0, MAX_SCENARIOS) : List.copyOf(files);
        if (use.size() + (edited == null ? 0 : 1) < 2) {
            error.set(t.get("compare.needTwo"));
            return;
        }
        error.set("");
        runner.submit(() -> {
            List<Plan> out = new ArrayList<>();
            if (edited != null) {
                out.add(service.plan(edited));
            }
            for (Path p : use) {
                Scenario s = service.load(p);
                if (edited == null || !s.equals(edited)) {
                    out.add(service.plan(s));
                }
            }
            return new Shown(out, edited != null);
        }, r -> show(r.plans(), r.withEdited()),
                e -> error.set(e instanceof InputFileException ? e.getMessage() : t.get("status.planFailed", String.valueOf(e.getMessage()))));
    }

    private record Shown(List<Plan> plans, boolean withEdited) {
    }

    /** True when the first column is the scenario being edited. */
    public boolean showsEdited() {
        return withEdited;
    }

    private boolean withEdited;

    private void show(List<Plan> ps) {
        show(ps, withEdited);
    }

    private void show(List<Plan> ps, boolean edited) {
        plans = List.copyOf(ps);
        withEdited = edited;
        ResultsPresenter pr = new ResultsPresenter(t);
        List<String> names = new ArrayList<>(ps.stream().map(p -> p.scenario().name().text(t.locale())).toList());
        if (edited && !names.isEmpty()) {
            names.set(0, t.get("compare.edited", names.get(0)));
        }
        headers.setAll(names);
        List<Row> out = new ArrayList<>();
        out.add(row("compare.services", ps, p -> t.integer(p.scenario().workload().serviceCount())));
        out.add(row("compare.series", ps, p -> t.integer(p.sizing().activeSeries())));
        out.add(row("compare.samples", ps, p -> t.number(p.sizing().samplesPerSecond(), 1)));
        out.add(row("compare.storage", ps, p -> t.number(p.sizing().storage().volumeGiB(), 2) + " GiB (" + p.sizing().storage().backend().key() + ")"));
        out.add(row("compare.prometheus", ps, p -> p.sizing().components().stream()
                .filter(c -> c.component() == io.promplan.core.workload.Component.PROMETHEUS)
                .map(c -> c.size().text()).reduce((a, b) -> a + " + " + b).orElse("-")));
        Map<String, String> alts = new LinkedHashMap<>();
        for (Plan p : ps) {
            for (Alternative a : p.alternatives()) {
                alts.putIfAbsent(a.id(), pr.alternativeName(a));
            }
        }
        for (Map.Entry<String, String> e : alts.entrySet()) {
            List<String> v = new ArrayList<>();
            for (Plan p : ps) {
                v.add(p.alternative(e.getKey()).map(a -> t.money(a.monthly()) + (a.complete() ? "" : " " + t.get("summary.incomplete"))).orElse("-"));
            }
            out.add(new Row(t.get("compare.monthly", e.getValue()), v));
        }
        out.add(row("compare.baseline", ps, p -> p.baseline().planLow().isZero() && p.baseline().planHigh().isZero()
                ? "-" : pr.range(p.baseline().planLow(), p.baseline().planHigh())));
        out.add(row("compare.difference", ps, p -> {
            if (p.baseline().planLow().isZero() && p.baseline().planHigh().isZero()) {
                return "-";
            }
            var mid = p.baseline().planLow().plus(p.baseline().planHigh()).times(new java.math.BigDecimal("0.5"));
            return t.signedMoney(p.baseline().computed().minus(mid));
        }));
        out.add(row("compare.perService", ps, p -> t.money(p.selfHosted().monthly().times(
                1.0 / Math.max(1, p.scenario().workload().serviceCount())))));
        // The break-even leads, as in the answer; a ROI percent only where the extra cost makes it meaningful.
        out.add(row("compare.breakEven", ps, p -> p.roi().extraMonthly().high().amount().signum() <= 0 ? t.get("compare.cheaper")
                : io.promplan.render.Words.breakEvenHours(p.roi(), h -> t.number(h, 1)).orElse("-")));
        out.add(row("compare.roi", ps, p -> p.roi().roiPercentLow() == null || !p.roi().percentMeaningful() ? "-"
                : t.number(p.roi().roiPercentLow(), 0) + "% / " + t.number(p.roi().roiPercentHigh(), 0) + "%"));
        out.add(row("compare.payback", ps, p -> p.roi().paybackMonthsLow() == null ? "-"
                : t.number(p.roi().paybackMonthsLow(), 1) + " / " + t.number(p.roi().paybackMonthsHigh(), 1)));
        out.add(row("compare.warnings", ps, p -> warningCount(p, t)));
        out.add(row("compare.prices", ps, pr::priceLine));
        rows.setAll(out);
    }

    private Row row(String key, List<Plan> ps, java.util.function.Function<Plan, String> f) {
        return new Row(t.get(key), ps.stream().map(f).toList());
    }

    /**
     * The count the main window's Warnings tab shows (the plan's warnings, then every missing and every assumed
     * price: one entry each) with what it is made of: "18 (4 from the plan, 14 assumed prices)".
     */
    static String warningCount(Plan p, I18n t) {
        int plan = p.warnings().size();
        int missing = p.missingPrices().size();
        int assumed = p.assumedPrices().size();
        int all = plan + missing + assumed;
        if (missing == 0 && assumed == 0) {
            return t.integer(all);
        }
        List<String> parts = new ArrayList<>();
        parts.add(t.get("compare.warningsPlan", plan));
        if (missing > 0) {
            parts.add(t.get("compare.warningsMissing", missing));
        }
        if (assumed > 0) {
            parts.add(t.get("compare.warningsAssumed", assumed));
        }
        return t.get("compare.warningsCount", t.integer(all), String.join(", ", parts));
    }
}
