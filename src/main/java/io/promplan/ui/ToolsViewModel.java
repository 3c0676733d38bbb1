package io.promplan.ui;

import io.promplan.core.analysis.Decision;
import io.promplan.core.plan.InvalidScenarioException;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.export.ExportBundle;
import io.promplan.export.ExportException;
import io.promplan.export.ExportWriter;
import io.promplan.export.Exporter;
import io.promplan.io.AtomicFiles;
import io.promplan.pricing.aws.PriceListClient;
import io.promplan.render.Labels;
import io.promplan.render.PricesText;
import io.promplan.render.ReportExport;
import io.promplan.report.ReportPdf;
import io.promplan.service.DecisionService;
import io.promplan.service.PlanningService;
import io.promplan.service.PriceRefreshException;
import io.promplan.service.PriceRefreshService;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The long actions of the Tools menu without a window: export the sized stack as Terraform, refresh the
 * prices from the AWS Price List, export the decision report. One runs at a time, on the worker, with a
 * progress fraction, a message and cancel; the outcome comes back through {@code ui} (the JavaFX thread in
 * the app). A failure is shown with its cause; nothing the user has (scenario, prices in use, an earlier
 * export) is lost.
 */
public final class ToolsViewModel {
    /** Progress value while the fraction is not known. */
    public static final double INDETERMINATE = -1;

    private final MainViewModel vm;
    private final I18n t;
    private final Dialogs dialogs;
    private final Executor worker;
    private final Executor ui;
    private Function<Path, PriceRefreshService> refreshServices =
            dir -> new PriceRefreshService(dir, PriceListClient.Settings.defaults());
    private Supplier<Decision> latestDecision = () -> null;

    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty task = new SimpleStringProperty(this, "task", "");
    private Runnable canceller = () -> { };
    private boolean cancelRequested;

    public ToolsViewModel(MainViewModel vm, Executor worker, Executor ui) {
        this.vm = vm;
        this.t = vm.i18n();
        this.dialogs = vm.dialogs();
        this.worker = worker;
        this.ui = ui;
    }

    /** Where a refresh gets its service for a prices folder (tests: a local Price List server). */
    void setRefreshServices(Function<Path, PriceRefreshService> f) {
        refreshServices = f;
    }

    /** The decision the app's decision views show, reused by the report when it is for the same scenario and prices. */
    void setDecisionSource(Supplier<Decision> s) {
        latestDecision = s;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** 0..1, or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The name of the running action ("Exporting Terraform"), empty when none runs. */
    public ReadOnlyStringProperty taskProperty() {
        return task;
    }

    /** Asks the running action to stop; it ends at its next step, writing nothing. */
    public void cancel() {
        if (running.get() && !cancelRequested) {
            cancelRequested = true;
            message.set(t.get("task.cancelling"));
            canceller.run();
        }
    }

    // ---- export --------------------------------------------------------------------------------

    /** Export Terraform…: asks for a folder, and before replacing an earlier export; false when nothing started. */
    public boolean exportTerraform() {
        Optional<Scenario> s = validScenario();
        if (s.isEmpty()) {
            return false;
        }
        Optional<Path> chosen = dialogs.chooseFolder(vm.folder());
        if (chosen.isEmpty()) {
            return false;
        }
        Path dir = chosen.get();
        boolean force = false;
        try {
            if (Files.isDirectory(dir) && !isEmpty(dir)) {
                if (!dialogs.confirm(t.get("export.replaceHeader"), t.get("export.replace", dir))) {
                    return false;
                }
                force = true;
            }
        } catch (IOException e) {
            fail("error.export", cause(e));
            return false;
        }
        boolean replace = force;
        PlanningService svc = vm.service();
        AtomicBoolean cancelled = new AtomicBoolean();
        begin("task.export", () -> cancelled.set(true));
        worker.execute(() -> {
            try {
                Plan plan = svc.plan(s.get());
                ExportBundle bundle = new Exporter().export(plan, Exporter.DEFAULT_ENVIRONMENT);
                ExportWriter.write(bundle, dir, replace, (done, total, path) -> update(done / (double) total, path), cancelled::get);
                ui.execute(() -> {
                    end();
                    vm.setStatusKey("export.done", bundle.files().size(), dir);
                });
            } catch (CancellationException e) {
                ui.execute(() -> cancelled("export.cancelled", dir));
            } catch (ExportException | IOException | RuntimeException e) {
                ui.execute(() -> failAndEnd("error.export", cause(e)));
            }
        });
        return true;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> d = Files.newDirectoryStream(dir)) {
            return !d.iterator().hasNext();
        }
    }

