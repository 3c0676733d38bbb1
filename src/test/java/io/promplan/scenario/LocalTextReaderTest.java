package io.promplan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promplan.TestSupport;
import io.promplan.core.workload.BaselineLine;
import io.promplan.core.workload.LocalText;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.schema.Kind;
import io.promplan.core.workload.schema.ScenarioSchema;
import io.promplan.io.InputFileException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A text written for people may be one plain text or one text per language; the reader takes both and says what is wrong. */
class LocalTextReaderTest {
    private static final String HEAD = "version: 1\nregion: us-east-1\nserviceCount: 2\nmetricsPerService: 3\nseriesPerMetric: 4\n"
            + "scrapeInterval: 15s\nretention: 15d\n";

    private static String withLine(String line) {
        return HEAD + "name: m\nbaseline:\n  lowUsd: 10\n  lines:\n" + line;
    }

    @Test
    void aPlainTextIsShownInEveryLanguageAndAMappingByLanguage() throws Exception {
        Scenario s = ScenarioReader.parse(HEAD + "name: { en: \"Growth\", ko: \"성장\" }\ndescription: \"one for all\"\n"
                + "baseline:\n  lowUsd: 10\n  lines:\n"
                + "    - name:\n        en: \"Data transfer\"\n        ko: \"데이터 전송\"\n      usd: 5\n      covers: [\"transfer:out\"]\n"
                + "      note: { en: \"only English\" }\n      planFormula: \"5 x $1\"\n", "m.yaml");
        assertThat(s.name().text("en")).isEqualTo("Growth");
        assertThat(s.name().text("ko")).isEqualTo("성장");
        assertThat(s.name().isPlain()).isFalse();
        assertThat(s.description().isPlain()).isTrue();
        assertThat(s.description().text("ko")).isEqualTo("one for all");
        BaselineLine l = s.baseline().lines().get(0);
        assertThat(l.name().texts()).isEqualTo(Map.of("en", "Data transfer", "ko", "데이터 전송"));
        // a language the mapping lacks falls back to English
        assertThat(l.note().text("ko")).isEqualTo("only English");
        assertThat(l.planFormula()).isEqualTo(LocalText.plain("5 x $1"));
        // written back as read: plain stays plain, a mapping stays a mapping
        assertThat(ScenarioReader.parse(ScenarioWriter.toYaml(s), "back.yaml")).isEqualTo(s);
        assertThat(ScenarioWriter.toYaml(s)).contains("\nname: { en: \"Growth\", ko: \"성장\" }\n").contains("description: \"one for all\"\n")
                .contains("    - name: { en: \"Data transfer\", ko: \"데이터 전송\" }\n").contains("      note: { en: \"only English\" }\n");
    }

    @Test
    void aLanguageItDoesNotKnowIsAnErrorNamingTheFileLineAndKey() {
        assertThatThrownBy(() -> ScenarioReader.parse(withLine("    - name: a\n      usd: 1\n      note:\n        en: \"x\"\n        fr: \"y\"\n"), "f.yaml"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("f.yaml:16: baseline.lines[0].note.fr: is not a language this Promplan writes; allowed languages: en, ko"
                        + " (or write one plain text for every language)");
    }

    @Test
    void anEmptyMappingAListOrANestedValueIsAnError() {
        assertThatThrownBy(() -> ScenarioReader.parse(HEAD + "name: {}\n", "e.yaml"))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("e.yaml:8: name: is an empty mapping; allowed: a text, or one text per language as a mapping such as")
                .hasMessageContaining("(languages: en, ko)");
        assertThatThrownBy(() -> ScenarioReader.parse(withLine("    - name: [a, b]\n      usd: 1\n"), "l.yaml"))
                .isInstanceOf(InputFileException.class).hasMessageContaining("baseline.lines[0].name: is a list; allowed: a text, or one text per language");
        assertThatThrownBy(() -> ScenarioReader.parse(withLine("    - name: { en: [a] }\n      usd: 1\n"), "n.yaml"))
                .isInstanceOf(InputFileException.class).hasMessageContaining("baseline.lines[0].name.en: must be a plain text, not a list or mapping");
        assertThatThrownBy(() -> ScenarioReader.parse(withLine("    - name: { en: \"a\", ko: \"\" }\n      usd: 1\n"), "b.yaml"))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("baseline.lines[0].name.ko: must not be empty; give the text in this language or leave the language out");
        assertThatThrownBy(() -> ScenarioReader.parse(withLine("    - name: { ko: ~ }\n      usd: 1\n"), "z.yaml"))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("baseline.lines[0].name.ko: is empty; write the text in this language or leave the language out");
    }

    @Test
    void badTextsExitWithTwoAndAMessage() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("bad-lang", ".yaml");
        try {
            java.nio.file.Files.writeString(f, HEAD + "name:\n  en: \"a\"\n  de: \"b\"\n");
            TestSupport.Run r = TestSupport.cli("plan", f.toString(), "--prices", "pricing-data");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains(":10: name.de: is not a language this Promplan writes; allowed languages: en, ko");
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }

    @Test
    void theSchemaKnowsWhichKeysTakeTextsByLanguage() {
        List<String> local = ScenarioSchema.fields().stream().filter(f -> f.kind() == Kind.LOCAL_TEXT).map(f -> f.path()).toList();
        assertThat(local).containsExactly("name", "description", "baseline.lines[].name", "baseline.lines[].planFormula", "baseline.lines[].note",
                "baseline.cloudwatchOnly.lines[].name", "baseline.cloudwatchOnly.lines[].planFormula", "baseline.cloudwatchOnly.lines[].note");
    }

    @Test
    void aTextTakesTheEntryOfALanguageAndKeepsTheOthers() {
        LocalText t = LocalText.of(Map.of("ko", "성장", "en", "Growth"));
        assertThat(t.with("ko", "확장").texts()).containsExactly(Map.entry("en", "Growth"), Map.entry("ko", "확장"));
        assertThat(LocalText.plain("x").with("ko", "y")).isEqualTo(LocalText.plain("y"));
        assertThat(LocalText.of(Map.of("ko", "성장")).text("en")).isEqualTo("성장");
        assertThat(t.text()).isEqualTo("Growth");
    }
}
