package io.promplan.ui;

import io.promplan.charts.DecisionCharts;
import io.promplan.core.analysis.Decision;
import io.promplan.core.analysis.MonteCarlo;
import io.promplan.render.DecisionTables;
import io.promplan.render.Labels;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The decision views (a tab of the results), with the charts of the PDF report ({@link DecisionCharts}): the
 * cumulative cost (TCO) lines, the monthly cost over the service count with the crossing points, the
 * distribution of the monthly cost from the seeded simulation (its run count shown), and the tornado.
 * Each chart has a line of text under it with the figures it shows.
 */
final class DecisionViews {
    private static final int TORNADO_BARS = 8;

    private final DecisionViewModel dvm;
    private final I18n t;
    private final ChartViewer tco = viewer("chart-tco");
    private final ChartViewer crossing = viewer("chart-crossing");
    private final ChartViewer distribution = viewer("chart-distribution");
    private final ChartViewer tornado = viewer("chart-tornado");
    private final Label tcoNote = note("tco-note");
    private final Label crossingNote = note("crossing-note");
    private final Label distributionNote = note("distribution-note");
    private final Label tornadoNote = note("tornado-note");

    DecisionViews(DecisionViewModel dvm, I18n t) {
        this.dvm = dvm;
        this.t = t;
        for (ChartViewer v : List.of(tco, crossing, distribution, tornado)) {
            ChartMenus.localize(v, t);
        }
    }

    private static ChartViewer viewer(String id) {
        ChartViewer v = new ChartViewer();
        v.setId(id);
        v.setMinSize(200, 140);
        return v;
    }

    private static Label note(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setPadding(new Insets(2, 6, 4, 6));
        return l;
    }

    /** Below this width the four views stack in one column (each keeps a readable chart); above, a 2 x 2 grid like the report's page. */
    static final double TWO_COLUMNS_FROM = 980;
    /** A chart is never drawn smaller than this; the views scroll instead. */
    static final double CHART_MIN_HEIGHT = 250;

    private final GridPane grid = new GridPane();
    private final List<Node> cells = new ArrayList<>();
    private int columns = -1;

    /** The four views, each chart with its text under it, in a grid that reflows with the width and scrolls. */
    Node build() {
        grid.setId("decision-views");
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(4));
        cells.addAll(List.of(cell(tco, tcoNote), cell(crossing, crossingNote), cell(distribution, distributionNote), cell(tornado, tornadoNote)));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setId("decision-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> layout(b.getWidth(), b.getHeight()));
        layout(1200, 600);
        dvm.decisionProperty().addListener((o, a, b) -> render());
        dvm.computingProperty().addListener((o, a, b) -> render());
        dvm.errorProperty().addListener((o, a, b) -> render());
        t.localeProperty().addListener((o, a, b) -> render());
        render();
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(growthBar(), scroll);
        javafx.scene.layout.VBox.setVgrow(scroll, Priority.ALWAYS);
        return box;
    }