    // ---- price refresh ------------------------------------------------------------------------

    /**
     * Refresh prices…: asks for the regions (the scenario's by default), reads them from the AWS Price List
     * into a new snapshot beside the one in use, then plans with it and shows what changed. On failure or
     * cancel nothing is written and the prices in use stay.
     */
    public boolean refreshPrices() {
        if (running.get()) {
            return false;
        }
        String region = vm.field("region").value().isBlank() && vm.plan() != null ? vm.plan().region() : vm.field("region").value();
        Optional<String> answer = dialogs.askText(t.get("refresh.header"), t.get("refresh.prompt"), region);
        if (answer.isEmpty()) {
            return false;
        }
        List<String> regions = new ArrayList<>();
        for (String r : answer.get().trim().split("[,\\s]+")) {
            if (r.isEmpty()) {
                continue;
            }
            String code = r.toLowerCase(Locale.ROOT);
            if (!PriceRefreshService.REGION.matcher(code).matches()) {
                dialogs.showError(t.get("error.region", r));
                return false;
            }
            regions.add(code);
        }
        if (regions.isEmpty()) {
            dialogs.showError(t.get("error.noRegion"));
            return false;
        }
        Path file = vm.service().snapshot().file();
        Path dir = file == null || file.toAbsolutePath().getParent() == null ? PlanningService.defaultPricesDir() : file.toAbsolutePath().getParent();
        PriceRefreshService.Task job = refreshServices.apply(dir).start(regions, (fraction, msg) -> update(fraction, msg));
        begin("task.refresh", job::cancel);
        message.set(t.get("refresh.asking", String.join(", ", regions)));
        worker.execute(() -> {
            try {
                PriceRefreshService.Outcome o = job.await(2, TimeUnit.HOURS);
                ui.execute(() -> {
                    end();
                    vm.useSnapshot(o.snapshot());
                    String summary = t.get("refresh.done", String.join(", ", o.written().updatedRegions()), o.written().changes().size(),
                            o.written().file().getFileName());
                    vm.setStatusKey("refresh.done", String.join(", ", o.written().updatedRegions()), o.written().changes().size(),
                            o.written().file().getFileName());
                    dialogs.showInfo(t.get("refresh.doneHeader"), summary + "\n\n" + PricesText.outcome(o));
                });
            } catch (PriceRefreshException e) {
                ui.execute(() -> {
                    if (e.kind() == PriceRefreshException.Kind.CANCELLED) {
                        cancelled("refresh.cancelled");
                    } else {
                        failAndEnd("error.refresh", e.getMessage());
                    }
                });
            } catch (TimeoutException e) {
                job.cancel();
                ui.execute(() -> failAndEnd("error.refresh", t.get("refresh.timeout")));
            } catch (InterruptedException e) {
                job.cancel();
                Thread.currentThread().interrupt();
                ui.execute(() -> cancelled("refresh.cancelled"));
            }
        });
        return true;
    }

    // ---- report -------------------------------------------------------------------------------

