package io.promplan.ui;

import static io.promplan.ui.FxWait.onFx;
import static io.promplan.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless: the mouse wheel over a chart scrolls the page (no chart zooms), the storage is chosen by
 * its name while the scenario keeps its key, fields the chosen storage ignores are disabled with the reason, the
 * growth plan's meaning is shown beside it, and every amount has its separators.
 */
@ExtendWith(ApplicationExtension.class)
class UiPolishWindowTest {
    @TempDir
    Path dir;
    MainViewModel vm;
    MainView view;

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
    }

    @AfterEach
    void stop() {
        vm.close();
    }

    private void shortcut(FxRobot robot, KeyCode key) {
        robot.clickOn(robot.lookup("#field-name").queryAs(TextField.class));
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theWheelOverAChartScrollsThePageAndNoChartZooms(FxRobot robot) {
        waitFor(() -> vm.plan() != null);
        shortcut(robot, KeyCode.DIGIT2);
        waitFor(() -> view.decisions().decision() != null && !view.decisions().computingProperty().get());
        ScrollPane page = robot.lookup("#decision-scroll").queryAs(ScrollPane.class);
        ChartViewer tco = robot.lookup("#chart-tco").queryAs(ChartViewer.class);
        ChartViewer histogram = robot.lookup("#chart-distribution").queryAs(ChartViewer.class);
        waitFor(() -> tco.getChart() != null && histogram.getChart() != null && tco.getWidth() > 0);
        XYPlot tcoPlot = (XYPlot) tco.getChart().getPlot();
        XYPlot histogramPlot = (XYPlot) histogram.getChart().getPlot();
        List<Range> axes = List.of(tcoPlot.getDomainAxis().getRange(), tcoPlot.getRangeAxis().getRange(),
                histogramPlot.getDomainAxis().getRange(), histogramPlot.getRangeAxis().getRange());
        // the page half way down (the wheel's direction differs between robots: the page must move, either way)
        robot.interact(() -> page.setVvalue(0.08));
        double before = onFx(page::getVvalue);
        // the real wheel over the first chart (on screen at the top of the page)
        Bounds b = onFx(() -> tco.localToScreen(tco.getBoundsInLocal()));
        Bounds shownPage = onFx(() -> page.localToScreen(page.getBoundsInLocal()));
        double y = Math.max(b.getMinY(), shownPage.getMinY()) + 40;
        assertThat(y).isLessThan(Math.min(b.getMaxY(), shownPage.getMaxY()));
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() / 2, y));
        robot.scroll(3, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        double afterWheel = onFx(page::getVvalue);
        assertThat(afterWheel).as("the decision page scrolled").isNotEqualTo(before);
        // a wheel event on the histogram (further down the page) scrolls on too
        onFx(() -> {
            javafx.event.Event.fireEvent(histogram.getCanvas(), new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL, 100, 60, 0, 0,
                    false, false, false, false, false, false, 0, -120, 0, -120, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            return null;
        });
        assertThat(onFx(page::getVvalue)).isNotEqualTo(afterWheel);
        // a drag over the chart draws no zoom rectangle
        robot.interact(() -> page.setVvalue(0));
        Bounds t = onFx(() -> tco.localToScreen(tco.getBoundsInLocal()));
        robot.drag(new Point2D(t.getMinX() + t.getWidth() / 3, t.getMinY() + 60)).dropBy(120, 40);
        WaitForAsyncUtils.waitForFxEvents();
        // no axis moved: nothing zoomed
        assertThat(List.of(tcoPlot.getDomainAxis().getRange(), tcoPlot.getRangeAxis().getRange(),
                histogramPlot.getDomainAxis().getRange(), histogramPlot.getRangeAxis().getRange())).isEqualTo(axes);
        // every chart of the window, on both tabs: no wheel, drag or pan zoom, and its export menu kept
        shortcut(robot, KeyCode.DIGIT1);
        List<ChartViewer> charts = onFx(() -> robot.lookup(n -> n instanceof ChartViewer).queryAllAs(ChartViewer.class).stream().toList());
        charts = new java.util.ArrayList<>(charts);
        charts.addAll(onFx(() -> List.of(histogram)));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(5);
        for (ChartViewer v : charts) {
            for (String handler : List.of("scroll", "zoom", "pan")) {
                assertThat(v.getCanvas().getMouseHandler(handler)).as(v.getId() + " " + handler).isNull();
            }
            assertThat(v.getContextMenu()).as(v.getId()).isNotNull();
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void theStorageIsChosenByNameAndFieldsItIgnoresAreDisabledWithTheReason(FxRobot robot) {
        waitFor(() -> vm.plan() != null);
        ComboBox<String> storage = robot.lookup("#field-storage").queryAs(ComboBox.class);
        InputField value = vm.fields().stream().filter(f -> f.key().equals("storage")).findFirst().orElseThrow();
        assertThat(storage.getValue()).isEqualTo("efs");
        ListCell<?> shown = (ListCell<?>) ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) storage.getSkin()).getDisplayNode();
        assertThat(onFx(shown::getText)).isEqualTo("EFS (NFS)");
        TextField raw = robot.lookup("#field-thanos-retentionRaw").queryAs(TextField.class);
        TextField local = robot.lookup("#field-localRetention").queryAs(TextField.class);
        assertThat(raw.isDisabled()).isTrue();
        assertThat(local.isDisabled()).isTrue();
        assertThat(raw.getAccessibleHelp()).contains("“Thanos on S3”").contains("“EFS (NFS)”");
        Label rawLabel = (Label) onFx(() -> raw.getParent().getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Label l && l.getLabelFor() == raw).findFirst().orElseThrow());
        assertThat(rawLabel.getTooltip().getText()).startsWith("Not used with the storage “EFS (NFS)”");
        assertThat(rawLabel.getStyleClass()).contains("unused");

        robot.clickOn(storage);
        robot.clickOn("Thanos on S3");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value.value()).isEqualTo("thanos-s3"); // the scenario keeps the key
        assertThat(onFx(shown::getText)).isEqualTo("Thanos on S3");
        assertThat(raw.isDisabled()).isFalse();
        assertThat(rawLabel.getStyleClass()).doesNotContain("unused");
        assertThat(local.isDisabled()).isTrue();

        robot.clickOn(storage);
        robot.clickOn("Remote write to AMP");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value.value()).isEqualTo("amp-remote-write");
        assertThat(local.isDisabled()).isFalse();
        assertThat(raw.isDisabled()).isTrue();

        // in Korean the names follow, the value stays
        robot.interact(() -> vm.i18n().setLocale(I18n.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(shown::getText)).isEqualTo("관리형 Prometheus 원격 쓰기");
        assertThat(value.value()).isEqualTo("amp-remote-write");
    }

    @Test
    void theGrowthPlanShowsWhatItMeansAndEveryAmountHasItsSeparators(FxRobot robot) {
        waitFor(() -> vm.plan() != null);
        shortcut(robot, KeyCode.DIGIT2);
        waitFor(() -> view.decisions().decision() != null && !view.decisions().computingProperty().get());
        assertThat(robot.lookup("#growth-field").queryAs(TextField.class).getText()).isEqualTo("default");
        Label meaning = robot.lookup("#growth-meaning").queryAs(Label.class);
        assertThat(onFx(meaning::getText)).isEqualTo("= the plan’s growth: 5 → 10 → 20 services, a step each quarter over two years");
        TextField growth = robot.lookup("#growth-field").queryAs(TextField.class);
        robot.interact(growth::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("+2/q");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(meaning::getText)).isEqualTo("= 2 services added each quarter, from 5");

        waitFor(() -> !robot.lookup("#tco-note").queryAs(Label.class).getText().isEmpty());
        VBox box = robot.lookup("#summary").queryAs(VBox.class);
        String summary = onFx(() -> String.join("\n", box.getChildren().stream().map(n -> ((Label) n).getText()).toList()));
        assertThat(summary).contains("($1,748.52 a year)");
        java.util.regex.Pattern ungrouped = java.util.regex.Pattern.compile("\\$-?\\d{4}");
        assertThat(ungrouped.matcher(summary).find()).as(summary).isFalse();
        for (String id : List.of("#tco-note", "#crossing-note", "#distribution-note", "#tornado-note")) {
            String note = onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
            assertThat(ungrouped.matcher(note).find()).as(note).isFalse();
        }
    }
}
