package io.promplan.export;

/** Small helpers to write HCL text, and to keep user text from breaking out of a comment or string. */
final class Hcl {
    private Hcl() {
    }

    /**
     * A quoted HCL string literal: escapes backslash, quote, the template sequences {@code ${} and {@code %{}, newline,
     * carriage return and tab, and every other control character (as \\uNNNN), so no user text ends the string or
     * starts an expression.
     */
    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '$', '%' -> {
                    b.append(c);
                    if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                        b.append(c);
                    }
                }
                default -> {
                    if (isControl(c)) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Control characters and the Unicode line and paragraph separators. */
    static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** The text on one line: every control character and line separator becomes a space. */
    static String singleLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(isControl(c) ? ' ' : c);
        }
        return b.toString();
    }

    /** A value AWS accepts in any tag: letters, digits, spaces and _ . : / = + - @ only. */
    static String tagValue(String s) {
        String t = s.replaceAll("[^\\p{L}\\p{N} _.:/=+\\-@]", "").replaceAll(" +", " ").trim();
        return t.length() > 250 ? t.substring(0, 250) : t;
    }

    /** The text as a # comment block: one # line per \n-separated line; any other control character becomes a space. */
    static String comment(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String l = singleLine(line);
            b.append(l.isEmpty() ? "#" : "# " + l).append('\n');
        }
        return b.toString();
    }

    /** Map entries "key" = "value" (null: null), one a line, the = signs aligned as terraform fmt aligns them. */
    static String alignedMap(java.util.Map<String, String> entries, String indent) {
        int width = entries.keySet().stream().mapToInt(k -> str(k).length()).max().orElse(0);
        StringBuilder b = new StringBuilder();
        for (var e : entries.entrySet()) {
            if (b.length() > 0) {
                b.append('\n');
            }
            String k = str(e.getKey());
            b.append(indent).append(k).append(" ".repeat(width - k.length())).append(" = ")
                    .append(e.getValue() == null ? "null" : str(e.getValue()));
        }
        return b.toString();
    }
}
