package io.promplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The texts of the results, per language, without a window. */
class ResultsPresenterTest {
    private final Plan seed = TestSupport.service().plan(TestSupport.seed());

    @Test
    void summaryGivesTotalsTheBaselineTheDifferenceAndWhy() {
        ResultsPresenter.Summary s = new ResultsPresenter(new I18n(I18n.ENGLISH)).summary(seed);
        assertThat(s.totals()).hasSize(seed.alternatives().size()).startsWith(
                "Self-hosted Prometheus + Grafana (Fargate): $148.33 a month ($1,779.96 a year)",
                "CloudWatch only: $201.77 a month ($2,421.24 a year)");
        assertThat(s.baseline()).isEqualTo("The plan’s budget: $105.00 - $116.00 a month.");
        assertThat(s.difference()).isEqualTo("Computed self-hosted stack: $148.33, $32.33 above the plan’s $105.00 - $116.00.");
        assertThat(s.why()).first().asString().startsWith("CloudWatch (kept): exporter API calls +$28.67: +$28.67 for the plan’s quantities");
        assertThat(s.why()).hasSizeBetween(3, 4);
        // the same ROI statements as `promplan plan`: break-even first, no percent on a near-zero extra cost
        assertThat(s.roi()).startsWith("Pays off above 0.4-1.3 hours saved a month").contains("ROI % not shown").doesNotContain("6,868")
                .endsWith("Payback of the set-up: 2.7 / 2.8 months (low / high rate).");
        assertThat(s.text()).contains("$148.33").contains("$105.00 - $116.00");
    }

    @Test
    void koreanFormatsMoneyAndDatesForKorea() {
        I18n ko = new I18n(I18n.KOREAN);
        ResultsPresenter p = new ResultsPresenter(ko);
        ResultsPresenter.Summary s = p.summary(seed);
        assertThat(s.totals().get(0)).isEqualTo("자체 호스팅 Prometheus + Grafana (Fargate): 월 US$148.33 (연 US$1,779.96)");
        assertThat(s.difference()).contains("US$32.33").contains("많습니다");
        assertThat(p.priceLine(seed)).isEqualTo("가격: ap-northeast-2, 스냅샷 shipped-2026-11-26, 기준일 2026. 10. 31.");
        assertThat(new ResultsPresenter(new I18n(I18n.ENGLISH)).priceLine(seed))
                .isEqualTo("Prices: ap-northeast-2, snapshot shipped-2026-11-26, as of Oct 31, 2026");
    }

    @Test
    void koreanTranslatesTheCoresReasonsAndShowsTheScenarioNotesInKorean() {
        List<ResultsPresenter.BaselineDisplay> rows = new ResultsPresenter(new I18n(I18n.KOREAN)).baselineRows(seed, false);
        assertThat(rows.get(0).why()).isEqualTo("원안의 월 720시간 대신 730시간으로 계산해 +US$0.49; 원안이 고정한 크기 대신 모델이 산정한 태스크·스토리지 크기로 -US$18.02; us-east-1 대신 ap-northeast-2 가격을 적용해 +US$2.70");
        ResultsPresenter.BaselineDisplay alb = rows.stream().filter(r -> r.name().equals("ALB")).findFirst().orElseThrow();
        assertThat(alb.why()).startsWith("원안의 수량이나 계산(트래픽, API 호출, 사용한 단가) 차이로 -US$2.72 (us-east-1 가격 기준)")
                .contains("원안의 LCU 항목은 10배 어긋납니다").doesNotContain("10x off");
        // the data transfer line's name is the scenario's Korean one; in English the English one
        assertThat(rows).extracting(ResultsPresenter.BaselineDisplay::name).contains("데이터 전송", "CloudWatch(유지): 로그 수집")
                .doesNotContain("Data transfer");
        List<ResultsPresenter.BaselineDisplay> en = new ResultsPresenter(new I18n(I18n.ENGLISH)).baselineRows(seed, false);
        assertThat(en).extracting(ResultsPresenter.BaselineDisplay::name).contains("Data transfer", "CloudWatch (kept): log collection");
        assertThat(en.stream().filter(r -> r.name().equals("ALB")).findFirst().orElseThrow().why()).contains("the plan's LCU line is 10x off");
    }

