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
}
