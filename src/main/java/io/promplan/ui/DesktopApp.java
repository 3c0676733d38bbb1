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
        Application.launch(DesktopApp.class, args);
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase().contains("linux");
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("p-start");
        I18n t = new I18n(I18n.fromOs(Locale.getDefault()));
        PlanningService service;
        try {
            service = PlanningService.open(null);
        } catch (InputFileException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, t.get("error.prices", e.getMessage()), ButtonType.OK);
            a.setTitle(t.get("app.name"));
            a.showAndWait();
            Platform.exit();
            return;
        }
        StartupTrace.mark("p-service");
        FxDialogs dialogs = new FxDialogs(t);
        dialogs.setOwner(stage);
        vm = new MainViewModel(service, t, dialogs, RecentFiles.inUserHome(), new DebouncedRunner(Platform::runLater, DEBOUNCE_MILLIS));
        StartupTrace.mark("p-vm");
        MainView view = new MainView(vm);
        StartupTrace.mark("p-view");
        view.install(stage);
        StartupTrace.mark("p-install");
        Path first = getParameters().getUnnamed().isEmpty() ? SEED : Path.of(getParameters().getUnnamed().get(0));
        stage.show();
        StartupTrace.afterNextPulse(stage.getScene(), StartupTrace.FIRST_FRAME);
        if (!Files.isRegularFile(first) || !vm.load(first)) {
            vm.newScenario();
        }
        StartupTrace.mark("p-loaded");
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
    }
}
