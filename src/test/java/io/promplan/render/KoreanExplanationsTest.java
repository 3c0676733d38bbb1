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
            assertThat(en.explanation(e)).doesNotContain("{").startsWith(en.explainFigure(e) + " = " + en.explainFormula(e)).endsWith(" -> " + e.value());
            // the line without the inputs' values: figure = formula, names
            var valueless = new Explanation(e.figure(), e.formula(), e.inputs().stream()
                    .map(i -> new Explanation.Input(i.key(), i.args(), "0")).toList(), Explanation.Phrase.of("", "0"));
            String line = ko.explanation(valueless);
            assertThat(ENGLISH.matcher(withoutIds(line)).find()).as("English in: " + line).isFalse();
            assertThat(KoreanOutputTest.englishSentences(line, List.of())).as(line).isEmpty();
        }
        assertThat(ko.explainSource(p.sizing().coefficients())).startsWith("bench/").doesNotContain("measured by");
        assertThat(en.explainSource(p.sizing().coefficients())).isEqualTo(p.sizing().coefficients().source());
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

    /** An input's name that is an identifier, possibly with a unit ("compact.concurrency", "prometheus vCPU"): the same in both languages. */
    private static final Pattern IDENTIFIER = Pattern.compile("[\\w./-]+(?: (?:vCPU|MiB|GiB))?");

    /** Every scenario shipped or tested: each figure, formula and input has its Korean text (an English text without one fails here). */
    @ParameterizedTest
    @ValueSource(strings = {"seed-5-services.yaml", "services-10.yaml", "services-20.yaml", "thanos-40-services-1y.yaml",
            "../src/test/resources/scenarios/amp-sharded-20-services.yaml", "../src/test/resources/scenarios/arm64-ebs-12-services.yaml",
            "../src/test/resources/scenarios/ebs-sharded-40-services.yaml", "../src/test/resources/scenarios/ephemeral-20-services.yaml",
            "../src/test/resources/scenarios/services-120.yaml"})
    void everyFigureFormulaAndInputHasItsKoreanText(String file) {
        Words ko = Words.of(Labels.Lang.KO);
        Words en = Words.english();
        for (Explanation e : explanations(TestSupport.service().plan(TestSupport.scenario(file)))) {
            String figure = e.figure().key();
            if (!List.of("walGiB", "retentionSizeGiB").contains(figure)) {
                assertThat(ko.explainFigure(e)).as("the Korean of the figure " + figure).isNotEqualTo(en.explainFigure(e));
            }
            assertThat(ko.explainFormula(e)).as("the Korean of the formula of " + figure).isNotEqualTo(en.explainFormula(e));
            for (Explanation.Input i : e.inputs()) {
                String k = ko.explainInput(i);
                if (k.equals(en.explainInput(i))) {
                    assertThat(k).as("the input " + i.key() + " of " + figure + " is the same in both languages: an identifier").matches(IDENTIFIER);
                }
            }
        }
    }

    /**
     * Every key the core can emit for an explanation (the literal keys of its {@code Explanation.of}, {@code .formula},
     * {@code .in} and an implication's {@code .result} in src/main/java/io/promplan/core) has its text in both
     * bundles, and every explanation text of the bundles is one the core can emit.
     */
    @org.junit.jupiter.api.Test
    void everyExplanationKeyTheCoreCanEmitIsInBothBundles() throws Exception {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java/io/promplan/core"))) {
            files = walk.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (java.nio.file.Path f : files) {
            String src = java.nio.file.Files.readString(f);
            if (!src.contains("Explanation.of(")) {
                continue;
            }
            boolean implication = f.getFileName().toString().equals("Implications.java");
            for (String fig : CoreKeys.firstArgLiterals(src, "Explanation.of(")) {
                if (implication) {
                    keys.addAll(List.of("implication." + fig + ".figure", "implication." + fig + ".formula"));
                } else {
                    keys.add("explain.figure." + fig);
                }
            }
            for (String k : CoreKeys.firstArgLiterals(src, ".formula(")) {
                keys.add("explain.formula." + k);
            }
            for (String k : CoreKeys.firstArgLiterals(src, ".in(")) {
                keys.add((implication ? "implication.input." : "explain.input.") + k);
            }
            if (implication) {
                CoreKeys.firstArgLiterals(src, ".result(").forEach(k -> keys.add("implication." + k + ".result"));
            }
            // a citation is the input "source" (Explanation.Builder.cite): its key and the keys it ends with
            for (int i = src.indexOf(".cite("); i >= 0; i = src.indexOf(".cite(", i + 1)) {
                keys.add("explain.input.source");
                var m = Pattern.compile("\"([A-Za-z]+)\"").matcher(src.substring(i, src.indexOf(')', i)));
                while (m.find()) {
                    keys.add("explain.cite." + m.group(1));
                }
            }
        }
        assertThat(keys.stream().filter(k -> k.startsWith("explain.cite."))).hasSizeGreaterThan(20);
        assertThat(keys.stream().filter(k -> k.startsWith("explain.figure."))).hasSizeGreaterThan(40);
        assertThat(keys.stream().filter(k -> k.startsWith("explain.formula."))).hasSizeGreaterThan(50);
        assertThat(keys.stream().filter(k -> k.startsWith("explain.input."))).hasSizeGreaterThan(100);
        assertThat(keys.stream().filter(k -> k.startsWith("implication."))).hasSizeGreaterThan(15);
        for (String lang : List.of("", "_ko")) {
            java.util.Properties b = BundlesTest.load("/io/promplan/render/words" + lang + ".properties");
            assertThat(keys).as("explanation keys missing from words" + lang).allMatch(b::containsKey);
            assertThat(b.stringPropertyNames().stream().filter(k -> k.matches("explain\\.(figure|formula|input|cite)\\..*|implication\\.input\\..*")))
                    .as("explanation texts no core key uses in words" + lang).allMatch(keys::contains);
        }
    }

    /** Korean {@code plan --explain} writes every amount in dollars as "US$", a tiered price's breakdown included. */
    @ParameterizedTest
    @ValueSource(strings = {"seed-5-services.yaml", "services-10.yaml", "services-20.yaml", "thanos-40-services-1y.yaml"})
    void theKoreanExplainOutputWritesEveryDollarAsUsDollar(String file) {
        TestSupport.Run r = TestSupport.cli("plan", "scenarios/" + file, "--lang", "ko", "--explain", "--prices", "pricing-data");
        assertThat(r.code()).isZero();
        // a baseline line's name and note are the scenario's own text, written as its author wrote it
        String out = r.out();
        var b = TestSupport.service().plan(TestSupport.scenario(file)).baseline();
        List<io.promplan.core.baseline.BaselineRow> rows = new ArrayList<>();
        if (b != null) {
            rows.addAll(b.rows());
            rows.addAll(b.cloudwatchOnlyRows());
        }
        for (var row : rows) {
            out = out.replace(row.name().text("ko"), "");
            for (var reason : row.reasons()) {
                if (reason.kind() == io.promplan.core.baseline.Reason.Kind.NOTE) {
                    out = out.replace(reason.text().text("ko"), "");
                }
            }
        }
        assertThat(out).contains("US$").doesNotContainPattern("(?<!US)\\$");
        if (file.startsWith("seed")) {
            assertThat(out).as("the tiered CloudWatch metrics").containsPattern(": \\([0-9.]+ x US\\$[0-9.]+(?: \\+ [0-9.]+ x US\\$[0-9.]+)*\\) = US\\$");
        }
    }

    /** The literal keys the core passes as the first argument of a call. */
    static final class CoreKeys {
        private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");

        static List<String> firstArgLiterals(String src, String call) {
            List<String> out = new ArrayList<>();
            for (int i = src.indexOf(call); i >= 0; i = src.indexOf(call, i + 1)) {
                int depth = 0;
                boolean str = false;
                int j = i + call.length();
                for (; j < src.length(); j++) {
                    char c = src.charAt(j);
                    if (str) {
                        if (c == '\\') {
                            j++;
                        } else if (c == '"') {
                            str = false;
                        }
                    } else if (c == '"') {
                        str = true;
                    } else if (c == '(' || c == '{' || c == '[') {
                        depth++;
                    } else if ((c == ')' || c == '}' || c == ']') && depth > 0) {
                        depth--;
                    } else if ((c == ',' && depth == 0) || c == ')') {
                        break;
                    }
                }
                var m = LITERAL.matcher(src.substring(i + call.length(), j));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
            return out;
        }
    }
}
