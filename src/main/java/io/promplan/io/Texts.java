package io.promplan.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Text for messages: input echoed safely, and the cause of a failed file operation in words. */
public final class Texts {
    private Texts() {
    }

    /**
     * The text with every character that could change the terminal or the message's shape written as an
     * escape: control characters ({@code \n}, {@code \t}, {@code \u0007}), format characters (bidi
     * overrides, zero widths), line and paragraph separators and lone surrogates.
     */
    public static String escape(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = s.codePointAt(i);
                if (safe(cp)) {
                    b.append(c).append(s.charAt(i + 1));
                } else {
                    b.append(String.format("\\u{%x}", cp));
                }
                i++;
                continue;
            }
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (safe(c) && !Character.isSurrogate(c)) {
                        b.append(c);
                    } else {
                        b.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return b.toString();
    }

    /** Escaped and cut to {@code max} characters (with "..." when cut), for values echoed in a message. */
    public static String shown(String s, int max) {
        String e = escape(s);
        return e.length() <= max ? e : e.substring(0, Math.max(0, max - 3)) + "...";
    }

    private static boolean safe(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.PRIVATE_USE -> false;
            default -> true;
        };
    }

    /**
     * What went wrong with a file operation, in words: "permission denied", "no such file or folder",
     * "not a folder", "no space left on device", ... (the operating system's reason when it gives one).
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "something already exists there";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null && !f.getReason().isBlank()) {
            String r = f.getReason();
            return escape(Character.toLowerCase(r.charAt(0)) + r.substring(1));
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : escape(m);
    }
}
