package io.promplan.core.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A text the user wrote in a scenario file, either one text for every language (a plain string in the file) or
 * one per language ({@code { en: "...", ko: "..." }}). {@link #text(String)} gives the text of a language, else
 * the English one, else any; the plain form is kept apart so that it is written back as a plain string.
 */
public record LocalText(Map<String, String> texts) {
    /** The key of a plain text (one for every language). */
    public static final String ANY = "";
    /** The languages a mapping may hold, in the order they are written. */
    public static final List<String> LANGUAGES = List.of("en", "ko");
    /** The language whose text stands for the others where one text is needed (the JSON and CSV outputs). */
    public static final String DEFAULT = "en";
    public static final LocalText EMPTY = plain("");

    public LocalText {
        Map<String, String> ordered = new LinkedHashMap<>();
        if (texts.containsKey(ANY)) {
            ordered.put(ANY, texts.get(ANY) == null ? "" : texts.get(ANY));
        }
        for (String l : LANGUAGES) {
            if (texts.containsKey(l) && texts.get(l) != null) {
                ordered.put(l, texts.get(l));
            }
        }
        for (Map.Entry<String, String> e : texts.entrySet()) {
            if (e.getValue() != null) {
                ordered.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        if (ordered.isEmpty()) {
            ordered.put(ANY, "");
        }
        texts = Collections.unmodifiableMap(ordered);
    }

    /** One text for every language (null reads as empty). */
    public static LocalText plain(String text) {
        return new LocalText(Map.of(ANY, text == null ? "" : text));
    }

    /** One text per language, by language code. */
    public static LocalText of(Map<String, String> byLanguage) {
        return new LocalText(byLanguage);
    }

    /** Whether a language code may be a key of the mapping form. */
    public static boolean isLanguage(String code) {
        return LANGUAGES.contains(code);
    }

    /** Whether this is one text for every language (written as a plain string). */
    public boolean isPlain() {
        return texts.containsKey(ANY);
    }

    /** The text of a language ("en", "ko"), else the English one, else any. */
    public String text(String language) {
        String t = texts.get(language);
        if (t == null) {
            t = texts.get(ANY);
        }
        if (t == null) {
            t = texts.get(DEFAULT);
        }
        return t != null ? t : texts.values().iterator().next();
    }

    /** The text of a locale's language. */
    public String text(Locale locale) {
        return text(locale.getLanguage());
    }

    /** The English (or plain) text: what the machine outputs carry. */
    public String text() {
        return text(DEFAULT);
    }

    /** Whether every text is empty. */
    public boolean isEmpty() {
        return texts.values().stream().allMatch(String::isEmpty);
    }

    /** Whether every text is blank. */
    public boolean isBlank() {
        return texts.values().stream().allMatch(String::isBlank);
    }

    /**
     * This text with another text for a language: a plain text stays plain (it is replaced); a mapping keeps its
     * other languages and takes or replaces that language's entry.
     */
    public LocalText with(String language, String text) {
        if (isPlain()) {
            return plain(text);
        }
        Map<String, String> m = new LinkedHashMap<>(texts);
        m.put(language, text == null ? "" : text);
        return new LocalText(m);
    }

    /** The English (or plain) text. */
    @Override
    public String toString() {
        return text();
    }
}
