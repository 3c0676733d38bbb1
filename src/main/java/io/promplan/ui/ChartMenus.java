package io.promplan.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.jfree.chart.fx.ChartViewer;

/**
 * The charts' context menu (JFreeChart's, written in English) in the app's language: "Export As" and its
 * formats follow the language like every other label.
 */
final class ChartMenus {
    private ChartMenus() {
    }

    static void localize(ChartViewer v, I18n t) {
        if (v.getContextMenu() == null) {
            return;
        }
        for (MenuItem m : v.getContextMenu().getItems()) {
            if (m instanceof Menu export) {
                export.textProperty().bind(t.bind("chart.menu.exportAs"));
                for (MenuItem f : export.getItems()) {
                    String format = f.getText() == null ? "" : f.getText().replace("...", "").replace("…", "").trim();
                    if (!format.isEmpty()) {
                        f.textProperty().bind(t.bind("chart.menu.format", format));
                    }
                }
            }
        }
    }
}
