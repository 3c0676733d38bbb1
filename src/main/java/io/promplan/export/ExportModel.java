package io.promplan.export;

import io.promplan.core.plan.Plan;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.workload.FargateSizes;
import io.promplan.core.sizing.SizingModel;
import io.promplan.core.sizing.StorageSizing;
import io.promplan.core.sizing.ThanosComponent;
import io.promplan.core.sizing.ThanosComponentSizing;
import io.promplan.core.sizing.ThanosResult;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.StorageBackend;
import io.promplan.core.workload.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What every generator needs, derived once from the plan: names, shards, sized values, storage flags. */
final class ExportModel {
    /** Cloud Map namespace every task and scraped service registers in. */
    static final String NAMESPACE = "monitoring.internal";
    /** Port the monitored services serve /metrics on (the plan's 9090). */
    static final int METRICS_PORT = 9090;
    /** Uid of the Grafana datasource that is Thanos Query (storage: thanos-s3). */
    static final String THANOS_QUERY_UID = "thanos-query";
    static final Set<String> RESERVED = Set.of("prometheus", "grafana", "cloudwatch-exporter", "alertmanager");
    /** Valid CloudWatch Logs retention values. */
    static final int[] LOG_RETENTIONS = {1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653};

    /** One monitored service: its name in the scenario, its DNS label, the shard that scrapes it. */
    record Svc(String name, String slug, String shardKey) {
        String job() {
            return "service-" + slug;
        }

        String host() {
            return slug + "." + NAMESPACE;
        }
    }

    /**
     * One Prometheus server: key ("prometheus", "prometheus-2"), Terraform name, sizing, and its own disk: the samples/s
     * it ingests, the GiB the model needs for its share of the samples, the volume to provision (whole GiB) and its
     * --storage.tsdb.retention.size (85 % of that volume, in whole MiB).
     */
    record Shard(ComponentSizing sizing, String key, String tf, int index, List<Svc> services, double samplesPerSecond,
                 double neededGiB, int volumeGiB, long retentionSizeMiB) {
        String retentionSizeFlag() {
            return ExportModel.sizeFlag(retentionSizeMiB);
        }

        String configFile() {
            return "configs/" + key + ".yml";
        }

        String host() {
            return key + "." + NAMESPACE;
        }

        String datasourceUid() {
            return key;
        }

        String datasourceName() {
            return index == 1 ? "Prometheus" : "Prometheus (" + key + ")";
        }
    }

    final Plan plan;
    final Workload w;
    final String environment;
    final List<Svc> services = new ArrayList<>();
    final List<Shard> shards = new ArrayList<>();
    final ComponentSizing grafana;
    final ComponentSizing exporter;
    final ComponentSizing alertmanager;
    final StorageSizing storage;
    final StorageBackend backend;
    final int logRetentionDays;
    /** What the export itself warns about (beyond the plan's warnings): shown in the README and passed to the caller. */
    final List<String> warnings = new ArrayList<>();

