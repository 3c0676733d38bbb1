package io.promplan.cli;

import io.promplan.render.Labels;
import java.util.Locale;
import picocli.CommandLine.Option;

/** --lang en|ko: the language of tables and reports (default: the system's). */
public final class LangOption {
    @Option(names = "--lang", paramLabel = "L", description = "en | ko (default: the system's language)")
    String lang;

    public Labels.Lang lang() {
        return lang == null ? Labels.Lang.fromLocale(Locale.getDefault()) : Labels.Lang.parse(lang);
    }

    public Labels labels() {
        return Labels.of(lang());
    }
}
