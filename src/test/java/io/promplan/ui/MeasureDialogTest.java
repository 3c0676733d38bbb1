package io.promplan.ui;

import static io.promplan.ui.FxWait.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.measure.FakeExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File > New from measurement in the real window (headless): the dialog measures a fake exporter on 127.0.0.1 and opens the scenario. */
@ExtendWith(ApplicationExtension.class)
class MeasureDialogTest {
    @TempDir
    Path dir;
    MainViewModel vm;
    MainView view;
    FakeExporter exporter;

    @Start
    void start(Stage stage) throws Exception {
        Path seed = dir.resolve("seed-5-services.yaml");
        Files.copy(TestSupport.SCENARIOS.resolve("seed-5-services.yaml"), seed);
        vm = new MainViewModel(TestSupport.service(), new I18n(I18n.ENGLISH), new FakeDialogs(), new RecentFiles(dir.resolve("recent.txt")),
                new DebouncedRunner(Platform::runLater, DesktopApp.DEBOUNCE_MILLIS));
        view = new MainView(vm);
        view.install(stage);
        stage.show();
        vm.load(seed);
        exporter = new FakeExporter(12, 6, 2, 3, 6);
    }

    @AfterEach
    void stop() {
        vm.close();
        exporter.close();
    }

    private static void waitFor(Supplier<Boolean> condition) {
        FxWait.waitFor(60, condition);
    }

    @Test
    void theDialogMeasuresWritesAndOpensTheScenario(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        assertThat(bar.getMenus().get(0).getItems()).extracting(MenuItem::getId).contains("menu-newFromMeasurement");
        assertThat(onFx(() -> bar.getMenus().get(0).getItems().stream().filter(m -> "menu-newFromMeasurement".equals(m.getId()))
                .findFirst().orElseThrow().getText())).isEqualTo("New from _measurement…");
        MeasureDialog d = onFx(view::showMeasure);
        d.model().setScrapes(2, Duration.ofMillis(50));
        Path out = dir.resolve("measured.yaml");
        TextArea targets = robot.lookup("#measure-targets").queryAs(TextArea.class);
        TextField outField = robot.lookup("#measure-out").queryAs(TextField.class);
        onFx(() -> {
            targets.setText("web=" + exporter.url("/metrics") + "\ndown=http://127.0.0.1:1/metrics");
            outField.setText(out.toString());
            return null;
        });
        robot.clickOn("#measure-run");
        waitFor(() -> out.equals(vm.fileProperty().get()));
        assertThat(out).exists();
        assertThat(onFx(() -> vm.scenario().orElseThrow().workload().services().get(0).name())).isEqualTo("web");
        waitFor(() -> !d.stage().isShowing());
        assertThat(onFx(() -> d.model().errors().size())).isEqualTo(1);
        assertThat(onFx(() -> d.model().errors().get(0))).startsWith("down: target down (");
    }

    @Test
    void nothingMeasuredKeepsTheDialogOpenWithTheErrorsByName(FxRobot robot) throws Exception {
        MeasureDialog d = onFx(view::showMeasure);
        d.model().setScrapes(1, Duration.ofMillis(10));
        Path out = dir.resolve("none.yaml");
        onFx(() -> {
            robot.lookup("#measure-targets").queryAs(TextArea.class).setText("html=" + exporter.url("/html"));
            robot.lookup("#measure-out").queryAs(TextField.class).setText(out.toString());
            return null;
        });
        robot.clickOn("#measure-run");
        waitFor(() -> !d.model().errors().isEmpty() && !d.model().runningProperty().get());
        assertThat(out).doesNotExist();
        assertThat(onFx(() -> d.stage().isShowing())).isTrue();
        @SuppressWarnings("unchecked")
        ListView<String> errors = robot.lookup("#measure-errors").queryAs(ListView.class);
        assertThat(onFx(() -> errors.getItems().get(0))).startsWith("html: target html (");
        assertThat(robot.lookup("#measure-status").queryAs(Label.class).getText()).contains("was not written");
        assertThat(robot.lookup("#measure-run").queryAs(Button.class).isDisabled()).isFalse();
        onFx(() -> {
            d.stage().close();
            return null;
        });
    }
}
