package io.promplan.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A node of a parsed scenario file that knows its field path and line, so that every error can name
 * both. Reading a key marks it used; {@link #rejectUnknown} reports keys nobody asked for.
 */
public final class LocatedNode {
    private final JsonNode node;
    private final String path;
    private final String file;
    private final Map<String, Integer> lines;

    public LocatedNode(JsonNode node, String path, String file, Map<String, Integer> lines) {
        this.node = node;
        this.path = path;
        this.file = file;
        this.lines = lines;
    }

    public String path() {
        return path;
    }

    public int line() {
        Integer l = lines.get(path);
        String p = path;
        while (l == null && p.contains(".")) {
            p = p.substring(0, p.lastIndexOf('.'));
            l = lines.get(p);
        }
        return l == null ? 0 : l;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        return node != null && node.isObject() && node.has(key) && !node.get(key).isNull();
    }

    public LocatedNode get(String key) throws InputFileException {
        JsonNode c = node == null ? null : node.get(key);
        return new LocatedNode(c, child(key), file, lines);
    }

    public InputFileException error(String message) {
        return new InputFileException(file, line(), path, message);
    }

    public LocatedNode object(String key) throws InputFileException {
        LocatedNode c = get(key);
        if (c.node != null && !c.node.isNull() && !c.node.isObject()) {
            throw c.error("must be a mapping of keys to values");
        }
        return c;
    }

    public JsonNode raw() {
        return node;
    }

    /** The keys of a mapping, in file order. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    /** A decimal written as a JSON string ("0.0404800000") or number; exact. */
    public java.math.BigDecimal decimal(String key, boolean required) throws InputFileException {
        LocatedNode c = get(key);
        if (c.isMissing()) {
            if (required) {
                throw c.error("is required (a decimal number)");
            }
            return null;
        }
        java.math.BigDecimal d = null;
        try {
            if (c.node.isTextual() && c.node.asText().trim().length() <= 100) {
                d = new java.math.BigDecimal(c.node.asText().trim());
            } else if (c.node.isNumber()) {
                d = c.node.decimalValue();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        if (d == null) {
            throw c.notA("a decimal number");
        }
        // Bounded before any arithmetic: 1e-999999999 or 1e308 would make every later step slow or overflow.
        if (d.signum() != 0 && (d.scale() > MAX_DECIMAL_PLACES || d.precision() - d.scale() > MAX_INTEGER_DIGITS)) {
            throw c.error("'" + c.node.asText() + "' is out of range; allowed: a decimal below 10^" + MAX_INTEGER_DIGITS + " with at most "
                    + MAX_DECIMAL_PLACES + " digits after the point");
        }
        return d.signum() == 0 ? java.math.BigDecimal.ZERO : d;
    }

    /** Digits after the point a decimal may have (AWS quotes down to 10 places). */
    public static final int MAX_DECIMAL_PLACES = 20;
    /** Digits before the point a decimal may have. */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** The largest magnitude a number in an input file may have; fields have their own, smaller ranges. */
    public static final double MAX_NUMBER = 1e15;

    /** "'lots' is not a number", or "is a list, not a number": never an empty '' for a list or mapping. */
    private InputFileException notA(String what) {
        if (node.isArray()) {
            return error("is a list, not " + what);
        }
        if (node.isObject()) {
            return error("is a mapping, not " + what);
        }
        return error("'" + node.asText() + "' is not " + what);
    }

    public boolean isMissing() {
        return node == null || node.isNull();
    }

    public List<LocatedNode> list(String key) throws InputFileException {
        LocatedNode c = get(key);
        if (c.isMissing()) {
            return List.of();
        }
        if (!c.node.isArray()) {
            throw c.error("must be a list (lines starting with '- ')");
        }
        List<LocatedNode> out = new ArrayList<>();
        for (int i = 0; i < c.node.size(); i++) {
            out.add(new LocatedNode(c.node.get(i), c.path + "[" + i + "]", file, lines));
        }
        return out;
    }

    public List<String> strings(String key) throws InputFileException {
        List<String> out = new ArrayList<>();
        for (LocatedNode n : list(key)) {
            if (!n.node.isValueNode()) {
                throw n.error("must be a plain value");
            }
            out.add(n.checked(n.node.asText()));
        }
        return out;
    }

    public String text(String key, String dflt) throws InputFileException {
        LocatedNode c = get(key);
        if (c.isMissing()) {
            if (dflt == null) {
                throw c.error("is required");
            }
            return dflt;
        }
        if (!c.node.isValueNode()) {
            throw c.error("must be a plain value, not a list or mapping");
        }
        return c.checked(c.node.asText());
    }

    private static String describe(JsonNode n) {
        if (n.isArray()) {
            return "a list";
        }
        if (n.isTextual()) {
            return "the text '" + n.asText() + "'";
        }
        return "the value " + n.asText();
    }

    /**
     * Text from the file with no control characters (tab and line breaks aside) and no lone surrogates: nothing the
     * outputs could not write or that would change a terminal.
     */
    private String checked(String t) throws InputFileException {
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(ch)) {
                throw error("holds a lone surrogate (" + String.format("\\u%04x", (int) ch) + ") at character " + (i + 1)
                        + ", which is not a character; allowed: Unicode text");
            }
            if (Character.getType(ch) == Character.CONTROL && ch != '\n' && ch != '\t' && ch != '\r') {
                throw error("holds the control character " + String.format("\\u%04x", (int) ch) + " at character " + (i + 1)
                        + "; allowed: printable text (and line breaks where a text spans lines)");
            }
        }
        return t;
    }

    public String textValue() throws InputFileException {
        if (isMissing() || !node.isValueNode()) {
            throw error("must be a plain value");
        }
        return checked(node.asText());
    }

    public int integer(String key, Integer dflt) throws InputFileException {
        LocatedNode c = get(key);
        if (c.isMissing()) {
            if (dflt == null) {
                throw c.error("is required (a whole number)");
            }
            return dflt;
        }
        if (c.node.isIntegralNumber() && c.node.canConvertToInt()) {
            return c.node.intValue();
        }
        if (c.node.isNumber() && c.node.doubleValue() == Math.rint(c.node.doubleValue()) && Math.abs(c.node.doubleValue()) < Integer.MAX_VALUE) {
            return (int) c.node.doubleValue();
        }
        throw c.notA("a whole number");
    }

    public long longValue(String key, Long dflt) throws InputFileException {
        LocatedNode c = get(key);
        if (c.isMissing()) {
            if (dflt == null) {
                throw c.error("is required (a whole number)");
            }
            return dflt;
        }
        if (c.node.isIntegralNumber() && c.node.canConvertToLong()) {
            return c.node.longValue();
        }
        throw c.notA("a whole number");
    }

    public double number(String key, Double dflt) throws InputFileException {
        LocatedNode c = get(key);
        if (c.isMissing()) {
            if (dflt == null) {
                throw c.error("is required (a number)");
            }
            return dflt;
        }
        if (c.node.isNumber()) {
            double v = c.node.doubleValue();
            if (!Double.isFinite(v) || Math.abs(v) > MAX_NUMBER) {
                throw c.error("'" + c.node.asText() + "' is out of range; allowed: a finite number between -1e15 and 1e15 (and the field's own range)");
            }
            return v == 0 ? 0.0 : v;
        }
        throw c.notA("a number");
    }

    public boolean bool(String key, boolean dflt) throws InputFileException {
        LocatedNode c = get(key);
        if (c.isMissing()) {
            return dflt;
        }
        if (c.node.isBoolean()) {
            return c.node.booleanValue();
        }
        throw c.notA("true or false");
    }

    public <T> T parsed(String key, String dflt, Function<String, T> parser) throws InputFileException {
        String t = text(key, dflt);
        try {
            return parser.apply(t);
        } catch (IllegalArgumentException e) {
            throw get(key).error(e.getMessage());
        }
    }

    public void rejectUnknown(Set<String> allowed) throws InputFileException {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw error("must be a mapping of keys to values (" + String.join(", ", allowed.stream().sorted().limit(4).toList())
                    + (allowed.size() > 4 ? ", ..." : "") + "), not " + describe(node));
        }
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                LocatedNode c = new LocatedNode(node.get(k), child(k), file, lines);
                throw c.error("unknown key; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }
}
