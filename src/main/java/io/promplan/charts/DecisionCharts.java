package io.promplan.charts;

import io.promplan.core.analysis.MonteCarlo;
import io.promplan.core.analysis.Sensitivity;
import io.promplan.core.analysis.Sweep;
import io.promplan.core.analysis.Tco;
import io.promplan.core.cost.AlternativeModel;
import io.promplan.core.cost.AlternativeRegistry;
import java.util.List;
import io.promplan.render.DecisionTables;
import io.promplan.render.Labels;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The decision charts as JFreeChart objects, for the PDF report (rendered to images) and for the
 * desktop app (in a ChartViewer): TCO lines, the sweep with its crossing, the distribution of the
 * monthly cost, and the tornado. Colours are fixed per alternative so that every chart agrees.
 */
public final class DecisionCharts {
    public static final Color SELF = new Color(0x1f77b4);
    public static final Color CLOUDWATCH = new Color(0xff7f0e);
    public static final Color MANAGED = new Color(0x2ca02c);
    public static final Color BUDGET = new Color(0xd62728);

    private DecisionCharts() {
    }

    /** The colours of the alternatives, in registry order; an alternative past the list, or not registered, is grey. */
    private static final List<Color> PALETTE = List.of(SELF, CLOUDWATCH, MANAGED, new Color(0x9467bd), new Color(0x8c564b));

    public static Paint colour(String id) {
        int i = AlternativeRegistry.indexOf(id);
        return i >= 0 && i < PALETTE.size() ? PALETTE.get(i) : Color.GRAY;
    }

    /**
     * Applies a font family (one with Hangul for Korean) to every text of a chart, at sizes scaled
     * for the target; keeps the colours the builders set.
     */
    public static JFreeChart style(JFreeChart c, Font base, float scale) {
        Font f = base == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 10) : base;
        Font title = f.deriveFont(Font.BOLD, 12f * scale);
        Font label = f.deriveFont(Font.PLAIN, 10f * scale);
        Font tick = f.deriveFont(Font.PLAIN, 9f * scale);
        c.setBackgroundPaint(Color.WHITE);
        if (c.getTitle() != null) {
            c.getTitle().setFont(title);
        }
        for (int i = 0; i < c.getSubtitleCount(); i++) {
            if (c.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle sub) {
                sub.setFont(tick);
            }
        }
        if (c.getLegend() != null) {
            c.getLegend().setItemFont(tick);
            c.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        if (c.getPlot() instanceof XYPlot xy) {
            xy.setBackgroundPaint(Color.WHITE);
            xy.setDomainGridlinePaint(new Color(0xdddddd));
            xy.setRangeGridlinePaint(new Color(0xdddddd));
            axis(xy.getDomainAxis(), label, tick);
            axis(xy.getRangeAxis(), label, tick);
            for (org.jfree.chart.ui.Layer layer : new org.jfree.chart.ui.Layer[] {org.jfree.chart.ui.Layer.FOREGROUND, org.jfree.chart.ui.Layer.BACKGROUND}) {
                java.util.Collection<?> ms = xy.getDomainMarkers(layer);
                if (ms != null) {
                    ms.forEach(m -> ((org.jfree.chart.plot.Marker) m).setLabelFont(tick));
                }
            }
        } else if (c.getPlot() instanceof CategoryPlot cp) {
            cp.setBackgroundPaint(Color.WHITE);
            cp.setRangeGridlinePaint(new Color(0xdddddd));
            axis(cp.getDomainAxis(), label, tick);
            axis(cp.getRangeAxis(), label, tick);
        }
        return c;
    }

    private static void axis(org.jfree.chart.axis.Axis a, Font label, Font tick) {
        if (a != null) {
            a.setLabelFont(label);
            a.setTickLabelFont(tick);
        }
    }

    private static String name(String id, String fallback, Labels l) {
        return DecisionTables.name(id, fallback, l);
    }

    /** Cumulative cost per alternative, month by month (one-off costs in month 1). */
    public static JFreeChart tco(Tco.Result t, Labels l) {
        XYSeriesCollection ds = new XYSeriesCollection();
        for (Tco.Line x : t.lines()) {
            XYSeries s = new XYSeries(name(x.id(), x.name(), l));
            s.add(0, x.oneOffUsd());
            for (int m = 1; m <= x.cumulativeUsd().size(); m++) {
                s.add(m, x.cumulativeUsd().get(m - 1));
            }
            ds.addSeries(s);
        }
        JFreeChart c = ChartFactory.createXYLineChart(l.t("chart.tco"), l.t("col.month"), "USD", ds, PlotOrientation.VERTICAL, true, false, false);
        XYPlot p = c.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < t.lines().size(); i++) {
            r.setSeriesPaint(i, colour(t.lines().get(i).id()));
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        p.setRenderer(r);
        if (t.breakEvenVsManaged() != null) {
            marker(p, t.breakEvenVsManaged(), Color.DARK_GRAY, l.t("chart.breakEvenManaged"));
        }
        return c;
    }

