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
import javafx.scene.layout.RowConstraints;
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

    /** The four views in a 2 x 2 grid, like the report's page: each chart with its text under it. */
    Node build() {
        GridPane grid = new GridPane();
        grid.setId("decision-views");
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(4));
        grid.add(cell(tco, tcoNote), 0, 0);
        grid.add(cell(crossing, crossingNote), 1, 0);
        grid.add(cell(distribution, distributionNote), 0, 1);
        grid.add(cell(tornado, tornadoNote), 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        dvm.decisionProperty().addListener((o, a, b) -> render());
        dvm.computingProperty().addListener((o, a, b) -> render());
        dvm.errorProperty().addListener((o, a, b) -> render());
        t.localeProperty().addListener((o, a, b) -> render());
        render();
        return grid;
    }

    /** A chart (its title says what it shows, in the app's language) and its figures as text. */
    private Node cell(ChartViewer chart, Label note) {
        BorderPane p = new BorderPane(chart, null, null, note, null);
        p.setMinSize(0, 0);
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
        crossingNote.setText(prefix + String.join("\n", DecisionTables.crossingNotes(d.sweep(), l)));
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
