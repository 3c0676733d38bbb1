package io.promplan.ui;

import io.promplan.core.plan.Plan;
import io.promplan.render.PlanText;
import io.promplan.service.PlanningService;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

/** The desktop app: opens the seed scenario and shows its plan. */
public final class DesktopApp extends Application {
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
        TextArea text = new TextArea();
        text.setEditable(false);
        text.setStyle("-fx-font-family: monospace;");
        Path seed = Path.of("scenarios", "seed-5-services.yaml");
        try {
            PlanningService service = PlanningService.open(null);
            Plan plan = service.plan(service.load(seed));
            text.setText(PlanText.render(plan, false));
            stage.setTitle("Promplan - " + plan.scenario().name());
        } catch (Exception e) {
            text.setText("Could not open " + seed + ": " + e.getMessage());
            stage.setTitle("Promplan");
        }
        stage.setScene(new Scene(text, 1200, 800));
        stage.show();
    }
}
