package io.promplan.ui;

import io.promplan.core.baseline.Roi;
import io.promplan.core.cost.Alternative;
import io.promplan.core.money.Money;
import io.promplan.core.plan.Plan;
import io.promplan.core.sizing.StorageSizing;
import io.promplan.core.workload.StorageBackend;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Every chart of the app, built from results in one place: monthly cost per alternative stacked by
 * component, cost and cost per service by service count, storage growth over the retention window,
 * and break-even. The domain never sees JFreeChart.
 */
public final class ChartFactory {
    /** Months the break-even chart spans. */
    public static final int BREAK_EVEN_MONTHS = 36;
    private static final Paint[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
        new Color(0x393b79), new Color(0x637939), new Color(0x8c6d31), new Color(0x843c39), new Color(0x7b4173)};

    private final I18n t;
    private final ResultsPresenter presenter;

    public ChartFactory(I18n t) {
        this.t = t;
        this.presenter = new ResultsPresenter(t);
    }

    /**
     * The parts of a bill a manager tells apart, for the chart's legend: the components of the cost lines
     * grouped (the cost table beside the chart has every line).
     */
    static String part(String component) {
        return switch (component) {
            case "prometheus", "grafana", "cloudwatch-exporter", "alertmanager", "collector" -> "tasks";
            case "storage", "backup" -> "storage";
            case "alb", "network", "dns", "data-transfer" -> "network";
            case "logs" -> "logs";
            case "cloudwatch", "cloudwatch-api" -> "cloudwatch";
            case "managed-prometheus", "managed-grafana" -> "managed";
            default -> "other";
        };
    }

