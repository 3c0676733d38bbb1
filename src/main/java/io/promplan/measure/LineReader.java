package io.promplan.measure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from a stream with a fixed buffer and a cap on the length of one line, so that a
 * body of any size is read in bounded memory. Counts lines and bytes.
 */
final class LineReader {
    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int len;
    private byte[] line = new byte[256];
    private long lineNo;
    private long bytes;
    private boolean eof;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its line ending, or null at the end. */
    String next() throws IOException, ExpositionException {
        if (eof && pos >= len) {
            return null;
        }
        int n = 0;
        while (true) {
            if (pos >= len) {
                len = in.read(buf);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    eof = true;
                    if (n == 0) {
                        return null;
                    }
                    break;
                }
                bytes += len;
            }
            byte c = buf[pos++];
            if (c == '\n') {
                break;
            }
            if (n == line.length) {
                if (n >= MAX_LINE_BYTES) {
                    throw new ExpositionException(lineNo + 1, "is longer than " + (MAX_LINE_BYTES >> 20) + " MiB; not a metrics line");
                }
                line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES + 1, n * 2));
            }
            line[n++] = c;
        }
        lineNo++;
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        return new String(line, 0, n, StandardCharsets.UTF_8);
    }

    long lineNumber() {
        return lineNo;
    }

    long bytes() {
        return bytes;
    }
}
