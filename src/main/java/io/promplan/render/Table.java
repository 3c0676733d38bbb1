package io.promplan.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A titled table of text cells, rendered as an aligned text table, CSV (RFC 4180, CRLF) or a
 * Markdown (GitHub) table: the same rows in every format, for terminals, spreadsheets and wikis.
 */
public record Table(String id, String title, List<String> headers, List<List<String>> rows, boolean[] rightAligned, List<String> notes) {
    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }

    /** Builds a table row by row. */
    public static final class Builder {
        private final String id;
        private final String title;
        private final List<String> headers;
        private final boolean[] right;
        private final List<List<String>> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        public Builder(String id, String title, String... headers) {
            this.id = id;
            this.title = title;
            this.headers = List.of(headers);
            this.right = new boolean[headers.length];
        }

        public Builder right(int... cols) {
            for (int c : cols) {
                right[c] = true;
            }
            return this;
        }

        public Builder row(Object... cells) {
            List<String> r = new ArrayList<>();
            for (Object c : cells) {
                r.add(c == null ? "" : c.toString());
            }
            rows.add(r);
            return this;
        }

        public Builder note(String n) {
            notes.add(n);
            return this;
        }

        public Table build() {
            return new Table(id, title, headers, rows, right.clone(), notes);
        }
    }

    public String toText() {
        TextTable t = new TextTable(headers.toArray(String[]::new));
        for (int i = 0; i < rightAligned.length; i++) {
            if (rightAligned[i]) {
                t.right(i);
            }
        }
        rows.forEach(r -> t.row(r.toArray()));
        StringBuilder sb = new StringBuilder(title).append('\n').append(t.render("  "));
        notes.forEach(n -> sb.append("  ").append(n).append('\n'));
        return sb.toString();
    }

    /** CSV: a first column naming the table, so that several tables can share one file. */
    public String toCsv(boolean withHeader) {
        StringBuilder sb = new StringBuilder();
        if (withHeader) {
            List<Object> h = new ArrayList<>();
            h.add("table");
            h.addAll(headers);
            PlanCsv.row(sb, h.toArray());
        }
        for (List<String> r : rows) {
            List<Object> c = new ArrayList<>();
            c.add(id);
            c.addAll(r);
            PlanCsv.row(sb, c.toArray());
        }
        return sb.toString();
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("### ").append(md(title)).append("\n\n|");
        headers.forEach(h -> sb.append(' ').append(md(h)).append(" |"));
        sb.append("\n|");
        for (int i = 0; i < headers.size(); i++) {
            sb.append(rightAligned[i] ? " ---: |" : " --- |");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            sb.append('|');
            for (int i = 0; i < headers.size(); i++) {
                sb.append(' ').append(md(i < r.size() ? r.get(i) : "")).append(" |");
            }
            sb.append('\n');
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
            notes.forEach(n -> sb.append("- ").append(md(n)).append('\n'));
        }
        return sb.append('\n').toString();
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
