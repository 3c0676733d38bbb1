package io.promplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two or three scenarios side by side, without a window. */
class CompareViewModelTest {
    private static final List<Path> PLAN_STEPS = List.of(TestSupport.SCENARIOS.resolve("seed-5-services.yaml"),
            TestSupport.SCENARIOS.resolve("services-10.yaml"), TestSupport.SCENARIOS.resolve("services-20.yaml"));

    @Test
    void thePlansFiveTenAndTwentyServicesSideBySide() {
        CompareViewModel c = new CompareViewModel(TestSupport.service(), new I18n(I18n.ENGLISH), PlanRunner.direct());
        c.compare(PLAN_STEPS);
        assertThat(c.errorProperty().get()).isEmpty();
        assertThat(c.headers()).hasSize(3).first().isEqualTo("Seed plan: 5 services (as written)");
        CompareViewModel.Row services = c.rows().get(0);
        assertThat(services.label()).isEqualTo("Services");
        assertThat(services.values()).containsExactly("5", "10", "20");
        CompareViewModel.Row self = c.rows().stream().filter(r -> r.label().startsWith("Self-hosted")).findFirst().orElseThrow();
        assertThat(self.values().get(0)).isEqualTo("$148.33");
        assertThat(c.plans()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(self.values().get(i)).isEqualTo(new I18n(I18n.ENGLISH).money(c.plans().get(i).selfHosted().monthly()));
        }
        assertThat(c.rows()).anyMatch(r -> r.label().equals("The plan’s budget") && r.values().get(0).equals("$105.00 - $116.00"));
        // no ROI percent on a near-zero extra cost; the break-even leads, as in the answer
        CompareViewModel.Row roi = c.rows().stream().filter(r -> r.label().startsWith("ROI")).findFirst().orElseThrow();
        assertThat(roi.values().get(0)).isEqualTo("-");
        CompareViewModel.Row breakEven = c.rows().stream().filter(r -> r.label().startsWith("Pays off above")).findFirst().orElseThrow();
        assertThat(breakEven.values().get(0)).isEqualTo("0.4 - 1.3");
    }

    @Test
    void oneFileIsNotAComparisonAndABadFileIsNamed() {
        CompareViewModel c = new CompareViewModel(TestSupport.service(), new I18n(I18n.ENGLISH), PlanRunner.direct());
        c.compare(PLAN_STEPS.subList(0, 1));
        assertThat(c.errorProperty().get()).isEqualTo("Choose two or three scenario files.");
        c.compare(List.of(PLAN_STEPS.get(0), Path.of("no-such-file.yaml")));
        assertThat(c.errorProperty().get()).contains("no-such-file.yaml").contains("no such file");
    }

    @Test
    void switchingToKoreanRelabelsTheRows() {
        I18n t = new I18n(I18n.ENGLISH);
        CompareViewModel c = new CompareViewModel(TestSupport.service(), t, PlanRunner.direct());
        c.compare(PLAN_STEPS.subList(0, 2));
        t.setLocale(I18n.KOREAN);
        assertThat(c.rows().get(0).label()).isEqualTo("서비스 수");
        assertThat(c.rows()).anyMatch(r -> r.values().get(0).equals("US$148.33"));
    }

    @Test
    void theScenarioBeingEditedComesFirstAndIsNotShownTwice() {
        CompareViewModel c = new CompareViewModel(TestSupport.service(), new I18n(I18n.ENGLISH), PlanRunner.direct());
        var seed = TestSupport.seed();
        c.compare(PLAN_STEPS, seed);
        assertThat(c.headers()).hasSize(3).first().isEqualTo("Being edited: Seed plan: 5 services (as written)");
        assertThat(c.showsEdited()).isTrue();
        assertThat(c.rows().get(0).values()).containsExactly("5", "10", "20");
        var seven = io.promplan.core.analysis.Scaling.withServices(seed, 7);
        c.compare(PLAN_STEPS, seven);
        assertThat(c.rows().get(0).values()).containsExactly("7", "5", "10", "20");
        assertThat(c.plans().get(0).selfHosted().monthly()).isEqualTo(TestSupport.service().plan(seven).selfHosted().monthly());
    }

    @Test
    void theWarningRowCountsWhatTheWarningsTabListsAndSaysWhatItIsMadeOf() {
        I18n t = new I18n(I18n.ENGLISH);
        CompareViewModel c = new CompareViewModel(TestSupport.service(), t, PlanRunner.direct());
        c.compare(PLAN_STEPS);
        CompareViewModel.Row warnings = c.rows().stream().filter(r -> r.label().equals("Warnings")).findFirst().orElseThrow();
        for (int i = 0; i < c.plans().size(); i++) {
            var p = c.plans().get(i);
            int listed = new ResultsPresenter(t).warnings(p).size(); // the main window's "Warnings (n)" tab
            assertThat(warnings.values().get(i)).as(p.scenario().name().text()).startsWith(String.valueOf(listed));
            if (!p.assumedPrices().isEmpty()) {
                assertThat(warnings.values().get(i)).contains(p.warnings().size() + (p.warnings().size() == 1 ? " warning" : " warnings"))
                        .contains(p.assumedPrices().size() + " assumed price");
            }
        }
        var seed = c.plans().get(0);
        assertThat(seed.assumedPrices()).isNotEmpty();
        assertThat(warnings.values().get(0)).isEqualTo(new ResultsPresenter(t).warnings(seed).size() + " (" + seed.warnings().size()
                + " warnings, " + seed.assumedPrices().size() + " assumed prices)");
        t.setLocale(I18n.KOREAN);
        CompareViewModel.Row ko = c.rows().stream().filter(r -> r.label().equals("경고")).findFirst().orElseThrow();
        assertThat(ko.values().get(0)).isEqualTo(new ResultsPresenter(t).warnings(seed).size() + "(경고 " + seed.warnings().size()
                + "개, 가정한 가격 " + seed.assumedPrices().size() + "개)");
    }
}
