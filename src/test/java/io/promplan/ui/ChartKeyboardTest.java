package io.promplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A chart's export menu is reachable without a mouse: Tab to the chart, Shift+F10 (or the menu key, or Enter) opens it. */
@ExtendWith(ApplicationExtension.class)
class ChartKeyboardTest {
    ChartViewer viewer;
    Button before;

    @Start
    void start(Stage stage) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        d.addValue(148.33, "monthly", "Self-hosted");
        d.addValue(145.71, "monthly", "Managed");
        viewer = new ChartViewer(ChartFactory.createBarChart("Monthly cost", "", "USD", d));
        ChartMenus.localize(viewer, new I18n(I18n.KOREAN));
        before = new Button("before");
        VBox root = new VBox(before, viewer);
        viewer.setPrefSize(400, 300);
        stage.setScene(new Scene(root, 420, 360));
        stage.show();
        before.requestFocus();
    }

    @Test
    void tabReachesTheChartAndShiftF10OpensItsTranslatedExportMenu(FxRobot robot) {
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewer.isFocused()).isTrue();
        robot.push(KeyCode.SHIFT, KeyCode.F10);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewer.getContextMenu().isShowing()).isTrue();
        Menu export = (Menu) viewer.getContextMenu().getItems().stream().filter(m -> m instanceof Menu).findFirst().orElseThrow();
        assertThat(export.getText()).isEqualTo(new I18n(I18n.KOREAN).get("chart.menu.exportAs"));
        assertThat(export.getItems()).isNotEmpty();
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewer.getContextMenu().isShowing()).isFalse();
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewer.getContextMenu().isShowing()).isTrue();
    }
}
