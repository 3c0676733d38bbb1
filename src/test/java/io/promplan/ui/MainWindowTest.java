package io.promplan.ui;

import static io.promplan.ui.FxWait.onFx;
import static io.promplan.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.workload.Scenario;
import io.promplan.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.promplan.pricing.aws.FakePriceListServer;
import io.promplan.pricing.aws.PriceListFixture;
import io.promplan.pricing.aws.RefreshTestSupport;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless (Monocle): loads the seed, recomputes on edits, marks bad values, files, Korean. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    Path dir;
    FakeDialogs dialogs;
    MainViewModel vm;
    DebouncedRunner runner;
    MainView view;
    I18n i18n;
    Path seed;

    @Start
    void start(Stage stage) throws Exception {
        seed = dir.resolve("seed-5-services.yaml");
        Files.copy(TestSupport.SCENARIOS.resolve("seed-5-services.yaml"), seed);
        dialogs = new FakeDialogs();
        i18n = new I18n(I18n.ENGLISH);
        vm = new MainViewModel(TestSupport.service(), i18n, dialogs, new RecentFiles(dir.resolve("recent.txt")),
                runner = new DebouncedRunner(Platform::runLater, DesktopApp.DEBOUNCE_MILLIS));
        view = new MainView(vm);
        view.install(stage);
        stage.show();
        vm.load(seed);
    }

    @AfterEach
    void stop() {
        vm.close();
    }

    private String summary(FxRobot robot) {
        VBox box = robot.lookup("#summary").queryAs(VBox.class);
        return onFx(() -> String.join("\n", box.getChildren().stream().map(n -> ((Label) n).getText()).toList()));
    }

    private void type(FxRobot robot, String field, String text) {
        TextField tf = robot.lookup("#" + InputsView.id("field-", field)).queryAs(TextField.class);
        robot.interact(tf::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private JFreeChart chart(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(ChartViewer.class).getChart();
    }

    @Test
    void theSeedScenarioLoadsAndShowsItsTotals(FxRobot robot) {
        waitFor(() -> vm.plan() != null && !summary(robot).contains("Computing"));
        String s = summary(robot);
        assertThat(s).contains("Self-hosted Prometheus + Grafana (Fargate): $148.33 a month")
                .contains("CloudWatch only: $201.77 a month")
                .contains("The plan’s budget: $105.00 - $116.00 a month.")
                .contains("$32.33 above the plan’s");
        TreeTableView<?> cost = robot.lookup("#cost-table").queryAs(TreeTableView.class);
        assertThat(cost.getRoot().getChildren()).hasSize(vm.plan().alternatives().size());
        TableView<?> baseline = robot.lookup("#baseline-table").queryAs(TableView.class);
        assertThat(baseline.getItems()).hasSize(vm.plan().baseline().rows().size() + 1);
        TableView<?> sizing = robot.lookup("#sizing-table").queryAs(TableView.class);
        assertThat(sizing.getItems()).hasSize(4); // Prometheus, Grafana, the CloudWatch Exporter and Alertmanager (on: alerts must reach people)
        assertThat(chart(robot, "chart-cost")).isNotNull();
        assertThat(robot.lookup("#price-line").queryAs(Label.class).getText())
                .isEqualTo("Prices: ap-northeast-2, snapshot shipped-2026-11-26, as of Oct 31, 2026");
        Label state = robot.lookup("#state-line").queryAs(Label.class);
        waitFor(() -> "Up to date".equals(state.getText()));
        assertThat(onFx(state::getText)).isEqualTo("Up to date");
        assertThat(((Stage) robot.window(0)).getTitle()).isEqualTo("Promplan - Seed plan: 5 services (as written) (seed-5-services.yaml)");
    }

    @Test
    void changingServiceCountAndRetentionUpdatesSizingTotalsAndCharts(FxRobot robot) {
        waitFor(() -> vm.plan() != null);
        String before = summary(robot);
        long seriesBefore = vm.plan().sizing().activeSeries();
        JFreeChart costBefore = chart(robot, "chart-cost");
        JFreeChart storageBefore = chart(robot, "chart-storage");
        double storedBefore = storageBefore.getXYPlot().getDataset().getYValue(0, 60);

        type(robot, "serviceCount", "20");
        type(robot, "storageGiB.prometheus", "0");
        type(robot, "retention", "90d");
        waitFor(() -> vm.plan().scenario().workload().retention().days() == 90 && vm.plan().scenario().workload().serviceCount() == 20);
        waitFor(() -> !summary(robot).equals(before));
        assertThat(vm.plan().sizing().activeSeries()).isGreaterThan(seriesBefore);
        assertThat(summary(robot)).doesNotContain("$148.33").contains(i18n.money(vm.plan().selfHosted().monthly()));
        String demand = onFx(() -> ((Label) robot.lookup("#demand").queryAs(VBox.class).getChildren().get(0)).getText());
        assertThat(demand).startsWith("Active series: " + i18n.integer(vm.plan().sizing().activeSeries()));
        assertThat(chart(robot, "chart-cost")).isNotSameAs(costBefore);
        JFreeChart storage = chart(robot, "chart-storage");
        assertThat(storage.getXYPlot().getDataset().getYValue(0, 60)).isGreaterThan(storedBefore * 4);
        assertThat(vm.isDirty()).isTrue();
        assertThat(((Stage) robot.window(0)).getTitle()).endsWith(" *");
    }

    @Test
    void anInvalidValueShowsItsMessageAndKeepsTheLastResults(FxRobot robot) {
        waitFor(() -> vm.plan() != null);
        // the answer complete, its recommendation included (the decision follows the plan)
        Label verdict = robot.lookup("#verdict").queryAs(Label.class);
        waitFor(() -> verdict.getText().startsWith("Recommendation: Choose"));
        String before = summary(robot);
        type(robot, "serviceCount", "0");
        Label error = robot.lookup("#error-serviceCount").queryAs(Label.class);
        waitFor(error::isVisible);
        assertThat(error.getText()).isEqualTo("Not allowed: 0. Allowed: 1 to 10000.");
        assertThat(robot.lookup("#field-serviceCount").queryAs(TextField.class).getStyleClass()).contains("invalid");
        assertThat(robot.lookup("#stale").queryAs(Label.class).isVisible()).isTrue();
        assertThat(summary(robot)).isEqualTo(before).contains("$148.33");
        type(robot, "serviceCount", "7");
        waitFor(() -> !error.isVisible() && vm.plan().scenario().workload().serviceCount() == 7);
        assertThat(robot.lookup("#stale").queryAs(Label.class).isVisible()).isFalse();
    }

    /** Two keystrokes faster than the debounce: the first value allowed, the second not. */
    private void keystrokes(String field, String allowed, String notAllowed) {
        onFx(() -> {
            vm.field(field).setValue(allowed);
            vm.field(field).setValue(notAllowed);
            return true;
        });
    }

    @Test
    void anEditThatIsNotAllowedCancelsTheRunQueuedForThePreviousKeystroke(FxRobot robot) throws Exception {
        waitFor(() -> vm.plan() != null && !vm.computingProperty().get());
        var shown = vm.plan();
        double series = shown.scenario().workload().seriesPerMetric();
        Label state = robot.lookup("#state-line").queryAs(Label.class);
        Label stale = robot.lookup("#stale").queryAs(Label.class);

        // 1000000 series per metric is allowed, 10000000 (on the way to 1000000000000) is not
        keystrokes("seriesPerMetric", "1000000", "10000000");
        runner.awaitQuiet(20_000); // nothing queued before this point can still arrive
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.plan()).isSameAs(shown);
        assertThat(vm.plan().scenario().workload().seriesPerMetric()).isEqualTo(series);
        assertThat(onFx(stale::isVisible)).isTrue();
        assertThat(onFx(state::getText)).isEqualTo("Inputs not allowed: showing the last valid results").isNotEqualTo("Up to date");
        assertThat(summary(robot)).contains("$148.33");

        // the whole number typed key by key: never "Up to date" while the field is not allowed
        type(robot, "seriesPerMetric", "1000000000000");
        runner.awaitQuiet(20_000); // nothing queued before this point can still arrive
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> vm.field("seriesPerMetric").hasError())).isTrue();
        assertThat(onFx(stale::isVisible)).isTrue();
        assertThat(onFx(state::getText)).isEqualTo("Inputs not allowed: showing the last valid results");

        // 1000 services allowed, 10001 not
        type(robot, "seriesPerMetric", String.valueOf(series).replaceAll("\\.0$", ""));
        waitFor(() -> !vm.staleProperty().get() && !vm.computingProperty().get());
        var valid = vm.plan();
        keystrokes("serviceCount", "1000", "10001");
        runner.awaitQuiet(20_000); // nothing queued before this point can still arrive
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.plan()).isSameAs(valid);
        assertThat(vm.plan().scenario().workload().serviceCount()).isEqualTo(5);
        assertThat(onFx(stale::isVisible)).isTrue();
        assertThat(robot.lookup("#error-serviceCount").queryAs(Label.class).getText()).isEqualTo("Not allowed: 10001. Allowed: 1 to 10000.");
        assertThat(onFx(state::getText)).isEqualTo("Inputs not allowed: showing the last valid results");

        // 10001 typed key by key: 1, 10, 100 and 1000 are allowed and each queues a run (one may finish between two slow
        // keystrokes: those results are valid ones); once 10001 is typed nothing older arrives, and the banner says so
        type(robot, "serviceCount", "5");
        waitFor(() -> !vm.staleProperty().get() && !vm.computingProperty().get() && vm.plan().scenario().workload().serviceCount() == 5);
        type(robot, "serviceCount", "10001");
        var shownAtTheInvalidKey = onFx(vm::plan);
        runner.awaitQuiet(20_000); // nothing queued before this point can still arrive
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.plan()).isSameAs(shownAtTheInvalidKey);
        assertThat(vm.plan().scenario().workload().serviceCount()).isIn(1, 5, 10, 100, 1000);
        assertThat(onFx(() -> vm.field("serviceCount").value())).isEqualTo("10001");
        assertThat(onFx(stale::isVisible)).isTrue();
        assertThat(onFx(state::getText)).isEqualTo("Inputs not allowed: showing the last valid results").isNotEqualTo("Up to date");
    }

    @Test
    void theFirstScreenGivesTheRecommendationItsBasisCloudWatchOnlyAgainstThePlanAndTheMainRisk(FxRobot robot) {
        Label verdict = robot.lookup("#verdict").queryAs(Label.class);
        waitFor(() -> verdict.getText().startsWith("Recommendation: Choose"));
        assertThat(onFx(verdict::getText)).startsWith("Recommendation: Choose Amazon Managed Prometheus + Managed Grafana: $145.71 a month");
        String basis = onFx(() -> robot.lookup("#verdict-basis").queryAs(Label.class).getText());
        assertThat(basis).contains("% of 5,000 simulated runs").contains("on a simulation of 5,000 runs while you edit (the exported report runs 100,000)");
        assertThat(onFx(() -> robot.lookup("#main-risk").queryAs(Label.class).getText())).startsWith("Main risk: Prometheus data on EFS");
        assertThat(summary(robot)).contains("The plan’s budget: $105.00 - $116.00 a month.")
                .contains("CloudWatch only: computed $201.77 a month against the plan’s $58.00 (+$143.77).")
                .contains("CloudWatch metrics +$130.00: +$130.00 for the plan’s quantities");
        // every cause of a difference, not only its first
        assertThat(summary(robot)).contains("Fargate Prometheus -$14.83: +$0.49 for 730 h a month instead of the plan’s 720 h; -$18.02 for the model’s task and storage sizes"
                + " instead of the plan’s pinned ones; +$2.70 for ap-northeast-2 prices instead of us-east-1");
        // in Korean, the same verdict in Korean words and money
        onFx(() -> {
            i18n.setLocale(I18n.KOREAN);
            return true;
        });
        waitFor(() -> verdict.getText().startsWith("권고: 관리형 Prometheus + 관리형 Grafana 선택: 월 US$145.71"));
        assertThat(onFx(() -> robot.lookup("#main-risk").queryAs(Label.class).getText())).startsWith("주요 위험: EFS에 Prometheus 데이터 저장");
        assertThat(summary(robot)).contains("CloudWatch 단독: 계산 결과 월 US$201.77, 원안 US$58.00 대비 +US$143.77.").doesNotContain("Main risk");
        // an edit: the verdict says it is being recomputed until the decision for the new inputs is in
        type(robot, "serviceCount", "20");
        waitFor(() -> verdict.getText().contains("월 US$338.71") || verdict.getText().contains("자체 호스팅"));
        waitFor(() -> view.decisions().decision().scenario().workload().serviceCount() == 20 && verdict.getText().startsWith("권고: "));
        assertThat(onFx(verdict::getText)).doesNotContain("계산 중");
    }

    @Test
    void compareIncludesTheScenarioBeingEdited(FxRobot robot) {
        waitFor(() -> vm.plan() != null);
        type(robot, "serviceCount", "7");
        waitFor(() -> vm.plan().scenario().workload().serviceCount() == 7 && !vm.computingProperty().get());
        onFx(() -> {
            view.showCompare();
            return true;
        });
        waitFor(() -> view.compareView() != null && view.compareView().model().plans().size() == 4);
        CompareViewModel c = view.compareView().model();
        assertThat(c.showsEdited()).isTrue();
        assertThat(c.headers().get(0)).isEqualTo("Being edited: Seed plan: 5 services (as written)");
        assertThat(c.rows().get(0).values()).containsExactly("7", "5", "10", "20");
        CompareViewModel.Row self = c.rows().stream().filter(r -> r.label().startsWith("Self-hosted")).findFirst().orElseThrow();
        assertThat(self.values().get(0)).isEqualTo(i18n.money(vm.plan().selfHosted().monthly()));
        assertThat(self.values().get(1)).isEqualTo("$148.33");
        assertThat(view.compareView().table().getColumns()).hasSize(5);
        // without it: the three files only
        onFx(() -> {
            view.compareView().includeEditedBox().setSelected(false);
            return true;
        });
        waitFor(() -> c.plans().size() == 3 && !c.showsEdited());
        assertThat(c.rows().get(0).values()).containsExactly("5", "10", "20");
        onFx(() -> {
            view.compareView().close();
            return true;
        });
    }

    @Test
    void twentyServicesScaleWhatGrowsWithThemAsTheCliDoes(FxRobot robot) throws Exception {
        waitFor(() -> vm.plan() != null);
        Scenario five = vm.plan().scenario();
        var expected = TestSupport.service().plan(io.promplan.core.analysis.Scaling.withServices(five, 20));
        type(robot, "serviceCount", "20");
        waitFor(() -> vm.plan().scenario().workload().serviceCount() == 20 && !vm.computingProperty().get());
        var cw = io.promplan.core.cost.Alternative.CLOUDWATCH_ONLY;
        assertThat(vm.plan().alternative(cw).orElseThrow().monthly())
                .isEqualTo(expected.alternative(cw).orElseThrow().monthly())
                .isNotEqualTo(TestSupport.service().plan(five).alternative(cw).orElseThrow().monthly());
        // the scenario of promplan sweep at 20 (the uncertainty ranges of the scaled inputs follow them in the app)
        assertThat(vm.plan().scenario().withUncertainty(five.uncertainty())).isEqualTo(expected.scenario().withName(vm.plan().scenario().name()));
        assertThat(vm.plan().selfHosted().monthly()).isEqualTo(expected.selfHosted().monthly());
        assertThat(vm.field("cloudwatchOnly.alarms").value()).isEqualTo(String.valueOf(expected.scenario().cloudwatchOnly().alarms()));
        assertThat(vm.field("roi.hoursSavedPerWeek").value())
                .isEqualTo(io.promplan.core.sizing.Num.fmt(expected.scenario().roi().hoursSavedPerWeek()));
        Label whatIf = robot.lookup("#what-if").queryAs(Label.class);
        assertThat(onFx(whatIf::isVisible)).isTrue();
        assertThat(onFx(whatIf::getText)).startsWith("20 services (from 5): scaled with them")
                .contains("CloudWatch").contains("→");
        assertThat(summary(robot)).contains(i18n.money(expected.alternative(cw).orElseThrow().monthly()));
        // the chart's 20-service point and the plan on screen give one figure
        waitFor(() -> !vm.results().sweep().isEmpty());
        var at20 = vm.results().sweep().get(19).costs().stream().filter(c -> c.alternativeId().equals(cw)).findFirst().orElseThrow();
        assertThat(at20.monthly()).isEqualTo(vm.plan().alternative(cw).orElseThrow().monthly());
        // one undo step takes the count and what it scaled back
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitFor(() -> vm.plan().scenario().workload().serviceCount() == 5 && !vm.computingProperty().get());
        assertThat(vm.plan().scenario()).isEqualTo(five);
        assertThat(onFx(whatIf::isVisible)).isFalse();
    }

    @Test
    void saveThenOpenGivesBackTheSameScenario(FxRobot robot) throws Exception {
        waitFor(() -> vm.plan() != null);
        type(robot, "serviceCount", "12");
        type(robot, "grafana.users", "25");
        Path file = dir.resolve("twelve.yaml");
        dialogs.saveAnswers.add(file);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> Files.exists(file) && !vm.isDirty());
        Scenario saved = ScenarioReader.read(file);
        assertThat(saved.workload().serviceCount()).isEqualTo(12);
        assertThat(saved.workload().grafana().users()).isEqualTo(25);

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitFor(() -> "New scenario".equals(vm.field("name").value()));
        dialogs.openAnswers.add(file);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitFor(() -> file.equals(vm.fileProperty().get()));
        assertThat(robot.lookup("#field-serviceCount").queryAs(TextField.class).getText()).isEqualTo("12");
        assertThat(robot.lookup("#field-grafana-users").queryAs(TextField.class).getText()).isEqualTo("25");
        assertThat(vm.scenario().orElseThrow()).isEqualTo(saved);
        waitFor(() -> vm.plan() != null && vm.plan().scenario().equals(saved));
    }

    @Test
    void undoAndRedoWorkFromTheKeyboardEvenInsideATextField(FxRobot robot) {
        waitFor(() -> vm.plan() != null);
        type(robot, "serviceCount", "30");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitFor(() -> "5".equals(vm.field("serviceCount").value()));
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        waitFor(() -> "30".equals(vm.field("serviceCount").value()));
        waitFor(() -> vm.plan().scenario().workload().serviceCount() == 30);
    }

    @Test
    void switchingToKoreanChangesTheLabels(FxRobot robot) {
        waitFor(() -> vm.plan() != null);
        TitledPane services = robot.lookup("#group-services").queryAs(TitledPane.class);
        assertThat(services.getText()).isEqualTo("Services and metrics");
        robot.clickOn(robot.lookup("#field-name").queryAs(TextField.class));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> i18n.locale().equals(I18n.KOREAN));
        assertThat(services.getText()).isEqualTo("서비스와 메트릭");
        waitFor(() -> summary(robot).contains("월 US$148.33"));
        assertThat(robot.lookup("#price-line").queryAs(Label.class).getText()).startsWith("가격: ap-northeast-2");
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        assertThat(bar.getMenus()).extracting(javafx.scene.control.Menu::getText).startsWith("파일(_F)", "편집(_E)", "보기(_V)");
        assertThat(bar.getMenus().get(0).getItems().get(0).getText()).isEqualTo("새로 만들기(_N)");
        assertThat(bar.getMenus().get(3).getText()).isEqualTo("도구(_T)");
        assertThat(bar.getMenus().get(3).getItems()).extracting(javafx.scene.control.MenuItem::getText).containsExactly("가격 새로 고침(_P)…");
        assertThat(bar.getMenus().get(0).getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .contains("Terraform으로 내보내기(_T)…", "보고서 내보내기(_P)…");
        assertThat(robot.lookup("#field-serviceCount").queryAs(TextField.class).getText()).isEqualTo("5");
        assertThat(((Stage) robot.window(0)).getTitle()).startsWith("Promplan - ");
        // the scenario's name follows the language (the seed gives it in both), and that is no edit
        assertThat(robot.lookup("#field-name").queryAs(TextField.class).getText()).isEqualTo(vm.baseProperty().get().name().text("ko")).startsWith("원안");
        assertThat(((Stage) robot.window(0)).getTitle()).contains("원안");
        assertThat(vm.isDirty()).isFalse();
    }

    @Test
    void theCompareViewPutsTheShippedStepsSideBySide(FxRobot robot) {
        waitFor(() -> vm.plan() != null);
        onFx(() -> {
            view.showCompare();
            return true;
        });
        waitFor(() -> view.compareView() != null && view.compareView().table().getItems().size() > 5);
        assertThat(view.compareView().table().getColumns()).hasSize(1 + vm.defaultCompareFiles().size());
        onFx(() -> {
            view.compareView().close();
            return true;
        });
    }

    private void shortcut(FxRobot robot, KeyCode key) {
        robot.clickOn(robot.lookup("#field-name").queryAs(TextField.class));
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void exportTerraformFromTheKeyboardWritesTheStackIntoTheChosenFolder(FxRobot robot) {
        waitFor(() -> vm.plan() != null);
        Path out = dir.resolve("export");
        dialogs.folderAnswers.add(out);
        shortcut(robot, KeyCode.E);
        waitFor(() -> Files.isRegularFile(out.resolve("terraform/monitoring/main.tf")) && !view.tools().runningProperty().get());
        assertThat(robot.lookup("#state-line").queryAs(Label.class).getText()).startsWith("Exported ").endsWith(" files to " + out);
        assertThat(robot.lookup("#task-progress").queryAs(javafx.scene.control.ProgressBar.class).getParent().isVisible()).isFalse();
        assertThat(onFx(() -> List.copyOf(dialogs.errors))).isEmpty();
    }

    @Test
    void exportReportFromTheKeyboardWritesAPdf(FxRobot robot) throws Exception {
        waitFor(() -> vm.plan() != null);
        Path pdf = dir.resolve("decision.pdf");
        dialogs.reportAnswers.add(pdf);
        shortcut(robot, KeyCode.P);
        waitFor(() -> Files.isRegularFile(pdf) && !view.tools().runningProperty().get());
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(robot.lookup("#state-line").queryAs(Label.class).getText()).isEqualTo("Report written: " + pdf);
    }

    @Test
    void aFailedRefreshKeepsTheOldAsOfDateAndShowsTheError(FxRobot robot) throws Exception {
        waitFor(() -> vm.plan() != null);
        String line = "Prices: ap-northeast-2, snapshot shipped-2026-11-26, as of Oct 31, 2026";
        assertThat(robot.lookup("#price-line").queryAs(Label.class).getText()).isEqualTo(line);
        try (FakePriceListServer server = new FakePriceListServer(PriceListFixture.byService(), 4).failWith("AmazonECS", 500)) {
            Path prices = RefreshTestSupport.pricesDir(dir);
            view.tools().setRefreshServices(d -> RefreshTestSupport.service(prices, server.endpoint()));
            dialogs.textAnswers.add("ap-northeast-2");
            robot.clickOn("#menu-tools").clickOn("#menu-refreshPrices");
            waitFor(() -> !dialogs.errors.isEmpty() && !view.tools().runningProperty().get());
        }
        assertThat(onFx(() -> List.copyOf(dialogs.errors))).singleElement().asString().startsWith("Cannot refresh the prices: ")
                .contains("HTTP 500");
        assertThat(robot.lookup("#state-line").queryAs(Label.class).getText()).startsWith("Cannot refresh the prices: ").contains("HTTP 500");
        assertThat(robot.lookup("#price-line").queryAs(Label.class).getText()).isEqualTo(line);
        assertThat(vm.plan().priceSnapshot()).isEqualTo("shipped-2026-11-26");
    }

    @Test
    void aRefreshPlansWithTheNewPricesAndTheStatusLineSaysWhenTheyWereRetrieved(FxRobot robot) throws Exception {
        waitFor(() -> vm.plan() != null);
        try (FakePriceListServer server = new FakePriceListServer(PriceListFixture.byService(), 4)) {
            Path prices = RefreshTestSupport.pricesDir(dir);
            view.tools().setRefreshServices(d -> RefreshTestSupport.service(prices, server.endpoint()));
            dialogs.textAnswers.add("ap-northeast-2");
            shortcut(robot, KeyCode.R);
            waitFor(() -> !dialogs.infos.isEmpty() && "refresh-2026-11-26T120000Z".equals(vm.plan().priceSnapshot()));
        }
        assertThat(robot.lookup("#price-line").queryAs(Label.class).getText())
                .isEqualTo("Prices: ap-northeast-2, snapshot refresh-2026-11-26T120000Z, as of Nov 26, 2026, retrieved 2026-11-26T12:00:00Z");
        assertThat(onFx(() -> List.copyOf(dialogs.infos))).singleElement().asString().startsWith("Refreshed ap-northeast-2: ");
        assertThat(onFx(() -> List.copyOf(dialogs.errors))).isEmpty();
    }

    @Test
    void escCancelsARefreshInFlightAndThePricesStay(FxRobot robot) throws Exception {
        waitFor(() -> vm.plan() != null);
        try (FakePriceListServer server = new FakePriceListServer(PriceListFixture.byService(), 4).hang("AmazonECS")) {
            Path prices = RefreshTestSupport.pricesDir(dir);
            view.tools().setRefreshServices(d -> RefreshTestSupport.service(prices, server.endpoint()));
            dialogs.textAnswers.add("ap-northeast-2");
            shortcut(robot, KeyCode.R);
            assertThat(server.awaitRequests(1, 10, TimeUnit.SECONDS)).isTrue();
            waitFor(() -> robot.lookup("#task-cancel").query().getParent().isVisible());
            assertThat(robot.lookup("#task-name").queryAs(Label.class).getText()).isEqualTo("Refreshing prices");
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            waitFor(() -> !view.tools().runningProperty().get());
        }
        assertThat(robot.lookup("#state-line").queryAs(Label.class).getText()).isEqualTo("Price refresh cancelled; the previous prices stay in use");
        assertThat(vm.service().snapshot().catalog().snapshotName()).isEqualTo("shipped-2026-11-26");
        assertThat(onFx(() -> List.copyOf(dialogs.errors))).isEmpty();
    }

    @Test
    void theDecisionTabsShowTheReportsChartsAndTheRunCount(FxRobot robot) {
        shortcut(robot, KeyCode.DIGIT2);
        javafx.scene.control.TabPane views = robot.lookup("#result-views").queryAs(javafx.scene.control.TabPane.class);
        assertThat(views.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-decision");
        waitFor(() -> view.decisions().decision() != null && !view.decisions().computingProperty().get());
        for (String id : List.of("chart-tco", "chart-crossing", "chart-distribution", "chart-tornado")) {
            assertThat(chart(robot, id)).as(id).isNotNull();
        }
        assertThat(robot.lookup("#distribution-note").queryAs(Label.class).getText())
                .startsWith("Monte Carlo simulation: 5,000 runs, seed 42");
        assertThat(robot.lookup("#crossing-note").queryAs(Label.class).getText()).isNotBlank();
        JFreeChart tcoBefore = chart(robot, "chart-tco");
        type(robot, "serviceCount", "20");
        waitFor(() -> view.decisions().decision().scenario().workload().serviceCount() == 20);
        waitFor(() -> chart(robot, "chart-tco") != tcoBefore);
        shortcut(robot, KeyCode.DIGIT1);
        assertThat(views.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-plan");
    }

    @Test
    void theGrowthPlanIsEditableInTheDecisionViewsAndABadOneKeepsTheLastValid(FxRobot robot) {
        shortcut(robot, KeyCode.DIGIT2);
        waitFor(() -> view.decisions().decision() != null && !view.decisions().computingProperty().get());
        assertThat(view.decisions().decision().tco().options().growth().description()).doesNotStartWith("flat");
        TextField growth = robot.lookup("#growth-field").queryAs(TextField.class);
        robot.interact(growth::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("flat");
        robot.push(KeyCode.ENTER);
        waitFor(() -> view.decisions().decision().tco().options().growth().description().startsWith("flat: 5 services")
                && !view.decisions().computingProperty().get());
        assertThat(vm.growthProperty().get()).isEqualTo("flat");
        robot.interact(growth::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("fast");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#growth-hint").queryAs(Label.class).getText()).startsWith("“fast” is not a growth plan");
        assertThat(vm.growthProperty().get()).isEqualTo("flat");
        assertThat(view.decisions().decision().tco().options().growth().description()).startsWith("flat: 5 services");
        robot.interact(growth::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("5,10,40");
        robot.push(KeyCode.ENTER);
        waitFor(() -> view.decisions().decision().tco().options().growth().steps().stream().anyMatch(x -> x.services() == 40));
        assertThat(robot.lookup("#growth-hint").queryAs(Label.class).getText()).startsWith("default (the plan's");
    }
}
