package io.promplan.core.workload;

import java.util.Arrays;
import java.util.Optional;

/** CPU architecture of the Fargate tasks. */
public enum Architecture {
    X86_64("x86_64"), ARM64("arm64");

    private final String key;

    Architecture(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Architecture> parse(String s) {
        return Arrays.stream(values()).filter(a -> a.key.equalsIgnoreCase(s == null ? "" : s.trim())).findFirst();
    }

    public static String allowed() {
        return "x86_64 | arm64";
    }
}
