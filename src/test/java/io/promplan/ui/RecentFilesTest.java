package io.promplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {
    @TempDir
    Path dir;

    @Test
    void newestFirstWithoutDuplicatesKeptAcrossRestarts() {
        Path store = dir.resolve("state/recent.txt");
        RecentFiles r = new RecentFiles(store);
        for (int i = 0; i < RecentFiles.MAX + 3; i++) {
            assertThat(r.add(dir.resolve("s" + i + ".yaml"))).isTrue();
        }
        r.add(dir.resolve("s5.yaml"));
        assertThat(r.list()).hasSize(RecentFiles.MAX).first().isEqualTo(dir.resolve("s5.yaml").toAbsolutePath().normalize());
        assertThat(r.list()).doesNotHaveDuplicates();
        assertThat(new RecentFiles(store).list()).isEqualTo(r.list());
        r.remove(dir.resolve("s5.yaml"));
        assertThat(new RecentFiles(store).list()).doesNotContain(dir.resolve("s5.yaml").toAbsolutePath().normalize());
    }

    @Test
    void aStoreThatCannotBeWrittenLosesOnlyTheList() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        RecentFiles r = new RecentFiles(blocker.resolve("recent.txt"));
        assertThat(r.add(dir.resolve("a.yaml"))).isFalse();
        assertThat(r.list()).hasSize(1);
    }
}
