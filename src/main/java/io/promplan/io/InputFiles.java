package io.promplan.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads an input file (scenario, price snapshot) through a size limit: only a regular file (after
 * following symbolic links) is opened, so a folder, a device such as {@code /dev/zero} or a FIFO is
 * refused without blocking; a file above the limit is refused by its size and, should it grow while
 * read, by the bytes actually read. The text must be UTF-8. Every refusal is an {@link InputFileException}
 * naming the file and the cause.
 */
public final class InputFiles {
    /** Scenario files: a few MB is far more than any real scenario (the shipped ones are ~10 KB). */
    public static final long SCENARIO_LIMIT = 2L * 1024 * 1024;
    /** Price snapshots: every region of the Price List fits in well under this (one region is ~90 KB). */
    public static final long SNAPSHOT_LIMIT = 16L * 1024 * 1024;

    private InputFiles() {
    }

    /**
     * The file's text.
     *
     * @param what what the file should be ("a scenario file (YAML)"), for the message on a special file
     */
    public static String readText(Path file, long limit, String what) throws InputFileException {
        String name = file.toString();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputFileException(name, 0, "", "no such file");
        } catch (IOException e) {
            throw new InputFileException(name, 0, "", "cannot be read: " + Texts.reason(e));
        }
        if (a.isDirectory()) {
            throw new InputFileException(name, 0, "", "is a folder; give " + what);
        }
        if (!a.isRegularFile()) {
            throw new InputFileException(name, 0, "", "is not a regular file (a device, pipe or socket); give " + what);
        }
        if (a.size() > limit) {
            throw tooLarge(name, a.size(), limit);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
        } catch (IOException e) {
            throw new InputFileException(name, 0, "", "cannot be read: " + Texts.reason(e));
        }
        if (bytes.length > limit) {
            throw tooLarge(name, bytes.length, limit);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputFileException(name, 0, "", "is not UTF-8 text");
        }
    }

    /**
     * Checks, without opening it, that a file another library will read is a regular file (after symbolic links) of at
     * most {@code limit} bytes.
     */
    public static void readAttributesOf(Path file, long limit, String what) throws InputFileException {
        String name = file.toString();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputFileException(name, 0, "", "no such file");
        } catch (IOException e) {
            throw new InputFileException(name, 0, "", "cannot be read: " + Texts.reason(e));
        }
        if (!a.isRegularFile()) {
            throw new InputFileException(name, 0, "", (a.isDirectory() ? "is a folder" : "is not a regular file (a device, pipe or socket)") + "; give " + what);
        }
        if (a.size() > limit) {
            throw tooLarge(name, a.size(), limit);
        }
        if (!Files.isReadable(file)) {
            throw new InputFileException(name, 0, "", "cannot be read: permission denied");
        }
    }

    private static InputFileException tooLarge(String name, long size, long limit) {
        return new InputFileException(name, 0, "", "is " + size + " bytes; allowed: up to " + size(limit) + " for this kind of file");
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
