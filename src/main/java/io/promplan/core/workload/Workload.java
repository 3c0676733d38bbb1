package io.promplan.core.workload;

import io.promplan.core.units.TimeSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The workload a user describes. The shorthand (serviceCount x metricsPerService x seriesPerMetric)
 * describes identical services; {@code serviceOverrides} replaces the first services with their own
 * figures (fields left 0 take the shorthand's).
 */
public record Workload(
        String region,
        Architecture architecture,
        int serviceCount,
        int metricsPerService,
        double seriesPerMetric,
        int targetsPerService,
        double histogramShare,
        int histogramBuckets,
        List<ServiceSpec> serviceOverrides,
        TimeSpan scrapeInterval,
        TimeSpan retention,
        StorageSpec storage,
        boolean alertmanager,
        Map<Component, FargateSize> pinned,
        GrafanaSpec grafana,
        int alertRules,
        LogsSpec logs,
        ExporterSpec exporter,
        double extraDataTransferOutGb,
        SizingOptions sizing,
        NetworkSpec network,
        String prometheusVersion,
        ThanosSpec thanos) {

    /** The Prometheus version a plan is for when the scenario does not say (ScenarioSchema's default). */
    public static final String DEFAULT_PROMETHEUS_VERSION = io.promplan.core.workload.schema.ScenarioSchema.DEFAULT_PROMETHEUS_VERSION;

    public Workload {
        network = network == null ? NetworkSpec.defaults() : network;
        prometheusVersion = prometheusVersion == null ? DEFAULT_PROMETHEUS_VERSION : prometheusVersion;
        serviceOverrides = List.copyOf(serviceOverrides);
        Map<Component, FargateSize> p = new EnumMap<>(Component.class);
        p.putAll(pinned);
        pinned = Collections.unmodifiableMap(p);
    }

    /** A workload without a {@code thanos:} block (its defaults apply: {@link #thanos()}). */
    public Workload(String region, Architecture architecture, int serviceCount, int metricsPerService, double seriesPerMetric,
                    int targetsPerService, double histogramShare, int histogramBuckets, List<ServiceSpec> serviceOverrides,
                    TimeSpan scrapeInterval, TimeSpan retention, StorageSpec storage, boolean alertmanager, Map<Component, FargateSize> pinned,
                    GrafanaSpec grafana, int alertRules, LogsSpec logs, ExporterSpec exporter, double extraDataTransferOutGb,
                    SizingOptions sizing, NetworkSpec network, String prometheusVersion) {
        this(region, architecture, serviceCount, metricsPerService, seriesPerMetric, targetsPerService, histogramShare, histogramBuckets,
                serviceOverrides, scrapeInterval, retention, storage, alertmanager, pinned, grafana, alertRules, logs, exporter,
                extraDataTransferOutGb, sizing, network, prometheusVersion, null);
    }

    /** The {@code thanos:} block: as written, or its defaults (every resolution kept for the retention, 6 h locally on ephemeral storage). */
    public ThanosSpec thanos() {
        return thanos != null ? thanos : ThanosSpec.defaults(retention);
    }

    /** A workload for the default Prometheus version (the form before the version was a scenario key). */
    public Workload(String region, Architecture architecture, int serviceCount, int metricsPerService, double seriesPerMetric,
                    int targetsPerService, double histogramShare, int histogramBuckets, List<ServiceSpec> serviceOverrides,
                    TimeSpan scrapeInterval, TimeSpan retention, StorageSpec storage, boolean alertmanager, Map<Component, FargateSize> pinned,
                    GrafanaSpec grafana, int alertRules, LogsSpec logs, ExporterSpec exporter, double extraDataTransferOutGb,
                    SizingOptions sizing, NetworkSpec network) {
        this(region, architecture, serviceCount, metricsPerService, seriesPerMetric, targetsPerService, histogramShare, histogramBuckets,
                serviceOverrides, scrapeInterval, retention, storage, alertmanager, pinned, grafana, alertRules, logs, exporter,
                extraDataTransferOutGb, sizing, network, DEFAULT_PROMETHEUS_VERSION);
    }

    /** The services, shorthand and overrides resolved. */
    public List<ServiceSpec> services() {
        List<ServiceSpec> out = new ArrayList<>();
        for (int i = 0; i < serviceCount; i++) {
            ServiceSpec base = new ServiceSpec("service-" + (i + 1), metricsPerService, seriesPerMetric, targetsPerService,
                    histogramShare, histogramBuckets);
            if (i < serviceOverrides.size()) {
                ServiceSpec o = serviceOverrides.get(i);
                base = new ServiceSpec(
                        o.name() == null || o.name().isBlank() ? base.name() : o.name(),
                        o.metrics() > 0 ? o.metrics() : base.metrics(),
                        o.seriesPerMetric() > 0 ? o.seriesPerMetric() : base.seriesPerMetric(),
                        o.targets() > 0 ? o.targets() : base.targets(),
                        o.histogramShare() >= 0 ? o.histogramShare() : base.histogramShare(),
                        o.histogramBuckets() > 0 ? o.histogramBuckets() : base.histogramBuckets());
            }
            out.add(base);
        }
        return out;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a copy field by field: for the UI, sweeps and tests. */
    public static final class Builder {
        private String region;
        private Architecture architecture;
        private int serviceCount;
        private int metricsPerService;
        private double seriesPerMetric;
        private int targetsPerService;
        private double histogramShare;
        private int histogramBuckets;
        private List<ServiceSpec> serviceOverrides;
        private TimeSpan scrapeInterval;
        private TimeSpan retention;
        private StorageSpec storage;
        private boolean alertmanager;
        private Map<Component, FargateSize> pinned;
        private GrafanaSpec grafana;
        private int alertRules;
        private LogsSpec logs;
        private ExporterSpec exporter;
        private double extraDataTransferOutGb;
        private SizingOptions sizing;
        private NetworkSpec network;
        private String prometheusVersion;
        private ThanosSpec thanos;

        private Builder(Workload w) {
            region = w.region;
            architecture = w.architecture;
            serviceCount = w.serviceCount;
            metricsPerService = w.metricsPerService;
            seriesPerMetric = w.seriesPerMetric;
            targetsPerService = w.targetsPerService;
            histogramShare = w.histogramShare;
            histogramBuckets = w.histogramBuckets;
            serviceOverrides = w.serviceOverrides;
            scrapeInterval = w.scrapeInterval;
            retention = w.retention;
            storage = w.storage;
            alertmanager = w.alertmanager;
            pinned = w.pinned;
            grafana = w.grafana;
            alertRules = w.alertRules;
            logs = w.logs;
            exporter = w.exporter;
            extraDataTransferOutGb = w.extraDataTransferOutGb;
            sizing = w.sizing;
            network = w.network;
            prometheusVersion = w.prometheusVersion;
            thanos = w.thanos;
        }

        public Builder region(String v) { region = v; return this; }
        public Builder architecture(Architecture v) { architecture = v; return this; }
        public Builder serviceCount(int v) { serviceCount = v; return this; }
        public Builder metricsPerService(int v) { metricsPerService = v; return this; }
        public Builder seriesPerMetric(double v) { seriesPerMetric = v; return this; }
        public Builder targetsPerService(int v) { targetsPerService = v; return this; }
        public Builder histogramShare(double v) { histogramShare = v; return this; }
        public Builder histogramBuckets(int v) { histogramBuckets = v; return this; }
        public Builder serviceOverrides(List<ServiceSpec> v) { serviceOverrides = v; return this; }
        public Builder scrapeInterval(TimeSpan v) { scrapeInterval = v; return this; }
        public Builder retention(TimeSpan v) { retention = v; return this; }
        public Builder storage(StorageSpec v) { storage = v; return this; }
        public Builder storageBackend(StorageBackend b) {
            storage = new StorageSpec(b, storage.prometheusGiB(), storage.grafanaGiB(), storage.localRetention(), storage.backup());
            return this;
        }
        public Builder alertmanager(boolean v) { alertmanager = v; return this; }
        public Builder pinned(Map<Component, FargateSize> v) { pinned = v; return this; }
        public Builder grafana(GrafanaSpec v) { grafana = v; return this; }
        public Builder alertRules(int v) { alertRules = v; return this; }
        public Builder logs(LogsSpec v) { logs = v; return this; }
        public Builder exporter(ExporterSpec v) { exporter = v; return this; }
        public Builder extraDataTransferOutGb(double v) { extraDataTransferOutGb = v; return this; }
        public Builder sizing(SizingOptions v) { sizing = v; return this; }
        public Builder network(NetworkSpec v) { network = v; return this; }
        public Builder prometheusVersion(String v) { prometheusVersion = v; return this; }
        public Builder thanos(ThanosSpec v) { thanos = v; return this; }

        public Workload build() {
            return new Workload(region, architecture, serviceCount, metricsPerService, seriesPerMetric, targetsPerService,
                    histogramShare, histogramBuckets, serviceOverrides, scrapeInterval, retention, storage, alertmanager,
                    pinned, grafana, alertRules, logs, exporter, extraDataTransferOutGb, sizing, network, prometheusVersion, thanos);
        }
    }
}