    ExportModel(Plan plan, String environment) throws ExportException {
        this.plan = plan;
        this.w = plan.scenario().workload();
        this.environment = environment;
        this.storage = plan.sizing().storage();
        this.backend = storage.backend();
        if (!environment.matches("[a-z][a-z0-9-]{0,15}")) {
            throw new ExportException("environment '" + environment + "': use 1-16 lower-case letters, digits or '-', starting with a letter");
        }
        List<ComponentSizing> proms = plan.sizing().all(Component.PROMETHEUS);
        if (proms.isEmpty()) {
            throw new ExportException("the plan has no Prometheus server to export");
        }
        this.grafana = plan.sizing().component(Component.GRAFANA)
                .orElseThrow(() -> new ExportException("the plan has no Grafana task to export"));
        this.exporter = plan.sizing().component(Component.CLOUDWATCH_EXPORTER)
                .orElseThrow(() -> new ExportException("the plan has no CloudWatch Exporter task to export"));
        this.alertmanager = w.alertmanager() ? plan.sizing().component(Component.ALERTMANAGER)
                .orElseThrow(() -> new ExportException("alertmanager: true but the plan sized no Alertmanager task")) : null;
        for (ComponentSizing c : plan.sizing().components()) {
            if (!FargateSizes.isValid(c.size())) {
                throw new ExportException(c.displayName() + ": " + c.size().cpuUnits() + " CPU units / " + c.size().memoryMiB()
                        + " MiB is not a valid Fargate task size; pin a valid size in the scenario (see promplan plan --explain)");
            }
        }
        Map<String, String> slugToName = new HashMap<>();
        Map<String, String> shardOf = new LinkedHashMap<>();
        int i = 0;
        for (ComponentSizing p : proms) {
            i++;
            String key = i == 1 ? "prometheus" : "prometheus-" + i;
            for (String s : p.services()) {
                shardOf.put(s, key);
            }
        }
        for (var spec : w.services()) {
            String slug = slug(spec.name());
            if (slug.isEmpty()) {
                throw new ExportException("services: '" + spec.name() + "' has no letter or digit to name its Cloud Map service and scrape job; rename it");
            }
            if (RESERVED.contains(slug) || slug.matches("prometheus-\\d+")) {
                throw new ExportException("services: '" + spec.name() + "' would share the Cloud Map name '" + slug
                        + "' with a task of the monitoring stack; rename the service");
            }
            String prev = slugToName.putIfAbsent(slug, spec.name());
            if (prev != null) {
                throw new ExportException("services: '" + prev + "' and '" + spec.name() + "' both become the Cloud Map name '" + slug
                        + "'; give the services distinct names");
            }
            String key = shardOf.getOrDefault(spec.name(), "prometheus");
            services.add(new Svc(spec.name(), slug, key));
        }
        double[] samples = shardSamples(proms.size());
        double totalSamples = java.util.Arrays.stream(samples).sum();
        i = 0;
        for (ComponentSizing p : proms) {
            i++;
            String key = i == 1 ? "prometheus" : "prometheus-" + i;
            List<Svc> mine = services.stream().filter(s -> s.shardKey().equals(key)).toList();
            double share = proms.size() == 1 || totalSamples <= 0 ? 1.0 / proms.size() : samples[i - 1] / totalSamples;
            double needed = storage.neededGiB() * share;
            int volume = proms.size() == 1 || storage.pinned() ? volumeGiB()
                    : (int) Math.max(1, Math.ceil(needed / SizingModel.VOLUME_FILL - 1e-9));
            long retentionMiB = proms.size() == 1 || storage.pinned() ? retentionSizeMiB()
                    : (long) Math.floor(Math.floor(volume * SizingModel.VOLUME_FILL * 100) / 100 * 1024 + 1e-6);
            Shard shard = new Shard(p, key, key.replace('-', '_'), i, mine, samples[i - 1], needed, volume, retentionMiB);
            shards.add(shard);
            String who = proms.size() == 1 ? "" : " (server " + key + ")";
            if (taskDisk() && volume > SizingModel.EPHEMERAL_MAX_GIB) {
                throw new ExportException(thanos() ? "thanos.localStorage: ephemeral needs " + volume + " GiB" + who + " but a Fargate task has at most "
                        + (int) SizingModel.EPHEMERAL_MAX_GIB + " GiB of ephemeral storage; use thanos.localStorage: ebs, or a shorter thanos.localRetention"
                        : "storage: " + backend.key() + " needs " + volume + " GiB" + who + " but a Fargate task has at most "
                        + (int) SizingModel.EPHEMERAL_MAX_GIB + " GiB of ephemeral storage; use storage: ebs, or a shorter retention");
            }
            if (localEbs() && volume > 16384) {
                throw new ExportException("storage: an EBS gp3 volume holds at most 16384 GiB; the plan needs " + volume + " GiB" + who);
            }
        }
        this.logRetentionDays = logRetention(w.logs().retentionDays());
        if (thanos()) {
            ThanosResult r = plan.sizing().thanosResult()
                    .orElseThrow(() -> new ExportException("storage: thanos-s3 but the plan sized no Thanos components"));
            for (ThanosComponent c : List.of(ThanosComponent.QUERY, ThanosComponent.STORE_GATEWAY, ThanosComponent.COMPACTOR)) {
                ThanosComponentSizing s = r.component(c)
                        .orElseThrow(() -> new ExportException("storage: thanos-s3 but the plan sized no " + c.key() + " task"));
                if (!FargateSizes.isValid(s.size())) {
                    throw new ExportException(c.key() + ": " + s.size().cpuUnits() + " CPU units / " + s.size().memoryMiB()
                            + " MiB is not a valid Fargate task size");
                }
            }
            double scratch = r.compactorScratchGiB();
            if (scratch > FARGATE_EPHEMERAL_MAX_GIB) {
                warnings.add("the Thanos compactor needs about " + fmt(Math.ceil(scratch)) + " GiB of scratch disk but a Fargate task has at most "
                        + FARGATE_EPHEMERAL_MAX_GIB + " GiB of ephemeral storage: it gets " + FARGATE_EPHEMERAL_MAX_GIB
                        + " GiB, and the largest compactions (of 2-week blocks) may run out of disk; consider a compactor with a larger volume (EC2 or an EBS volume).");
            }
        }
    }

