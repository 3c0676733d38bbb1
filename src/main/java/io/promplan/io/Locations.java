package io.promplan.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses a JSON or YAML text into a tree plus the line of every field path ("a.b[2].c"). */
public final class Locations {
    /** The longest string value an input file may hold (a description, a note); a longer one is refused with its line. */
    public static final int MAX_STRING = 64 * 1024;
    /** How deep mappings and lists may nest in an input file (the formats need 6). */
    public static final int MAX_DEPTH = 40;

    private Locations() {
    }

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxStringLength(MAX_STRING).maxNumberLength(100).maxNestingDepth(MAX_DEPTH)
                .maxNameLength(1000).build();
    }

    /**
     * A YAML reader with limits: at most {@code codePoints} characters, no alias expansion beyond a few, shallow
     * nesting, duplicate keys refused.
     */
    public static ObjectMapper yamlMapper(int codePoints) {
        LoaderOptions lo = new LoaderOptions();
        lo.setCodePointLimit(codePoints);
        lo.setMaxAliasesForCollections(10);
        lo.setNestingDepthLimit(MAX_DEPTH);
        lo.setAllowDuplicateKeys(false);
        lo.setAllowRecursiveKeys(false);
        return new ObjectMapper(YAMLFactory.builder().loaderOptions(lo).streamReadConstraints(constraints()).build()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    }

    /**
     * A JSON reader with limits: duplicate keys and content after the value refused, decimals kept exact
     * (BigDecimal, never rounded through a double), short numbers, shallow nesting.
     */
    public static ObjectMapper jsonMapper() {
        JsonFactory f = JsonFactory.builder().streamReadConstraints(constraints()).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        return new ObjectMapper(f).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** A parsed tree and the line where each path starts. */
    public record Parsed(JsonNode root, Map<String, Integer> lines) {
    }

    public static Parsed parse(ObjectMapper mapper, String text, String fileName, String format) throws InputFileException {
        try {
            Map<String, Integer> lines = new HashMap<>();
            // One pass over the tokens first: the line of every path, and what a tree would hide (an alias read as its
            // anchor's name, a second document or value after the first).
            try (JsonParser p = mapper.getFactory().createParser(text)) {
                JsonToken t;
                int depth = 0;
                int rootEnd = 0;
                while ((t = p.nextToken()) != null) {
                    int line = p.currentTokenLocation().getLineNr();
                    if (rootEnd > 0) {
                        throw new InputFileException(fileName, line, "", format.equals("YAML")
                                ? "holds a second YAML document (after the first one ended on line " + rootEnd + "); a scenario file holds one document"
                                : "has more content after the JSON value that ended on line " + rootEnd + "; a file holds one JSON value");
                    }
                    JsonStreamContext ctx = p.getParsingContext();
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        ctx = ctx.getParent();
                    }
                    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                        throw new InputFileException(fileName, line, ctx == null ? "" : pathOf(ctx),
                                "is an alias (*" + y.getText() + "); aliases are not read here: write the value out");
                    }
                    if (ctx != null) {
                        lines.putIfAbsent(pathOf(ctx), line);
                    }
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        depth++;
                    } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        depth--;
                    }
                    if (depth == 0 && t != JsonToken.FIELD_NAME) {
                        rootEnd = Math.max(1, line);
                    }
                }
            }
            JsonNode root = mapper.readTree(text);
            return new Parsed(root, lines);
        } catch (StreamConstraintsException e) {
            JsonLocation loc = e.getLocation();
            throw new InputFileException(fileName, loc == null ? 0 : loc.getLineNr(), "", "is beyond what " + format + " input may hold here: "
                    + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new InputFileException(fileName, loc == null ? 0 : loc.getLineNr(), "", "not valid " + format + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML and Jackson report some limits (code points, nesting, aliases) as runtime exceptions.
            throw new InputFileException(fileName, 0, "", "cannot be parsed as " + format + ": " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String msg) {
        if (msg == null) {
            return "";
        }
        int nl = msg.indexOf('\n');
        return nl > 0 ? msg.substring(0, nl) : msg;
    }

    static String pathOf(JsonStreamContext ctx) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }
}
