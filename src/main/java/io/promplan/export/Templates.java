package io.promplan.export;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.lexer.Syntax;
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
 *   <li>Delimiters: templates under {@code terraform/} use Pebble's own ({@code {{ value }}}, {@code {% if %}},
 *       {@code {# comment #}}). All others use {@code << value >>}, {@code <% if %>}, {@code <# comment #>}, because
 *       Prometheus rules, Alertmanager and Grafana use {@code {{ }}} themselves.</li>
 *   <li>No autoescaping: HCL, YAML and JSON are written as they are. Values that need quoting or escaping go through
 *       the filters below ({@code {{ name | hcl }}}, {@code << name | yaml >>}).</li>
 *   <li>A line that holds only block tags ({@code {% if %}}, {@code {% for %}}, {@code {% endif %}}...) and
 *       indentation writes nothing, not even its newline; every other line is written with its newline, whatever
 *       the tags in it. {@code -}} } trims the whitespace after a value (for a value that ends with its own newline).</li>
 *   <li>Strict variables: a name the context lacks is an error, never an empty string.</li>
 *   <li>A template whose name starts with {@code _} is a block other templates include or import.</li>
 * </ul>
 * Filters: {@code hcl} (an HCL string literal, {@link Hcl#str}), {@code tag} (a value AWS accepts in a tag),
 * {@code comment} (a # comment block), {@code line} (one line: control characters become spaces), {@code hclmap} (a
 * map of strings as {@code "key" = "value"} lines indented 4 spaces, the = signs aligned as terraform fmt aligns
 * them), {@code yaml} (a YAML scalar, {@link ConfigFiles#q}), {@code promql} (the inside of a PromQL string),
 * {@code md} (user text as inline Markdown, {@link ReadmeFiles#md}).
 */
final class Templates {
    static final String ROOT = "io/promplan/export/templates/";

    /** Terraform templates: Pebble's own delimiters. */
    private static final PebbleEngine BRACES = engine(new Syntax.Builder().setEnableNewLineTrimming(false).build(), "{%", "%}", "{#", "#}");
    /** Every other template: Prometheus rules, Alertmanager and Grafana use {{ }} themselves. */
    private static final PebbleEngine ANGLES = engine(new Syntax.Builder().setEnableNewLineTrimming(false)
            .setPrintOpenDelimiter("<<").setPrintCloseDelimiter(">>")
            .setExecuteOpenDelimiter("<%").setExecuteCloseDelimiter("%>")
            .setCommentOpenDelimiter("<#").setCommentCloseDelimiter("#>")
            .build(), "<%", "%>", "<#", "#>");

    private Templates() {
    }

    /** Renders {@code name} (relative to {@link #ROOT}, e.g. "terraform/main.tf.peb") with {@code context}. */
    static String render(String name, Map<String, Object> context) {
        PebbleTemplate t = (name.startsWith("terraform/") ? BRACES : ANGLES).getTemplate(name);
        StringWriter out = new StringWriter();
        try {
            t.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static PebbleEngine engine(Syntax syntax, String execOpen, String execClose, String commentOpen, String commentClose) {
        return new PebbleEngine.Builder()
                .syntax(syntax)
                .loader(new TagLineLoader(tagLine(execOpen, execClose, commentOpen, commentClose)))
                .autoEscaping(false)
                .newLineTrimming(false)
                .strictVariables(true)
                .extension(new AbstractExtension() {
                    @Override
                    public Map<String, Filter> getFilters() {
                        return Map.of(
                                "hcl", filter(Hcl::str),
                                "tag", filter(Hcl::tagValue),
                                "comment", filter(Hcl::comment),
                                "line", filter(Hcl::singleLine),
                                "yaml", filter(ConfigFiles::q),
                                "promql", filter(ConfigFiles::promqlString),
                                "md", filter(ReadmeFiles::md),
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
    }

    /** A line of only block tags or comments between optional blanks: of it only the tags are kept (no blanks, no newline). */
    private static Pattern tagLine(String execOpen, String execClose, String commentOpen, String commentClose) {
        String tag = "(?:" + tag(execOpen, execClose) + "|" + tag(commentOpen, commentClose) + ")";
        return Pattern.compile("(?m)^[ \\t]*(" + tag + "(?:[ \\t]*" + tag + ")*)[ \\t]*\\n");
    }

    /** open, anything on the line but close, close. */
    private static String tag(String open, String close) {
        return Pattern.quote(open) + "(?:(?!" + Pattern.quote(close) + ")[^\\n])*" + Pattern.quote(close);
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

    /** Loads templates from the class path and drops what the lines holding only block tags would write (see above). */
    private static final class TagLineLoader extends ClasspathLoader {
        private final Pattern tagLine;

        TagLineLoader(Pattern tagLine) {
            super(Templates.class.getClassLoader());
            this.tagLine = tagLine;
            setPrefix(ROOT);
            setCharset("UTF-8");
        }

        @Override
        public Reader getReader(String templateName) {
            try (Reader r = super.getReader(templateName)) {
                StringWriter w = new StringWriter();
                r.transferTo(w);
                return new StringReader(tagLine.matcher(w.toString()).replaceAll("$1"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