    /** Monthly cost per alternative over the service count, with the crossings marked. */
    public static JFreeChart sweep(Sweep.Result r, Labels l) {
        XYSeriesCollection ds = new XYSeriesCollection();
        for (Map.Entry<String, String> e : r.names().entrySet()) {
            XYSeries s = new XYSeries(name(e.getKey(), e.getValue(), l));
            for (Sweep.Point p : r.points()) {
                s.add(p.x(), p.monthlyUsd().get(e.getKey()));
            }
            ds.addSeries(s);
        }
        boolean services = r.input().equals(Sweep.SERVICES);
        String input = DecisionTables.inputLabel(r.input(), l);
        JFreeChart c = ChartFactory.createXYLineChart(services ? l.t("chart.sweep") : l.t("sweep.input", input) + " (USD)",
                services ? l.t("col.services") : input, "USD", ds, PlotOrientation.VERTICAL, true, false, false);
        XYPlot p = c.getXYPlot();
        XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer(true, false);
        int i = 0;
        for (String id : r.names().keySet()) {
            rr.setSeriesPaint(i, colour(id));
            rr.setSeriesStroke(i++, new BasicStroke(2f));
        }
        p.setRenderer(rr);
        String own = AlternativeRegistry.idOf(AlternativeModel.Role.OWN_STACK);
        r.crossing(own, AlternativeRegistry.idOf(AlternativeModel.Role.MANAGED))
                .ifPresent(x -> marker(p, x.x(), Color.DARK_GRAY, l.t("chart.crossing") + " " + io.promplan.core.sizing.Num.fmt(x.x())));
        // a variant of the stack (its retention on EBS beside Thanos on S3): where the two cross, in the variant's colour
        for (String id : r.names().keySet()) {
            boolean variant = !id.equals(own) && AlternativeRegistry.byId(id).map(m -> m.role() == AlternativeModel.Role.OWN_STACK).orElse(false);
            if (variant) {
                r.crossing(own, id).ifPresent(x -> marker(p, x.x(), (Color) colour(id), l.t("chart.crossing") + " " + io.promplan.core.sizing.Num.fmt(x.x())
                        + " (" + DecisionTables.shortName(id, l) + ")"));
            }
        }
        return c;
    }

    /** The distribution of the self-hosted stack's simulated monthly cost, with P10/P50/P90 and the plan's budget. */
    public static JFreeChart distribution(MonteCarlo.Result r, Labels l) {
        String self = r.firstOf(AlternativeModel.Role.OWN_STACK).orElseThrow();
        double[] v = r.samples().get(self);
        HistogramDataset ds = new HistogramDataset();
        MonteCarlo.Stats s = r.monthly().get(self);
        double lo = s.min();
        double hi = s.max();
        if (hi - lo < 0.01) {
            lo -= 1;
            hi += 1;
        }
        ds.addSeries(name(self, self, l), v, 40, lo, hi);
        JFreeChart c = ChartFactory.createHistogram(l.t("chart.hist"), "USD", l.t("chart.runs"), ds, PlotOrientation.VERTICAL, false, false, false);
        XYPlot p = c.getXYPlot();
        XYBarRenderer br = (XYBarRenderer) p.getRenderer();
        br.setSeriesPaint(0, colour(self));
        br.setShadowVisible(false);
        br.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        marker(p, s.p10(), Color.GRAY, "P10");
        marker(p, s.p50(), Color.BLACK, "P50");
        marker(p, s.p90(), Color.GRAY, "P90");
        if (r.baselineHighUsd() > 0) {
            // the budget's line is unlabelled (P10, P50 and P90 crowd the top); a subtitle in its colour names it
            marker(p, r.baselineHighUsd(), BUDGET, "");
            org.jfree.chart.title.TextTitle budget = new org.jfree.chart.title.TextTitle(
                    "— " + l.t("chart.budget") + " " + DecisionTables.usd(r.baselineHighUsd(), l), new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            budget.setPaint(BUDGET);
            c.addSubtitle(budget);
        }
        return c;
    }

    /** Tornado: the self-hosted monthly cost with each input at its low and its high value, largest swing on top. */
    public static JFreeChart tornado(Sensitivity.Result s, Labels l, int maxBars) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        int n = 0;
        for (Sensitivity.Bar b : s.byMonthly()) {
            if (n >= maxBars || (b.monthlySwing() < 0.005 && n > 0)) {
                break;
            }
            n++;
            String input = DecisionTables.inputLabel(b.path(), l);
            ds.addValue(b.monthlyAtLow() - s.monthlyLikely(), l.t("col.low"), input);
            ds.addValue(b.monthlyAtHigh() - s.monthlyLikely(), l.t("col.high"), input);
        }
        JFreeChart c = ChartFactory.createBarChart(l.t("chart.tornado"), null, l.t("chart.tornadoAxis", DecisionTables.usd(s.monthlyLikely(), l)), ds,
                PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot p = c.getCategoryPlot();
        BarRenderer r = (BarRenderer) p.getRenderer();
        r.setSeriesPaint(0, new Color(0x9ecae1));
        r.setSeriesPaint(1, SELF);
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        r.setItemMargin(0);
        ((NumberAxis) p.getRangeAxis()).setAutoRangeIncludesZero(true);
        p.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.42f);
        p.addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1f)));
        return c;
    }

    private static ValueMarker marker(XYPlot p, double x, Color colour, String label) {
        ValueMarker m = new ValueMarker(x, colour, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        m.setLabel(label);
        m.setLabelPaint(colour);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        p.addDomainMarker(m);
        return m;
    }
}
