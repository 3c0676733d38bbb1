package io.promplan.ui;

import io.promplan.core.plan.InvalidScenarioException;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Problem;
import io.promplan.core.workload.Scenario;
import io.promplan.io.InputFileException;
import io.promplan.scenario.ScenarioReader;
import io.promplan.scenario.ScenarioUpdate;
import io.promplan.scenario.ScenarioWriter;
import io.promplan.service.PlanningService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state without a window: the scenario as form inputs with a message per field,
 * the last valid results (kept while an edit is not allowed), the file, unsaved changes, undo/redo,
 * recent files and the language. Every edit validates at once and asks the {@link PlanRunner} for a
 * new plan (debounced and off the JavaFX thread in the app).
 */
public final class MainViewModel {
    private static final String NEW_SCENARIO = "/io/promplan/ui/new-scenario.yaml";

    private final ObjectProperty<PlanningService> service = new SimpleObjectProperty<>(this, "service");
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final I18n i18n;
    private final Dialogs dialogs;
    private final RecentFiles recent;
    private final PlanRunner runner;
    private final List<InputField> fields;
    private final Map<String, InputField> byKey = new LinkedHashMap<>();

    private final ObjectProperty<Scenario> base = new SimpleObjectProperty<>(this, "base");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final ObjectProperty<PlanResults> results = new SimpleObjectProperty<>(this, "results");
    private final BooleanProperty stale = new SimpleBooleanProperty(this, "stale");
    private final BooleanProperty computing = new SimpleBooleanProperty(this, "computing");
    private final StringProperty otherProblems = new SimpleStringProperty(this, "otherProblems", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty canUndo = new SimpleBooleanProperty(this, "canUndo");
    private final BooleanProperty canRedo = new SimpleBooleanProperty(this, "canRedo");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final StringBinding title;

    private final Deque<State> undo = new ArrayDeque<>();
    private final Deque<State> redo = new ArrayDeque<>();
    private final StringProperty whatIf = new SimpleStringProperty(this, "whatIf", "");
    /** The growth plan of the TCO in the decision views and the report (the CLI's --growth): default, flat, +N/q or counts a year. */
    private final StringProperty growth = new SimpleStringProperty(this, "growth", "default");
    private Map<String, String> saved = Map.of();
    private String lastEditedField;
    private boolean applying;
    private java.util.function.Supplier<String> statusText = () -> "";
    private java.util.function.Supplier<String> whatIfText = () -> "";
    /** The scenario a run of service-count edits scales from (the last one the user set otherwise), or null. */
    private Scenario scaleAnchor;

    /** The form's texts and the parts of the scenario the form does not show: one undo step. */
    private record State(Map<String, String> values, Scenario base) {
    }
    private Consumer<PlanResults> resultListener = r -> { };

    public MainViewModel(PlanningService service, I18n i18n, Dialogs dialogs, RecentFiles recent, PlanRunner runner) {
        this.service.set(service);
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.recent = recent;
        this.runner = runner;
        this.fields = ScenarioForm.fields(new ArrayList<>(service.snapshot().catalog().regions()));
        for (InputField f : fields) {
            byKey.put(f.key(), f);
            f.valueProperty().addListener((o, a, b) -> edited(f, a));
        }
        recentFiles.setAll(recent.list());
        i18n.localeProperty().addListener((o, a, b) -> {
            if (base.get() != null) {
                // the scenario's name in the new language, unless the field holds an edit of it: no edit, no undo step
                InputField name = byKey.get("name");
                var names = base.get().name();
                if (a != null && name.value().equals(names.text(a)) && !names.text(a).equals(names.text(b))) {
                    applying = true;
                    try {
                        name.setValue(names.text(b));
                    } finally {
                        applying = false;
                    }
                }
                validate();
            }
            status.set(statusText.get());
            whatIf.set(whatIfText.get());
        });
        title = Bindings.createStringBinding(() -> {
            String name = byKey.get("name").value();
            Path p = file.get();
            return i18n.get("app.name") + " - " + (name.isBlank() ? i18n.get("scenario.untitled") : name)
                    + (p == null ? "" : " (" + p.getFileName() + ")") + (dirty.get() ? " *" : "");
        }, byKey.get("name").valueProperty(), file, dirty, i18n.localeProperty());
    }

    // ---- state -------------------------------------------------------------------------------

    public PlanningService service() {
        return service.get();
    }

    /** The planning service in use: replaced when refreshed prices are taken into use. */
    public ReadOnlyObjectProperty<PlanningService> serviceProperty() {
        return service;
    }

    /**
     * Plans with another price snapshot from now on (after a price refresh) and recomputes the plan on
     * screen; the inputs and the file are untouched.
     */
    public void useSnapshot(io.promplan.pricing.PriceSnapshot snapshot) {
        service.set(service.get().withSnapshot(snapshot));
        var regions = field("region").choices();
        snapshot.catalog().regions().stream().filter(r -> !regions.contains(r)).forEach(regions::add);
        recompute();
    }

    Dialogs dialogs() {
        return dialogs;
    }

    /** Shows a one-line message in the status line until the next plan arrives. */
    void setStatus(String message) {
        setStatus(() -> message);
    }

    /** Shows a message in the status line, in the language on screen (made again when it is switched). */
    void setStatus(java.util.function.Supplier<String> message) {
        statusText = message;
        status.set(message.get());
    }

    /** Shows the text of bundle key {@code key} in the status line, following the language. */
    void setStatusKey(String key, Object... args) {
        setStatus(() -> i18n.get(key, args));
    }

    /**
     * What the last change of the service count scaled with it (the CLI's rule, {@code Scaling.withServices}):
     * "20 services (from 5): scaled with them ...", empty when the inputs are as the user set them.
     */
    /** The growth plan (as `--growth` takes it) the decision views and the exported report use; always a valid one. */
    public StringProperty growthProperty() {
        return growth;
    }

    public ReadOnlyStringProperty whatIfProperty() {
        return whatIf;
    }

    private void setWhatIf(java.util.function.Supplier<String> text) {
        whatIfText = text;
        whatIf.set(text.get());
    }

    /** Closed with the view model (background workers of the actions). */
    void closeWith(AutoCloseable c) {
        closeables.add(c);
    }

    public I18n i18n() {
        return i18n;
    }

    public List<InputField> fields() {
        return fields;
    }

    public InputField field(String key) {
        InputField f = byKey.get(key);
        if (f == null) {
            throw new IllegalArgumentException("no input " + key);
        }
        return f;
    }

    public ReadOnlyObjectProperty<PlanResults> resultsProperty() {
        return results;
    }

    public PlanResults results() {
        return results.get();
    }

    /** The plan on screen (the last valid one), or null before the first. */
    public Plan plan() {
        return results.get() == null ? null : results.get().plan();
    }

    /**
     * The answer as plain text for a mail or a report: the scenario, the totals, the plan's baseline,
     * the difference and why, ROI, and the prices used. Empty before the first plan.
     */
    public String answerText() {
        Plan p = plan();
        if (p == null) {
            return "";
        }
        ResultsPresenter pr = new ResultsPresenter(i18n);
        return p.scenario().name().text(i18n.locale()) + "\n" + pr.summary(p).text() + "\n" + pr.priceLine(p) + "\n";
    }

    /** True while the inputs are not allowed and the results shown are the last valid ones. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale;
    }

    /** True from an edit until its plan and its sweep are on screen. */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing;
    }

