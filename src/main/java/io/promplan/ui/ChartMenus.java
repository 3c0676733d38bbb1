package io.promplan.ui;

import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.jfree.chart.fx.ChartViewer;

/**
 * The charts' context menu (JFreeChart's, written in English) in the app's language: "Export As" and its
 * formats follow the language like every other label. The menu is reachable by keyboard too: a chart takes
 * the focus with Tab, and the context-menu key, Shift+F10 or Enter opens its menu (arrows and Enter choose
 * an export format).
 */
final class ChartMenus {
    private ChartMenus() {
    }

    static void localize(ChartViewer v, I18n t) {
        still(v);
        if (v.getContextMenu() == null) {
            return;
        }
        keyboard(v);
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

    /**
     * No zoom or pan by mouse: the wheel over a chart scrolls the page around it (the event goes on to the
     * enclosing ScrollPane), and a drag draws no zoom rectangle. JFreeChart's handlers are removed by their ids:
     * "scroll" (wheel zoom), "zoom" (drag zoom, added by the viewer) and "pan" (Alt+drag). The context menu
     * (export) is the viewer's own and stays.
     */
    static void still(ChartViewer v) {
        org.jfree.chart.fx.ChartCanvas c = v.getCanvas();
        if (c == null) {
            return;
        }
        c.setDomainZoomable(false);
        c.setRangeZoomable(false);
        for (String id : java.util.List.of("scroll", "zoom", "pan")) {
            org.jfree.chart.fx.interaction.MouseHandlerFX h = c.getMouseHandler(id);
            if (h != null) {
                c.removeMouseHandler(h);
                c.removeAuxiliaryMouseHandler(h);
            }
        }
    }

    /** Tab reaches the chart; the context-menu key, Shift+F10 or Enter opens its menu below the chart's top-left corner. */
    static void keyboard(ChartViewer v) {
        v.setFocusTraversable(true);
        v.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        v.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            boolean open = e.getCode() == KeyCode.CONTEXT_MENU || (e.getCode() == KeyCode.F10 && e.isShiftDown())
                    || (e.getCode() == KeyCode.ENTER && !e.isShiftDown() && !e.isControlDown());
            if (open && v.getContextMenu() != null && !v.getContextMenu().isShowing()) {
                Bounds b = v.getLayoutBounds();
                v.getContextMenu().show(v, Side.TOP, Math.min(24, b.getWidth() / 2), Math.min(24, b.getHeight() / 2));
                e.consume();
            }
        });
        v.focusedProperty().addListener((obs, was, now) -> v.setStyle(now ? "-fx-border-color: -fx-focus-color; -fx-border-width: 2;" : ""));
    }
}
