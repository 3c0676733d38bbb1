package io.promplan.export;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The files of one export: relative path (forward slashes) to content, in path order. */
public record ExportBundle(String scenarioName, SortedMap<String, String> files) {
    public ExportBundle {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public String file(String path) {
        String s = files.get(path);
        if (s == null) {
            throw new IllegalArgumentException("no file " + path + " in the export");
        }
        return s;
    }
}
