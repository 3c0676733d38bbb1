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
}
