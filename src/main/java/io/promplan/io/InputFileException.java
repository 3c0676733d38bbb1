package io.promplan.io;

/**
 * An input file (scenario, price snapshot, offer file) that cannot be used: names the file, the line (0 when unknown), the field and
 * what is allowed, in one line.
 */
public final class InputFileException extends Exception {
    private final String file;
    private final int line;
    private final String field;
    private final String detail;

    public InputFileException(String file, int line, String field, String detail) {
        super(format(file, line, field, detail));
        this.file = file;
        this.line = line;
        this.field = field;
        this.detail = detail;
    }

    public InputFileException(String file, int line, String field, String detail, Throwable cause) {
        super(format(file, line, field, detail), cause);
        this.file = file;
        this.line = line;
        this.field = field;
        this.detail = detail;
    }

    private static String format(String file, int line, String field, String detail) {
        // Input echoed in a message (a file name, a key, a value) is escaped and cut, so that a message stays one readable line.
        return Texts.shown(file, 300) + (line > 0 ? ":" + line : "") + ": " + (field == null || field.isEmpty() ? "" : Texts.shown(field, 200) + ": ")
                + Texts.shown(detail, 1000);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}
