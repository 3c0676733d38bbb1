package io.promplan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, finding 8: atomic writes keep the mode of a replaced file and give a new one the umask's mode. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private Set<PosixFilePermission> modeOfANewFile() throws IOException {
        Path probe = dir.resolve("probe");
        Files.newOutputStream(probe).close();
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        return p;
    }

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void aNewFileFollowsTheUmaskNotAForced600() throws IOException {
        Set<PosixFilePermission> expected = modeOfANewFile();
        Path f = dir.resolve("report.md");
        AtomicFiles.writeString(f, "new");
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(expected);
        assertThat(f).hasContent("new");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void aReplacedFileKeepsItsMode() throws IOException {
        for (String mode : new String[] {"rw-rw-r--", "rw-r-----", "rwxr-xr-x"}) {
            Path f = dir.resolve("file-" + mode);
            Files.writeString(f, "old");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
            AtomicFiles.writeString(f, "new");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo(mode);
            assertThat(f).hasContent("new");
        }
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = dir.resolve("real.md");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), real);
        AtomicFiles.writeString(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
    }

    @Test
    void aFolderOrAFileInThePathIsRefusedWithItsCause() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.md"));
        assertThatThrownBy(() -> AtomicFiles.writeString(folder, "x")).isInstanceOf(FileSystemException.class).hasMessageContaining("is a folder");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> AtomicFiles.writeString(file.resolve("sub/out.md"), "x")).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("is a file, not a folder");
        assertThat(file).hasContent("x");
    }

    @Test
    void temporaryFilesOfAKilledWriteAreRemovedOnceStale() throws IOException {
        Path f = dir.resolve("prices.json");
        Path stale = Files.writeString(dir.resolve(".prices.json.abc123.tmp"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(2 * 3600)));
        Path fresh = Files.writeString(dir.resolve(".prices.json.def456.tmp"), "being written by another process");
        AtomicFiles.writeString(f, "{}");
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(f).hasContent("{}");
    }
}
