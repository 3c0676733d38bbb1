package io.promplan.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * The main window: menus (every action with a mnemonic and the usual shortcut), the inputs on the
 * left, the results on the right, and a status line that always shows the price snapshot's region
 * and date. Also where the lead can hang further actions (export, price refresh, reports):
 * {@link #fileMenu()} and {@link #toolsMenu()}.
 */
public final class MainView {
    public static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SAVE_AS = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination REDO_ALT = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination COMPARE = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination LANGUAGE = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination COPY_ANSWER = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination EXPORT_TERRAFORM = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination EXPORT_REPORT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination REFRESH_PRICES = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SHOW_PLAN = new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SHOW_DECISION = new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    private final MainViewModel vm;
    private final I18n t;
    private final InputsView inputs;
    private final ResultsView results;
    private final DecisionViewModel decisions;
    private final ToolsViewModel tools;
    private final Menu fileMenu = new Menu();
    private final Menu toolsMenu = new Menu();
    private final Menu recentMenu = new Menu();
    private final java.util.Map<KeyCombination, Runnable> shortcuts = new java.util.LinkedHashMap<>();
    private Stage stage;
    private CompareView compare;
    private io.promplan.service.PlanningService compareService;

    public MainView(MainViewModel vm) {
        this.vm = vm;
        this.t = vm.i18n();
        this.inputs = new InputsView(vm);
        this.decisions = new DecisionViewModel(vm, new DebouncedRunner(Platform::runLater, DesktopApp.DEBOUNCE_MILLIS),
                DecisionViewModel.LIVE_RUNS);
        this.results = new ResultsView(vm, decisions);
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "promplan-tools");
            th.setDaemon(true);
            return th;
        });
        vm.closeWith(worker::shutdownNow);
        this.tools = new ToolsViewModel(vm, worker, Platform::runLater);
        tools.setDecisionSource(decisions::decision);
    }

    /** The long actions (export, price refresh, report) and their progress. */
    ToolsViewModel tools() {
        return tools;
    }

    DecisionViewModel decisions() {
        return decisions;
    }

    /** Puts the window together on the stage: scene, title, shortcuts, close prompt. */
    public Scene install(Stage stage) {
        this.stage = stage;
        // 1400 x 900, or less on a smaller screen
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(build(), Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(MainView.class.getResource("/io/promplan/ui/promplan.css").toExternalForm());
        // Undo/redo of the scenario everywhere, also inside a text field (which would undo its own text only).
        // Every shortcut works wherever the focus is: a focused text field would otherwise take Ctrl+Z
        // (its own undo) or swallow the key before the menu's accelerator sees it.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (java.util.Map.Entry<KeyCombination, Runnable> s : shortcuts.entrySet()) {
                if (s.getKey().match(e)) {
                    e.consume();
                    s.getValue().run();
                    return;
                }
            }
        });
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!vm.confirmDiscard()) {
                e.consume();
            } else {
                closeCompare();
            }
        });
        return scene;
    }

    public Menu fileMenu() {
        return fileMenu;
    }

    /** Empty until actions are added (export, price refresh, reports); hidden while empty. */
    public Menu toolsMenu() {
        return toolsMenu;
    }

    Parent build() {
        // the inputs grow with the window too, and the divider moves (the inputs scroll when narrow)
        SplitPane split = new SplitPane(inputs.build(), results.build());
        split.setId("main-split");
        split.setDividerPositions(0.25);
        BorderPane root = new BorderPane(split, menuBar(), null, statusBar(), null);
        root.setId("main");
        return root;
    }

    private MenuBar menuBar() {
        fileMenu.textProperty().bind(t.bind("menu.file"));
        fileMenu.setId("menu-file");
        recentMenu.textProperty().bind(t.bind("menu.recent"));
        recentMenu.setId("menu-recent");
        fileMenu.getItems().setAll(
                item("menu.new", NEW, vm::newScenario),
                item("menu.open", OPEN, vm::open),
                item("menu.newFromMeasurement", null, () -> {
                    showMeasure();
                    return true;
                }),
                recentMenu,
                new SeparatorMenuItem(),
                item("menu.save", SAVE, vm::save),
                item("menu.saveAs", SAVE_AS, vm::saveAs),
                new SeparatorMenuItem(),
                whileIdle(item("menu.exportTerraform", EXPORT_TERRAFORM, tools::exportTerraform)),
                whileIdle(item("menu.exportReport", EXPORT_REPORT, tools::exportReport)),
                new SeparatorMenuItem(),
                item("menu.compare", COMPARE, () -> {
                    showCompare();
                    return true;
                }),
                new SeparatorMenuItem(),
                item("menu.quit", QUIT, () -> {
                    quit();
                    return true;
                }));
        updateRecent();
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> updateRecent());

        Menu edit = new Menu();
        edit.textProperty().bind(t.bind("menu.edit"));
        MenuItem undo = item("menu.undo", UNDO, () -> {
            vm.undo();
            return true;
        });
        undo.disableProperty().bind(vm.canUndoProperty().not());
        MenuItem redo = item("menu.redo", REDO, () -> {
            vm.redo();
            return true;
        });
        redo.disableProperty().bind(vm.canRedoProperty().not());
        shortcuts.put(REDO_ALT, vm::redo);
        MenuItem copy = item("menu.copyAnswer", COPY_ANSWER, () -> {
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString(vm.answerText());
            return javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        copy.disableProperty().bind(vm.resultsProperty().isNull());
        edit.getItems().setAll(undo, redo, new SeparatorMenuItem(), copy);

        Menu view = new Menu();
        view.textProperty().bind(t.bind("menu.view"));
        view.setId("menu-view");
        Menu language = new Menu();
        language.textProperty().bind(t.bind("menu.language"));
        ToggleGroup group = new ToggleGroup();
        for (Locale l : I18n.SUPPORTED) {
            RadioMenuItem r = new RadioMenuItem(t.get("language." + l.getLanguage()));
            r.setId("language-" + l.getLanguage());
            r.setToggleGroup(group);
            r.setSelected(l.equals(t.locale()));
            r.setOnAction(e -> t.setLocale(l));
            t.localeProperty().addListener((o, a, b) -> r.setSelected(l.equals(b)));
            language.getItems().add(r);
        }
        MenuItem switchLanguage = item("menu.switchLanguage", LANGUAGE, () -> {
            t.setLocale(t.locale().equals(I18n.KOREAN) ? I18n.ENGLISH : I18n.KOREAN);
            return true;
        });
        view.getItems().setAll(item("menu.showPlan", SHOW_PLAN, () -> {
            results.showDecision(false);
            return true;
        }), item("menu.showDecision", SHOW_DECISION, () -> {
            results.showDecision(true);
            return true;
        }), new SeparatorMenuItem(), language, switchLanguage);

        toolsMenu.getItems().add(whileIdle(item("menu.refreshPrices", REFRESH_PRICES, tools::refreshPrices)));
        toolsMenu.textProperty().bind(t.bind("menu.tools"));
        toolsMenu.setId("menu-tools");
        toolsMenu.visibleProperty().bind(Bindings.isNotEmpty(toolsMenu.getItems()));
        for (Menu m : List.of(fileMenu, edit, view, language, toolsMenu, recentMenu)) {
            m.setMnemonicParsing(true);
        }
        MenuBar bar = new MenuBar(fileMenu, edit, view, toolsMenu);
        bar.setId("menu-bar");
        return bar;
    }

    /** File > New from measurement: the dialog, owned by the main window. */
    MeasureDialog showMeasure() {
        MeasureDialog d = new MeasureDialog(vm, stage);
        d.show();
        return d;
    }

    private MenuItem item(String key, KeyCombination accel, BooleanSupplier action) {
        MenuItem m = new MenuItem();
        m.textProperty().bind(t.bind(key));
        m.setMnemonicParsing(true);
        m.setId(key.replace('.', '-'));
        if (accel != null) {
            m.setAccelerator(accel);
            shortcuts.put(accel, () -> {
                if (!m.isDisable()) {
                    action.getAsBoolean();
                }
            });
        }
        m.setOnAction(e -> action.getAsBoolean());
        return m;
    }

    private MenuItem whileIdle(MenuItem m) {
        m.disableProperty().bind(tools.runningProperty());
        return m;
    }

    private void updateRecent() {
        recentMenu.getItems().clear();
        int i = 1;
        for (Path p : vm.recentFiles()) {
            MenuItem m = new MenuItem("_" + i + " " + p.getFileName() + "  (" + p.getParent() + ")");
            m.setMnemonicParsing(true);
            m.setOnAction(e -> vm.openRecent(p));
            recentMenu.getItems().add(m);
            i++;
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private HBox statusBar() {
        Label prices = new Label();
        prices.setId("price-line");
        prices.getStyleClass().add("price-line");
        prices.textProperty().bind(Bindings.createStringBinding(() -> {
            var snap = vm.service().snapshot().catalog();
            String region = vm.plan() != null ? vm.plan().region() : vm.field("region").value();
            if (!snap.retrievedAt().isEmpty()) {
                return t.get("prices.lineRetrieved", region, snap.snapshotName(), t.date(snap.asOf()), snap.retrievedAt());
            }
            return t.get("prices.line", region, snap.snapshotName(), t.date(snap.asOf()));
        }, vm.resultsProperty(), vm.serviceProperty(), vm.field("region").valueProperty(), t.localeProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(vm.computingProperty());
        Label state = new Label();
        state.setId("state-line");
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!vm.statusProperty().get().isEmpty()) {
                return vm.statusProperty().get();
            }
            if (vm.staleProperty().get()) {
                return t.get("status.stale");
            }
            if (vm.computingProperty().get()) {
                return t.get("status.computing");
            }
            // "up to date" only for results of the inputs on screen
            return vm.results() == null ? t.get(vm.hasErrors() ? "status.noResults" : "status.computing") : t.get("status.ready");
        }, vm.statusProperty(), vm.staleProperty(), vm.computingProperty(), vm.resultsProperty(), vm.otherProblemsProperty(), t.localeProperty()));
        // the price line always shows in full; a long status message shortens (…) and shows whole in its tooltip
        prices.setMinWidth(Region.USE_PREF_SIZE);
        state.setMinWidth(40);
        state.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        javafx.scene.control.Tooltip stateTip = new javafx.scene.control.Tooltip();
        stateTip.textProperty().bind(state.textProperty());
        stateTip.setWrapText(true);
        stateTip.setMaxWidth(600);
        state.setTooltip(stateTip);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, prices, gap, taskBox(), busy, state);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** The running action: its name, a progress bar, what it is doing, and Cancel (also Esc). Hidden while none runs. */
    private HBox taskBox() {
        Label name = new Label();
        name.setId("task-name");
        name.textProperty().bind(tools.taskProperty());
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setId("task-progress");
        bar.setPrefWidth(160);
        bar.progressProperty().bind(tools.progressProperty());
        Label message = new Label();
        message.setId("task-message");
        message.setMaxWidth(360);
        message.textProperty().bind(tools.messageProperty());
        javafx.scene.control.Button cancel = new javafx.scene.control.Button();
        cancel.setId("task-cancel");
        cancel.textProperty().bind(t.bind("task.cancel"));
        cancel.setMnemonicParsing(true);
        cancel.cancelButtonProperty().bind(tools.runningProperty());
        cancel.setOnAction(e -> tools.cancel());
        HBox box = new HBox(6, name, bar, message, cancel);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.visibleProperty().bind(tools.runningProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    void showCompare() {
        if (compare != null && compareService != vm.service()) {
            // prices were refreshed since: compare with the prices in use
            compare.close();
            compare = null;
        }
        if (compare == null) {
            compareService = vm.service();
            compare = new CompareView(new CompareViewModel(vm.service(), t, new DebouncedRunner(Platform::runLater, 0)), vm, stage);
        }
        compare.show(vm.defaultCompareFiles());
    }

    CompareView compareView() {
        return compare;
    }

    private void closeCompare() {
        if (compare != null) {
            compare.close();
        }
    }

    private void quit() {
        if (vm.confirmDiscard()) {
            closeCompare();
            if (stage != null) {
                stage.close();
            }
            vm.close();
        }
    }
}