    /**
     * The growth plan of the TCO (the CLI's --growth), editable: Enter or leaving the field applies it; a value that is
     * not allowed is named under the field and the analyses keep the last valid plan.
     */
    private Node growthBar() {
        Label label = new Label();
        label.textProperty().bind(t.bind("decision.growth"));
        javafx.scene.control.TextField field = new javafx.scene.control.TextField(dvm.growth());
        field.setId("growth-field");
        field.setPrefColumnCount(14);
        label.setLabelFor(field);
        label.setMnemonicParsing(false);
        Label hint = new Label();
        hint.setId("growth-hint");
        hint.textProperty().bind(t.bind("decision.growthHint"));
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.getStyleClass().add("unit");
        // what the plan in the field means, in the app's language ("default": the plan's 5 -> 10 -> 20 ...); the field keeps the syntax
        Label meaning = new Label();
        meaning.setId("growth-meaning");
        meaning.setWrapText(true);
        meaning.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Runnable explain = () -> meaning.setText(growthMeaning(dvm.growth()));
        explain.run();
        t.localeProperty().addListener((o, a, b) -> explain.run());
        dvm.decisionProperty().addListener((o, a, b) -> explain.run());
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(t.bind("decision.growthHint"));
        field.setTooltip(tip);
        Runnable apply = () -> {
            String problem = dvm.setGrowth(field.getText());
            explain.run();
            if (problem.isEmpty()) {
                hint.textProperty().bind(t.bind("decision.growthHint"));
                hint.setStyle("");
            } else {
                hint.textProperty().unbind();
                hint.setText(problem);
                hint.setStyle("-fx-text-fill: -color-danger-fg, #b00020;");
            }
        };
        field.setOnAction(e -> apply.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                apply.run();
            }
        });
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(8, label, field, meaning);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(meaning, Priority.ALWAYS);
        javafx.scene.layout.VBox bar = new javafx.scene.layout.VBox(2, line, hint);
        bar.setId("growth-bar");
        bar.setPadding(new Insets(4, 6, 2, 6));
        return bar;
    }

    /** The meaning of a growth plan as the field holds it (default, flat, +N/q, counts a year), from the plan being decided. */
    String growthMeaning(String text) {
        int n = dvm.decision() != null ? dvm.decision().scenario().workload().serviceCount() : 1;
        String g = text == null || text.isBlank() ? "default" : text.trim().toLowerCase(java.util.Locale.ROOT);
        io.promplan.core.analysis.GrowthPlan plan;
        try {
            plan = io.promplan.core.analysis.GrowthPlan.parse(g, n);
        } catch (IllegalArgumentException e) {
            return "";
        }
        List<String> counts = new ArrayList<>();
        for (io.promplan.core.analysis.GrowthPlan.Step s : plan.steps()) {
            String c = t.integer(s.services());
            if (counts.isEmpty() || !counts.get(counts.size() - 1).equals(c)) {
                counts.add(c);
            }
        }
        if (g.equals("default")) {
            List<String> yearly = new ArrayList<>(List.of(t.integer(plan.servicesIn(1)), t.integer(plan.servicesIn(13)), t.integer(plan.servicesIn(25))));
            return t.get("decision.growthMeaning.default", String.join(" → ", yearly.stream().distinct().toList()));
        }
        if (g.equals("flat") || g.equals("none")) {
            return t.get("decision.growthMeaning.flat", t.integer(n));
        }
        if (g.startsWith("+")) {
            return t.get("decision.growthMeaning.perQuarter", g.substring(1, g.length() - 2).trim(), t.integer(n));
        }
        return t.get("decision.growthMeaning.yearly", String.join(" → ", counts));
    }

    /** One or two columns by the width; each chart as tall as half the view allows, never below {@link #CHART_MIN_HEIGHT}. */
    private void layout(double width, double height) {
        int n = width >= TWO_COLUMNS_FROM ? 2 : 1;
        double chartHeight = Math.max(CHART_MIN_HEIGHT, height / 2 - 90);
        for (ChartViewer v : List.of(tco, crossing, distribution, tornado)) {
            v.setPrefHeight(chartHeight);
        }
        if (n == columns) {
            return;
        }
        columns = n;
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        for (int i = 0; i < cells.size(); i++) {
            grid.add(cells.get(i), i % n, i / n);
        }
        for (int i = 0; i < n; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / n);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
    }

    /** A chart (its title says what it shows, in the app's language) and its figures as text. */
    private Node cell(ChartViewer chart, Label note) {
        chart.setMinHeight(CHART_MIN_HEIGHT);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.VBox p = new javafx.scene.layout.VBox(2, chart, note);
        p.setMinWidth(0);
        return p;
    }

    private static JFreeChart styled(JFreeChart c) {
        return DecisionCharts.style(c, new Font(Font.SANS_SERIF, Font.PLAIN, 12), 1.1f);
    }

    void render() {
        Decision d = dvm.decision();
        String state = dvm.errorProperty().get();
        if (state.isEmpty() && dvm.computingProperty().get()) {
            state = t.get("decision.computing", t.integer(dvm.runs()));
        }
        if (d == null) {
            for (Label l : List.of(tcoNote, crossingNote, distributionNote, tornadoNote)) {
                l.setText(state);
            }
            return;
        }
        Labels l = Labels.of(Labels.Lang.fromLocale(t.locale()));
        String prefix = state.isEmpty() ? "" : state + "\n";
        tco.setChart(styled(DecisionCharts.tco(d.tco(), l)));
        tcoNote.setText(prefix + DecisionTables.recommendation(d, l));
        crossing.setChart(styled(DecisionCharts.sweep(d.sweep(), l)));
        // the two Prometheus options on the decision's basis and on the bill alone, then every bill crossing the chart shows
        List<String> crossings = new ArrayList<>(DecisionTables.promCrossingNotes(d, l));
        crossings.addAll(DecisionTables.crossingNotes(d.sweep(), l));
        crossingNote.setText(prefix + String.join("\n", crossings));
        distribution.setChart(styled(DecisionCharts.distribution(d.simulation(), l)));
        distributionNote.setText(prefix + simulationText(d.simulation(), l));
        tornado.setChart(styled(DecisionCharts.tornado(d.sensitivity(), l, TORNADO_BARS)));
        long moving = d.sensitivity().byMonthly().stream().filter(x -> x.monthlySwing() >= 0.005).count();
        String likely = DecisionTables.usd(d.sensitivity().monthlyLikely(), l);
        tornadoNote.setText(prefix + (moving == 0 ? t.get("decision.tornadoFlat", likely)
                : t.get("decision.tornadoNote", t.integer(Math.min(TORNADO_BARS, moving)), likely)));
    }

    /** "100,000 runs, seed 42" and P10/P50/P90 of each alternative's monthly cost. */
    String simulationText(MonteCarlo.Result r, Labels l) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, MonteCarlo.Stats> e : r.monthly().entrySet()) {
            MonteCarlo.Stats s = e.getValue();
            parts.add(DecisionTables.name(e.getKey(), r.names().get(e.getKey()), l) + " P10 " + DecisionTables.usd(s.p10(), l) + " · P50 "
                    + DecisionTables.usd(s.p50(), l) + " · P90 " + DecisionTables.usd(s.p90(), l));
        }
        return t.get("decision.runs", t.integer(r.runs()), String.valueOf(r.seed())) + "\n" + String.join("\n", parts);
    }
}
