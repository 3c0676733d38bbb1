package io.promplan.ui;

import io.promplan.core.money.Money;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The app's language: UI text from the resource bundles {@code io/promplan/ui/messages*.properties},
 * and numbers, money and dates formatted for the chosen locale. Switching the locale updates every
 * label bound through {@link #bind(String)}.
 */
public final class I18n {
    public static final Locale ENGLISH = Locale.US;
    public static final Locale KOREAN = Locale.KOREA;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, KOREAN);
    private static final String BUNDLE = "io.promplan.ui.messages";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
    private ResourceBundle bundle;
    private Locale bundleLocale;

    public I18n(Locale initial) {
        locale.set(supported(initial));
    }

    /** The bundle of the current locale. Looked up here, not in a change listener: bindings may ask first. */
    private ResourceBundle bundle() {
        Locale l = locale.get();
        if (bundle == null || !l.equals(bundleLocale)) {
            bundle = load(l);
            bundleLocale = l;
        }
        return bundle;
    }

    /** English, or Korean when the OS language is Korean. */
    public static Locale fromOs(Locale os) {
        return supported(os);
    }

    static Locale supported(Locale l) {
        return l != null && "ko".equals(l.getLanguage()) ? KOREAN : ENGLISH;
    }

    private static ResourceBundle load(Locale l) {
        // Only our own bundles: never fall back to the JVM's default locale's bundle.
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale l) {
        locale.set(supported(l));
    }

    public boolean has(String key) {
        return bundle().containsKey(key);
    }

    public String get(String key) {
        try {
            return bundle().getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no UI text '" + key + "' in " + BUNDLE + " for " + locale(), e);
        }
    }

    public String get(String key, Object... args) {
        MessageFormat f = new MessageFormat(get(key), locale());
        return f.format(args);
    }

    /** A text that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> args.length == 0 ? get(key) : get(key, args), locale);
    }

    /** "$157.58" in English, "US$157.58" in Korean. */
    public String money(Money m) {
        if (m == null) {
            return "-";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale());
        f.setCurrency(Currency.getInstance(m.currency()));
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(m.cents());
    }

    /** A difference with its sign: "+$41.58", "-$2.72". */
    public String signedMoney(Money m) {
        return (m.isNegative() ? "-" : "+") + money(new Money(m.amount().abs(), m.currency()));
    }

    /** A unit price at full precision (AWS quotes prices to 10 decimals). */
    public String unitPrice(BigDecimal usd) {
        NumberFormat f = NumberFormat.getCurrencyInstance(locale());
        f.setCurrency(Currency.getInstance(Money.USD));
        f.setMinimumFractionDigits(Math.min(2, Math.max(0, usd.stripTrailingZeros().scale())));
        f.setMaximumFractionDigits(12);
        return f.format(usd);
    }

    public String number(double v, int maxDecimals) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMaximumFractionDigits(maxDecimals);
        f.setMinimumFractionDigits(0);
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return f.format(v);
    }

    public String number(BigDecimal v) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMaximumFractionDigits(6);
        return f.format(v);
    }

    public String integer(long v) {
        return NumberFormat.getIntegerInstance(locale()).format(v);
    }

    /** An ISO date (2026-10-31) in the locale's medium style; other text as it is. */
    public String date(String iso) {
        if (iso == null || iso.isBlank()) {
            return "-";
        }
        try {
            return LocalDate.parse(iso.trim()).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
