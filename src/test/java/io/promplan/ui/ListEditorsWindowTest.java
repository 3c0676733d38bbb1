package io.promplan.ui;

import static io.promplan.ui.FxWait.onFx;
import static io.promplan.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.money.Money;
import io.promplan.core.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The inputs pane's list editors, headless: one edit of each list, and the plan recomputes with it. */
@ExtendWith(ApplicationExtension.class)
class ListEditorsWindowTest {
    @TempDir
    Path dir;
    FakeDialogs dialogs;
    MainViewModel vm;
    I18n i18n;

    @Start
    void start(Stage stage) throws Exception {
        Path seed = dir.resolve("seed-5-services.yaml");
        Files.copy(TestSupport.SCENARIOS.resolve("seed-5-services.yaml"), seed);
        dialogs = new FakeDialogs();
        i18n = new I18n(I18n.ENGLISH);
        vm = new MainViewModel(TestSupport.service(), i18n, dialogs, new RecentFiles(dir.resolve("recent.txt")),
                new DebouncedRunner(Platform::runLater, DesktopApp.DEBOUNCE_MILLIS));
        MainView view = new MainView(vm);
        view.install(stage);
        stage.show();
        vm.load(seed);
    }

    @AfterEach
    void stop() {
        vm.close();
    }

    private void expand(FxRobot robot, String kind) {
        TitledPane p = robot.lookup("#list-" + kind).queryAs(TitledPane.class);
        robot.interact(() -> p.setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types into a list's cell from the keyboard and presses Enter. */
    private void type(FxRobot robot, String id, String text) {
        TextField tf = robot.lookup("#" + id).queryAs(TextField.class);
        robot.interact(tf::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Plan planned() {
        waitFor(() -> vm.plan() != null);
        return onFx(vm::plan);
    }

    @Test
    void aServiceEditedInItsRowChangesThePlan(FxRobot robot) {
        Money before = planned().selfHosted().monthly();
        expand(robot, "services");
        type(robot, "list-services-1-name", "payments");
        waitFor(() -> vm.plan().scenario().workload().serviceOverrides().get(1).name().equals("payments"));
        type(robot, "list-services-1-seriesPerMetric", "400");
        waitFor(() -> vm.plan().scenario().workload().serviceOverrides().get(1).seriesPerMetric() == 400);
        assertThat(onFx(() -> vm.plan().selfHosted().monthly())).isNotEqualTo(before);
        assertThat(vm.isDirty()).isTrue();
        // a service added beyond the count raises it; removing it lowers it again
        robot.interact(() -> robot.lookup("#list-services-add").queryAs(Button.class).fire());
        waitFor(() -> vm.plan().scenario().workload().serviceCount() == 6);
        assertThat(onFx(() -> vm.field("serviceCount").value())).isEqualTo("6");
        robot.interact(() -> robot.lookup("#list-services-5-remove").queryAs(Button.class).fire());
        waitFor(() -> vm.plan().scenario().workload().serviceCount() == 5);
        // a value that is not allowed is named, and nothing changes
        type(robot, "list-services-0-metrics", "-4");
        Label error = robot.lookup("#list-services-error").queryAs(Label.class);
        waitFor(() -> !error.getText().isEmpty());
        assertThat(onFx(error::getText)).contains("services[0].metrics").contains("1 to 1000000");
        assertThat(onFx(() -> vm.plan().scenario().workload().serviceOverrides().get(0).metrics())).isEqualTo(0);
        // undo takes the last list edit back
        robot.interact(vm::undo);
        waitFor(() -> vm.plan().scenario().workload().serviceCount() == 6);
    }

    @Test
    void anExporterMetricAddedIsRequestedAndPriced(FxRobot robot) {
        Plan p = planned();
        int n = p.scenario().workload().exporter().metrics().size();
        Money before = p.selfHosted().monthly();
        expand(robot, "metrics");
        robot.interact(() -> robot.lookup("#list-metrics-add").queryAs(Button.class).fire());
        waitFor(() -> vm.plan().scenario().workload().exporter().metrics().size() == n + 1);
        type(robot, "list-metrics-" + n + "-name", "MemoryUtilization");
        waitFor(() -> vm.plan().scenario().workload().exporter().metrics().get(n).name().equals("MemoryUtilization"));
        assertThat(onFx(() -> vm.plan().selfHosted().monthly())).isNotEqualTo(before);
    }

    @Test
    void aBudgetLineEditedIsComparedWithTheBill(FxRobot robot) {
        Plan p = planned();
        expand(robot, "baseline");
        type(robot, "list-baseline-0-highUsd", "90");
        waitFor(() -> vm.plan().scenario().baseline().lines().get(0).highUsd() == 90);
        assertThat(onFx(() -> vm.plan().baseline())).isNotEqualTo(p.baseline());
    }

    @Test
    void aBudgetLineShowsAndEditsTheAppsLanguageAndKeepsTheOther(FxRobot robot) {
        planned();
        expand(robot, "baseline");
        TextField name = robot.lookup("#list-baseline-7-name").queryAs(TextField.class);
        String english = onFx(() -> name.getText());
        assertThat(english).isEqualTo("Data transfer");
        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();
        String shown = onFx(() -> robot.lookup("#list-baseline-7-name").queryAs(TextField.class).getText());
        assertThat(shown).isEqualTo("데이터 전송");
        type(robot, "list-baseline-7-name", "데이터 전송(대시보드)");
        waitFor(() -> vm.plan().scenario().baseline().lines().get(7).name().text("ko").equals("데이터 전송(대시보드)"));
        var line = onFx(() -> vm.plan().scenario().baseline().lines().get(7));
        assertThat(line.name().text("en")).isEqualTo("Data transfer");
        assertThat(line.planFormula().text("ko")).isEqualTo("대시보드용 ALB → 인터넷; VPC 내부 전송은 무료");
    }

    @Test
    void anUncertaintyRangeEditedIsTheScenariosAndKoreanLabelsShow(FxRobot robot) {
        planned();
        expand(robot, "ranges");
        type(robot, "list-ranges-0-high", "40");
        waitFor(() -> vm.plan().scenario().uncertainty().ranges().get("seriesPerMetric").high() == 40);
        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        TitledPane pane = robot.lookup("#list-ranges").queryAs(TitledPane.class);
        assertThat(onFx(pane::getText)).isEqualTo("불확실성 범위");
        assertThat(onFx(() -> robot.lookup("#list-services-add").queryAs(Button.class).getText())).isEqualTo("추가");
    }
}