    /**
     * Samples/s each Prometheus server ingests, as the sizing model splits them: its services' targets x (series per
     * target + 5 meta-series) and its own series at the scrape interval; the first server also scrapes the CloudWatch
     * Exporter (at the exporter's interval) and Alertmanager. Their sum is the plan's samples/s.
     */
    private double[] shardSamples(int n) {
        double interval = w.scrapeInterval().seconds();
        double[] out = new double[n];
        double self = plan.sizing().coefficients().prometheusSelfSeries() + SizingModel.META_SERIES_PER_TARGET;
        Map<String, io.promplan.core.workload.ServiceSpec> byName = new HashMap<>();
        w.services().forEach(spec -> byName.put(spec.name(), spec));
        List<ComponentSizing> proms = plan.sizing().all(Component.PROMETHEUS);
        for (int i = 0; i < n; i++) {
            double series = self;
            for (String name : proms.get(i).services()) {
                var spec = byName.get(name);
                if (spec != null) {
                    series += spec.targets() * (spec.seriesPerTarget() + SizingModel.META_SERIES_PER_TARGET);
                }
            }
            out[i] = series / interval;
        }
        double am = w.alertmanager() ? SizingModel.ALERTMANAGER_SERIES + SizingModel.META_SERIES_PER_TARGET : 0;
        out[0] += am / interval + plan.sizing().exporterSeries() / (double) w.exporter().scrapeInterval().seconds();
        return out;
    }

    static int logRetention(int days) {
        for (int r : LOG_RETENTIONS) {
            if (r >= days) {
                return r;
            }
        }
        return LOG_RETENTIONS[LOG_RETENTIONS.length - 1];
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.length() > 50 ? s.substring(0, 50).replaceAll("-+$", "") : s;
    }

    Shard first() {
        return shards.get(0);
    }

    /** storage: thanos-s3: a Thanos sidecar beside each Prometheus, the history in S3 (the plan's ThanosResult). */
    boolean thanos() {
        return backend == StorageBackend.THANOS_S3;
    }

    /** The TSDB on the task's own ephemeral storage: ephemeral, amp-remote-write, or thanos-s3 with thanos.localStorage: ephemeral. */
    boolean taskDisk() {
        return backend == StorageBackend.EPHEMERAL || backend == StorageBackend.AMP_REMOTE_WRITE
                || (thanos() && w.thanos().localStorage() != StorageBackend.EBS);
    }

