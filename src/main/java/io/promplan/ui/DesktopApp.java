package io.promplan.ui;

import io.promplan.io.InputFileException;
import io.promplan.service.PlanningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/** The desktop app: opens the seed scenario (or the file given) and plans every edit live. */
public final class DesktopApp extends Application {
    /** Debounce of recomputation after an edit. */
    public static final long DEBOUNCE_MILLIS = 250;
    public static final Path SEED = Path.of("scenarios", "seed-5-services.yaml");

    private MainViewModel vm;

    public static void start(String[] args) {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null && isLinux()) {
            System.err.println("promplan: no display to open the desktop app on (DISPLAY is not set); use the command line: promplan --help");
            System.exit(1);
        }
        // the prices, the first scenario and a warm planner are read while JavaFX starts
        Preload.start(args.length == 0 ? SEED : Path.of(args[0]));
        Application.launch(DesktopApp.class, args);
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase().contains("linux");
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("p-start");
        I18n t = new I18n(I18n.fromOs(Locale.getDefault()));
        Path first = getParameters().getUnnamed().isEmpty() ? SEED : Path.of(getParameters().getUnnamed().get(0));
        Preload.Loaded loaded = Preload.get(first);
        if (loaded.service() == null) {
            Alert a = new Alert(Alert.AlertType.ERROR, t.get("error.prices", loaded.pricesError().getMessage()), ButtonType.OK);
            a.setTitle(t.get("app.name"));
            a.showAndWait();
            Platform.exit();
            return;
        }
        PlanningService service = loaded.service();
        StartupTrace.mark("p-service");
        FxDialogs dialogs = new FxDialogs(t);
        dialogs.setOwner(stage);
        vm = new MainViewModel(service, t, dialogs, RecentFiles.inUserHome(), new DebouncedRunner(Platform::runLater, DEBOUNCE_MILLIS));
        StartupTrace.mark("p-vm");
        MainView view = new MainView(vm);
        StartupTrace.mark("p-view");
        view.install(stage);
        StartupTrace.mark("p-install");
        // the scenario first (read already, off this thread), then the window: its first frame has the inputs and the plan on its way;
        // the sweep and the decision's simulation wait until the answer is drawn
        StartGate.FIRST_FRAME.close();
        StartGate.ANSWERED.close();
        openGates(stage.getScene());
        if (loaded.scenario() != null) {
            vm.open(loaded.scenario(), first);
        } else if (!Files.isRegularFile(first) || !vm.load(first)) {
            vm.newScenario();
        }
        StartupTrace.mark("p-loaded");
        stage.show();
        StartupTrace.afterNextPulse(stage.getScene(), StartupTrace.FIRST_FRAME);
        StartupTrace.mark("p-shown");
    }

    /**
     * Opens the start gates: the first plan after the first frame is laid out, the sweep and the decision after the
     * frame with the answer (each at the latest after 5 s, whatever happens).
     */
    private void openGates(javafx.scene.Scene scene) {
        Runnable[] l = new Runnable[1];
        l[0] = () -> {
            if (!StartGate.FIRST_FRAME.isOpen()) {
                Platform.runLater(StartGate.FIRST_FRAME::open);
            } else if (vm.results() != null && !StartGate.ANSWERED.isOpen()) {
                scene.removePostLayoutPulseListener(l[0]);
                Platform.runLater(StartGate.ANSWERED::open);
            }
            Platform.requestNextPulse();
        };
        scene.addPostLayoutPulseListener(l[0]);
        javafx.animation.PauseTransition fallback = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(5));
        fallback.setOnFinished(e -> {
            scene.removePostLayoutPulseListener(l[0]);
            StartGate.FIRST_FRAME.open();
            StartGate.ANSWERED.open();
        });
        fallback.play();
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
    }
}
