package io.promplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** English and Korean bundles have the same keys, and each text takes the same arguments in both. */
class I18nBundlesTest {
    private static final Pattern ARG = Pattern.compile("\\{(\\d)");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream("/io/promplan/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static TreeSet<String> args(String text) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = ARG.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void bothLanguagesHaveEveryTextWithTheSameArguments() throws IOException {
        Properties en = load("messages.properties");
        Properties ko = load("messages_ko.properties");
        assertThat(ko.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (String k : en.stringPropertyNames()) {
            assertThat(args(ko.getProperty(k))).as(k).isEqualTo(args(en.getProperty(k)));
        }
    }

    @Test
    void theNewActionsHaveAMnemonicInBothLanguages() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_ko.properties"}) {
            Properties p = load(bundle);
            for (String k : new String[] {"menu.exportTerraform", "menu.exportReport", "menu.refreshPrices", "task.cancel"}) {
                assertThat(p.getProperty(k)).as(bundle + " " + k).containsPattern("_\\w");
            }
        }
    }

    /**
     * One Korean word per concept, the report's (render/labels_ko, words_ko): 스냅샷 (not 스냅숏); the engineers' rate
     * is 인건비 (단가 is the AWS unit price); the months until the set-up is recovered are 회수 기간 (손익분기 only for the
     * break-even hours saved); the managed option is 관리형 Prometheus + 관리형 Grafana (short: 관리형).
     */
    @Test
    void theKoreanTextsUseOneWordPerConcept() throws IOException {
        Properties ko = load("messages_ko.properties");
        String[] banned = {"스냅숏", "시간당 단가", "단가(하한", "단가(상한", "하한 단가", "상한 단가", "개월에 손익분기", "손익분기 (개월)", "손익분기(개월)",
            "관리형 Prometheus / Grafana", "관리형 Prometheus/Grafana", "관리형 서비스", "매니지드", "Amazon Managed"};
        for (String k : ko.stringPropertyNames()) {
            String v = ko.getProperty(k);
            for (String b : banned) {
                assertThat(v).as(k).doesNotContain(b);
            }
            // 손익분기 names the break-even hours only ("손익분기 절약 시간")
            int i = v.indexOf("손익분기");
            while (i >= 0) {
                assertThat(v.substring(i)).as(k).startsWith("손익분기 절약 시간");
                i = v.indexOf("손익분기", i + 1);
            }
            if (k.startsWith("field.roi.hourlyRate") || k.startsWith("error.rate")) {
                assertThat(v).as(k).contains("인건비");
            }
        }
        assertThat(ko.getProperty("alt.amp-amg")).isEqualTo("관리형 Prometheus + 관리형 Grafana");
        assertThat(ko.getProperty("chart.part.managed")).isEqualTo(ko.getProperty("alt.amp-amg"));
    }

    /** The report's Korean (the PDF, Markdown, CLI tables) uses the app's words: the same banned variants, the product's full name allowed. */
    @Test
    void theReportsKoreanUsesTheAppsWords() throws IOException {
        String[] banned = {"스냅숏", "시간당 단가", "단가(하한", "단가(상한", "하한 단가", "상한 단가", "개월에 손익분기", "손익분기 (개월)", "손익분기(개월)",
            "관리형 Prometheus / Grafana", "관리형 Prometheus/Grafana", "관리형 서비스", "매니지드", "손익분기점"};
        for (String file : new String[] {"labels_ko.properties", "words_ko.properties"}) {
            Properties ko = new Properties();
            try (InputStream in = I18nBundlesTest.class.getResourceAsStream("/io/promplan/render/" + file)) {
                ko.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String k : ko.stringPropertyNames()) {
                String v = ko.getProperty(k);
                for (String b : banned) {
                    assertThat(v).as(file + " " + k).doesNotContain(b);
                }
                int i = v.indexOf("손익분기");
                while (i >= 0) {
                    assertThat(v.substring(i)).as(file + " " + k).startsWith("손익분기 절약 시간");
                    i = v.indexOf("손익분기", i + 1);
                }
            }
        }
    }
}
