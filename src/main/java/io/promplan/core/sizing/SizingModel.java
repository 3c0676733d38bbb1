package io.promplan.core.sizing;

import io.promplan.core.workload.FargateSizes;
import io.promplan.core.units.Hours;
import io.promplan.core.workload.CloudWatchMetric;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.FargateSize;
import io.promplan.core.workload.ServiceSpec;
import io.promplan.core.workload.StorageBackend;
import io.promplan.core.workload.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * From a workload to a sized stack.
 *
 * <p>Rules, each shown in the explanation of the figure it makes:
 * <ul>
 * <li>Active series = per service: targets x (metric names x series per metric, histograms counting
 *     buckets + _sum + _count) + 5 scrape meta-series per target (up, scrape_duration_seconds,
 *     scrape_samples_scraped, scrape_samples_post_metric_relabeling, scrape_series_added); plus
 *     Prometheus's own series, the CloudWatch Exporter's (one per metric x statistic x dimension
 *     combination, plus 80 of its JVM) and Alertmanager's (150) when enabled.</li>
 * <li>Samples/s = series / scrape interval of their job.</li>
 * <li>Prometheus memory = idle RSS + series x RSS per series + queries in flight x memory per query.</li>
 * <li>Prometheus CPU = idle + samples/s / 1000 x cores per 1k samples/s + panel queries/s x CPU seconds
 *     per query + rule evaluations/s x 0.001.</li>
 * <li>Headroom: every need is multiplied by (1 + headroom); the default 30 % keeps steady state below
 *     ~77 % of the task's limit, so that compaction and WAL replay after a restart (which need
 *     20-30 % more memory for a while) stay under the hard limit that ECS enforces by killing the
 *     task.</li>
 * <li>Floors: Prometheus and Grafana at least 0.5 vCPU / 1 GB (compaction, WAL replay and
 *     ad-hoc queries need bursts a quarter vCPU does not give; Grafana documents 512 MB and one core
 *     as its minimum); exporter and Alertmanager at least 0.25 vCPU / 0.5 GB (Fargate's smallest).</li>
 * <li>Bytes per sample: with a {@link DiskModel}, from the scrape interval of each job and the
 *     workload's histogram share ({@link DiskModel#blockBytesPerSample}, its formula in the bundles as explain.formula.blockBytesPerSample); else the calibration's flat figure.</li>
 * <li>Disk: blocks = samples/s x retention x bytes/sample; WAL = samples/s x 3 h x WAL bytes/sample;
 *     head chunks = samples/s x 2 h x bytes/sample; compaction room = the largest block (10 % of
 *     retention, at most 31 d); volume = need / 0.85; retention.size = 85 % of the volume.</li>
 * </ul>
 */
public final class SizingModel {
    public static final int META_SERIES_PER_TARGET = 5;
    public static final int EXPORTER_JVM_SERIES = 80;
    public static final int ALERTMANAGER_SERIES = 150;
    public static final double WAL_WINDOW_SECONDS = 3 * 3600;
    public static final double HEAD_WINDOW_SECONDS = 2 * 3600;
    public static final double VOLUME_FILL = 0.85;
    public static final double MAX_BLOCK_DAYS = 31;
    public static final FargateSize PROMETHEUS_FLOOR = new FargateSize(512, 1024);
    public static final FargateSize GRAFANA_FLOOR = new FargateSize(512, 1024);
    public static final FargateSize SMALL_FLOOR = new FargateSize(256, 512);
    public static final double EPHEMERAL_MAX_GIB = 200;
    public static final double EPHEMERAL_INCLUDED_GIB = 20;
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double MIB = 1024.0 * 1024;

    private final SizingCoefficients k;
    private final ThanosCoefficients thanosK = ThanosCoefficients.documented();
    private final double vcpuWeight;
    private final double gbWeight;

    /**
     * @param vcpuWeight price of a vCPU-hour in the region (0 when unknown: see {@link FargateSizes#cheapestFitting})
     * @param gbWeight   price of a GB-hour
     */
    public SizingModel(SizingCoefficients coefficients, double vcpuWeight, double gbWeight) {
        this.k = coefficients;
        this.vcpuWeight = vcpuWeight;
        this.gbWeight = gbWeight;
    }

    public Sizing size(Workload w) {
        List<SizingWarning> warnings = new ArrayList<>();
        List<Explanation> ex = new ArrayList<>();
        List<ServiceSpec> services = w.services();
        double interval = w.scrapeInterval().seconds();

        double serviceSeriesD = 0;
        double metaD = 0;
        for (ServiceSpec s : services) {
            serviceSeriesD += s.targets() * s.seriesPerTarget();
            metaD += s.targets() * META_SERIES_PER_TARGET;
        }
        long serviceSeries = Math.round(serviceSeriesD);
        long meta = Math.round(metaD);
        ServiceSpec first = services.isEmpty() ? null : services.get(0);
        ex.add(Explanation.of("serviceSeries").formula("serviceSeries")
                .in("services", services.size())
                .in("metricsPerService", first == null ? 0 : first.metrics())
                .in("seriesPerMetric", first == null ? 0 : first.seriesPerMetric())
                .in("targetsPerService", first == null ? 0 : first.targets())
                .in("histogramShare", first == null ? 0 : first.histogramShare())
                .in("histogramBuckets", first == null ? 0 : first.histogramBuckets())
                .result(serviceSeries));
        ex.add(Explanation.of("scrapeMetaSeries").formula("scrapeMetaSeries", META_SERIES_PER_TARGET)
                .in("targets", services.stream().mapToInt(ServiceSpec::targets).sum()).result(meta));

        int sc = w.serviceCount();
        long exporterCombos = w.exporter().metricsPerScrape(sc);
        long exporterSeries = exporterCombos + EXPORTER_JVM_SERIES + META_SERIES_PER_TARGET;
        ex.add(Explanation.of("exporterSeries").formula("exporterSeries", EXPORTER_JVM_SERIES)
                .in("metricStatisticCombinations", exporterCombos).result(exporterSeries));
        long amSeries = w.alertmanager() ? ALERTMANAGER_SERIES + META_SERIES_PER_TARGET : 0;
        long promSelf = k.prometheusSelfSeries() + META_SERIES_PER_TARGET;

        // Shards: decide from the whole workload first.
        double totalMainSeries = serviceSeries + meta + promSelf + amSeries;
        int shards = shardCount(w, totalMainSeries, exporterSeries, interval);
        List<List<ServiceSpec>> groups = split(services, shards);

        long selfSeries = promSelf * shards + amSeries;
        long active = serviceSeries + meta + selfSeries + exporterSeries;
        double exporterInterval = w.exporter().scrapeInterval().seconds();
        double samples = (serviceSeries + meta + selfSeries) / interval + exporterSeries / exporterInterval;
        ex.add(Explanation.of("activeSeries").formula(w.alertmanager() ? "activeSeries" : "activeSeriesWithoutAlertmanager",
                        k.prometheusSelfSeries(), ALERTMANAGER_SERIES)
                .in("serviceSeries", serviceSeries).in("metaSeries", meta).in("selfSeries", selfSeries)
                .in("exporterSeries", exporterSeries).result(active));
        ex.add(Explanation.of("samplesPerSecond").formula("samplesPerSecond")
                .in("scrapeInterval", w.scrapeInterval().text()).in("exporterScrapeInterval", w.exporter().scrapeInterval().text())
                .result(samples));

        double qps = w.grafana().queriesPerSecond();
        ex.add(Explanation.of("panelQueriesPerSecond").formula("panelQueriesPerSecond")
                .in("concurrentUsers", w.grafana().concurrentUsers()).in("panelsPerDashboard", w.grafana().panelsPerDashboard())
                .in("refreshInterval", w.grafana().refreshInterval().text()).result(qps));

        List<ComponentSizing> comps = new ArrayList<>();
        double h = 1 + w.sizing().headroomPercent() / 100.0;
        boolean thanos = w.storage().backend() == StorageBackend.THANOS_S3;
        double sidecarCpu = thanos ? thanosK.sidecarVcpu() : 0;
        double sidecarMem = thanos ? thanosK.sidecarMemoryMiB() : 0;
        for (int i = 0; i < shards; i++) {
            List<ServiceSpec> g = groups.get(i);
            double gSeries = 0;
            for (ServiceSpec s : g) {
                gSeries += s.targets() * (s.seriesPerTarget() + META_SERIES_PER_TARGET);
            }
            gSeries += promSelf;
            double gSamples = gSeries / interval;
            if (i == 0) {
                gSeries += amSeries + exporterSeries;
                gSamples += amSeries / interval + exporterSeries / exporterInterval;
            }
            comps.add(prometheus(w, shards == 1 ? 0 : i + 1, gSeries, gSamples, qps / shards, h, g, sidecarCpu, sidecarMem, warnings));
        }
        comps.add(grafana(w, h, warnings));
        comps.add(exporter(w, h, exporterCombos, warnings));
        if (w.alertmanager()) {
            comps.add(alertmanager(w, h, warnings));
        }
        double mainSamples = (serviceSeries + meta + selfSeries) / interval;
        double exporterSamples = exporterSeries / exporterInterval;
        double histSeries = 0;
        for (ServiceSpec s : services) {
            histSeries += s.targets() * s.metrics() * s.histogramShare() * s.seriesPerMetric() * (s.histogramBuckets() + 2);
        }
        double mainSeries = serviceSeries + meta + selfSeries;
        double histShare = mainSeries > 0 ? Math.min(1, histSeries / mainSeries) : 0;
        SizingCoefficients kd = diskFigures(w, mainSamples, exporterSamples, histShare, ex);
        StorageSizing storage = storage(w, kd, samples, shards, warnings);
        ThanosResult thanosResult = null;
        if (thanos) {
            double promCpu = 0;
            double promMem = 0;
            for (ComponentSizing c : comps) {
                if (c.component() == Component.PROMETHEUS) {
                    promCpu = Math.max(promCpu, c.requiredVcpu() - sidecarCpu);
                    promMem = Math.max(promMem, c.requiredMemoryMiB() - sidecarMem);
                }
            }
            thanosResult = thanos(w, kd, active, samples, shards, qps, promCpu, promMem);
            thanosResult.warnings().forEach(x -> warnings.add(SizingWarning.of(x)));
            warnings.add(SizingWarning.of(SizingWarning.Kind.THANOS_HEAD_LOSS, "Thanos: a Prometheus task that stops or is replaced loses at most its head"
                    + " not yet uploaded, about " + Num.fmt(thanosResult.headLossHours()) + " hours (the sidecar uploads every 2-hour block to S3);"
                    + " the rest of the history stays in the bucket.", Num.fmt(thanosResult.headLossHours())));
            warnings.add(SizingWarning.of(SizingWarning.Kind.THANOS_GLOBAL_VIEW, "Thanos Query is the one global view over " + shards
                    + (shards == 1 ? " Prometheus shard" : " Prometheus shards") + " and the bucket: Grafana gets one datasource (Thanos Query), and queries across services work.",
                    shards));
        }

        if (shards > 1) {
            warnings.add(SizingWarning.of(SizingWarning.Kind.SHARDS, "The workload needs " + shards + " Prometheus servers (functional shards by service): "
                    + active + " active series exceed what one server should carry (" + w.sizing().maxSeriesPerServer()
                    + " series, or the largest Fargate task " + FargateSizes.LARGEST.text() + " with headroom). Compare with Amazon Managed Service for Prometheus.",
                    shards, active, w.sizing().maxSeriesPerServer(), FargateSizes.LARGEST.text()));
        }
        return new Sizing(active, serviceSeries, meta, selfSeries, exporterSeries, samples, qps, shards, comps, storage, warnings, ex, kd,
                w.sizing().headroomPercent(), thanosResult);
    }

    /**
     * The disk figures of this workload: with a {@link DiskModel}, bytes per sample at the scrape
     * interval of each job and the workload's histogram share, weighted by samples/s; else the flat
     * figures of the calibration.
     */
    private SizingCoefficients diskFigures(Workload w, double mainSamples, double exporterSamples, double histShare, List<Explanation> ex) {
        DiskModel d = k.disk();
        if (d == null) {
            return k;
        }
        double interval = w.scrapeInterval().seconds();
        double exporterInterval = w.exporter().scrapeInterval().seconds();
        double total = mainSamples + exporterSamples;
        double mainBlock = d.blockBytesPerSample(interval, histShare);
        double exporterBlock = d.blockBytesPerSample(exporterInterval, 0);
        double mainHead = d.headChunkBytesPerSample(interval, histShare);
        double exporterHead = d.headChunkBytesPerSample(exporterInterval, 0);
        double block = total > 0 ? (mainSamples * mainBlock + exporterSamples * exporterBlock) / total : mainBlock;
        double head = total > 0 ? (mainSamples * mainHead + exporterSamples * exporterHead) / total : mainHead;
        ex.add(Explanation.of("blockBytesAtScrapeInterval").formula("blockBytesPerSample")
                .in("interval", w.scrapeInterval().text()).in("samplesPerBlock", DiskModel.samplesPerBlock(interval)).in("chunksPerBlock", DiskModel.chunksPerBlock(interval))
                .in("histogramShareH", histShare).in("changingShare", d.changingShare(histShare)).in("steadyBits", d.steadyBits(histShare))
                .in("timestampBits", d.timestampBits()).in("bitsPerChangedValue", d.bitsPerChangedValue())
                .in("changingShareHistogram", d.changingShareHistogram()).in("changingShareOther", d.changingShareOther())
                .in("firstTwoSamplesBits", d.firstTwoSamplesBits()).in("framing", d.blockFramingBytesPerChunk())
                .in("indexBytesPerSeriesPerBlock", d.indexBytesPerSeriesPerBlock()).in("valueMix", d.mix())
                .result(mainBlock));
        ex.add(Explanation.of("blockBytesAllJobs").formula("blockBytesAllJobs")
                .in("serviceSamplesPerSecond", mainSamples).in("blockBytesAtScrapeInterval", List.of(w.scrapeInterval().text()), mainBlock)
                .in("exporterSamplesPerSecond", exporterSamples).in("blockBytesAtExporterInterval", List.of(w.exporter().scrapeInterval().text()), exporterBlock)
                .result(block));
        ex.add(Explanation.of("headChunkBytesAllJobs").formula("headChunkBytesAllJobs")
                .in("headFraming", d.headFramingBytesPerChunk()).in("atScrapeInterval", mainHead)
                .in("atExporterInterval", exporterHead).result(head));
        return k.withDiskFigures(block, d.walBytesPerSample(), head);
    }

    /**
     * Thanos on S3 for this workload ({@link ThanosSizing}): the plan's series, samples/s, shards and bytes per sample, the
     * retention of each resolution and the local retention of the scenario's {@code thanos:} block, the dashboards' queries,
     * and the largest shard's Prometheus need (the sidecar joins its task).
     */
    private ThanosResult thanos(Workload w, SizingCoefficients kd, long active, double samples, int shards, double qps,
                                double promCpu, double promMem) {
        var t = w.thanos();
        ThanosInputs in = new ThanosInputs(active, samples, shards, kd.blockBytesPerSample(), kd.walBytesPerSample(), kd.headChunkBytesPerSample(),
                t.retentionRaw().days(), t.retention5m().days(), t.retention1h().days(), t.localRetention().seconds() / 3600.0, qps,
                Math.min(w.grafana().concurrentUsers(), 20), ThanosInputs.DEFAULT_STORE_QUERY_SHARE, ThanosInputs.DEFAULT_BLOCKS_PER_STORE_QUERY,
                kd.queryCoreSeconds(), kd.queryMiB(), w.sizing().headroomPercent(), promCpu, promMem);
        return new ThanosSizing(thanosK, vcpuWeight, gbWeight).size(in);
    }

    private int shardCount(Workload w, double series, double exporterSeries, double interval) {
        double h = 1 + w.sizing().headroomPercent() / 100.0;
        double mem = (k.rssBaseMiB() + (series + exporterSeries) * k.rssBytesPerSeries() / MIB) * h;
        double cpu = (k.cpuBaseCores() + (series / interval) / 1000.0 * k.cpuCoresPerKSamples()) * h;
        int byMem = (int) Math.ceil(mem / FargateSizes.LARGEST.memoryMiB());
        int byCpu = (int) Math.ceil(cpu / FargateSizes.LARGEST.vcpu());
        int bySeries = (int) Math.ceil((series + exporterSeries) / w.sizing().maxSeriesPerServer());
        int n = Math.max(1, Math.max(byMem, Math.max(byCpu, bySeries)));
        return Math.min(n, Math.max(1, w.serviceCount()));
    }

    /** Splits services into n groups of similar series count (largest first, into the lightest group). */
    static List<List<ServiceSpec>> split(List<ServiceSpec> services, int n) {
        List<List<ServiceSpec>> groups = new ArrayList<>();
        double[] load = new double[n];
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>());
        }
        List<ServiceSpec> sorted = new ArrayList<>(services);
        sorted.sort(Comparator.comparingDouble((ServiceSpec s) -> -s.targets() * s.seriesPerTarget()));
        for (ServiceSpec s : sorted) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (load[i] < load[best]) {
                    best = i;
                }
            }
            groups.get(best).add(s);
            load[best] += s.targets() * s.seriesPerTarget();
        }
        return groups;
    }

    private ComponentSizing prometheus(Workload w, int shard, double series, double samples, double qps, double h,
                                       List<ServiceSpec> group, double sidecarCpu, double sidecarMem, List<SizingWarning> warnings) {
        double inFlight = Math.min(w.grafana().concurrentUsers(), 20);
        double memNeed = k.rssBaseMiB() + series * k.rssBytesPerSeries() / MIB + inFlight * k.queryMiB();
        double ruleEvals = w.alertRules() / (double) w.scrapeInterval().seconds();
        double cpuNeed = k.cpuBaseCores() + samples / 1000.0 * k.cpuCoresPerKSamples() + qps * k.queryCoreSeconds() + ruleEvals * 0.001;
        double promMem = memNeed;
        double promCpu = cpuNeed;
        memNeed += sidecarMem;
        cpuNeed += sidecarCpu;
        List<Explanation> ex = new ArrayList<>();
        ex.add(Explanation.of("requiredMemoryMiB", Component.PROMETHEUS.key()).formula("prometheusMemory")
                .in("rssBaseMiB", k.rssBaseMiB()).in("series", Math.round(series)).in("rssBytesPerSeries", k.rssBytesPerSeries())
                .in("queriesInFlight", inFlight).in("queryMiB", k.queryMiB()).result(promMem));
        ex.add(Explanation.of("requiredVcpu", Component.PROMETHEUS.key()).formula("prometheusVcpu")
                .in("cpuBaseCores", k.cpuBaseCores()).in("samplesPerSecond", samples).in("cpuCoresPerKSamples", k.cpuCoresPerKSamples())
                .in("queriesPerSecond", qps).in("queryCoreSeconds", k.queryCoreSeconds()).in("ruleEvaluationsPerSecond", ruleEvals).result(promCpu));
        if (sidecarCpu > 0 || sidecarMem > 0) {
            ex.add(Explanation.of("taskRequiredMemoryMiB").formula("taskMemory")
                    .in("prometheus", promMem).in("thanosSidecar", sidecarMem).cite("documented").result(memNeed));
            ex.add(Explanation.of("taskRequiredVcpu").formula("taskVcpu")
                    .in("prometheus", promCpu).in("thanosSidecar", sidecarCpu).cite("documented").result(cpuNeed));
        }
        return fit(w, Component.PROMETHEUS, shard, cpuNeed, memNeed, h, PROMETHEUS_FLOOR,
                group.stream().map(ServiceSpec::name).toList(), ex, warnings);
    }

    private ComponentSizing grafana(Workload w, double h, List<SizingWarning> warnings) {
        var g = w.grafana();
        double memNeed = 150 + 40.0 * g.concurrentUsers() + 0.5 * g.dashboards();
        double cpuNeed = 0.05 + 0.05 * g.concurrentUsers();
        List<Explanation> ex = List.of(
                Explanation.of("requiredMemoryMiB", Component.GRAFANA.key()).formula("grafanaMemory")
                        .in("concurrentUsers", g.concurrentUsers()).in("dashboards", g.dashboards()).result(memNeed),
                Explanation.of("requiredVcpu", Component.GRAFANA.key()).formula("grafanaVcpu").in("concurrentUsers", g.concurrentUsers()).result(cpuNeed));
        return fit(w, Component.GRAFANA, 0, cpuNeed, memNeed, h, GRAFANA_FLOOR, List.of(), ex, warnings);
    }

    private ComponentSizing exporter(Workload w, double h, long combos, List<SizingWarning> warnings) {
        double perSecond = combos / (double) w.exporter().scrapeInterval().seconds();
        double memNeed = 200 + 0.05 * combos;
        double cpuNeed = 0.02 + 0.01 * perSecond;
        List<Explanation> ex = List.of(
                Explanation.of("requiredMemoryMiB", Component.CLOUDWATCH_EXPORTER.key()).formula("exporterMemory")
                        .in("combinations", combos).result(memNeed),
                Explanation.of("requiredVcpu", Component.CLOUDWATCH_EXPORTER.key()).formula("exporterVcpu")
                        .in("combinationsPerSecond", perSecond).result(cpuNeed));
        return fit(w, Component.CLOUDWATCH_EXPORTER, 0, cpuNeed, memNeed, h, SMALL_FLOOR, List.of(), ex, warnings);
    }

    private ComponentSizing alertmanager(Workload w, double h, List<SizingWarning> warnings) {
        double memNeed = 50 + 0.01 * w.alertRules() * w.serviceCount();
        double cpuNeed = 0.02;
        List<Explanation> ex = List.of(
                Explanation.of("requiredMemoryMiB", Component.ALERTMANAGER.key()).formula("alertmanagerMemory")
                        .in("alertRules", w.alertRules()).in("services", w.serviceCount()).result(memNeed),
                Explanation.of("requiredVcpu", Component.ALERTMANAGER.key()).formula("alertmanagerVcpu").result(cpuNeed));
        return fit(w, Component.ALERTMANAGER, 0, cpuNeed, memNeed, h, SMALL_FLOOR, List.of(), ex, warnings);
    }

    private ComponentSizing fit(Workload w, Component c, int shard, double cpuNeed, double memNeed, double h, FargateSize floor,
                                List<String> services, List<Explanation> ex, List<SizingWarning> warnings) {
        double targetCpu = Math.max(cpuNeed * h, floor.vcpu());
        double targetMem = Math.max(memNeed * h, floor.memoryMiB());
        List<Explanation> all = new ArrayList<>(ex);
        FargateSize requested = w.pinned().get(c);
        FargateSize size;
        boolean pinned = requested != null;
        if (pinned) {
            if (FargateSizes.isValid(requested)) {
                size = requested;
            } else {
                size = FargateSizes.cheapestFitting(requested.vcpu(), requested.memoryMiB(), vcpuWeight, gbWeight).orElse(FargateSizes.LARGEST);
                warnings.add(SizingWarning.of(SizingWarning.Kind.PIN_NOT_VALID, c.key() + ": the pinned size " + requested.text() + " (" + requested.cpuUnits() + "/" + requested.memoryMiB()
                        + ") is not a valid Fargate size; priced at the nearest valid size above it, " + size.text()
                        + " (" + size.cpuUnits() + "/" + size.memoryMiB() + ").",
                        c.key(), requested.text(), requested.cpuUnits() + "/" + requested.memoryMiB(), size.text(), size.cpuUnits() + "/" + size.memoryMiB()));
            }
            if (size.vcpu() + 1e-9 < cpuNeed || size.memoryMiB() < memNeed) {
                if (w.sizing().pinsAreRequirements()) {
                    // A required size is kept, but never below what the workload needs: raised to the smallest valid pair that holds both.
                    FargateSize raised = FargateSizes.cheapestFitting(Math.max(size.vcpu(), cpuNeed), Math.max(size.memoryMiB(), memNeed), vcpuWeight, gbWeight)
                            .orElse(FargateSizes.LARGEST);
                    warnings.add(SizingWarning.of(SizingWarning.Kind.PIN_RAISED, c.key() + ": the pinned size " + size.text() + " is below the model's need of " + Num.fmt(cpuNeed) + " vCPU / "
                            + Math.round(memNeed) + " MiB; planned at " + raised.text() + " instead.",
                            c.key(), size.text(), Num.fmt(cpuNeed), Math.round(memNeed), raised.text()));
                    size = raised;
                } else {
                    warnings.add(SizingWarning.of(SizingWarning.Kind.PIN_BELOW_NEED, c.key() + ": the pinned size " + size.text() + " is below the model's need of " + Num.fmt(cpuNeed) + " vCPU / "
                            + Math.round(memNeed) + " MiB; the task may be throttled or killed.",
                            c.key(), size.text(), Num.fmt(cpuNeed), Math.round(memNeed)));
                }
            }
            all.add(Explanation.of("size", c.key()).formula(FargateSizes.isValid(requested) ? "pinned" : "pinnedRoundedUp")
                    .in("pinned", requested.cpuUnits() + "/" + requested.memoryMiB()).result(size.cpuUnits() + "/" + size.memoryMiB()));
        } else {
            Optional<FargateSize> fit = FargateSizes.cheapestFitting(targetCpu, targetMem, vcpuWeight, gbWeight);
            size = fit.orElse(FargateSizes.LARGEST);
            if (fit.isEmpty()) {
                warnings.add(SizingWarning.of(SizingWarning.Kind.TOO_LARGE, c.key() + ": the need with headroom (" + Num.fmt(targetCpu) + " vCPU / " + Math.round(targetMem)
                        + " MiB) exceeds the largest Fargate task; priced at " + FargateSizes.LARGEST.text() + ".",
                        c.key(), Num.fmt(targetCpu), Math.round(targetMem), FargateSizes.LARGEST.text()));
            }
            all.add(Explanation.of("size", c.key()).formula("cheapestFargatePair")
                    .in("requiredVcpu", cpuNeed).in("requiredMemoryMiB", memNeed).in("headroom", Num.fmt(w.sizing().headroomPercent()) + " %")
                    .in("floor", floor.cpuUnits() + "/" + floor.memoryMiB())
                    .result(size.cpuUnits() + "/" + size.memoryMiB()));
        }
        return new ComponentSizing(c, shard, size, cpuNeed, memNeed, targetCpu, targetMem, requested, pinned, services, all);
    }

    private StorageSizing storage(Workload w, SizingCoefficients k, double samples, int shards, List<SizingWarning> warnings) {
        double retentionS = w.retention().seconds();
        StorageBackend b = w.storage().backend();
        boolean thanos = b == StorageBackend.THANOS_S3;
        double localRetentionS = b == StorageBackend.AMP_REMOTE_WRITE ? Math.min(w.storage().localRetention().seconds(), retentionS)
                : thanos ? Math.min(w.thanos().localRetention().seconds(), retentionS) : retentionS;
        double blocks = samples * localRetentionS * k.blockBytesPerSample() / GIB;
        double wal = samples * WAL_WINDOW_SECONDS * k.walBytesPerSample() / GIB;
        double head = samples * HEAD_WINDOW_SECONDS * k.headChunkBytesPerSample() / GIB;
        double blockSpan = Math.min(localRetentionS * 0.1, MAX_BLOCK_DAYS * 86_400);
        // With Thanos, local compaction is off (the sidecar uploads every 2-hour block): no compaction room.
        double compaction = thanos ? 0 : samples * Math.max(blockSpan, 7200) * k.blockBytesPerSample() / GIB;
        double needed = blocks + wal + head + compaction;
        // Each shard has its own volume for its share of the samples (shards are balanced by series).
        double modelVolume = Math.max(1, Math.ceil(needed / Math.max(1, shards) / VOLUME_FILL));
        List<Explanation> ex = new ArrayList<>();
        ex.add(Explanation.of("blocksGiB").formula("blocksGiB")
                .in("samplesPerSecond", samples).in(b == StorageBackend.AMP_REMOTE_WRITE ? "retentionLocal" : thanos ? "retentionLocalThanos" : "retention",
                        b == StorageBackend.AMP_REMOTE_WRITE ? w.storage().localRetention().text() : thanos ? w.thanos().localRetention().text() : w.retention().text())
                .in("blockBytesPerSample", k.blockBytesPerSample()).result(blocks));
        ex.add(Explanation.of("walGiB").formula("walGiB").in("walBytesPerSample", k.walBytesPerSample()).result(wal));
        ex.add(Explanation.of("headChunksGiB").formula("headChunksGiB").in("headChunkBytesPerSample", k.headChunkBytesPerSample()).result(head));
        if (thanos) {
            ex.add(Explanation.of("compactionRoomGiB").formula("compactionOffBesideSidecar")
                    .cite("documented").result(compaction));
        } else {
            ex.add(Explanation.of("compactionRoomGiB").formula("compactionRoomGiB")
                    .in("blockSpanHours", blockSpan / 3600).result(compaction));
        }
        ex.add(Explanation.of("storageNeededGiB").formula("storageNeededGiB").result(needed));

        boolean pinned = w.storage().prometheusGiB() > 0;
        double volume = pinned ? w.storage().prometheusGiB() : modelVolume;
        double billed;
        double remote = 0;
        switch (b) {
            case EFS -> {
                // EFS bills the bytes stored, whatever size a plan pins: a pinned figure is only an estimate of what will be stored.
                billed = blocks + wal + head;
                warnings.add(SizingWarning.of(SizingWarning.Kind.EFS_TSDB, "EFS: the Prometheus documentation does not support NFS file systems, AWS EFS included, for its TSDB "
                        + "(it needs POSIX locking and mmap semantics NFS does not give; corruption and data loss are reported in "
                        + "prometheus/prometheus issues 2805 and 5617). Prefer an EBS volume attached to the task (storage: ebs)."));
            }
            case EBS -> billed = volume;
            case EPHEMERAL -> {
                billed = Math.max(0, volume - EPHEMERAL_INCLUDED_GIB);
                if (volume > EPHEMERAL_MAX_GIB) {
                    warnings.add(SizingWarning.of(SizingWarning.Kind.EPHEMERAL_TOO_BIG,
                            "ephemeral storage: " + Num.fmt(volume) + " GiB needed exceeds the 200 GiB a Fargate task can have; use ebs or amp-remote-write.", Num.fmt(volume)));
                }
                warnings.add(SizingWarning.of(SizingWarning.Kind.EPHEMERAL_LOST,
                        "ephemeral storage: the TSDB is lost whenever the Prometheus task stops or is replaced (deployments, host retirement); history restarts empty."));
            }
            case AMP_REMOTE_WRITE -> {
                billed = Math.max(0, volume - EPHEMERAL_INCLUDED_GIB);
                remote = samples * retentionS * k.blockBytesPerSample() / GIB;
                ex.add(Explanation.of("ampStoredGiB").formula("ampStoredGiB")
                        .in("retention", w.retention().text()).result(remote));
            }
            case THANOS_S3 -> {
                // The local TSDB beside the sidecar: an EBS volume per shard, or Fargate ephemeral storage above the 20 GB included.
                if (w.thanos().localStorage() == StorageBackend.EBS) {
                    billed = volume;
                } else {
                    billed = Math.max(0, volume - EPHEMERAL_INCLUDED_GIB);
                    if (volume > EPHEMERAL_MAX_GIB) {
                        warnings.add(SizingWarning.of(SizingWarning.Kind.EPHEMERAL_TOO_BIG,
                                "ephemeral storage: " + Num.fmt(volume) + " GiB needed exceeds the 200 GiB a Fargate task can have; use ebs or amp-remote-write.", Num.fmt(volume)));
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        if (pinned && volume < needed / Math.max(1, shards)) {
            warnings.add(SizingWarning.of(SizingWarning.Kind.STORAGE_PIN_BELOW, "storage: the pinned " + Num.fmt(volume) + " GiB is below the " + Num.fmt(needed) + " GiB the model needs for "
                    + w.retention().text() + " of retention; retention.size will cut history short.", Num.fmt(volume), Num.fmt(needed), w.retention().text()));
        } else if (pinned && volume > 4 * modelVolume && volume - modelVolume > 5) {
            warnings.add(SizingWarning.of(SizingWarning.Kind.STORAGE_PIN_ABOVE, "storage: the pinned " + Num.fmt(volume) + " GiB is " + Math.round(volume / Math.max(needed, 1e-9))
                    + " times what the model needs (" + Num.fmt(needed) + " GiB for " + w.retention().text() + "); check the series count the figure assumes.",
                    Num.fmt(volume), Math.round(volume / Math.max(needed, 1e-9)), Num.fmt(needed), w.retention().text()));
        }
        double retentionSize = Math.floor(volume * VOLUME_FILL * 100) / 100;
        ex.add(Explanation.of(shards > 1 ? "volumeGiBPerShard" : "volumeGiB").formula(pinned ? "pinned" : shards > 1 ? "volumeGiBPerShard" : "volumeGiB")
                .in("neededGiB", needed).in("shards", shards).result(volume));
        ex.add(Explanation.of("retentionSizeGiB").formula("retentionSizeGiB").in("volumeGiB", volume).result(retentionSize));

        List<Double> months = new ArrayList<>();
        double perDay = samples * 86_400 * k.blockBytesPerSample() / GIB;
        double retDays = localRetentionS / 86_400.0;
        for (int m = 1; m <= 36; m++) {
            double days = Math.min(m * Hours.DAYS_PER_MONTH, retDays);
            months.add(perDay * days + wal + head);
            if (m * Hours.DAYS_PER_MONTH >= retDays) {
                break;
            }
        }
        double grafana = w.storage().grafanaGiB() > 0 ? w.storage().grafanaGiB() : 1;
        return new StorageSizing(b, blocks, wal, head, compaction, needed, modelVolume, volume, retentionSize, billed, grafana, pinned,
                localRetentionS / 86_400.0, remote, months, ex);
    }
}
