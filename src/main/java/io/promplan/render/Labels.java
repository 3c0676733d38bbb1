package io.promplan.render;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Words of the decision outputs (tables, report, charts) in English or Korean, from the bundle
 * {@code io/promplan/render/labels*.properties} (java.util.Formatter syntax: {@code %s}, {@code %1$s}).
 * The sentences made from the core's structured results are in {@link Words}.
 */
public final class Labels {
    public static final String BUNDLE = "io.promplan.render.labels";

    public enum Lang {
        EN, KO;

        /** "ko" for a Korean locale, else "en". */
        public static Lang fromLocale(Locale l) {
            return l != null && "ko".equals(l.getLanguage()) ? KO : EN;
        }

        public static Lang parse(String s) {
            String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "en", "english" -> EN;
                case "ko", "kr", "korean", "한국어" -> KO;
                default -> throw new IllegalArgumentException("language '" + s + "' is not allowed; allowed: en, ko");
            };
        }

        /** The language code of a scenario's texts by language ({@link io.promplan.core.workload.LocalText}): "en" or "ko". */
        public String code() {
            return this == KO ? "ko" : "en";
        }

        /** The locale of this language's bundles: the root (English) or Korean. */
        public Locale bundleLocale() {
            return this == KO ? Locale.KOREAN : Locale.ROOT;
        }
    }

    private static final Labels EN = new Labels(Lang.EN);
    private static final Labels KO = new Labels(Lang.KO);

    private final Lang lang;
    private final ResourceBundle bundle;

    private Labels(Lang lang) {
        this.lang = lang;
        this.bundle = ResourceBundle.getBundle(BUNDLE, lang.bundleLocale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Labels of(Lang lang) {
        return lang == Lang.KO ? KO : EN;
    }

    /** A text of the scenario file in this language (else its English or plain text). */
    public String text(io.promplan.core.workload.LocalText t) {
        return t.text(lang.code());
    }

    public Lang lang() {
        return lang;
    }

    /** The text of a key, formatted with the arguments. */
    public String t(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text '" + key + "' in " + BUNDLE + " for " + lang, e);
        }
        return args.length == 0 ? s : String.format(Locale.ROOT, s, args);
    }

    /** A count with its thousands separated, as every table and sentence writes it in both languages: "461,325". */
    public static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** A count the core passed as text ("5641"), written as {@link #count(long)}; any other text as it is. */
    public static String count(String s) {
        return s.matches("-?\\d{1,18}") ? count(Long.parseLong(s)) : s;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
