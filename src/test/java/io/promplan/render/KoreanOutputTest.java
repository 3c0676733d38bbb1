package io.promplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.workload.BaselineLine;
import io.promplan.core.workload.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --lang ko}, what {@code plan}, {@code compare} and {@code report} (Markdown) write contains
 * no English sentence. Allowed: product and service names, units, ids, file names, and what the price data quotes
 * (“…”); the scenario's own texts (its name, its plan lines and their notes) are shown in Korean.
 */
class KoreanOutputTest {
    /** Words an English sentence cannot do without. */
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "of", "to", "in", "is", "are", "for", "and", "or", "with", "at",
            "on", "by", "from", "not", "it", "its", "this", "that", "be", "was", "will", "would", "can", "may", "than", "per", "each", "above",
            "below", "costs", "cost", "month", "months", "when", "where", "which", "no", "as", "but", "only", "every", "none", "there");
    /** Product names that happen to hold such a word. */
    private static final List<String> NAMES = List.of("Amazon Managed Service for Prometheus", "AWS Backup", "IAM Identity Center",
            "Thanos on S3"); // the name of the storage option (storage: thanos-s3) in either language
    private static final Pattern WORDS = Pattern.compile("[A-Za-z][A-Za-z’']*(?:[ ]+[A-Za-z][A-Za-z’']*)+");

    /** The scenarios shipped in scenarios/. */
    private static final List<String> SHIPPED = List.of("seed-5-services.yaml", "services-10.yaml", "services-20.yaml", "thanos-40-services-1y.yaml");

    @TempDir
    Path dir;

    /** English phrases of two words or more with a function word in them, after what is allowed is taken out. */
    static List<String> englishSentences(String text, List<String> allowed) {
        String t = text;
        List<String> sorted = new ArrayList<>(allowed);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        for (String a : sorted) {
            if (!a.isBlank()) {
                t = t.replace(a, " ");
            }
        }
        for (String n : NAMES) {
            t = t.replace(n, " ");
        }
        t = t.replaceAll("“[^”]*”", " ").replaceAll("`[^`]*`", " ");
        List<String> out = new ArrayList<>();
        Matcher m = WORDS.matcher(t);
        while (m.find()) {
            String phrase = m.group();
            for (String w : phrase.split(" +")) {
                if (FUNCTION_WORDS.contains(w.toLowerCase(java.util.Locale.ROOT).replace("’s", "").replace("'s", ""))) {
                    out.add(phrase);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * What may stay as it is in either language: the scenario's file name. The file's own words (its name, its plan lines and
     * their notes) are not excused: the shipped scenarios give them in Korean too, and only product names are left in English.
     */
    static List<String> scenarioWords(String... files) {
        List<String> out = new ArrayList<>();
        for (String f : files) {
            out.add("scenarios/" + f);
        }
        return out;
    }

    /** The shipped scenarios give every line name, note and their own name in Korean (a plain text only where it is product names). */
    @Test
    void theShippedScenariosGiveTheirTextsInKorean() {
        for (String f : SHIPPED) {
            Scenario s = TestSupport.scenario(f);
            List<io.promplan.core.workload.LocalText> texts = new ArrayList<>(List.of(s.name(), s.description()));
            List<BaselineLine> lines = new ArrayList<>(s.baseline().lines());
            lines.addAll(s.baseline().cloudwatchOnlyLines());
            for (BaselineLine l : lines) {
                texts.add(l.name());
                texts.add(l.note());
                texts.add(l.planFormula());
            }
            for (io.promplan.core.workload.LocalText t : texts) {
                assertThat(englishSentences(t.text("ko"), List.of())).as(f + ": " + t.text()).isEmpty();
                if (!t.isPlain()) {
                    assertThat(t.text("ko")).as(f + ": " + t.text()).containsPattern("[가-힣]");
                }
            }
            assertThat(s.name().isPlain()).as(f).isFalse();
        }
    }

    @Test
    void theEnglishDetectorFindsEnglish() {
        assertThat(englishSentences("Sized by the model: the stack costs $148.30 a month", List.of())).isNotEmpty();
        assertThat(englishSentences("자체 호스팅 Prometheus + Grafana (Fargate): 월 US$148.30, CloudWatch Logs Insights 스캔", List.of())).isEmpty();
    }

    @Test
    void planInKoreanHasNoEnglishSentence() {
        for (String f : SHIPPED) {
            TestSupport.Run r = TestSupport.cli("plan", "scenarios/" + f, "--lang", "ko", "--prices", "pricing-data");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("경고");
            if (f.equals("seed-5-services.yaml")) {
                assertThat(r.out()).contains("EFS: Prometheus 문서는");
            }
            assertThat(englishSentences(r.out(), scenarioWords(f))).as(f).isEmpty();
            // the same check finds the English of the English output
            TestSupport.Run en = TestSupport.cli("plan", "scenarios/" + f, "--lang", "en", "--prices", "pricing-data");
            assertThat(englishSentences(en.out(), scenarioWords(f))).hasSizeGreaterThan(20);
        }
    }

    @Test
    void compareInKoreanHasNoEnglishSentence() {
        for (String format : List.of("table", "md")) {
            List<String> args = new ArrayList<>(List.of("compare"));
            SHIPPED.forEach(f -> args.add("scenarios/" + f));
            args.addAll(List.of("--lang", "ko", "--format", format, "--prices", "pricing-data"));
            TestSupport.Run r = TestSupport.cli(args.toArray(String[]::new));
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("시나리오 비교");
            assertThat(englishSentences(r.out(), scenarioWords(SHIPPED.toArray(String[]::new)))).as(format).isEmpty();
        }
    }

    @Test
    void reportInKoreanHasNoEnglishSentence() throws IOException {
        for (String f : SHIPPED) {
            Path md = dir.resolve(f + ".report.md");
            TestSupport.Run r = TestSupport.cli("report", "scenarios/" + f, "--lang", "ko", "--out", md.toString(), "--runs", "2000",
                    "--prices", "pricing-data");
            assertThat(r.code()).as(r.err()).isZero();
            String text = Files.readString(md, StandardCharsets.UTF_8);
            assertThat(text).contains("권고");
            assertThat(englishSentences(text, scenarioWords(f))).as(f).isEmpty();
        }
    }
}
