package io.promplan.export;

/** Progress of writing an export: {@code done} of {@code total} files, the file just written. */
@FunctionalInterface
public interface ExportProgress {
    ExportProgress NONE = (done, total, path) -> { };

    void update(int done, int total, String path);
}
