package io.promplan.export;

/** Small helpers to write HCL text. */
final class Hcl {
    private Hcl() {
    }

    /** A quoted HCL string literal: escapes backslash, quote, newline and template sequences. */
    static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("${", "$${").replace("%{", "%%{") + "\"";
    }

    /** A value AWS accepts in any tag: letters, digits, spaces and _ . : / = + - @ only. */
    static String tagValue(String s) {
        String t = s.replaceAll("[^\\p{L}\\p{N} _.:/=+\\-@]", "").replaceAll(" +", " ").trim();
        return t.length() > 250 ? t.substring(0, 250) : t;
    }

    /** The text as a # comment block. */
    static String comment(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            b.append(line.isEmpty() ? "#" : "# " + line).append('\n');
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
