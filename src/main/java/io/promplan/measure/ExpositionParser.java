package io.promplan.measure;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming parser of the Prometheus text format 0.0.4 (and 1.0.0's quoted UTF-8 names) and of
 * OpenMetrics 1.0: one line at a time, each sample handed to a {@link Sink} with the family it
 * belongs to (from the {@code # TYPE} lines: a histogram's {@code _bucket}, {@code _sum} and
 * {@code _count} belong to it). Errors name the line and what is wrong, as Prometheus would refuse
 * the scrape.
 */
final class ExpositionParser {
    static final int MAX_LABELS = 256;
    private static final int MAX_TYPED_FAMILIES = 1_000_000;

    /** Receives each sample. Arrays are reused: copy what you keep. */
    interface Sink {
        void sample(String family, String type, String name, String[] labelNames, String[] labelValues, int labels, double value)
                throws ExpositionException;
    }

    private final boolean openMetrics;
    private final Map<String, String> types = new HashMap<>();
    private final String[] names = new String[MAX_LABELS];
    private final String[] values = new String[MAX_LABELS];
    private final StringBuilder sb = new StringBuilder();
    private long created;

    ExpositionParser(boolean openMetrics) {
        this.openMetrics = openMetrics;
    }

    /** OpenMetrics _created series (counted among the series: Prometheus 3.5 stores them). */
    long created() {
        return created;
    }

    void parse(LineReader r, Sink sink) throws IOException, ExpositionException {
        String line;
        boolean sawEof = false;
        boolean first = true;
        while ((line = r.next()) != null) {
            long no = r.lineNumber();
            if (first && !line.isBlank()) {
                first = false;
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String t = line.stripLeading().toLowerCase(Locale.ROOT);
                if (t.startsWith("<!doctype") || t.startsWith("<html") || t.startsWith("<?xml") || t.startsWith("<")) {
                    throw new ExpositionException(0, "the response is HTML or XML, not Prometheus metrics; is the path the metrics endpoint (usually /metrics)?");
                }
                if (t.matches("^\\{\\s*\"[^\"]*\"\\s*:.*") || t.startsWith("[") || t.equals("{")) {
                    throw new ExpositionException(0, "the response is JSON, not Prometheus metrics; is the path the metrics endpoint (usually /metrics)?");
                }
            }
            if (sawEof) {
                if (line.isEmpty()) {
                    continue;
                }
                throw new ExpositionException(no, "content after '# EOF'");
            }
            if (line.isBlank()) {
                if (openMetrics && !line.isEmpty()) {
                    throw new ExpositionException(no, "blank line with spaces (OpenMetrics does not allow it)");
                }
                continue;
            }
            if (line.charAt(0) == '#') {
                if (line.equals("# EOF")) {
                    sawEof = true;
                    continue;
                }
                comment(line, no);
                continue;
            }
            sample(line, no, sink);
        }
        if (openMetrics && !sawEof) {
            throw new ExpositionException(r.lineNumber(), "the OpenMetrics body does not end with '# EOF' (cut short?)");
        }
    }

    private void comment(String line, long no) throws ExpositionException {
        // "# TYPE name type", "# HELP name text", "# UNIT name unit"; other comments are ignored (text format)
        String[] parts = line.split("[ \t]+", 4);
        if (parts.length < 2 || !parts[0].equals("#")) {
            return;
        }
        String kw = parts[1];
        if (kw.equals("TYPE")) {
            if (parts.length < 4) {
                throw new ExpositionException(no, "a TYPE line needs a metric name and a type: '" + clip(line) + "'");
            }
            String name = unquote(parts[2]);
            String type = parts[3].trim().toLowerCase(Locale.ROOT);
            switch (type) {
                case "counter", "gauge", "histogram", "summary", "untyped", "unknown", "gaugehistogram", "info", "stateset" -> {
                }
                default -> throw new ExpositionException(no, "unknown metric type '" + parts[3].trim() + "' for " + name
                        + "; allowed: counter, gauge, histogram, summary, untyped (OpenMetrics: gaugehistogram, info, stateset, unknown)");
            }
            if (!validName(name)) {
                throw new ExpositionException(no, "'" + clip(parts[2]) + "' is not a valid metric name");
            }
            if (types.size() < MAX_TYPED_FAMILIES) {
                types.put(name, type);
            }
        } else if ((kw.equals("HELP") || kw.equals("UNIT")) && parts.length < 3) {
            throw new ExpositionException(no, "a " + kw + " line needs a metric name: '" + clip(line) + "'");
        }
    }

    private void sample(String line, long no, Sink sink) throws ExpositionException {
        int n = line.length();
        int i = 0;
        String name = null;
        if (line.charAt(0) != '{') {
            int start = i;
            while (i < n && nameChar(line.charAt(i), i == start)) {
                i++;
            }
            if (i == start) {
                throw new ExpositionException(no, "expected a metric name at the start of '" + clip(line) + "'");
            }
            name = line.substring(start, i);
        }
        int afterName = i;
        i = skipSpaces(line, i);
        int labels = 0;
        if (i >= n || line.charAt(i) != '{') {
            i = afterName;
        } else {
            i++;
            while (true) {
                i = skipSpaces(line, i);
                if (i >= n) {
                    throw new ExpositionException(no, "labels are not closed with '}': '" + clip(line) + "'");
                }
                char c = line.charAt(i);
                if (c == '}') {
                    i++;
                    break;
                }
                String label;
                if (c == '"') {
                    i = quoted(line, i, no);
                    label = sb.toString();
                    int j = skipSpaces(line, i);
                    if (j < n && (line.charAt(j) == ',' || line.charAt(j) == '}')) {
                        // {"metric.name", ...}: the quoted metric name of the text format 1.0.0
                        if (name != null) {
                            throw new ExpositionException(no, "a second metric name inside the labels: '" + clip(line) + "'");
                        }
                        name = label;
                        i = j < n && line.charAt(j) == ',' ? j + 1 : j;
                        continue;
                    }
                } else {
                    int start = i;
                    while (i < n && labelChar(line.charAt(i), i == start)) {
                        i++;
                    }
                    if (i == start) {
                        throw new ExpositionException(no, "expected a label name at column " + (i + 1) + ": '" + clip(line) + "'");
                    }
                    label = line.substring(start, i);
                }
                i = skipSpaces(line, i);
                if (i >= n || line.charAt(i) != '=') {
                    throw new ExpositionException(no, "expected '=' after label " + label + ": '" + clip(line) + "'");
                }
                i = skipSpaces(line, i + 1);
                if (i >= n || line.charAt(i) != '"') {
                    throw new ExpositionException(no, "label " + label + " needs a value in double quotes: '" + clip(line) + "'");
                }
                i = quoted(line, i, no);
                if (labels == MAX_LABELS) {
                    throw new ExpositionException(no, "more than " + MAX_LABELS + " labels on one sample");
                }
                names[labels] = label;
                values[labels] = sb.toString();
                labels++;
                i = skipSpaces(line, i);
                if (i < n && line.charAt(i) == ',') {
                    i++;
                } else if (i >= n || line.charAt(i) != '}') {
                    throw new ExpositionException(no, "expected ',' or '}' after the value of label " + label + ": '" + clip(line) + "'");
                }
            }
        }
        if (name == null || name.isEmpty()) {
            throw new ExpositionException(no, "a sample without a metric name: '" + clip(line) + "'");
        }
        // value [timestamp] [# exemplar]
        if (i >= n || (line.charAt(i) != ' ' && line.charAt(i) != '\t')) {
            throw new ExpositionException(no, "expected a space and a value after " + name + (labels > 0 ? "{...}" : "") + ": '" + clip(line) + "'");
        }
        String rest = line.substring(i).trim();
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            if (!openMetrics) {
                throw new ExpositionException(no, "unexpected '#' after the value (exemplars need OpenMetrics): '" + clip(line) + "'");
            }
            rest = rest.substring(0, hash).trim();
        }
        String[] tokens = rest.isEmpty() ? new String[0] : rest.split("[ \t]+");
        if (tokens.length == 0) {
            throw new ExpositionException(no, "no value after " + name + ": '" + clip(line) + "'");
        }
        if (tokens.length > 2) {
            throw new ExpositionException(no, "expected a value and at most a timestamp, found " + tokens.length + " fields: '" + clip(line) + "'");
        }
        double value = parseValue(tokens[0], no, line);
        if (tokens.length == 2 && !isNumber(tokens[1])) {
            throw new ExpositionException(no, "'" + clip(tokens[1]) + "' is not a timestamp: '" + clip(line) + "'");
        }
        String family = name;
        String type = types.get(name);
        if (type == null) {
            String base = baseOf(name);
            if (base != null) {
                family = base;
                type = types.get(base);
            } else {
                type = "untyped";
            }
        }
        if (openMetrics && name.endsWith("_created") && !family.equals(name)) {
            // Prometheus 3.5 stores these as series of their own (checked on 3.5.3): counted, and reported
            created++;
        }
        sink.sample(family, type, name, names, values, labels, value);
    }

    /** The family a suffixed sample belongs to, when a TYPE line declared one that has that suffix. */
    private String baseOf(String name) {
        for (String suffix : new String[] {"_bucket", "_sum", "_count", "_total", "_created", "_gcount", "_gsum", "_info"}) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                String t = types.get(base);
                if (t == null) {
                    continue;
                }
                boolean fits = switch (t) {
                    case "histogram" -> suffix.equals("_bucket") || suffix.equals("_sum") || suffix.equals("_count") || suffix.equals("_created");
                    case "summary" -> suffix.equals("_sum") || suffix.equals("_count") || suffix.equals("_created");
                    case "gaugehistogram" -> suffix.equals("_bucket") || suffix.equals("_gcount") || suffix.equals("_gsum");
                    case "counter" -> suffix.equals("_total") || suffix.equals("_created");
                    case "info" -> suffix.equals("_info");
                    default -> false;
                };
                if (fits) {
                    return base;
                }
            }
        }
        return null;
    }

    private int quoted(String line, int i, long no) throws ExpositionException {
        int n = line.length();
        sb.setLength(0);
        i++;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    break;
                }
                char e = line.charAt(i + 1);
                switch (e) {
                    case '\\' -> sb.append('\\');
                    case '"' -> sb.append('"');
                    case 'n' -> sb.append('\n');
                    default -> {
                        if (openMetrics) {
                            throw new ExpositionException(no, "invalid escape '\\" + e + "' in a label value: '" + clip(line) + "'");
                        }
                        sb.append('\\').append(e);
                    }
                }
                i += 2;
                continue;
            }
            if (c == '"') {
                return i + 1;
            }
            sb.append(c);
            i++;
        }
        throw new ExpositionException(no, "a quoted string is not closed: '" + clip(line) + "'");
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean nameChar(char c, boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || !first && c >= '0' && c <= '9';
    }

    private static boolean labelChar(char c, boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || !first && c >= '0' && c <= '9';
    }

    private static boolean validName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!nameChar(s.charAt(i), i == 0)) {
                return !s.isBlank(); // a UTF-8 name given in quotes (text format 1.0.0)
            }
        }
        return true;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    static double parseValue(String t, long no, String line) throws ExpositionException {
        String l = t.toLowerCase(Locale.ROOT);
        switch (l) {
            case "nan":
                return Double.NaN;
            case "+inf", "inf", "+infinity", "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!isNumber(t)) {
            throw new ExpositionException(no, "'" + clip(t) + "' is not a number: '" + clip(line) + "'");
        }
        return Double.parseDouble(t);
    }

    private static boolean isNumber(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(t.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(t.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && Character.isDigit(t.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