    @Test
    void costTreeExpandsEveryAlternativeToQuantityTimesUnitPriceWithSourceAndDate() {
        List<ResultsPresenter.CostNode> tree = new ResultsPresenter(new I18n(I18n.ENGLISH)).costTree(seed);
        assertThat(tree).hasSize(seed.alternatives().size());
        ResultsPresenter.CostNode self = tree.get(0);
        assertThat(self.monthly()).isEqualTo("$148.33");
        ResultsPresenter.CostNode vcpu = self.children().get(0);
        assertThat(vcpu.label()).isEqualTo("prometheus vCPU");
        assertThat(vcpu.formula()).isEqualTo("365 vCPU-hour x $0.04656 = $16.99");
        assertThat(vcpu.source()).isNotBlank();
        assertThat(vcpu.status()).isEqualTo("verified");
        assertThat(vcpu.children()).extracting(ResultsPresenter.CostNode::label).contains("How the quantity was computed", "Price List key");
        ResultsPresenter.CostNode metrics = tree.get(1).children().stream().filter(n -> n.label().equals("CloudWatch custom metrics")).findFirst().orElseThrow();
        assertThat(metrics.formula()).isEqualTo("500 metric-month x tiered: 500 x $0.3 = $150.00");
        assertThat(metrics.status()).isEqualTo("assumed");
    }

    @Test
    void baselineRowsGoLineByLineWithTheReasonAndATotal() {
        List<ResultsPresenter.BaselineDisplay> rows = new ResultsPresenter(new I18n(I18n.ENGLISH)).baselineRows(seed, false);
        assertThat(rows).hasSize(seed.baseline().rows().size() + 1);
        ResultsPresenter.BaselineDisplay prom = rows.get(0);
        assertThat(prom.name()).isEqualTo("Fargate Prometheus");
        assertThat(prom.plan()).isEqualTo("$35.55");
        assertThat(prom.computed()).isEqualTo("$20.72");
        assertThat(prom.delta()).isEqualTo("-$14.83");
        assertThat(prom.why()).contains("730 h a month instead of the plan’s 720 h").contains("model’s task and storage sizes instead of the plan’s pinned ones").contains("ap-northeast-2 prices instead of us-east-1");
        ResultsPresenter.BaselineDisplay total = rows.get(rows.size() - 1);
        assertThat(total.total()).isTrue();
        assertThat(total.plan()).isEqualTo("$105.00 - $116.00");
        assertThat(total.computed()).isEqualTo("$148.33");
        assertThat(total.delta()).isEqualTo("+$37.83");
        List<ResultsPresenter.BaselineDisplay> cw = new ResultsPresenter(new I18n(I18n.ENGLISH)).baselineRows(seed, true);
        assertThat(cw.get(cw.size() - 1).delta()).isEqualTo("+$143.77");
    }

    @Test
    void sizingAndWarningsShowComponentsSeriesAndTheEfsWarning() {
        ResultsPresenter p = new ResultsPresenter(new I18n(I18n.ENGLISH));
        assertThat(p.sizingRows(seed)).extracting(ResultsPresenter.SizingRow::component)
                .containsExactly("prometheus", "grafana", "cloudwatch-exporter", "alertmanager");
        // the decision rests on the model's size; the seed's pinned 1 vCPU / 2 GB is shown beside it
        assertThat(p.sizingRows(seed).get(0).how()).isEqualTo("model; the scenario pins 1 vCPU / 2 GB (not used)");
        assertThat(p.sizingRows(seed).get(0).size()).isEqualTo("0.5 vCPU / 1 GB");
        var odd = TestSupport.seed().withWorkload(TestSupport.seed().workload().toBuilder()
                .pinned(java.util.Map.of(io.promplan.core.workload.Component.PROMETHEUS, new io.promplan.core.workload.FargateSize(1536, 3072))).build());
        assertThat(p.sizingRows(TestSupport.service().plan(odd)).get(0).how()).isEqualTo("model; the scenario pins 1536/3072, not a Fargate size (not used)");
        I18n en = new I18n(I18n.ENGLISH);
        assertThat(p.demand(seed).get(0)).startsWith("Active series: " + en.integer(seed.sizing().activeSeries()) + " (services 500, meta 25,");
        assertThat(p.demand(seed).get(1)).startsWith("Samples/s: " + en.number(seed.sizing().samplesPerSecond(), 1) + ";");
        assertThat(p.warnings(seed)).anyMatch(w -> w.startsWith("EFS:"))
                .anyMatch(w -> w.startsWith("Assumed price (not verified for this region): cloudwatch.getmetricdata"));
        assertThat(p.warnings(seed)).hasSize(seed.warnings().size() + seed.assumedPrices().size() + seed.missingPrices().size());
        assertThat(p.roiLines(seed).get(0)).isEqualTo("Extra cost a month over CloudWatch-only, the stack’s running hours included (at the low / high hourly rate): $6.56 - $26.56");
    }