    /** Problems of parts the form does not show (per-service overrides, exporter metrics), one a line. */
    public ReadOnlyStringProperty otherProblemsProperty() {
        return otherProblems;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public StringBinding titleProperty() {
        return title;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /** Called on the JavaFX thread once a new plan and its sweep are both on screen. */
    public void setResultListener(Consumer<PlanResults> l) {
        resultListener = l == null ? r -> { } : l;
    }

    /** The form's texts. */
    public Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        for (InputField f : fields) {
            v.put(f.key(), f.value());
        }
        return v;
    }

    /** The scenario the inputs describe, if every input is allowed. */
    public Optional<Scenario> scenario() {
        if (base.get() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(ScenarioForm.build(base.get(), values(), i18n).scenario());
    }

    public boolean hasErrors() {
        return fields.stream().anyMatch(InputField::hasError) || !otherProblems.get().isEmpty();
    }

    // ---- editing -----------------------------------------------------------------------------

    private void edited(InputField f, String before) {
        if (applying) {
            return;
        }
        if (!f.key().equals(lastEditedField)) {
            Map<String, String> previous = values();
            previous.put(f.key(), before);
            undo.push(new State(previous, base.get()));
            redo.clear();
            lastEditedField = f.key();
        }
        if (SERVICE_COUNT.equals(f.key())) {
            scaleWithServices(before);
        } else if (base.get() != null) {
            scaleAnchor = null;
            setWhatIf(() -> "");
        }
        changed();
    }

    static final String SERVICE_COUNT = "serviceCount";

    /**
     * A new service count: the inputs that grow with the services are scaled from the scenario the user set
     * (the anchor, at its own count), with the rule the CLI's sweep and what-ifs use
     * ({@link io.promplan.core.analysis.Scaling#withServices}); the form shows the scaled values and
     * {@link #whatIfProperty()} names them. A count that is not allowed scales nothing (its field says why).
     */
    private void scaleWithServices(String before) {
        if (base.get() == null) {
            return;
        }
        if (scaleAnchor == null) {
            Map<String, String> v = values();
            v.put(SERVICE_COUNT, before);
            ScenarioForm.Built b = ScenarioForm.build(base.get(), v, i18n);
            if (!b.valid()) {
                return; // other inputs are not allowed: nothing to scale from
            }
            scaleAnchor = b.scenario();
        }
        Integer n = serviceCountOf(field(SERVICE_COUNT).value());
        if (n == null) {
            return;
        }
        Scenario anchor = scaleAnchor;
        Scenario scaled = io.promplan.core.analysis.Scaling.withServices(anchor, n);
        Map<String, String> from = ScenarioForm.values(anchor);
        Map<String, String> to = ScenarioForm.values(scaled);
        List<String> changedKeys = new ArrayList<>();
        applying = true;
        try {
            for (InputField f : fields) {
                if (f.key().equals(SERVICE_COUNT) || f.key().equals("name")) {
                    continue;
                }
                String target = to.getOrDefault(f.key(), f.value());
                if (!java.util.Objects.equals(from.get(f.key()), target)) {
                    changedKeys.add(f.key());
                }
                if (!f.value().equals(target)) {
                    f.setValue(target);
                }
            }
        } finally {
            applying = false;
        }
        // the scaled inputs' uncertainty ranges follow them (the file's reader wants each value inside its range)
        base.set(scaled.withUncertainty(ScenarioForm.followRanges(anchor.uncertainty(), from, to)));
        boolean budget = !java.util.Objects.equals(anchor.baseline(), scaled.baseline());
        int n0 = anchor.workload().serviceCount();
        if (n == n0) {
            setWhatIf(() -> "");
            return;
        }
        setWhatIf(() -> {
            List<String> names = new ArrayList<>();
            for (String k : changedKeys) {
                names.add(i18n.get("group." + field(k).group()) + ": " + i18n.get("field." + k) + " " + from.get(k) + " → " + to.get(k));
            }
            if (budget) {
                names.add(i18n.get("whatif.budget"));
            }
            return names.isEmpty() ? i18n.get("whatif.none", n, n0)
                    : i18n.get("whatif.scaled", n, n0, String.join("; ", names));
        });
    }

    /** The count typed, when it is a whole number the validator allows (1 to 10,000); else null. */
    private Integer serviceCountOf(String text) {
        try {
            int n = Integer.parseInt(text.trim().replace(",", "").replace("_", ""));
            Map<String, String> v = new LinkedHashMap<>(ScenarioForm.values(scaleAnchor));
            v.put(SERVICE_COUNT, String.valueOf(n));
            return ScenarioForm.build(scaleAnchor, v, i18n).errors().containsKey(SERVICE_COUNT) ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void changed() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        dirty.set(!values().equals(saved) || !java.util.Objects.equals(lists(base.get()), lists(savedBase)));
        recompute();
    }

    /** What the list editors change: a change there makes the document unsaved as a form edit does. */
    private static List<Object> lists(Scenario s) {
        if (s == null) {
            return List.of();
        }
        return List.of(s.workload().serviceOverrides(), s.workload().exporter().metrics(), s.baseline().lines());
    }

    // ---- list editors ------------------------------------------------------------------------

    private final Map<ListForms.Kind, StringProperty> listErrors = new java.util.EnumMap<>(ListForms.Kind.class);
    private Scenario savedBase;

    /** The scenario behind the form (its lists): the list editors follow it. */
    public ReadOnlyObjectProperty<Scenario> baseProperty() {
        return base;
    }

    /** The message of a list editor whose rows are not allowed (empty when fine). */
    public StringProperty listErrorProperty(ListForms.Kind kind) {
        return listErrors.computeIfAbsent(kind, k -> new SimpleStringProperty(this, "listError-" + k.key(), ""));
    }

    /** The rows a list editor shows now. */
    public List<List<String>> listRows(ListForms.Kind kind) {
        return base.get() == null ? List.of() : ListForms.rows(base.get(), kind, i18n);
    }

    /**
     * The list edited: the rows become the scenario's list when a scenario file could hold them (checked by
     * the file's reader and validator), one undo step; else the editor shows why and nothing changes. Services
     * listed beyond the service count raise it; {@code servicesRemoved} services fewer lower it.
     */
    public boolean editList(ListForms.Kind kind, List<List<String>> rows, int servicesRemoved) {
        Optional<Scenario> now = scenario();
        if (now.isEmpty()) {
            listErrorProperty(kind).set(i18n.get("error.inputsInvalid"));
            return false;
        }
        Scenario cur = now.get();
        if (kind == ListForms.Kind.SERVICES) {
            int n = Math.max(rows.size(), Math.max(1, cur.workload().serviceCount() - servicesRemoved));
            cur = cur.withWorkload(cur.workload().toBuilder().serviceCount(n).build());
        }
        ListForms.Result r = ListForms.apply(cur, kind, rows, i18n);
        if (!r.ok()) {
            listErrorProperty(kind).set(r.error());
            return false;
        }
        listErrorProperty(kind).set("");
        undo.push(new State(values(), base.get()));
        redo.clear();
        lastEditedField = null;
        base.set(r.scenario());
        String count = String.valueOf(r.scenario().workload().serviceCount());
        if (!field(SERVICE_COUNT).value().equals(count)) {
            applying = true;
            try {
                field(SERVICE_COUNT).setValue(count);
            } finally {
                applying = false;
            }
        }
        scaleAnchor = null;
        setWhatIf(() -> "");
        changed();
        return true;
    }

    private void apply(State st) {
        base.set(st.base());
        apply(st.values());
        scaleAnchor = null;
        setWhatIf(() -> "");
    }

    private void apply(Map<String, String> v) {
        applying = true;
        try {
            for (InputField f : fields) {
                f.setValue(v.getOrDefault(f.key(), ""));
            }
        } finally {
            applying = false;
        }
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        redo.push(new State(values(), base.get()));
        apply(undo.pop());
        lastEditedField = null;
        changed();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        undo.push(new State(values(), base.get()));
        apply(redo.pop());
        lastEditedField = null;
        changed();
    }

    /** Validates the inputs and marks the fields; true when every input is allowed. */
    public boolean validate() {
        ScenarioForm.Built b = ScenarioForm.build(base.get(), values(), i18n);
        for (InputField f : fields) {
            f.errorProperty().set(b.errors().getOrDefault(f.key(), ""));
        }
        otherProblems.set(String.join("\n", b.others()));
        return b.valid();
    }

    /** Validates and, when every input is allowed, asks for a new plan; otherwise keeps the last results. */
    public void recompute() {
        if (base.get() == null) {
            return;
        }
        ScenarioForm.Built b = ScenarioForm.build(base.get(), values(), i18n);
        for (InputField f : fields) {
            f.errorProperty().set(b.errors().getOrDefault(f.key(), ""));
        }
        otherProblems.set(String.join("\n", b.others()));
        if (!b.valid()) {
            // the run queued for an earlier keystroke's value must not arrive as if it were for these inputs
            runner.cancel();
            stale.set(results.get() != null);
            computing.set(false);
            return;
        }
        Scenario s = b.scenario();
        computing.set(true);
        PlanningService svc = service.get();
        if (immediate) {
            immediate = false;
            long at = ++recomputes;
            StartGate.FIRST_FRAME.whenOpen(() -> {
                if (at == recomputes) { // no newer edit while start-up held the first plan back
                    runner.submitNow(() -> compute(svc, s), this::publish, this::failed);
                }
            });
        } else {
            recomputes++;
            runner.submit(() -> compute(svc, s), this::publish, this::failed);
        }
    }

    /** The planning work: runs on the runner's thread. The sweep follows in a second step. */
    static PlanResults compute(PlanningService service, Scenario s) {
        return new PlanResults(service.plan(s), List.of());
    }

    private void publish(PlanResults r) {
        stale.set(false);
        results.set(r);
        setStatus(() -> "");
        // the plan is on screen; now the service-count sweep for its chart (superseded by the next edit)
        Scenario s = r.plan().scenario();
        PlanningService svc = service.get();
        StartGate.ANSWERED.whenOpen(() -> {
            if (results.get() != r) {
                return; // a newer plan came while start-up held the sweep back
            }
            runner.submit(() -> ServiceCountSweep.run(svc, s, 1, PlanResults.SWEEP_MAX_SERVICES), sweep -> {
                computing.set(false);
                results.set(new PlanResults(r.plan(), sweep));
                resultListener.accept(results.get());
            }, this::failed);
        });
    }

    private void failed(Throwable e) {
        computing.set(false);
        if (e instanceof InvalidScenarioException ise) {
            List<String> others = new ArrayList<>();
            for (Problem p : ise.problems()) {
                InputField f = byKey.get(p.field());
                if (f != null) {
                    f.errorProperty().set(ScenarioForm.problemText(p, i18n));
                } else {
                    others.add(p.toString());
                }
            }
            otherProblems.set(String.join("\n", others));
            stale.set(results.get() != null);
        } else {
            stale.set(results.get() != null);
            setStatusKey("status.planFailed", String.valueOf(e.getMessage()));
        }
    }

    // ---- files -------------------------------------------------------------------------------

    /** The next plan is asked for without the debounce: a scenario just shown, no keystrokes to wait for. */
    private boolean immediate;
    /** Counts the plans asked for (a plan held back at start-up is dropped when a newer one was asked for). */
    private long recomputes;

    /** Shows a scenario as the document (no file when {@code path} is null). */
    public void show(Scenario s, Path path) {
        immediate = true;
        base.set(s);
        scaleAnchor = null;
        setWhatIf(() -> "");
        file.set(path);
        Map<String, String> v = ScenarioForm.values(s, i18n);
        apply(v);
        saved = values();
        savedBase = s;
        listErrors.values().forEach(p -> p.set(""));
        undo.clear();
        redo.clear();
        lastEditedField = null;
        changed();
    }

    /** Shows a scenario already read from {@code p} (at start-up, read off the JavaFX thread) as the document. */
    void open(Scenario s, Path p) {
        show(s, p);
        remember(p);
    }

    /** Opens a file without asking about unsaved changes; false (with the message shown) when it cannot be read. */
    public boolean load(Path p) {
        try {
            Scenario s = service.get().load(p);
            show(s, p);
            remember(p);
            return true;
        } catch (InputFileException e) {
            dialogs.showError(i18n.get("error.open", e.getMessage()));
            return false;
        }
    }

    public boolean newScenario() {
        if (!confirmDiscard()) {
            return false;
        }
        try (InputStream in = MainViewModel.class.getResourceAsStream(NEW_SCENARIO)) {
            if (in == null) {
                throw new IllegalStateException("the build lacks " + NEW_SCENARIO);
            }
            Scenario s = ScenarioReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), NEW_SCENARIO);
            show(s.withName(i18n.get("scenario.newName")), null);
            return true;
        } catch (IOException | InputFileException e) {
            throw new IllegalStateException("the new-scenario template of the build is unreadable: " + e.getMessage(), e);
        }
    }

    public boolean open() {
        if (!confirmDiscard()) {
            return false;
        }
        Optional<Path> p = dialogs.chooseOpen(folder());
        return p.isPresent() && load(p.get());
    }

    public boolean openRecent(Path p) {
        if (!confirmDiscard()) {
            return false;
        }
        if (!Files.isRegularFile(p)) {
            dialogs.showError(i18n.get("error.open", p + ": " + i18n.get("error.noSuchFile")));
            recent.remove(p);
            recentFiles.setAll(recent.list());
            return false;
        }
        return load(p);
    }

    public boolean save() {
        if (file.get() == null) {
            return saveAs();
        }
        return writeTo(file.get());
    }

    public boolean saveAs() {
        String name = byKey.get("name").value().isBlank() ? "scenario" : byKey.get("name").value();
        String suggested = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + ".yaml";
        Optional<Path> p = dialogs.chooseSave(folder(), suggested.equals(".yaml") ? "scenario.yaml" : suggested);
        return p.isPresent() && writeTo(p.get());
    }

    private boolean writeTo(Path p) {
        Optional<Scenario> s = scenario();
        if (s.isEmpty()) {
            validate();
            dialogs.showError(i18n.get("error.saveInvalid"));
            return false;
        }
        try {
            if (!writeKeepingComments(s.get(), p)) {
                setStatusKey("status.notSaved", p.toString());
                return false;
            }
        } catch (IOException | RuntimeException e) {
            dialogs.showError(i18n.get("error.save", p, String.valueOf(e.getMessage())));
            return false;
        }
        base.set(s.get());
        file.set(p);
        saved = values();
        savedBase = s.get();
        dirty.set(false);
        remember(p);
        setStatusKey("status.saved", p.toString());
        return true;
    }

    /**
     * Writes the scenario into the text of the file it was opened from (saved over it, or saved as another
     * file), keeping that text's comments and layout; when they cannot be kept, asks first (No is the
     * default) and writes the standard layout only on Yes. False when the user said No.
     */
    private boolean writeKeepingComments(Scenario s, Path p) throws IOException {
        Path source = file.get() != null && Files.isRegularFile(file.get()) ? file.get() : null;
        if (source == null) {
            ScenarioWriter.write(s, p);
            return true;
        }
        String original;
        try {
            original = io.promplan.io.InputFiles.readText(source, io.promplan.io.InputFiles.SCENARIO_LIMIT, "a scenario file (YAML)");
        } catch (InputFileException e) {
            original = "";
        }
        ScenarioUpdate.Result r = ScenarioUpdate.update(original, s, source.toString());
        if (!r.kept() && !dialogs.confirm(i18n.get("save.commentsLost.header"), i18n.get("save.commentsLost", source.getFileName()))) {
            return false;
        }
        io.promplan.io.AtomicFiles.writeString(p, r.text());
        return true;
    }

    private void remember(Path p) {
        recent.add(p);
        recentFiles.setAll(recent.list());
    }

    Path folder() {
        Path f = file.get();
        if (f != null && f.toAbsolutePath().getParent() != null) {
            return f.toAbsolutePath().getParent();
        }
        Path scenarios = Path.of("scenarios");
        return Files.isDirectory(scenarios) ? scenarios.toAbsolutePath() : Path.of(System.getProperty("user.home"));
    }

    /** Asks about unsaved changes; true when the caller may go on (saved, discarded, or nothing to lose). */
    public boolean confirmDiscard() {
        if (!dirty.get()) {
            return true;
        }
        return switch (dialogs.askUnsaved(byKey.get("name").value())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** The shipped scenarios the compare view starts with (the plan's 5, 10 and 20 services), those that exist. */
    public List<Path> defaultCompareFiles() {
        Path dir = folder();
        List<Path> out = new ArrayList<>();
        for (String n : List.of("seed-5-services.yaml", "services-10.yaml", "services-20.yaml")) {
            Path p = Path.of("scenarios", n);
            if (!Files.isRegularFile(p)) {
                p = dir.resolve(n);
            }
            if (Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return out;
    }

    public List<Path> chooseCompareFiles() {
        return dialogs.chooseCompare(folder());
    }

    public void close() {
        runner.close();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop a background worker: " + e.getMessage(), e);
            }
        }
    }
}
