package io.promplan.scenario;

import io.promplan.core.workload.LocalText;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.schema.Field;
import io.promplan.core.workload.schema.Kind;
import io.promplan.core.workload.schema.ScenarioSchema;
import io.promplan.io.InputFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saves an edited scenario into the text of the file it came from, keeping the file's comments and layout:
 * a changed value is replaced in place on its own line (a comment after it stays), a key the file lacks is
 * added at the end of its mapping with the schema's comment, a changed list (services, the exporter's
 * metrics, baseline lines, pinned sizes, uncertainty ranges) replaces that list's lines only; a text by language
 * ({@code name: { en: "...", ko: "..." }}, or the same as a block mapping) takes the edited languages in place; every other
 * line (comments, blank lines, the measured block) stays as it was. The result is read back: when it does
 * not give exactly the edited scenario (a layout this cannot edit, such as a multi-line text or an inline
 * mapping), {@link Result#kept()} is false and the text is the writer's own, with standard comments.
 */
public final class ScenarioUpdate {
    /** The new text and whether the original's comments and layout were kept. */
    public record Result(String text, boolean kept) {
    }

    /** Keys whose value is a list or map of entries: replaced as a whole when changed. */
    private static final Set<String> BLOCKS = Set.of("services", "pinned", "cloudwatchExporter.metrics", "baseline.lines",
            "baseline.cloudwatchOnly.lines", "uncertainty");
    /** Blocks of one-line entries, edited entry by entry. */
    private static final Set<String> MAPS = Set.of("uncertainty", "pinned");
    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z_][A-Za-z0-9_.-]*)\\s*:(?=\\s|$)(.*)$");

    private ScenarioUpdate() {
    }

    /**
     * The original text with the edited scenario's values.
     *
     * @param original the file's text as it is on disk
     * @param edited   the scenario to save (valid)
     */
    public static Result update(String original, Scenario edited, String fileName) {
        String rewrite;
        try {
            rewrite = ScenarioWriter.toYaml(edited, measuredOf(original, fileName));
        } catch (RuntimeException e) {
            rewrite = ScenarioWriter.toYaml(edited);
        }
        Scenario old;
        try {
            old = ScenarioReader.parse(original, fileName);
        } catch (InputFileException | RuntimeException e) {
            return new Result(rewrite, false);
        }
        try {
            List<String> lines = new ArrayList<>(List.of(original.split("\n", -1)));
            Doc was = new Doc(ScenarioWriter.toYaml(old));
            Doc now = new Doc(ScenarioWriter.toYaml(edited));
            if (!patch(lines, "", old, edited, was, now)) {
                return new Result(rewrite, false);
            }
            String text = String.join("\n", lines);
            Scenario back = ScenarioReader.parse(text, fileName);
            if (!back.equals(edited)) {
                return new Result(rewrite, false);
            }
            return new Result(text, true);
        } catch (InputFileException | RuntimeException e) {
            return new Result(rewrite, false);
        }
    }

    private static io.promplan.core.workload.Measurement measuredOf(String original, String fileName) {
        try {
            return ScenarioReader.measurement(original, fileName);
        } catch (InputFileException | RuntimeException e) {
            return null;
        }
    }

    /** Edits the keys under {@code parent}; false when a change cannot be made in place. */
    private static boolean patch(List<String> lines, String parent, Scenario old, Scenario edited, Doc was, Doc now) {
        for (Field f : ScenarioSchema.under(parent)) {
            if (f.kind() == Kind.SIZE || f.path().equals("measured")) {
                continue;
            }
            Doc file = new Doc(String.join("\n", lines));
            Doc.Entry inFile = file.get(f.path());
            Doc.Entry wrote = now.get(f.path());
            boolean container = f.kind() == Kind.OBJECT || f.kind() == Kind.LIST;
            if (BLOCKS.contains(f.path()) || (container && inFile == null)) {
                String before = was.get(f.path()) == null ? "" : was.body(f.path());
                String after = wrote == null ? "" : now.body(f.path());
                if (before.equals(after)) {
                    continue;
                }
                if (inFile != null && wrote != null && MAPS.contains(f.path()) && inFile.inlineEmpty() && wrote.inlineEmpty()) {
                    if (!entries(lines, f.path(), was, now)) {
                        return false;
                    }
                } else if (inFile != null && wrote != null) {
                    if (file.hasComments(inFile)) {
                        return false; // the list's own comments would be lost
                    }
                    replace(lines, inFile.line(), inFile.end(), reindent(now.lines(wrote.line(), wrote.end()), wrote.indent(), inFile.indent()));
                } else if (inFile != null) {
                    if (file.hasComments(inFile)) {
                        return false;
                    }
                    remove(lines, inFile.line(), inFile.end());
                } else if (wrote != null) {
                    if (!insert(lines, file, parent, now.lines(wrote.comment(), wrote.end()), wrote.indent())) {
                        return false;
                    }
                }
                continue;
            }
            if (container) {
                if (!patch(lines, f.path(), old, edited, was, now)) {
                    return false;
                }
                continue;
            }
            if (f.get() == null) {
                continue;
            }
            String a = ScenarioWriter.value(f, old);
            String b = ScenarioWriter.value(f, edited);
            if (a.equals(b)) {
                continue;
            }
            if (inFile != null && f.kind() == Kind.LOCAL_TEXT && inFile.end() != inFile.line() + 1) {
                if (!languages(lines, file, inFile, (LocalText) f.read(old), (LocalText) f.read(edited))) {
                    return false;
                }
            } else if (inFile != null) {
                if (inFile.end() != inFile.line() + 1) {
                    return false; // a value over several lines
                }
                String line = lines.get(inFile.line());
                String replaced = replaceValue(line, b);
                if (replaced == null) {
                    return false;
                }
                lines.set(inFile.line(), replaced);
            } else if (wrote != null) {
                if (!insert(lines, file, parent, now.lines(wrote.comment(), wrote.end()), wrote.indent())) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A mapping of one-line entries (uncertainty ranges, pinned sizes) edited entry by entry, so that each
     * entry's comment stays: a changed entry is replaced, a removed one goes with the comment right above it,
     * a new one is added at the end.
     */
    private static boolean entries(List<String> lines, String path, Doc was, Doc now) {
        Doc file = new Doc(String.join("\n", lines));
        Map<String, Doc.Entry> inFile = file.children(path);
        Map<String, Doc.Entry> before = was.children(path);
        Map<String, Doc.Entry> after = now.children(path);
        List<int[]> removals = new ArrayList<>();
        for (Map.Entry<String, Doc.Entry> e : inFile.entrySet()) {
            Doc.Entry fe = e.getValue();
            Doc.Entry ne = after.get(e.getKey());
            Doc.Entry be = before.get(e.getKey());
            if (ne == null) {
                removals.add(new int[] {fe.comment(), fe.end()});
            } else if (be == null || !was.body(be.path()).strip().equals(now.body(ne.path()).strip())) {
                if (fe.end() != fe.line() + 1 || ne.end() != ne.line() + 1) {
                    return false;
                }
                lines.set(fe.line(), " ".repeat(fe.indent()) + now.body(ne.path()).strip());
            }
        }
        removals.sort((x, y) -> Integer.compare(y[0], x[0]));
        for (int[] r : removals) {
            remove(lines, r[0], r[1]);
        }
        for (Map.Entry<String, Doc.Entry> e : after.entrySet()) {
            if (!inFile.containsKey(e.getKey())) {
                Doc f = new Doc(String.join("\n", lines));
                Doc.Entry block = f.get(path);
                int indent = f.childIndent(path, block.indent() + 2);
                Doc.Entry ne = e.getValue();
                lines.addAll(block.end(), reindent(now.lines(ne.line(), ne.end()), ne.indent(), indent));
            }
        }
        return true;
    }

    /**
     * A text by language written as a block mapping ({@code name:} then {@code   en: "..."} and {@code   ko: "..."}) edited
     * language by language: a changed language's line takes the new text (its comment stays), a new language is added
     * after the others; false when a language is removed or the text became one plain text.
     */
    private static boolean languages(List<String> lines, Doc file, Doc.Entry block, LocalText was, LocalText now) {
        if (now.isPlain() || was.isPlain()) {
            return false;
        }
        Map<String, Doc.Entry> inFile = file.children(block.path());
        if (!inFile.keySet().equals(was.texts().keySet()) || !now.texts().keySet().containsAll(was.texts().keySet())) {
            return false;
        }
        int indent = file.childIndent(block.path(), block.indent() + 2);
        int at = block.end();
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, String> e : now.texts().entrySet()) {
            String value = ScenarioWriter.q(e.getValue());
            Doc.Entry line = inFile.get(e.getKey());
            if (line == null) {
                added.add(" ".repeat(indent) + e.getKey() + ": " + value);
            } else if (!e.getValue().equals(was.texts().get(e.getKey()))) {
                String replaced = line.end() == line.line() + 1 ? replaceValue(lines.get(line.line()), value) : null;
                if (replaced == null) {
                    return false;
                }
                lines.set(line.line(), replaced);
            }
        }
        while (at > block.line() + 1 && lines.get(at - 1).isBlank()) {
            at--;
        }
        lines.addAll(at, added);
        return true;
    }

    /** A key line with another value; the text after the value (spaces, a comment) stays. Null when the value cannot be found. */
    static String replaceValue(String line, String value) {
        Matcher m = KEY.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(3);
        int start = 0;
        while (start < rest.length() && rest.charAt(start) == ' ') {
            start++;
        }
        if (start >= rest.length()) {
            return null;
        }
        char c = rest.charAt(start);
        int end;
        if (c == '"' || c == '\'') {
            end = start + 1;
            while (end < rest.length()) {
                char ch = rest.charAt(end);
                if (c == '"' && ch == '\\') {
                    end += 2;
                    continue;
                }
                if (ch == c) {
                    if (c == '\'' && end + 1 < rest.length() && rest.charAt(end + 1) == '\'') {
                        end += 2;
                        continue;
                    }
                    break;
                }
                end++;
            }
            if (end >= rest.length()) {
                return null;
            }
            end++;
        } else if (c == '{' && value.startsWith("{")) {
            // a text by language written as a flow mapping: the whole mapping, to its closing brace (braces in quotes aside)
            end = flowEnd(rest, start);
            if (end < 0) {
                return null;
            }
        } else if (c == '|' || c == '>' || c == '{' || c == '[' || c == '&' || c == '*' || c == '!') {
            return null;
        } else {
            int hash = rest.indexOf(" #", start);
            end = hash < 0 ? rest.length() : hash;
            while (end > start && rest.charAt(end - 1) == ' ') {
                end--;
            }
        }
        return line.substring(0, line.length() - rest.length()) + (start == 0 ? " " : rest.substring(0, start)) + value + rest.substring(end);
    }

    /** The index after the brace that closes the flow mapping opened at {@code start}, or -1 (quotes and nesting followed). */
    private static int flowEnd(String s, int start) {
        int depth = 0;
        char quote = 0;
        for (int i = start; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (quote == '"' && ch == '\\') {
                    i++;
                } else if (ch == quote) {
                    if (quote == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        i++;
                    } else {
                        quote = 0;
                    }
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '{' || ch == '[') {
                depth++;
            } else if (ch == '}' || ch == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static void replace(List<String> lines, int from, int to, List<String> with) {
        for (int i = from; i < to; i++) {
            lines.remove(from);
        }
        lines.addAll(from, with);
    }

    private static void remove(List<String> lines, int from, int to) {
        replace(lines, from, to, List.of());
    }

    /** Adds lines (a key with its comment) at the end of the mapping {@code parent} of the file. */
    private static boolean insert(List<String> lines, Doc file, String parent, List<String> block, int blockIndent) {
        int at;
        int indent;
        if (parent.isEmpty()) {
            Doc.Entry measured = file.get("measured");
            if (measured != null) {
                at = measured.comment();
            } else {
                at = lines.size();
                while (at > 0 && lines.get(at - 1).isBlank()) {
                    at--;
                }
            }
            indent = 0;
        } else {
            Doc.Entry p = file.get(parent);
            if (p == null || p.end() == p.line() + 1 && !p.inlineEmpty()) {
                return false; // an inline mapping ({ a: 1 }) cannot take another line
            }
            at = p.end();
            indent = file.childIndent(parent, p.indent() + 2);
        }
        lines.addAll(at, reindent(block, blockIndent, indent));
        return true;
    }

    private static List<String> reindent(List<String> block, int from, int to) {
        List<String> out = new ArrayList<>();
        for (String l : block) {
            if (to >= from) {
                out.add(l.isEmpty() ? l : " ".repeat(to - from) + l);
            } else {
                int cut = Math.min(from - to, l.length() - l.stripLeading().length());
                out.add(l.substring(cut));
            }
        }
        return out;
    }

    /** The block mappings of a YAML text by path: where each key's line, comment and block are. */
    static final class Doc {
        record Entry(String path, int comment, int line, int end, int indent, boolean inlineEmpty) {
        }

        private final List<String> lines;
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        Doc(String text) {
            lines = List.of(text.split("\n", -1));
            record Open(String path, int indent, int line, int comment, boolean empty, boolean[] list, int[] end) {
            }
            List<Open> stack = new ArrayList<>();
            int commentStart = -1;
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                String t = l.strip();
                if (t.isEmpty()) {
                    commentStart = -1;
                    continue;
                }
                if (t.startsWith("#")) {
                    if (commentStart < 0) {
                        commentStart = i;
                    }
                    continue;
                }
                int comment = commentStart < 0 ? i : commentStart;
                commentStart = -1;
                int d = l.length() - l.stripLeading().length();
                boolean item = t.equals("-") || t.startsWith("- ");
                while (!stack.isEmpty()) {
                    Open top = stack.get(stack.size() - 1);
                    if (top.indent() > d || (top.indent() == d && !(item && top.list()[0]) && !(item && top.empty()))) {
                        entries.put(top.path(), new Entry(top.path(), top.comment(), top.line(), top.end()[0], top.indent(), top.empty()));
                        stack.remove(stack.size() - 1);
                    } else {
                        break;
                    }
                }
                for (Open o : stack) {
                    o.end()[0] = i + 1;
                }
                if (item) {
                    if (!stack.isEmpty()) {
                        stack.get(stack.size() - 1).list()[0] = true;
                    }
                    continue;
                }
                if (!stack.isEmpty() && stack.get(stack.size() - 1).list()[0]) {
                    continue; // a key of a list entry
                }
                Matcher m = KEY.matcher(l);
                if (!m.matches()) {
                    continue;
                }
                String rest = m.group(3).strip();
                boolean empty = rest.isEmpty() || rest.startsWith("#");
                String path = stack.isEmpty() ? m.group(2) : stack.get(stack.size() - 1).path() + "." + m.group(2);
                stack.add(new Open(path, d, i, comment, empty, new boolean[] {false}, new int[] {i + 1}));
            }
            for (int k = stack.size() - 1; k >= 0; k--) {
                Open top = stack.get(k);
                entries.put(top.path(), new Entry(top.path(), top.comment(), top.line(), top.end()[0], top.indent(), top.empty()));
            }
        }

        Entry get(String path) {
            return entries.get(path);
        }

        /** The text of a key's block (its line and what it holds), without the comment above it. */
        String body(String path) {
            Entry e = entries.get(path);
            return String.join("\n", lines(e.line(), e.end()));
        }

        List<String> lines(int from, int to) {
            return new ArrayList<>(lines.subList(from, to));
        }

        /** The direct entries of a mapping by their key (keys may hold dots, as uncertainty's do). */
        Map<String, Entry> children(String path) {
            Map<String, Entry> out = new LinkedHashMap<>();
            Entry p = entries.get(path);
            if (p == null) {
                return out;
            }
            int indent = -1;
            for (Entry e : entries.values()) {
                if (e.line() > p.line() && e.line() < p.end() && e.path().startsWith(path + ".")) {
                    if (indent < 0 || e.indent() < indent) {
                        indent = e.indent();
                    }
                }
            }
            for (Entry e : entries.values()) {
                if (e.line() > p.line() && e.line() < p.end() && e.indent() == indent && e.path().startsWith(path + ".")) {
                    out.put(e.path().substring(path.length() + 1), e);
                }
            }
            return out;
        }

        /** Whether comment lines lie inside a key's block (below its own line). */
        boolean hasComments(Entry e) {
            for (int i = e.line() + 1; i < e.end(); i++) {
                if (lines.get(i).strip().startsWith("#")) {
                    return true;
                }
            }
            return false;
        }

        /** The indentation of the keys under a mapping (the first one's), or {@code dflt} when it has none. */
        int childIndent(String parent, int dflt) {
            for (Entry e : entries.values()) {
                if (e.path().startsWith(parent + ".") && e.path().indexOf('.', parent.length() + 1) < 0) {
                    return e.indent();
                }
            }
            return dflt;
        }
    }
}
