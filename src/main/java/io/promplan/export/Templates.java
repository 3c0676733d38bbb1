package io.promplan.export;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The exported files' templates: Pebble templates under {@code src/main/resources/io/promplan/export/templates/},
 * rendered with a context of named values (maps, lists, strings, numbers, booleans; see {@link ExportModel#context()}).
 *
 * <p>Rules every template follows, so the output is exactly the text written in the template:
 * <ul>
 *   <li>No autoescaping: HCL, YAML and JSON are written as they are. Values that need quoting or escaping go through
 *       the filters below, which call {@link Hcl} (an HCL string: {@code {{ name | hcl }}}).</li>
 *   <li>A line that holds only block tags ({@code {% if %}}, {@code {% for %}}, {@code {% endif %}}...) and
 *       indentation writes nothing, not even its newline; every other line is written with its newline, whatever
 *       the tags in it.</li>
 *   <li>Strict variables: a name the context lacks is an error, never an empty string.</li>
 * </ul>
 * Filters: {@code hcl} (HCL string literal), {@code tag} (a value AWS accepts in a tag), {@code comment} (a # comment
 * block), {@code line} (one line: control characters become spaces), {@code hclmap} (a map of strings as
 * {@code "key" = "value"} lines indented 4 spaces, the = signs aligned as terraform fmt aligns them).
 */
final class Templates {
    static final String ROOT = "io/promplan/export/templates/";

    /** A line of only block tags ({% ... %}) or comments ({# ... #}) between optional blanks: kept are only the tags. */
    private static final String TAG = "(?:\\{%(?:[^%\\n]|%(?!\\}))*%\\}|\\{#(?:[^#\\n]|#(?!\\}))*#\\})";
    private static final Pattern TAG_LINE = Pattern.compile("(?m)^[ \\t]*(" + TAG + "(?:[ \\t]*" + TAG + ")*)[ \\t]*\\n");

    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(new TagLineLoader())
            .autoEscaping(false)
            .newLineTrimming(false)
            .strictVariables(true)
            .cacheActive(true)
            .extension(new AbstractExtension() {
                @Override
                public Map<String, Filter> getFilters() {
                    return Map.of(
                            "hcl", filter(Hcl::str),
                            "tag", filter(Hcl::tagValue),
                            "comment", filter(Hcl::comment),
                            "line", filter(Hcl::singleLine),
                            "hclmap", new Filter() {
                                @Override
                                public List<String> getArgumentNames() {
                                    return List.of();
                                }

                                @Override
                                @SuppressWarnings("unchecked")
                                public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                                    return Hcl.alignedMap((Map<String, String>) input, "    ");
                                }
                            });
                }
            })
            .build();

    private Templates() {
    }

    /** Renders {@code name} (relative to {@link #ROOT}, e.g. "terraform/main.tf.peb") with {@code context}. */
    static String render(String name, Map<String, Object> context) {
        PebbleTemplate t = ENGINE.getTemplate(name);
        StringWriter out = new StringWriter();
        try {
            t.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Filter filter(Function<String, String> f) {
        return new Filter() {
            @Override
            public List<String> getArgumentNames() {
                return List.of();
            }

            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                return f.apply(String.valueOf(input));
            }
        };
    }

    /** Loads templates from the class path and drops the lines that hold only block tags (see the class comment). */
    private static final class TagLineLoader extends ClasspathLoader {
        TagLineLoader() {
            super(Templates.class.getClassLoader());
            setPrefix(ROOT);
            setCharset("UTF-8");
        }

        @Override
        public Reader getReader(String templateName) {
            try (Reader r = super.getReader(templateName)) {
                StringWriter w = new StringWriter();
                r.transferTo(w);
                return new StringReader(TAG_LINE.matcher(w.toString()).replaceAll("$1"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
