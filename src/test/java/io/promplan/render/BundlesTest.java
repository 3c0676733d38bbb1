package io.promplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every bundle of the app and the outputs (ui/messages, render/words, render/labels): each key in both
 * languages, each text taking the same arguments in both, and one Korean word per concept.
 */
class BundlesTest {
    /** MessageFormat arguments: {0}, {1,number}. */
    private static final Pattern MESSAGE_ARG = Pattern.compile("\\{(\\d+)");
    /** java.util.Formatter conversions: %s, %d, %2$s (%% and %n are no arguments). */
    private static final Pattern FORMAT_ARG = Pattern.compile("%(?:(\\d+)\\$)?[-#+ 0,(]*\\d*(?:\\.\\d+)?([a-zA-Z%])");

    record Pair(String base, boolean formatter) {
        @Override
        public String toString() {
            return base;
        }
    }

    static Stream<Pair> bundles() {
        return Stream.of(new Pair("/io/promplan/ui/messages", false), new Pair("/io/promplan/render/words", false),
                new Pair("/io/promplan/render/labels", true));
    }

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static List<String> args(String text, boolean formatter) {
        List<String> out = new ArrayList<>();
        if (formatter) {
            Matcher m = FORMAT_ARG.matcher(text);
            int next = 1;
            while (m.find()) {
                if (m.group(2).equals("%") || m.group(2).equals("n")) {
                    continue;
                }
                String index = m.group(1) != null ? m.group(1) : String.valueOf(next++);
                out.add(index + ":" + m.group(2));
            }
            out.sort(null);
            return out;
        }
        Matcher m = MESSAGE_ARG.matcher(text);
        TreeSet<String> s = new TreeSet<>();
        while (m.find()) {
            s.add(m.group(1));
        }
        return new ArrayList<>(s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyKeyExistsInBothLanguagesWithTheSameArguments(Pair b) throws IOException {
        Properties en = load(b.base() + ".properties");
        Properties ko = load(b.base() + "_ko.properties");
        assertThat(new TreeSet<>(ko.stringPropertyNames())).as("keys of the Korean bundle").isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String k : en.stringPropertyNames()) {
            assertThat(args(ko.getProperty(k), b.formatter())).as(b.base() + " " + k).isEqualTo(args(en.getProperty(k), b.formatter()));
            assertThat(en.getProperty(k)).as(b.base() + " " + k + " (English)").isNotBlank();
            assertThat(ko.getProperty(k)).as(b.base() + " " + k + " (Korean)").isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void messageFormatTextsHaveNoStraightApostrophe(Pair b) throws IOException {
        if (b.formatter()) {
            return;
        }
        // MessageFormat drops a single straight apostrophe (it quotes): write ’ instead
        for (String lang : List.of(".properties", "_ko.properties")) {
            Properties p = load(b.base() + lang);
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                if (MESSAGE_ARG.matcher(v).find()) {
                    assertThat(v.replace("''", "")).as(b.base() + lang + " " + k).doesNotContain("'");
                }
            }
        }
    }

    /** The words a Korean reader must see one way only (the issue found three names for the self-hosted stack). */
    @Test
    void oneKoreanWordPerConcept() throws IOException {
        for (Pair b : bundles().toList()) {
            Properties ko = load(b.base() + "_ko.properties");
            for (String k : ko.stringPropertyNames()) {
                assertThat(ko.getProperty(k)).as(b.base() + " " + k)
                        .doesNotContain("자체 운영").doesNotContain("셀프 호스팅").doesNotContain("셀프호스팅").doesNotContain("자가 호스팅")
                        .doesNotContain("자체호스팅").doesNotContain("매니지드").doesNotContain("CloudWatch 전용").doesNotContain("CloudWatch만");
            }
        }
        Properties ui = load("/io/promplan/ui/messages_ko.properties");
        for (String lang : List.of(".properties", "_ko.properties")) {
            Properties uiNames = load("/io/promplan/ui/messages" + lang);
            Properties labels = load("/io/promplan/render/labels" + lang);
            for (String id : List.of("self-hosted", "cloudwatch-only", "amp-amg")) {
                assertThat(labels.getProperty(id)).as("the report's and the app's name of " + id + lang).isEqualTo(uiNames.getProperty("alt." + id));
                assertThat(labels.getProperty("short." + id)).as("the short name of " + id + lang).isEqualTo(uiNames.getProperty("alt.short." + id));
            }
        }
        assertThat(ui.getProperty("alt.self-hosted")).contains("자체 호스팅");
    }
}