    /** The TSDB on an EBS volume attached to the task: ebs, or thanos-s3 with thanos.localStorage: ebs. */
    boolean localEbs() {
        return backend == StorageBackend.EBS || (thanos() && w.thanos().localStorage() == StorageBackend.EBS);
    }

    /** The Grafana datasource a dashboard panel about server s reads: that server's, or with Thanos the one global view. */
    String datasourceUid(Shard s) {
        return thanos() ? THANOS_QUERY_UID : s.datasourceUid();
    }

    boolean sharded() {
        return shards.size() > 1;
    }

    String region() {
        return plan.region();
    }

    boolean arm64() {
        return w.architecture().key().equals("arm64");
    }

    /** GiB of the Prometheus data volume as provisioned: whole GiB, at least 1. */
    int volumeGiB() {
        return (int) Math.max(1, Math.ceil(storage.volumeGiB() - 1e-9));
    }

    /** --storage.tsdb.retention.size in whole MiB (Prometheus's "MB" are 2^20 bytes), rounded down. */
    long retentionSizeMiB() {
        return (long) Math.floor(storage.retentionSizeGiB() * 1024 + 1e-6);
    }

    String retentionSizeFlag() {
        return sizeFlag(retentionSizeMiB());
    }

    static String sizeFlag(long mib) {
        return mib % 1024 == 0 ? (mib / 1024) + "GB" : mib + "MB";
    }

    /** GiB provisioned for Prometheus over all servers (the sum of each server's volume). */
    long totalVolumeGiB() {
        return shards.stream().mapToLong(Shard::volumeGiB).sum();
    }

    /** "120 GiB" or "prometheus 130 GiB, prometheus-2 110 GiB". */
    String volumesText() {
        if (!sharded()) {
            return first().volumeGiB() + " GiB";
        }
        return String.join(", ", shards.stream().map(s -> s.key() + " " + s.volumeGiB() + " GiB").toList());
    }

    /** The ephemeral storage each server has (at least Fargate's included 20 GiB). */
    String ephemeralText() {
        if (!sharded()) {
            return Math.max(20, ephemeralGiB()) + " GiB";
        }
        return String.join(", ", shards.stream().map(s -> s.key() + " " + Math.max(20, ephemeralGiB(s)) + " GiB").toList());
    }

    /** GiB one server stores (blocks + WAL + head chunks, its share of the plan's). */
    double storedGiB(Shard s) {
        double share = storage.neededGiB() > 0 ? s.neededGiB() / storage.neededGiB() : 1.0 / shards.size();
        return (storage.blocksGiB() + storage.walGiB() + storage.headChunksGiB()) * share;
    }

    /** GiB-month of EBS snapshots one server's daily backups keep: its stored GiB x (1 + kept days / retention days). */
    double snapshotGiBMonth(Shard s) {
        return storedGiB(s) * (1 + io.promplan.core.cost.CostModel.BACKUP_RETENTION_DAYS / Math.max(1.0, w.retention().days()));
    }

    /** True when the servers' volumes differ (each is sized from its own share of the samples). */
    boolean unevenVolumes() {
        return shards.stream().mapToInt(Shard::volumeGiB).distinct().count() > 1;
    }

    /** --storage.tsdb.retention.time: the scenario's retention, or the local retention when remote-writing or beside a Thanos sidecar. */
    String retentionTimeFlag() {
        if (thanos()) {
            return w.thanos().localRetention().text();
        }
        if (backend == StorageBackend.AMP_REMOTE_WRITE) {
            return w.storage().localRetention().compareTo(w.retention()) < 0 ? w.storage().localRetention().text() : w.retention().text();
        }
        return w.retention().text();
    }

    /** Ephemeral storage to ask for (GiB), or 0 for Fargate's included 20 GiB (the first server's). */
    int ephemeralGiB() {
        return ephemeralGiB(first());
    }