    /** "pdf", "csv" or "md" by the file name's extension. */
    static Optional<String> reportKind(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String k : List.of("pdf", "csv", "md")) {
            if (n.endsWith("." + k)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Export report…: the one-page decision report (PDF) or its tables (CSV, Markdown), in the app's language. */
    public boolean exportReport() {
        Optional<Scenario> s = validScenario();
        if (s.isEmpty()) {
            return false;
        }
        String name = s.get().name().text().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        Optional<Path> chosen = dialogs.chooseReport(vm.folder(), (name.isEmpty() ? "promplan" : name) + "-report.pdf");
        if (chosen.isEmpty()) {
            return false;
        }
        Path out = chosen.get();
        Optional<String> kind = reportKind(out);
        if (kind.isEmpty()) {
            dialogs.showError(t.get("error.reportKind", out.getFileName()));
            return false;
        }
        Labels.Lang lang = Labels.Lang.fromLocale(t.locale());
        PlanningService svc = vm.service();
        Decision shown = latestDecision.get();
        AtomicBoolean cancelled = new AtomicBoolean();
        begin("task.report", () -> cancelled.set(true));
        message.set(t.get("report.analysing", t.integer(DecisionService.DEFAULT_RUNS)));
        progress.set(INDETERMINATE);
        worker.execute(() -> {
            try {
                String growth = vm.growthProperty().get();
                Decision d = reusable(shown, s.get(), svc, growth) ? shown : decide(svc, s.get(), DecisionService.DEFAULT_RUNS, growth);
                if (cancelled.get()) {
                    throw new CancellationException();
                }
                update(0.8, t.get("report.writing", out.getFileName()));
                switch (kind.get()) {
                    case "pdf" -> ReportPdf.write(d, lang, null, out);
                    case "csv" -> AtomicFiles.writeString(out, ReportExport.csv(d, Labels.of(lang)));
                    default -> AtomicFiles.writeString(out, ReportExport.markdown(d, Labels.of(lang)));
                }
                ui.execute(() -> {
                    end();
                    vm.setStatusKey("report.done", out);
                });
            } catch (CancellationException e) {
                ui.execute(() -> cancelled("report.cancelled"));
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> failAndEnd("error.report", cause(e)));
            }
        });
        return true;
    }

    /** The decision analyses the report and the decision views share: the CLI's defaults (36 months, default growth, seed 42). */
    static Decision decide(PlanningService svc, Scenario s, int runs) {
        return decide(svc, s, runs, "default");
    }

    /** The same with a growth plan as `--growth` takes it (default, flat, +N/q, or counts a year such as 5,10,20). */
    static Decision decide(PlanningService svc, Scenario s, int runs, String growth) {
        return new DecisionService(svc).decide(s, null, DecisionService.tcoOptions(s, DecisionService.DEFAULT_MONTHS, growth, 0),
                runs, DecisionService.DEFAULT_SEED);
    }

    private static boolean reusable(Decision d, Scenario s, PlanningService svc, String growth) {
        return d != null && d.scenario().equals(s) && d.simulation().runs() == DecisionService.DEFAULT_RUNS
                && d.tco().options().growth().equals(io.promplan.core.analysis.GrowthPlan.parse(growth, s.workload().serviceCount()))
                && d.simulation().seed() == DecisionService.DEFAULT_SEED
                && d.plan().priceSnapshot().equals(svc.snapshot().catalog().snapshotName());
    }

    // ---- common -------------------------------------------------------------------------------

    private Optional<Scenario> validScenario() {
        if (running.get()) {
            return Optional.empty();
        }
        Optional<Scenario> s = vm.scenario();
        if (s.isEmpty()) {
            vm.validate();
            dialogs.showError(t.get("error.inputsInvalid"));
        }
        return s;
    }

    private void begin(String taskKey, Runnable cancel) {
        cancelRequested = false;
        canceller = cancel;
        task.set(t.get(taskKey));
        message.set("");
        progress.set(0);
        running.set(true);
    }

    private void update(double fraction, String msg) {
        ui.execute(() -> {
            if (running.get() && !cancelRequested) {
                progress.set(fraction);
                message.set(msg);
            }
        });
    }

    private void end() {
        running.set(false);
        task.set("");
        message.set("");
        progress.set(0);
        canceller = () -> { };
    }

    private void cancelled(String key, Object... args) {
        end();
        vm.setStatusKey(key, args);
    }

    private void fail(String key, String cause) {
        vm.setStatusKey(key, cause);
        dialogs.showError(t.get(key, cause));
    }

    private void failAndEnd(String key, String cause) {
        end();
        fail(key, cause);
    }

    /** The message of a failure and of its causes, never empty. */
    static String cause(Throwable e) {
        if (e instanceof InvalidScenarioException ise) {
            return String.join("; ", ise.problems().stream().map(Object::toString).toList());
        }
        StringBuilder sb = new StringBuilder();
        Throwable c = e;
        int depth = 0;
        while (c != null && depth < 4) {
            String m = c.getMessage() == null || c.getMessage().isBlank() ? c.getClass().getSimpleName() : c.getMessage();
            if (sb.indexOf(m) < 0) {
                sb.append(sb.length() == 0 ? "" : ": ").append(m);
            }
            c = c.getCause() == c ? null : c.getCause();
            depth++;
        }
        return sb.toString();
    }
}
