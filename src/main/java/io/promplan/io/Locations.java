package io.promplan.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses a JSON or YAML text into a tree plus the line of every field path ("a.b[2].c"). */
public final class Locations {
    private Locations() {
    }

    /** A parsed tree and the line where each path starts. */
    public record Parsed(JsonNode root, Map<String, Integer> lines) {
    }

    public static Parsed parse(ObjectMapper mapper, String text, String fileName, String format) throws InputFileException {
        try {
            JsonNode root = mapper.readTree(text);
            Map<String, Integer> lines = new HashMap<>();
            try (JsonParser p = mapper.getFactory().createParser(text)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    JsonStreamContext ctx = p.getParsingContext();
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        ctx = ctx.getParent();
                    }
                    if (ctx != null) {
                        lines.putIfAbsent(pathOf(ctx), p.currentTokenLocation().getLineNr());
                    }
                }
            }
            return new Parsed(root, lines);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            throw new InputFileException(fileName, loc == null ? 0 : loc.getLineNr(), "", "not valid " + format + ": " + (nl > 0 ? msg.substring(0, nl) : msg));
        } catch (IOException e) {
            throw new InputFileException(fileName, 0, "", "cannot be parsed: " + e.getMessage());
        }
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
