package io.promplan.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario files opened or saved last, newest first, kept in a small text file (one path a line,
 * written atomically). A store that cannot be read or written only loses the list, never the work.
 */
public final class RecentFiles {
    public static final int MAX = 8;
    private final Path store;
    private final List<Path> files = new ArrayList<>();

    public RecentFiles(Path store) {
        this.store = store;
        if (store != null && Files.isRegularFile(store)) {
            try {
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && files.size() < MAX) {
                        files.add(Path.of(line.trim()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                files.clear();
            }
        }
    }

    /** ~/.promplan/recent-files.txt */
    public static RecentFiles inUserHome() {
        return new RecentFiles(Path.of(System.getProperty("user.home"), ".promplan", "recent-files.txt"));
    }

    public List<Path> list() {
        return List.copyOf(files);
    }

    /** Puts a file first; returns false when the list could not be stored (the list in memory is still updated). */
    public boolean add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        files.remove(p);
        files.add(0, p);
        while (files.size() > MAX) {
            files.remove(files.size() - 1);
        }
        return save();
    }

    public boolean remove(Path file) {
        files.remove(file.toAbsolutePath().normalize());
        return save();
    }

    private boolean save() {
        if (store == null) {
            return true;
        }
        try {
            io.promplan.io.AtomicFiles.writeString(store, String.join("\n", files.stream().map(Path::toString).toList()) + "\n");
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