    /** Monthly cost of each alternative, one stacked bar each, a segment per part of the bill (tasks, storage, network...). */
    public JFreeChart costByAlternative(Plan p) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        List<String> parts = List.of("tasks", "storage", "network", "logs", "cloudwatch", "managed", "other");
        for (Alternative a : p.alternatives()) {
            String column = t.has("alt.axis." + a.id()) ? t.get("alt.axis." + a.id()) : presenter.shortName(a);
            Map<String, Double> byPart = new LinkedHashMap<>();
            parts.forEach(x -> byPart.put(x, 0.0));
            for (Map.Entry<String, Money> e : a.byComponent().entrySet()) {
                byPart.merge(part(e.getKey()), e.getValue().toDouble(), Double::sum);
            }
            byPart.forEach((part, usd) -> d.addValue(usd, t.get("chart.part." + part), column));
        }
        CategoryAxis x = new CategoryAxis();
        x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        x.setMaximumCategoryLabelLines(3);
        NumberAxis y = new NumberAxis(t.get("chart.usdPerMonth"));
        y.setNumberFormatOverride(currency());
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.18);
        for (int i = 0; i < d.getRowCount(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        CategoryPlot plot = new CategoryPlot(d, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart c = chart(t.get("chart.costByAlternative"), plot);
        c.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        return c;
    }

    /** Monthly cost (left axis) and cost per service (right axis) of each alternative, 1..N services. */
    public JFreeChart costByServices(List<ServiceCountSweep.Point> sweep, int current) {
        Map<String, XYSeries> monthly = new LinkedHashMap<>();
        Map<String, XYSeries> perService = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (ServiceCountSweep.Point pt : sweep) {
            for (ServiceCountSweep.Cost c : pt.costs()) {
                String name = names.computeIfAbsent(c.alternativeId(), id -> presenter.shortName(id, c.alternativeName()));
                monthly.computeIfAbsent(c.alternativeId(), id -> new XYSeries(name)).add(pt.services(), c.monthly().toDouble());
                perService.computeIfAbsent(c.alternativeId(), id -> new XYSeries(t.get("chart.perServiceOf", name)))
                        .add(pt.services(), c.perService(pt.services()).toDouble());
            }
        }
        XYSeriesCollection left = new XYSeriesCollection();
        monthly.values().forEach(left::addSeries);
        XYSeriesCollection right = new XYSeriesCollection();
        perService.values().forEach(right::addSeries);
        NumberAxis x = new NumberAxis(t.get("chart.services"));
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(t.get("chart.usdPerMonth"));
        y.setNumberFormatOverride(currency());
        XYPlot plot = new XYPlot(left, x, y, lines(left.getSeriesCount(), false));
        NumberAxis y2 = new NumberAxis(t.get("chart.usdPerServiceMonth"));
        y2.setNumberFormatOverride(currency());
        plot.setRangeAxis(1, y2);
        plot.setDataset(1, right);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, lines(right.getSeriesCount(), true));
        // one colour per alternative, from the registry's order: the same as in the decision charts
        int i = 0;
        for (String id : monthly.keySet()) {
            plot.getRenderer(0).setSeriesPaint(i, io.promplan.charts.DecisionCharts.colour(id));
            plot.getRenderer(1).setSeriesPaint(i++, io.promplan.charts.DecisionCharts.colour(id));
        }
        ValueMarker m = new ValueMarker(current, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        m.setLabel(t.get("chart.thisScenario"));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(m);
        plot.setNoDataMessage(t.get("chart.computing"));
        return chart(t.get("chart.costByServices"), plot);
    }

    /** Prometheus's stored data day by day until the retention window is full, beside the volume provisioned. */
    public JFreeChart storageGrowth(Plan p) {
        StorageSizing s = p.sizing().storage();
        double retention = p.scenario().workload().retention().days();
        boolean shortLocal = s.backend() == StorageBackend.AMP_REMOTE_WRITE || s.backend() == StorageBackend.THANOS_S3;
        double local = shortLocal ? Math.min(s.localRetentionDays(), retention) : retention;
        var thanos = p.sizing().thanosResult();
        double span = Math.max(1, Math.ceil(Math.max(retention, local) * 1.25));
        XYSeries stored = new XYSeries(t.get("chart.stored"));
        XYSeries volume = new XYSeries(t.get("chart.volume"));
        XYSeries cap = new XYSeries(t.get("chart.retentionSize"));
        XYSeries remote = new XYSeries(t.get("chart.remoteStored"));
        XYSeries s3 = new XYSeries(t.get("chart.s3Stored"));
        double perDay = local <= 0 ? 0 : s.blocksGiB() / local;
        double fixed = s.walGiB() + s.headChunksGiB();
        int steps = 60;
        for (int i = 0; i <= steps; i++) {
            double day = span * i / steps;
            stored.add(day, perDay * Math.min(day, local) + fixed);
            volume.add(day, s.volumeGiB());
            cap.add(day, s.retentionSizeGiB());
            if (s.backend() == StorageBackend.AMP_REMOTE_WRITE && retention > 0) {
                remote.add(day, s.remoteStoredGiB() * Math.min(day, retention) / retention);
            }
            if (thanos.isPresent()) {
                // Thanos's blocks in S3, every resolution: the month's average stored (what S3 bills)
                int month = Math.max(1, (int) Math.ceil(day / io.promplan.core.units.Hours.DAYS_PER_MONTH));
                s3.add(day, thanos.get().s3GiB(month));
            }
        }
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(stored);
        d.addSeries(volume);
        d.addSeries(cap);
        if (!remote.isEmpty()) {
            d.addSeries(remote);
        }
        if (!s3.isEmpty()) {
            d.addSeries(s3);
        }
        NumberAxis x = new NumberAxis(t.get("chart.days"));
        NumberAxis y = new NumberAxis(t.get("chart.gib"));
        y.setNumberFormatOverride(number(2));
        XYLineAndShapeRenderer r = lines(d.getSeriesCount(), false);
        r.setSeriesStroke(1, dashed(2f));
        r.setSeriesStroke(2, dashed(1.5f));
        XYPlot plot = new XYPlot(d, x, y, r);
        ValueMarker m = new ValueMarker(retention, Color.GRAY, new BasicStroke(1f));
        m.setLabel(t.get("chart.retentionMarker", p.scenario().workload().retention().text()));
        m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addDomainMarker(m);
        return chart(t.get("chart.storageGrowth"), plot);
    }

    /** The cumulative series of the break-even chart: month, extra cost and value at the low and high rate. */
    public record BreakEvenPoint(int month, double extraLow, double extraHigh, double valueLow, double valueHigh) {
    }

    /** Cumulative extra cost of the stack (set-up at month 0 plus the extra each month) against cumulative value. */
    public static List<BreakEvenPoint> breakEvenSeries(Roi r) {
        List<BreakEvenPoint> out = new ArrayList<>();
        for (int m = 0; m <= BREAK_EVEN_MONTHS; m++) {
            out.add(new BreakEvenPoint(m,
                    r.setupCost().low().toDouble() + m * r.extraMonthly().low().toDouble(),
                    r.setupCost().high().toDouble() + m * r.extraMonthly().high().toDouble(),
                    m * r.valueMonthly().low().toDouble(),
                    m * r.valueMonthly().high().toDouble()));
        }
        return out;
    }

    public JFreeChart breakEven(Plan p) {
        XYSeries costLow = new XYSeries(t.get("chart.extraLow"));
        XYSeries valueLow = new XYSeries(t.get("chart.valueLow"));
        XYSeries costHigh = new XYSeries(t.get("chart.extraHigh"));
        XYSeries valueHigh = new XYSeries(t.get("chart.valueHigh"));
        for (BreakEvenPoint b : breakEvenSeries(p.roi())) {
            costLow.add(b.month(), b.extraLow());
            valueLow.add(b.month(), b.valueLow());
            costHigh.add(b.month(), b.extraHigh());
            valueHigh.add(b.month(), b.valueHigh());
        }
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(costLow);
        d.addSeries(valueLow);
        d.addSeries(costHigh);
        d.addSeries(valueHigh);
        NumberAxis x = new NumberAxis(t.get("chart.months"));
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(t.get("chart.usdCumulative"));
        y.setNumberFormatOverride(currency());
        XYLineAndShapeRenderer r = lines(4, false);
        r.setSeriesPaint(0, new Color(0xd62728));
        r.setSeriesPaint(1, new Color(0x2ca02c));
        r.setSeriesPaint(2, new Color(0xd62728));
        r.setSeriesPaint(3, new Color(0x2ca02c));
        r.setSeriesStroke(2, dashed(2f));
        r.setSeriesStroke(3, dashed(2f));
        XYPlot plot = new XYPlot(d, x, y, r);
        Double payback = p.roi().paybackMonthsLow();
        if (payback != null && payback <= BREAK_EVEN_MONTHS) {
            ValueMarker m = new ValueMarker(payback, Color.GRAY, new BasicStroke(1f));
            m.setLabel(t.get("chart.breakEvenAt", t.number(payback, 1)));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
        return chart(t.get("chart.breakEven"), plot);
    }

    // ---- common styling ----------------------------------------------------------------------

    private JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart c = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        c.setBackgroundPaint(Color.WHITE);
        c.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 13)));
        plot.setBackgroundPaint(new Color(0xfafafa));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xdddddd));
            xy.setRangeGridlinePaint(new Color(0xdddddd));
        } else if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(new Color(0xdddddd));
        }
        return c;
    }

    private static XYLineAndShapeRenderer lines(int n, boolean dashed) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < n; i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, dashed ? dashed(1.5f) : new BasicStroke(2f));
        }
        return r;
    }

    private static BasicStroke dashed(float w) {
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f);
    }

    private NumberFormat currency() {
        NumberFormat f = NumberFormat.getCurrencyInstance(t.locale());
        f.setCurrency(Currency.getInstance(Money.USD));
        f.setMaximumFractionDigits(0);
        return f;
    }

    private NumberFormat number(int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(t.locale());
        f.setMaximumFractionDigits(decimals);
        return f;
    }
}