    @Test
    void breakEvenSeriesStartsWithTheSetUpCostAndCrossesAtThePaybackMonth() {
        List<ChartFactory.BreakEvenPoint> s = ChartFactory.breakEvenSeries(seed.roi());
        assertThat(s).hasSize(ChartFactory.BREAK_EVEN_MONTHS + 1);
        assertThat(s.get(0).extraLow()).isEqualTo(1200.0);
        assertThat(s.get(0).valueLow()).isZero();
        double payback = seed.roi().paybackMonthsLow();
        int before = (int) Math.floor(payback);
        assertThat(s.get(before).valueLow()).isLessThan(s.get(before).extraLow());
        assertThat(s.get(before + 1).valueLow()).isGreaterThan(s.get(before + 1).extraLow());
    }

    @Test
    void chartsAreBuiltForEveryAlternativeAndComponent() {
        I18n en = new I18n(I18n.ENGLISH);
        ChartFactory f = new ChartFactory(en);
        var cost = f.costByAlternative(seed);
        var plot = cost.getCategoryPlot();
        assertThat(plot.getDataset().getColumnCount()).isEqualTo(seed.alternatives().size());
        List<String> components = new java.util.ArrayList<>();
        for (int i = 0; i < plot.getDataset().getRowCount(); i++) {
            components.add(String.valueOf(plot.getDataset().getRowKey(i)));
        }
        assertThat(components).contains("Fargate tasks", "Storage and backup", "CloudWatch Logs", "Network, load balancer, DNS");
        var ko = new ChartFactory(new I18n(I18n.KOREAN)).costByAlternative(seed).getCategoryPlot().getDataset();
        List<String> koComponents = new java.util.ArrayList<>();
        for (int i = 0; i < ko.getRowCount(); i++) {
            koComponents.add(String.valueOf(ko.getRowKey(i)));
        }
        assertThat(koComponents).contains("Fargate 태스크", "스토리지와 백업", "네트워크·로드 밸런서·DNS");
        var sweep = ServiceCountSweep.run(TestSupport.service(), TestSupport.seed(), 1, 10);
        var byServices = f.costByServices(sweep, 5);
        assertThat(byServices.getXYPlot().getDataset(0).getSeriesCount()).isEqualTo(seed.alternatives().size());
        assertThat(byServices.getXYPlot().getDataset(0).getItemCount(0)).isEqualTo(10);
        assertThat(f.storageGrowth(seed).getXYPlot().getDataset().getSeriesCount()).isEqualTo(3);
        assertThat(f.breakEven(seed).getXYPlot().getDataset().getSeriesCount()).isEqualTo(4);
        assertThat(new ChartFactory(new I18n(I18n.KOREAN)).breakEven(seed).getTitle().getText()).startsWith("회수 기간");
    }

    @Test
    void inKoreanTheCostTreeNamesLinesAndUnitsInKoreanAndTheWarningsAreKorean() {
        ResultsPresenter ko = new ResultsPresenter(new I18n(I18n.KOREAN));
        ResultsPresenter.CostNode self = ko.costTree(seed).get(0);
        assertThat(self.children()).extracting(ResultsPresenter.CostNode::label)
                .contains("prometheus 메모리", "EFS Standard, Prometheus 데이터", "CloudWatch Exporter의 GetMetricData 호출", "외부 데이터 전송(대시보드)");
        assertThat(self.children().get(0).formula()).startsWith("365 vCPU-시간 x US$0.04656");
        // a tiered price's breakdown is data, written in the language's money style
        assertThat(ko.costTree(seed).get(1).children()).extracting(ResultsPresenter.CostNode::formula)
                .anySatisfy(x -> assertThat(x).contains("500 x US$0.3").endsWith("= US$150.00"))
                .allSatisfy(x -> assertThat(x).doesNotContainPattern("(?<!US)\\$"));
        assertThat(ko.warnings(seed)).first().asString().startsWith("EFS: Prometheus 문서는");
        assertThat(ko.warnings(seed)).noneMatch(w -> w.contains("Sized by the model") || w.contains("prices are assumed"));
        assertThat(ko.roiLines(seed)).last().asString().startsWith("계산식: 추가 비용 = 스택 - CloudWatch 단독");
    }
}