    /** Ephemeral storage one server asks for (GiB), or 0 for Fargate's included 20 GiB. */
    int ephemeralGiB(Shard s) {
        if (!taskDisk()) {
            return 0;
        }
        int v = s.volumeGiB();
        return v > SizingModel.EPHEMERAL_INCLUDED_GIB ? v : 0;
    }

    /**
     * The context every template reads (see {@link Templates}): plain maps, lists, strings, numbers and booleans, named
     * as the templates use them. The storage backend is decided here once, as the flags of {@code storage}; templates
     * branch on those ({@code {% if storage.ebs %}}) instead of comparing backend names.
     *
     * <ul>
     *   <li>{@code header}, {@code environment}, {@code region}, {@code scenarioName}, {@code namespace},
     *       {@code metricsPort}, {@code cpuArchitecture} ("X86_64" / "ARM64")</li>
     *   <li>{@code storage}: {@code key}, {@code efs}, {@code ebs}, {@code ephemeral}, {@code amp} (the backend),
     *       {@code taskDisk} (the TSDB on the task's own ephemeral storage: ephemeral or amp), {@code backup}, and
     *       prometheusGiB, grafanaGiB, retentionSize, snapshotGiBMonth (as written in comments)</li>
     *   <li>{@code logs}: retentionDays (the scenario's), retentionDaysAccepted (the CloudWatch value);
     *       {@code backupRetentionDays}</li>
     *   <li>{@code retention}: {@code time} (--storage.tsdb.retention.time), {@code text} (the scenario's)</li>
     *   <li>{@code shards} (one map per Prometheus server, see {@link #shardContext}), {@code sharded},
     *       {@code services} (one map per monitored service: name, slug, job, host, shard)</li>
     *   <li>{@code tasks}: grafana, exporter and (with {@code alertmanager} true) alertmanager: name, sizeText, cpu,
     *       memory, pinned, vcpu, memoryNeeded</li>
     * </ul>
     * A new component (say a Thanos sidecar with storage: thanos-s3) adds its flag to {@code storage}, its sizing to
     * {@code tasks} and its values here, then its templates.
     */
    Map<String, Object> context() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("header", header());
        c.put("environment", environment);
        c.put("region", region());
        c.put("scenarioName", plan.scenario().name().text());
        c.put("namespace", NAMESPACE);
        c.put("metricsPort", METRICS_PORT);
        c.put("cpuArchitecture", arm64() ? "ARM64" : "X86_64");
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("key", backend.key());
        st.put("efs", backend == StorageBackend.EFS);
        st.put("ebs", localEbs());
        st.put("ephemeral", backend == StorageBackend.EPHEMERAL);
        st.put("amp", backend == StorageBackend.AMP_REMOTE_WRITE);
        st.put("thanos", thanos());
        st.put("taskDisk", taskDisk());
        st.put("backup", w.storage().backup());
        st.put("prometheusGiB", fmt(storage.volumeGiB()));
        st.put("grafanaGiB", fmt(storage.grafanaGiB()));
        st.put("retentionSize", retentionSizeFlag());
        st.put("snapshotGiBMonth", fmt(Math.round(shards.stream().mapToDouble(this::snapshotGiBMonth).sum() * 100) / 100.0));
        c.put("storage", st);
        c.put("backupRetentionDays", io.promplan.core.cost.CostModel.BACKUP_RETENTION_DAYS);
        c.put("logs", Map.of("retentionDays", w.logs().retentionDays(), "retentionDaysAccepted", logRetentionDays));
        c.put("retention", Map.of("time", retentionTimeFlag(), "text", w.retention().text()));
        c.put("sharded", sharded());
        c.put("shards", shards.stream().map(this::shardContext).toList());
        c.put("services", services.stream().map(ExportModel::serviceContext).toList());
        c.put("alertmanager", alertmanager != null);
        Map<String, Object> tasks = new LinkedHashMap<>();
        tasks.put("grafana", taskContext(grafana));
        tasks.put("exporter", taskContext(exporter));
        if (alertmanager != null) {
            tasks.put("alertmanager", taskContext(alertmanager));
        }
        c.put("tasks", tasks);
        if (thanos()) {
            c.put("thanos", thanosContext());
        }
        return c;
    }

    /** Fargate ephemeral storage: 20 GiB included, at most 200 GiB. */
    static final int FARGATE_EPHEMERAL_MAX_GIB = 200;

    /**
     * With storage: thanos-s3: {@code image}, {@code retentionRaw}, {@code retention5m}, {@code retention1h} (the compactor's
     * flags), {@code localRetention}, {@code localStorage}, {@code longestRetentionDays}, {@code backstopDays} (the bucket's
     * lifecycle expiration), {@code noncurrentDays}, {@code headLossHours}, {@code sidecar}, {@code query}, {@code store},
     * {@code compact} (each sized as in {@code tasks}), {@code compactorScratchGiB}, {@code compactEphemeralGiB} (0: the
     * included 20 GiB), {@code storeDiskGiB}, {@code storeEphemeralGiB}, {@code steadyStateGiB}, {@code grpcPort}, {@code httpPort}.
     */
    Map<String, Object> thanosContext() {
        var spec = w.thanos();
        ThanosResult r = plan.sizing().thanosResult().orElseThrow();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("image", THANOS_IMAGE);
        t.put("retentionRaw", spec.retentionRaw().text());
        t.put("retention5m", spec.retention5m().text());
        t.put("retention1h", spec.retention1h().text());
        t.put("localRetention", spec.localRetention().text());
        t.put("localStorage", spec.localStorage() == StorageBackend.EBS ? "ebs" : "ephemeral");
        long longest = (long) Math.ceil(Math.max(spec.retentionRaw().days(), Math.max(spec.retention5m().days(), spec.retention1h().days())) - 1e-9);
        t.put("longestRetentionDays", longest);
        t.put("backstopDays", longest + BACKSTOP_MARGIN_DAYS);
        t.put("backstopMarginDays", BACKSTOP_MARGIN_DAYS);
        t.put("noncurrentDays", NONCURRENT_DAYS);
        t.put("headLossHours", fmt(Math.round(r.headLossHours() * 10) / 10.0));
        t.put("sidecar", thanosTask(r, ThanosComponent.SIDECAR));
        t.put("query", thanosTask(r, ThanosComponent.QUERY));
        t.put("store", thanosTask(r, ThanosComponent.STORE_GATEWAY));
        t.put("compact", thanosTask(r, ThanosComponent.COMPACTOR));
        t.put("compactorScratchGiB", fmt(Math.round(r.compactorScratchGiB() * 10) / 10.0));
        t.put("compactEphemeralGiB", thanosEphemeralGiB(r.compactorScratchGiB()));
        t.put("storeDiskGiB", fmt(Math.round(r.storeGatewayDiskGiB() * 10) / 10.0));
        t.put("storeEphemeralGiB", thanosEphemeralGiB(r.storeGatewayDiskGiB()));
        t.put("steadyStateGiB", fmt(Math.round(r.steadyStateGiB() * 10) / 10.0));
        t.put("grpcPort", THANOS_GRPC_PORT);
        t.put("httpPort", THANOS_HTTP_PORT);
        return t;
    }

    static final String THANOS_IMAGE = "quay.io/thanos/thanos:v0.39.2";
    static final int THANOS_GRPC_PORT = 10901;
    static final int THANOS_HTTP_PORT = 10902;
    /** Days the bucket's backstop expiration waits past the longest retention (the compactor deletes first). */
    static final int BACKSTOP_MARGIN_DAYS = 14;
    /** Days a replaced or deleted object version is kept (recovery from a mistaken delete). */
    static final int NONCURRENT_DAYS = 7;

    /** Ephemeral storage to ask for a disk of {@code gib} (as the plan sizes and prices it): 0 for the included 20 GiB, else whole GiB, at most 200. */
    static int thanosEphemeralGiB(double gib) {
        int v = (int) Math.ceil(gib - 1e-9);
        return v <= SizingModel.EPHEMERAL_INCLUDED_GIB ? 0 : Math.min(FARGATE_EPHEMERAL_MAX_GIB, Math.max(21, v));
    }

    private static Map<String, Object> thanosTask(ThanosResult r, ThanosComponent c) {
        ThanosComponentSizing s = r.component(c).orElseThrow();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", c.key());
        t.put("sizeText", s.size().text());
        t.put("cpu", s.size().cpuUnits());
        t.put("memory", s.size().memoryMiB());
        t.put("pinned", false);
        t.put("vcpu", fmt(Math.round(s.requiredVcpu() * 100) / 100.0));
        t.put("memoryNeeded", Math.round(s.requiredMemoryMiB()));
        t.put("tasks", s.tasks());
        return t;
    }

    /**
     * One Prometheus server: key, tf, index, configFile, host, datasourceName, datasourceUid, task (its sizing, as in {@code tasks}), volumeGiB,
     * retentionSize (the flag), ephemeralGiB (0: the included 20 GiB), samplesPerSecond and neededGiB (as written in
     * comments), services (its monitored services) and serviceNames, ephemeralDiskGiB (the disk it has, at least the
     * included 20 GiB), snapshotGiBMonth, keyPad (the spaces that align its key with the longest key: terraform fmt).
     */
    Map<String, Object> shardContext(Shard s) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("key", s.key());
        c.put("tf", s.tf());
        c.put("index", s.index());
        c.put("configFile", s.configFile());
        c.put("host", s.host());
        c.put("datasourceName", s.datasourceName());
        c.put("datasourceUid", s.datasourceUid());
        c.put("task", taskContext(s.sizing()));
        c.put("volumeGiB", s.volumeGiB());
        c.put("retentionSize", s.retentionSizeFlag());
        c.put("ephemeralGiB", ephemeralGiB(s));
        c.put("samplesPerSecond", fmt(Math.round(s.samplesPerSecond() * 10) / 10.0));
        c.put("neededGiB", fmt(Math.round(s.neededGiB() * 100) / 100.0));
        c.put("services", s.services().stream().map(ExportModel::serviceContext).toList());
        c.put("serviceNames", s.services().stream().map(Svc::name).toList());
        c.put("ephemeralDiskGiB", Math.max(20, ephemeralGiB(s)));
        c.put("snapshotGiBMonth", fmt(Math.round(snapshotGiBMonth(s) * 100) / 100.0));
        int width = shards.stream().mapToInt(x -> x.key().length()).max().orElse(0);
        c.put("keyPad", " ".repeat(width - s.key().length()));
        return c;
    }

    static Map<String, Object> serviceContext(Svc s) {
        return Map.of("name", s.name(), "slug", s.slug(), "job", s.job(), "host", s.host(), "shard", s.shardKey());
    }

    static Map<String, Object> taskContext(ComponentSizing c) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", c.displayName());
        t.put("sizeText", c.size().text());
        t.put("cpu", c.size().cpuUnits());
        t.put("memory", c.size().memoryMiB());
        t.put("pinned", c.pinned());
        t.put("vcpu", fmt(c.requiredVcpu()));
        t.put("memoryNeeded", Math.round(c.requiredMemoryMiB()));
        return t;
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(Math.round(d * 100) / 100.0);
    }

    /**
     * The one-line header every generated file carries in a comment (# in HCL and YAML). The scenario name is user text:
     * control characters and line separators become spaces, so it cannot end the comment and start a line of its own.
     */
    String header() {
        return Hcl.singleLine("scenario \"" + plan.scenario().name().text() + "\"; prices: snapshot " + plan.priceSnapshot() + " as of " + plan.pricesAsOf()
                + "; region " + region() + "; generated by promplan export");
    }
}
