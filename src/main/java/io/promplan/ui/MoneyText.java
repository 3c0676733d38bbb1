package io.promplan.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One style for money on every screen: amounts with thousands separators ("$1,748.52", "US$9,960.16"). The
 * app's own texts are formatted so ({@link I18n#money}); texts that come from the report's words (the English
 * {@code render.Words.money} writes "$1748.52") go through {@link #grouped} before they are shown.
 */
final class MoneyText {
    /** A dollar amount of four or more whole digits without separators: "$1748.52", "US$-12686.54". */
    private static final Pattern UNGROUPED = Pattern.compile("(\\$-?)(\\d{4,})(?![\\d,])");

    private MoneyText() {
    }

    /** The text with every dollar amount's whole part grouped by thousands; other numbers are left as they are. */
    static String grouped(String text) {
        if (text == null || text.indexOf('$') < 0) {
            return text;
        }
        Matcher m = UNGROUPED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group(2);
            StringBuilder g = new StringBuilder();
            int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
            g.append(digits, 0, lead);
            for (int i = lead; i < digits.length(); i += 3) {
                g.append(',').append(digits, i, i + 3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + g));
        }
        m.appendTail(out);
        return out.toString();
    }
}
