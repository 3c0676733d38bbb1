package io.promplan.core.sizing;

/** The Thanos services sized by {@link ThanosSizing}; the sidecar runs as a second container in each Prometheus task. */
public enum ThanosComponent {
    SIDECAR("thanos-sidecar"), QUERY("thanos-query"), STORE_GATEWAY("thanos-store"), COMPACTOR("thanos-compact");

    private final String key;

    ThanosComponent(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
