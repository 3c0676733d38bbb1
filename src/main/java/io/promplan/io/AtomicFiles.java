package io.promplan.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes a file so that readers see the old content or the new one, never half of it, whatever instant the
 * process is killed at: the content goes to a temporary file beside the target ({@code .NAME.*.tmp}), is
 * forced to the disk, then renamed over the target in one step.
 *
 * <p>Permissions: a file that is replaced keeps its mode (a 664 report stays 664); a new file gets the mode
 * the umask gives any new file (not a forced 600). A symbolic link to a file is written through (the link
 * stays a link). Temporary files left by a killed write are removed by a later write of the same file once
 * they are an hour old.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration STALE = Duration.ofHours(1);

    private AtomicFiles() {
    }

    /** Bytes (a PDF, an image), the same way as {@link #writeString}. */
    public static void writeBytes(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isSymbolicLink(target) && Files.isRegularFile(target)) {
            target = target.toRealPath();
        }
        if (Files.isDirectory(target)) {
            throw new FileSystemException(file.toString(), null, "is a folder, not a file");
        }
        Path dir = target.getParent();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d)) {
                if (!Files.isDirectory(d)) {
                    throw new FileSystemException(d.toString(), null, "is a file, not a folder");
                }
                break;
            }
        }
        Files.createDirectories(dir);
        String prefix = "." + target.getFileName() + ".";
        removeStale(dir, prefix);
        Path tmp = create(dir, prefix);
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE); OutputStream os = Channels.newOutputStream(ch)) {
                os.write(content);
                os.flush();
                ch.force(true);
            }
            keepMode(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Text as UTF-8: a temporary file in the same folder, then a move over the target. */
    public static void writeString(Path file, String content) throws IOException {
        writeBytes(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A new empty file with a random name; created with the default mode, which the umask decides. */
    private static Path create(Path dir, String prefix) throws IOException {
        for (int i = 0; ; i++) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                Files.newByteChannel(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return p;
            } catch (FileAlreadyExistsException e) {
                if (i > 10) {
                    throw e;
                }
            }
        }
    }

    private static void keepMode(Path existing, Path tmp) {
        try {
            if (Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
                PosixFileAttributeView from = Files.getFileAttributeView(existing, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                PosixFileAttributeView to = Files.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                if (from != null && to != null) {
                    to.setPermissions(from.readAttributes().permissions());
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: the new file keeps the default mode
        }
    }

    /** Temporary files of this target older than an hour: left by a write that was killed. */
    private static void removeStale(Path dir, String prefix) {
        Instant before = Instant.now().minus(STALE);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp") && n.length() > prefix.length() + 4;
        })) {
            for (Path p : ds) {
                FileTime t = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && t.toInstant().isBefore(before)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover is only clutter
        }
    }
}
