package io.promplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.promplan.TestSupport;
import io.promplan.cli.ExitCodes;
import io.promplan.core.analysis.Decision;
import io.promplan.core.workload.Scenario;
import io.promplan.render.Labels;
import io.promplan.render.ReportExport;
import io.promplan.service.DecisionService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-page report in both languages: one A4 page, the totals and the recommendation in its text, the font embedded. */
class ReportPdfTest {
    static Decision decision;

    @TempDir
    Path dir;

    @BeforeAll
    static void decide() {
        Scenario s = TestSupport.seed();
        decision = new DecisionService(TestSupport.service()).decide(s, null, DecisionService.tcoOptions(s, 36, "default", 0), 20_000, 42);
    }

    static String text(byte[] pdf) throws Exception {
        PdfReader r = new PdfReader(pdf);
        try {
            assertThat(r.getNumberOfPages()).isEqualTo(1);
            assertThat(r.getPageSize(1).getWidth()).isEqualTo(595f);
            assertThat(r.getPageSize(1).getHeight()).isEqualTo(842f);
            return new PdfTextExtractor(r).getTextFromPage(1);
        } finally {
            r.close();
        }
    }

    @Test
    void englishReportHasTheTotalsTheRecommendationAndTheRisks() throws Exception {
        byte[] pdf = ReportPdf.render(decision, Labels.Lang.EN, null);
        String t = text(pdf);
        assertThat(t).contains("Recommendation", "$148.33", "$201.77", "$145.71", "$105.00-$116.00", "Main risks", "EFS", "Assumptions");
        assertThat(t).contains("36-month TCO", "Amazon Managed Prometheus");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/FontFile2");
    }

    @Test
    void koreanReportIsInKoreanWithAnEmbeddedHangulFont() throws Exception {
        byte[] pdf = ReportPdf.render(decision, Labels.Lang.KO, null);
        String t = text(pdf);
        assertThat(t).contains("권고", "$148.33", "$201.77", "$145.71", "주요 위험", "가정", "대안별 비용");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/FontFile2").contains("Nanum");
    }

    @Test
    void csvAndMarkdownCarryTheSameTables() {
        Labels l = Labels.of(Labels.Lang.EN);
        String csv = ReportExport.csv(decision, l);
        String md = ReportExport.markdown(decision, l);
        for (String s : new String[] {"$148.33", "$201.77", "$145.71", "Recommendation"}) {
            assertThat(csv).contains(s);
            assertThat(md).contains(s);
        }
        assertThat(csv).contains("\r\n").contains("tco-monthly,36,20,");
        assertThat(md).contains("| --- |").contains("### Cost of each alternative (USD)");
    }

    @Test
    void theReportCommandWritesEveryFileAtomically() throws Exception {
        Path pdf = dir.resolve("r.pdf");
        Path md = dir.resolve("r.md");
        TestSupport.Run r = TestSupport.cli("report", "scenarios/services-10.yaml", "--out", pdf.toString(), "--out", md.toString(), "--lang", "ko",
                "--runs", "2000", "--prices", "pricing-data");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(text(Files.readAllBytes(pdf))).contains("권고", "$203.25");
        assertThat(Files.readString(md)).contains("$203.25");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("r.pdf", "r.md");
        }
    }

    @Test
    void badReportOptionsEndInOneLine() {
        TestSupport.Run lang = TestSupport.cli("report", "scenarios/seed-5-services.yaml", "--out", dir.resolve("x.pdf").toString(), "--lang", "fr", "--prices", "pricing-data");
        assertThat(lang.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(lang.err().strip()).isEqualTo("promplan: language 'fr' is not allowed; allowed: en, ko");
        TestSupport.Run ext = TestSupport.cli("report", "scenarios/seed-5-services.yaml", "--out", dir.resolve("x.docx").toString(), "--prices", "pricing-data");
        assertThat(ext.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ext.err()).contains("must end in .pdf, .csv or .md");
        TestSupport.Run font = TestSupport.cli("report", "scenarios/seed-5-services.yaml", "--out", dir.resolve("x.pdf").toString(), "--lang", "ko",
                "--font", "pricing-data/README.md", "--runs", "100", "--prices", "pricing-data");
        assertThat(font.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(font.err()).contains("is not a TrueType font with Hangul glyphs");
        assertThat(Files.exists(dir.resolve("x.pdf"))).isFalse();
    }

    @Test
    void theDecisionFollowsItsRule() {
        // One basis: the bill plus the self-hosted stack's running hours (4 h a month at $17.50). Sized by the model, the
        // managed services cost $145.71 against $148.33 + $70.00, less than CloudWatch only ($201.77) too, and the
        // simulation, counting the same hours, agrees in most runs.
        assertThat(decision.recommendedId()).isEqualTo("amp-amg");
        assertThat(decision.basis()).isEqualTo(Decision.Basis.CHEAPER_THAN_CLOUDWATCH_ONLY);
        assertThat(decision.monthlyWithOps("self-hosted")).isCloseTo(218.33, org.assertj.core.data.Offset.offset(0.005));
        assertThat(decision.monthlyWithOps("amp-amg")).isCloseTo(145.71, org.assertj.core.data.Offset.offset(0.005));
        assertThat(decision.probabilityRecommendedCheaper()).isGreaterThan(0.5);
        assertThat(decision.risks()).extracting(Decision.Risk::kind).contains(Decision.RiskKind.EFS, Decision.RiskKind.ASSUMED_PRICES,
                Decision.RiskKind.UNCERTAINTY, Decision.RiskKind.OVER_BUDGET);
    }

    /** Korean text breaks between words: a Hangul syllable is never a place to break ("추가 비/용"), a space is. */
    @Test
    void koreanBreaksBetweenWordsOnly() {
        char[] cc = "추가 비용".toCharArray();
        for (int i = 0; i < cc.length; i++) {
            assertThat(ReportPdf.HangulWords.INSTANCE.isSplitCharacter(0, i, cc.length, cc, null)).as("at " + cc[i]).isEqualTo(cc[i] == ' ');
        }
    }

    /** A scenario without ranges or a plan budget: one page, point figures said, no share of runs, no empty budget box. */
    @Test
    void aScenarioWithoutRangesOrBudgetHasOnePageOfPointFigures() throws Exception {
        Scenario s = TestSupport.scenario("thanos-40-services-1y.yaml");
        Decision d = new DecisionService(TestSupport.service()).decide(s, null, DecisionService.tcoOptions(s, 36, "default", 0), 5_000, 42);
        String en = text(ReportPdf.render(d, Labels.Lang.EN, null)).replace('\n', ' ');
        assertThat(en).contains("Point figures: the scenario gives no uncertainty ranges", "No distribution and no tornado")
                .doesNotContain("simulated runs", "The plan's budget and why");
        String ko = text(ReportPdf.render(d, Labels.Lang.KO, null));
        assertThat(ko).contains("권고").doesNotContain("원안 예산과 계산 결과가 다른 이유");
    }

    /** Every shipped scenario's report, with the notes that say each figure's basis, still fits one A4 page in both languages. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"seed-5-services.yaml", "services-10.yaml", "services-20.yaml", "thanos-40-services-1y.yaml"})
    void everyShippedScenarioFitsOnePage(String file) throws Exception {
        Scenario s = TestSupport.scenario(file);
        Decision d = new DecisionService(TestSupport.service()).decide(s, null, DecisionService.tcoOptions(s, 36, "default", 0), 100_000, 42);
        for (Labels.Lang lang : Labels.Lang.values()) {
            text(ReportPdf.render(d, lang, null));
        }
    }
}
