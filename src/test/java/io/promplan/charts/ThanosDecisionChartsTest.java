package io.promplan.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.analysis.Sweep;
import io.promplan.core.cost.SelfHostedEbsModel;
import io.promplan.core.workload.Scenario;
import io.promplan.render.Labels;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** For a Thanos scenario the sweep chart shows EBS vs Thanos vs managed, each in its registry colour, and where Thanos and EBS cross. */
class ThanosDecisionChartsTest {
    @Test
    void theSweepShowsTheEbsVariantInItsOwnColourAndTheCrossing() {
        Scenario s = TestSupport.scenario("thanos-40-services-1y.yaml");
        var service = TestSupport.service();
        Sweep.Result r = Sweep.runServices(s, List.of(1, 10, 20, 30, 40), service::plan);
        assertThat(r.names()).containsKeys("self-hosted", "amp-amg", SelfHostedEbsModel.ID);
        assertThat(r.crossing("self-hosted", SelfHostedEbsModel.ID)).isPresent();
        JFreeChart c = DecisionCharts.sweep(r, Labels.of(Labels.Lang.EN));
        XYPlot p = c.getXYPlot();
        assertThat(p.getDataset().getSeriesCount()).isEqualTo(4);
        assertThat(DecisionCharts.colour(SelfHostedEbsModel.ID)).isNotIn(DecisionCharts.colour("self-hosted"), DecisionCharts.colour("amp-amg"),
                DecisionCharts.colour("cloudwatch-only"), java.awt.Color.GRAY);
        assertThat(p.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).anySatisfy(m ->
                assertThat(((ValueMarker) m).getLabel()).contains(Labels.of(Labels.Lang.EN).t("short." + SelfHostedEbsModel.ID)));
    }
}
