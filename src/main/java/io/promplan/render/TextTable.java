package io.promplan.render;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns; numbers right-aligned. Width counts East Asian wide characters twice. */
public final class TextTable {
    private final List<String> headers;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = List.of(headers);
        this.right = new boolean[headers.length];
    }

    public TextTable right(int... cols) {
        for (int c : cols) {
            right[c] = true;
        }
        return this;
    }

    public TextTable row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "" : c.toString());
        }
        rows.add(r);
        return this;
    }

    public TextTable rule() {
        rows.add(null);
        return this;
    }

    public String render(String indent) {
        int n = headers.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = width(headers.get(i));
        }
        for (List<String> r : rows) {
            if (r != null) {
                for (int i = 0; i < n && i < r.size(); i++) {
                    w[i] = Math.max(w[i], width(r.get(i)));
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, indent, headers, w);
        sb.append(indent);
        for (int i = 0; i < n; i++) {
            sb.append("-".repeat(w[i])).append(i < n - 1 ? "  " : "");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            if (r == null) {
                sb.append(indent);
                for (int i = 0; i < n; i++) {
                    sb.append("-".repeat(w[i])).append(i < n - 1 ? "  " : "");
                }
                sb.append('\n');
            } else {
                line(sb, indent, r, w);
            }
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, String indent, List<String> cells, int[] w) {
        StringBuilder l = new StringBuilder(indent);
        for (int i = 0; i < w.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            int pad = w[i] - width(c);
            if (right[i]) {
                l.append(" ".repeat(pad)).append(c);
            } else {
                l.append(c).append(i < w.length - 1 ? " ".repeat(pad) : "");
            }
            if (i < w.length - 1) {
                l.append("  ");
            }
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    /** Display width: Hangul, CJK and full-width forms count 2. */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }
}
