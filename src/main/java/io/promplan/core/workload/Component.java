package io.promplan.core.workload;

import java.util.Arrays;
import java.util.Optional;

/** A task of the monitoring stack. */
public enum Component {
    PROMETHEUS("prometheus"), GRAFANA("grafana"), CLOUDWATCH_EXPORTER("cloudwatch-exporter"), ALERTMANAGER("alertmanager");

    private final String key;

    Component(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Component> parse(String s) {
        return Arrays.stream(values()).filter(c -> c.key.equals(s) || c.name().equalsIgnoreCase(s)
                || c.key.replace("-", "").equalsIgnoreCase(s)).findFirst();
    }
}
