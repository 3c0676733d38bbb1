package io.promplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.plan.Plan;
import io.promplan.core.sizing.Explanation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code plan --explain} in Korean writes how each sizing figure is computed in Korean: the figure, the
 * formula and the inputs' names come from the bundle; only the inputs' values (as the scenario and the
 * sources write them), identifiers (coefficient names, flags, file names) and units stay as they are.
 * In English the line is the core's own, word for word.
 */
class KoreanExplanationsTest {
    /** Two English words joined by an operator or a space: a formula or a name in English. */
    private static final Pattern ENGLISH = Pattern.compile("\\b[a-z]{4,}(?: x | / | \\+ | )[a-z]{4,}\\b");

    /** File names, flags (meta.json, --compact.concurrency, retention.size) and the components' ids are identifiers, not words. */
    static String withoutIds(String line) {
        return line.replaceAll("[\\w-]+\\.[\\w.-]+", "ID").replaceAll("\\b(?:thanos-[a-z]+|cloudwatch-exporter|prometheus|grafana|alertmanager)\\b", "ID");
    }

    static List<Explanation> explanations(Plan p) {
        var s = p.sizing();
        List<Explanation> out = new ArrayList<>(s.explanations());
        s.components().forEach(c -> out.addAll(c.explanations()));
        out.addAll(s.storage().explanations());
        s.thanosResult().ifPresent(th -> {
            out.addAll(th.explanations());
            th.components().forEach(c -> out.addAll(c.explanations()));
        });
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-5-services.yaml", "thanos-40-services-1y.yaml"})
    void everyExplanationIsInKoreanButItsValues(String file) {
        Plan p = TestSupport.service().plan(TestSupport.scenario(file));
        List<Explanation> all = explanations(p);
        assertThat(all).hasSizeGreaterThan(25);
        Words ko = Words.of(Labels.Lang.KO);
        Words en = Words.english();
        for (Explanation e : all) {
            assertThat(en.explanation(e)).isEqualTo(e.oneLine());
            // the line without the inputs' values: figure = formula, names
            var valueless = new Explanation(e.figure(), e.formula(), e.inputs().keySet().stream()
                    .collect(java.util.stream.Collectors.toMap(k -> k, k -> "0", (a, b) -> a, java.util.LinkedHashMap::new)), "0");
            String line = ko.explanation(valueless);
            assertThat(ENGLISH.matcher(withoutIds(line)).find()).as("English in: " + line).isFalse();
            assertThat(KoreanOutputTest.englishSentences(line, List.of())).as(line).isEmpty();
        }
        assertThat(ko.explainSource(p.sizing().coefficients().source())).startsWith("bench/").doesNotContain("measured by");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-5-services.yaml", "thanos-40-services-1y.yaml"})
    void theKoreanExplainOutputHasNoEnglishFormula(String file) {
        TestSupport.Run r = TestSupport.cli("plan", "scenarios/" + file, "--lang", "ko", "--explain", "--prices", "pricing-data");
        assertThat(r.code()).isZero();
        String sizing = r.out().substring(r.out().indexOf("크기 산정"), r.out().indexOf("수치가 뜻하는 것"));
        assertThat(sizing).contains("활성 시계열 = ").contains("계수 출처: bench/calibrate-prometheus-3.5로 측정");
        for (String l : sizing.split("\n")) {
            // what precedes the inputs: the figure and its formula
            String head = l.contains(", 입력값: ") ? l.substring(0, l.indexOf(", 입력값: ")) : l;
            assertThat(ENGLISH.matcher(withoutIds(head)).find()).as("English in: " + l).isFalse();
        }
    }

    /** Every scenario shipped or tested: each figure and formula has its Korean text (a changed English text without one fails here). */
    @ParameterizedTest
    @ValueSource(strings = {"seed-5-services.yaml", "services-10.yaml", "services-20.yaml", "thanos-40-services-1y.yaml",
            "../src/test/resources/scenarios/amp-sharded-20-services.yaml", "../src/test/resources/scenarios/arm64-ebs-12-services.yaml",
            "../src/test/resources/scenarios/ebs-sharded-40-services.yaml", "../src/test/resources/scenarios/ephemeral-20-services.yaml",
            "../src/test/resources/scenarios/services-120.yaml"})
    void everyFigureAndFormulaHasItsKoreanText(String file) {
        Words ko = Words.of(Labels.Lang.KO);
        for (Explanation e : explanations(TestSupport.service().plan(TestSupport.scenario(file)))) {
            if (!List.of("WAL GiB", "retention.size GiB").contains(e.figure())) {
                assertThat(ko.explainFigure(e.figure())).as("the Korean of the figure " + e.figure()).isNotEqualTo(e.figure());
            }
            assertThat(ko.explanation(e)).as("the Korean of the formula of " + e.figure()).doesNotContain(" = " + e.formula());
        }
    }
}
