package io.promplan.core.sizing;

import io.promplan.core.units.Hours;
import io.promplan.core.workload.FargateSize;
import io.promplan.core.workload.FargateSizes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sizes Thanos on S3 for a workload: each Prometheus keeps a short local TSDB and a sidecar that uploads every 2-hour block to
 * S3; Thanos Query is the one global view; the Store Gateway serves the blocks in the bucket; the compactor compacts them
 * (2 h into 8 h, 2 d and 14 d), downsamples them (5 m, 1 h) and applies the retention of each resolution.
 *
 * <p>Every coefficient comes from the Thanos documentation or is marked an assumption ({@link ThanosCoefficients}); none is
 * measured here, and every explanation says so. Rules:
 * <ul>
 * <li>Block bytes = samples/s of a shard x span x block bytes per sample (x the size ratio of a downsampled resolution). A
 *     block is meta.json, an index (19 % of the bytes) and chunk files of up to 512 MiB.</li>
 * <li>S3 storage per resolution: bytes a day x the days it is kept, ramping up from the day the resolution first exists
 *     (raw at once, 5 m once a 2-day block exists, 1 h once a 14-day 5 m block exists). Kept = retention + half the largest
 *     block (a block goes only once all of it is past retention) + the delete delay (48 h) + the delete delay once per
 *     compaction level above the first (sources stay beside their compacted block). Each month is billed on its average.</li>
 * <li>S3 requests at steady state, per shard and 14-day compaction cycle: uploads (PUT per object, multipart above the part
 *     size: one POST to start, a PUT per part, a POST to complete), compaction and downsampling (a GET per object of each
 *     source, an upload of the result, a deletion mark per source), retention (a deletion mark per expired block), deletion (LIST
 *     of the block), meta.json and marker reads by the compactor and the Store Gateway, index-header building; plus the sync LISTs
 *     (one per block folder and one of the bucket, every 15 min by the Store Gateway and every 5 min by the compactor) and the
 *     GET ranges of queries that reach the bucket.</li>
 * <li>Components: the need before headroom, then the cheapest valid Fargate pair above need x (1 + headroom) and the floor,
 *     as for the other tasks.</li>
 * </ul>
 */
public final class ThanosSizing {
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double MIB = 1024.0 * 1024;
    private static final double HOUR = 3600;
    private static final double DAY = 86_400;
    /** Months listed at most, whatever the retention. */
    public static final int MAX_MONTHS = 120;
    /** Queries Thanos Query runs at once at most (--query.max-concurrent). */
    public static final double QUERY_MAX_CONCURRENT = 20;
    /** The volume fill of the local TSDB, as in the Prometheus model. */
    public static final double VOLUME_FILL = SizingModel.VOLUME_FILL;
    /** The ephemeral storage a Fargate task can have. */
    public static final double EPHEMERAL_MAX_GIB = SizingModel.EPHEMERAL_MAX_GIB;
    /** Query and Store Gateway floors: PromQL bursts, as for Prometheus and Grafana. */
    public static final FargateSize QUERY_FLOOR = new FargateSize(512, 1024);
    /** The compactor's floor: one core per --compact.concurrency (the documentation's advice) and its smallest memory. */
    public static final FargateSize COMPACTOR_FLOOR = new FargateSize(1024, 2048);

    private final ThanosCoefficients k;
    private final double vcpuWeight;
    private final double gbWeight;

    /**
     * @param vcpuWeight price of a vCPU-hour in the region (0 when unknown: see {@link FargateSizes#cheapestFitting})
     * @param gbWeight   price of a GB-hour
     */
    public ThanosSizing(ThanosCoefficients coefficients, double vcpuWeight, double gbWeight) {
        this.k = coefficients;
        this.vcpuWeight = vcpuWeight;
        this.gbWeight = gbWeight;
    }

    /** The resolutions Thanos keeps, with their retention and when they first exist. */
    enum Resolution {
        RAW("raw"), FIVE_MINUTES("5m"), ONE_HOUR("1h");

        final String key;

        Resolution(String key) {
            this.key = key;
        }
    }

    public ThanosResult size(ThanosInputs in) {
        List<Explanation> ex = new ArrayList<>();
        List<ThanosWarning> warnings = new ArrayList<>();
        int shards = in.prometheusShards();
        double perShard = in.samplesPerSecond() / shards;
        List<Double> levels = k.compactionLevelHours();
        double largest = k.largestBlockHours();
        double cycleDays = largest / 24;

        ex.add(Explanation.of("thanosSamplesPerShard").formula("thanosSamplesPerShard")
                .in("samplesPerSecond", in.samplesPerSecond()).in("shards", shards)
                .cite("grouping", "documented").result(perShard));
        ex.add(Explanation.of("thanosRawBlockGiB").formula("thanosRawBlockGiB")
                .in("blockHours", k.blockHours()).in("blockBytesPerSample", in.blockBytesPerSample())
                .cite("sidecarBlocks", "documented")
                .result(blockBytes(perShard, in, Resolution.RAW, k.blockHours()) / GIB));

        // ---- local TSDB of each Prometheus (local compaction off, short retention)
        double localBlocks = perShard * in.localRetentionHours() * HOUR * in.blockBytesPerSample() / GIB;
        double wal = perShard * SizingModel.WAL_WINDOW_SECONDS * in.walBytesPerSample() / GIB;
        double head = perShard * SizingModel.HEAD_WINDOW_SECONDS * in.headChunkBytesPerSample() / GIB;
        double localNeed = localBlocks + wal + head;
        double localVolume = Math.max(1, Math.ceil(localNeed / VOLUME_FILL));
        ex.add(Explanation.of("thanosLocalTsdbGiB").formula("thanosLocalTsdbGiB")
                .in("localRetentionHours", in.localRetentionHours()).in("walBytesPerSample", in.walBytesPerSample())
                .in("headChunkBytesPerSample", in.headChunkBytesPerSample())
                .cite("sidecarRetention", "documented").result(localNeed));
        ex.add(Explanation.of("thanosLocalVolumeGiB").formula("thanosLocalVolumeGiB").in("localTsdbGiB", localNeed)
                .cite("volumeFill", "documented").result(localVolume));
        if (in.localRetentionHours() < 3 * k.blockHours()) {
            warnings.add(ThanosWarning.of(ThanosWarning.Kind.LOCAL_RETENTION_SHORT, "Thanos: a local retention of " + Num.fmt(in.localRetentionHours())
                    + " h is below the " + Num.fmt(3 * k.blockHours()) + " h (3 x the 2-hour block) the sidecar documentation recommends, so that"
                    + " blocks survive an object storage outage until they are uploaded.", Num.fmt(in.localRetentionHours()), Num.fmt(3 * k.blockHours())));
        }
        double headLoss = k.blockHours();
        ex.add(Explanation.of("thanosHeadLossHours").formula("thanosHeadLossHours")
                .in("blockHours", k.blockHours()).cite("sidecarCrash", "documented")
                .result(headLoss));

        // ---- S3 storage, month by month
        Map<Resolution, Double> retention = Map.of(Resolution.RAW, in.retentionRawDays(), Resolution.FIVE_MINUTES, in.retention5mDays(),
                Resolution.ONE_HOUR, in.retention1hDays());
        int firstDownsampled = firstLevelAtLeast(levels, k.downsample5mAfterHours());
        int firstOneHour = firstLevelAtLeast(levels, k.downsample1hAfterHours());
        Map<Resolution, Double> startDays = new LinkedHashMap<>();
        startDays.put(Resolution.RAW, 0.0);
        startDays.put(Resolution.FIVE_MINUTES, levels.get(firstDownsampled) / 24);
        startDays.put(Resolution.ONE_HOUR, levels.get(firstOneHour) / 24);
        Map<Resolution, Integer> compactionsAbove = new LinkedHashMap<>();
        compactionsAbove.put(Resolution.RAW, levels.size() - 1);
        compactionsAbove.put(Resolution.FIVE_MINUTES, levels.size() - 1 - firstDownsampled);
        compactionsAbove.put(Resolution.ONE_HOUR, 0);
        double deleteDelayDays = k.deleteDelayHours() / 24;
        Map<Resolution, Double> windowDays = new LinkedHashMap<>();
        Map<Resolution, Double> gibPerDay = new LinkedHashMap<>();
        for (Resolution r : Resolution.values()) {
            double w = retention.get(r) + cycleDays / 2 + deleteDelayDays * (1 + compactionsAbove.get(r));
            windowDays.put(r, w);
            gibPerDay.put(r, in.samplesPerSecond() * DAY * in.blockBytesPerSample() * ratio(r) / GIB);
            ex.add(Explanation.of(switch (r) {
                        case RAW -> "thanosS3SteadyGiBRaw";
                        case FIVE_MINUTES -> "thanosS3SteadyGiB5m";
                        case ONE_HOUR -> "thanosS3SteadyGiB1h";
                    }).formula("thanosS3SteadyGiB")
                    .in("retentionDays", retention.get(r)).in("sizeRatio", ratio(r)).in("gibPerDay", gibPerDay.get(r))
                    .in("largestBlockDays", cycleDays).in("deleteDelayDays", deleteDelayDays).in("compactionLevels", compactionsAbove.get(r))
                    .in("firstExistsAfterDays", startDays.get(r)).in("keptDays", w)
                    .cite(r == Resolution.RAW ? "retentionRaw" : "retentionDownsampled", "documented")
                    .result(gibPerDay.get(r) * w));
        }
        if (in.retentionRawDays() < startDays.get(Resolution.FIVE_MINUTES)) {
            warnings.add(retentionWarning("raw", in.retentionRawDays(), startDays.get(Resolution.FIVE_MINUTES)));
        }
        if (in.retention5mDays() < startDays.get(Resolution.ONE_HOUR)) {
            warnings.add(retentionWarning("5m", in.retention5mDays(), startDays.get(Resolution.ONE_HOUR)));
        }
        double month = Hours.DAYS_PER_MONTH;
        double fullAfter = 0;
        for (Resolution r : Resolution.values()) {
            fullAfter = Math.max(fullAfter, startDays.get(r) + windowDays.get(r));
        }
        int steadyMonth = Math.min(MAX_MONTHS, (int) Math.ceil(fullAfter / month) + 1);
        List<ThanosS3Month> months = new ArrayList<>();
        for (int m = 1; m <= steadyMonth; m++) {
            double a = (m - 1) * month;
            double b = m * month;
            double[] v = new double[3];
            for (Resolution r : Resolution.values()) {
                v[r.ordinal()] = gibPerDay.get(r) * averageClamp(a, b, startDays.get(r), windowDays.get(r));
            }
            months.add(new ThanosS3Month(m, v[0], v[1], v[2]));
        }
        ThanosS3Month last = months.get(months.size() - 1);
        ex.add(Explanation.of("thanosS3GiBByMonth").formula("thanosS3GiBByMonth")
                .in("monthsListed", months.size()).in("month1GiB", months.get(0).totalGiB()).in("month12GiB", months.get(Math.min(12, months.size()) - 1).totalGiB())
                .cite("documented").result(last.totalGiB()));

        // ---- blocks in the bucket at steady state (what every sync lists)
        double marksPerCycle = 0;
        double newBlocksPerCycle = 0;
        double[] perLevelCount = new double[levels.size()];
        for (int i = 0; i < levels.size(); i++) {
            perLevelCount[i] = largest / levels.get(i);
        }
        // raw compaction: every level above the first is made from the level below
        for (int i = 1; i < levels.size(); i++) {
            marksPerCycle += perLevelCount[i - 1];
            newBlocksPerCycle += perLevelCount[i];
        }
        newBlocksPerCycle += perLevelCount[0]; // sidecar uploads
        // 5 m: one downsampled block per raw block of the first level >= 40 h, compacted up to the largest level
        newBlocksPerCycle += perLevelCount[firstDownsampled];
        for (int i = firstDownsampled + 1; i < levels.size(); i++) {
            marksPerCycle += perLevelCount[i - 1];
            newBlocksPerCycle += perLevelCount[i];
        }
        // 1 h: one per 5 m block of the first level >= 10 d
        newBlocksPerCycle += perLevelCount[firstOneHour];
        double retentionMarksPerCycle = Resolution.values().length * perLevelCount[levels.size() - 1];
        marksPerCycle += retentionMarksPerCycle;
        double tailRaw = 0;
        for (int i = 0; i < levels.size() - 1; i++) {
            tailRaw += (levels.get(i + 1) / levels.get(i) - 1) / 2;
        }
        double tail5m = 0;
        for (int i = firstDownsampled; i < levels.size() - 1; i++) {
            tail5m += (levels.get(i + 1) / levels.get(i) - 1) / 2;
        }
        double pending = marksPerCycle / cycleDays * deleteDelayDays;
        double blocksPerShard = in.retentionRawDays() / cycleDays + 0.5 + tailRaw
                + in.retention5mDays() / cycleDays + 0.5 + tail5m
                + in.retention1hDays() / cycleDays + 0.5 + pending;
        double blocks = blocksPerShard * shards;
        ex.add(Explanation.of("thanosBlocksInBucket").formula("thanosBlocksInBucket", tailRaw, tail5m)
                .in("shards", shards).in("largestBlockDays", cycleDays).in("markedForDeletionPer14Days", marksPerCycle)
                .in("waitingForDeletion", pending).cite("compactorLevels", "documented")
                .result(blocks));

        // ---- S3 requests a month at steady state
        double cyclesPerMonth = month / cycleDays;
        double perMonthShards = cyclesPerMonth * shards;
        Map<String, Double> put = new LinkedHashMap<>();
        Map<String, Double> get = new LinkedHashMap<>();
        List<Explanation> rex = new ArrayList<>();
        double rawUploadPuts = perLevelCount[0] * puts(blockBytes(perShard, in, Resolution.RAW, levels.get(0)));
        put.put("sidecar uploads", rawUploadPuts * perMonthShards);
        rex.add(Explanation.of("thanosSidecarPuts").formula("thanosSidecarPuts")
                .in("twoHourBlocksPerMonthPerShard", perLevelCount[0] * cyclesPerMonth)
                .in("putClassPerBlock", puts(blockBytes(perShard, in, Resolution.RAW, levels.get(0))))
                .in("partSizeMiB", k.partSizeMiB()).in("chunkFileMiB", k.chunkFileMiB()).cite("documented").result(put.get("sidecar uploads")));
        double compactPuts = 0;
        double compactGets = 0;
        for (int i = 1; i < levels.size(); i++) {
            compactPuts += perLevelCount[i] * puts(blockBytes(perShard, in, Resolution.RAW, levels.get(i)));
            compactGets += perLevelCount[i - 1] * objects(blockBytes(perShard, in, Resolution.RAW, levels.get(i - 1)));
        }
        double downPuts = perLevelCount[firstDownsampled] * puts(blockBytes(perShard, in, Resolution.FIVE_MINUTES, levels.get(firstDownsampled)));
        double downGets = perLevelCount[firstDownsampled] * objects(blockBytes(perShard, in, Resolution.RAW, levels.get(firstDownsampled)));
        for (int i = firstDownsampled + 1; i < levels.size(); i++) {
            downPuts += perLevelCount[i] * puts(blockBytes(perShard, in, Resolution.FIVE_MINUTES, levels.get(i)));
            downGets += perLevelCount[i - 1] * objects(blockBytes(perShard, in, Resolution.FIVE_MINUTES, levels.get(i - 1)));
        }
        downPuts += perLevelCount[firstOneHour] * puts(blockBytes(perShard, in, Resolution.ONE_HOUR, levels.get(firstOneHour)));
        downGets += perLevelCount[firstOneHour] * objects(blockBytes(perShard, in, Resolution.FIVE_MINUTES, levels.get(firstOneHour)));
        put.put("compaction uploads", compactPuts * perMonthShards);
        put.put("downsampling uploads", downPuts * perMonthShards);
        put.put("deletion marks", marksPerCycle * perMonthShards);
        put.put("deletion LISTs", marksPerCycle * k.listsPerDeletedBlock() * perMonthShards);
        rex.add(Explanation.of("thanosCompactorPuts").formula("thanosCompactorPuts")
                .in("cyclesPerMonth", cyclesPerMonth).in("compactionPutClassPerCycle", compactPuts).in("downsamplingPutClassPerCycle", downPuts)
                .in("deletionMarksPerCycle", marksPerCycle).in("listsPerDeletedBlock", k.listsPerDeletedBlock())
                .cite("deletionLists", "assumed")
                .result(put.get("compaction uploads") + put.get("downsampling uploads") + put.get("deletion marks") + put.get("deletion LISTs")));
        double storeSyncs = Hours.PER_MONTH * 60 / k.storeSyncMinutes();
        double compactorSyncs = Hours.PER_MONTH * 60 / k.compactorWaitMinutes();
        put.put("Store Gateway sync LISTs", storeSyncs * (1 + blocks));
        put.put("compactor sync LISTs", compactorSyncs * (1 + blocks));
        rex.add(Explanation.of("thanosSyncLists").formula("thanosSyncLists")
                .in("storeSyncMinutes", k.storeSyncMinutes()).in("compactorWaitMinutes", k.compactorWaitMinutes()).in("blocks", blocks)
                .cite("bucketSync", "documented")
                .result(put.get("Store Gateway sync LISTs") + put.get("compactor sync LISTs")));

        get.put("compaction downloads", compactGets * perMonthShards);
        get.put("downsampling downloads", downGets * perMonthShards);
        double readers = 2; // the compactor and the Store Gateway each read a new block's meta.json and a deletion mark once
        get.put("meta.json and marker reads", readers * (newBlocksPerCycle + marksPerCycle) * perMonthShards);
        get.put("index-header building", k.getsPerNewBlockIndexHeader() * newBlocksPerCycle * perMonthShards);
        rex.add(Explanation.of("thanosCompactorStoreGets").formula("thanosCompactorStoreGets")
                .in("newBlocksPerCycle", newBlocksPerCycle).in("compactionGetsPerCycle", compactGets).in("downsamplingGetsPerCycle", downGets)
                .in("indexHeaderGetsPerNewBlock", k.getsPerNewBlockIndexHeader())
                .cite("compactorGets", "assumed")
                .result(get.get("compaction downloads") + get.get("downsampling downloads") + get.get("meta.json and marker reads")
                        + get.get("index-header building")));
        double storeQps = in.panelQueriesPerSecond() * in.storeQueryShare();
        get.put("queries", storeQps * Hours.SECONDS_PER_MONTH * in.blocksPerStoreQueryPerShard() * shards * k.getsPerBlockPerStoreQuery());
        rex.add(Explanation.of("thanosQueryGets").formula("thanosQueryGets")
                .in("panelQueriesPerSecond", in.panelQueriesPerSecond()).in("shareReachingBucket", in.storeQueryShare())
                .in("blocksPerShard", in.blocksPerStoreQueryPerShard()).in("getsPerBlock", k.getsPerBlockPerStoreQuery())
                .cite("storeGets", "assumed")
                .result(get.get("queries")));
        double putTotal = put.values().stream().mapToDouble(Double::doubleValue).sum();
        double getTotal = get.values().stream().mapToDouble(Double::doubleValue).sum();
        ThanosRequests requests = new ThanosRequests(putTotal, getTotal, put, get, rex);
        ex.addAll(rex);

        // ---- components
        double h = 1 + in.headroomPercent() / 100.0;
        List<ThanosComponentSizing> comps = new ArrayList<>();
        comps.add(sidecar(in, h, warnings));
        comps.add(query(in, h, warnings));

        double headerRaw = Math.min(k.indexHeaderMiBPerBlock(), k.indexShareOfBlock() * blockBytes(perShard, in, Resolution.RAW, largest) / MIB);
        double header5m = Math.min(k.indexHeaderMiBPerBlock(), k.indexShareOfBlock() * blockBytes(perShard, in, Resolution.FIVE_MINUTES, largest) / MIB);
        double header1h = Math.min(k.indexHeaderMiBPerBlock(), k.indexShareOfBlock() * blockBytes(perShard, in, Resolution.ONE_HOUR, largest) / MIB);
        double headersMiB = shards * ((in.retentionRawDays() / cycleDays + 0.5 + tailRaw + pending) * headerRaw
                + (in.retention5mDays() / cycleDays + 0.5 + tail5m) * header5m + (in.retention1hDays() / cycleDays + 0.5) * header1h);
        double storeDisk = headersMiB / 1024;
        ex.add(Explanation.of("thanosStoreDiskGiB").formula("thanosStoreDiskGiB")
                .in("indexHeaderMiBPerBlock", k.indexHeaderMiBPerBlock()).in("indexShareOfBlock", k.indexShareOfBlock())
                .in("blocks", blocks).cite("storeDisk", "documented")
                .result(storeDisk));
        comps.add(storeGateway(in, h, storeQps, headersMiB, warnings));

        double largestSourceBytes = blockBytes(perShard, in, Resolution.RAW, largest);
        double scratch = 2 * k.compactConcurrency() * largestSourceBytes / GIB;
        ex.add(Explanation.of("thanosCompactorScratchGiB").formula("thanosCompactorScratchGiB")
                .in("blockGiB14DaysPerShard", largestSourceBytes / GIB).in("compactConcurrency", k.compactConcurrency())
                .cite("compactorDisk", "documented")
                .result(scratch));
        if (scratch > EPHEMERAL_MAX_GIB) {
            warnings.add(ThanosWarning.of(ThanosWarning.Kind.COMPACTOR_SCRATCH_TOO_BIG, "Thanos compactor: " + Num.fmt(scratch)
                    + " GiB of scratch space exceeds the 200 GiB of ephemeral storage a Fargate task can have; give it an EBS volume.",
                    Num.fmt(scratch), Num.fmt(EPHEMERAL_MAX_GIB)));
        }
        double seriesMiB = in.samplesPerSecond() / in.activeSeries() * largest * HOUR * in.blockBytesPerSample() / MIB;
        double sources = 0;
        for (int i = 1; i < levels.size(); i++) {
            sources = Math.max(sources, levels.get(i) / levels.get(i - 1));
        }
        double headerSource = Math.min(k.indexHeaderMiBPerBlock(),
                k.indexShareOfBlock() * blockBytes(perShard, in, Resolution.RAW, levels.get(levels.size() - 2)) / MIB);
        comps.add(compactor(in, h, sources, headerSource, seriesMiB, warnings));

        return new ThanosResult(comps, localNeed, localVolume, scratch, storeDisk, blocks, months, steadyMonth, requests, headLoss, warnings, ex);
    }

    private ThanosWarning retentionWarning(String resolution, double days, double nextAfterDays) {
        return ThanosWarning.of(ThanosWarning.Kind.RETENTION_BEFORE_DOWNSAMPLING, "Thanos: --retention.resolution-" + resolution + "=" + Num.fmt(days)
                        + "d deletes the data before the next resolution is made from it (after " + Num.fmt(nextAfterDays)
                        + " days); the compactor documentation advises the same retention for every resolution, above 10 days.",
                resolution, Num.fmt(days), Num.fmt(nextAfterDays));
    }

    private ThanosComponentSizing sidecar(ThanosInputs in, double h, List<ThanosWarning> warnings) {
        double cpu = k.sidecarVcpu();
        double mem = k.sidecarMemoryMiB();
        List<Explanation> ex = new ArrayList<>();
        ex.add(Explanation.of("requiredMemoryMiB", ThanosComponent.SIDECAR.key()).formula("sidecarMemory")
                .in("sidecarBaseMiB", k.sidecarBaseMiB()).in("partSizeMiB", k.partSizeMiB())
                .cite("sidecarMemory", "assumed").result(mem));
        ex.add(Explanation.of("requiredVcpu", ThanosComponent.SIDECAR.key()).formula("sidecarVcpu")
                .cite("assumed").result(cpu));
        boolean withPrometheus = in.prometheusVcpuPerShard() > 0 || in.prometheusMemoryMiBPerShard() > 0;
        if (withPrometheus) {
            double taskCpu = in.prometheusVcpuPerShard() + cpu;
            double taskMem = in.prometheusMemoryMiBPerShard() + mem;
            ex.add(Explanation.of("taskNeed").formula("taskNeed")
                    .in("prometheusVcpu", in.prometheusVcpuPerShard()).in("prometheusMiB", in.prometheusMemoryMiBPerShard())
                    .cite("sidecarTask", "documented")
                    .result(Num.fmt(taskCpu) + " vCPU / " + Num.fmt(taskMem) + " MiB"));
            return fit(ThanosComponent.SIDECAR, cpu, mem, taskCpu, taskMem, h, SizingModel.PROMETHEUS_FLOOR, in.prometheusShards(), ex, warnings);
        }
        return fit(ThanosComponent.SIDECAR, cpu, mem, cpu, mem, h, SizingModel.SMALL_FLOOR, in.prometheusShards(), ex, warnings);
    }

    private ThanosComponentSizing query(ThanosInputs in, double h, List<ThanosWarning> warnings) {
        double inFlight = Math.min(in.queriesInFlight(), QUERY_MAX_CONCURRENT);
        double mem = k.queryBaseMiB() + inFlight * in.queryMiB();
        double cpu = k.queryBaseVcpu() + in.panelQueriesPerSecond() * in.queryCoreSeconds();
        List<Explanation> ex = new ArrayList<>();
        ex.add(Explanation.of("requiredMemoryMiB", ThanosComponent.QUERY.key()).formula("queryMemory")
                .in("queryBaseMiB", k.queryBaseMiB()).in("queriesInFlight", inFlight).in("queryMiB", in.queryMiB())
                .cite("queryMemory", "assumed").result(mem));
        ex.add(Explanation.of("requiredVcpu", ThanosComponent.QUERY.key()).formula("queryVcpu")
                .in("queryBaseVcpu", k.queryBaseVcpu()).in("panelQueriesPerSecond", in.panelQueriesPerSecond()).in("queryCoreSeconds", in.queryCoreSeconds())
                .cite("queryCpu", "assumed").result(cpu));
        return fit(ThanosComponent.QUERY, cpu, mem, cpu, mem, h, QUERY_FLOOR, 1, ex, warnings);
    }

    private ThanosComponentSizing storeGateway(ThanosInputs in, double h, double storeQps, double headersMiB, List<ThanosWarning> warnings) {
        double mem = k.storeBaseMiB() + k.indexCacheMiB() + k.chunkPoolMiB() + headersMiB;
        double cpu = k.storeBaseVcpu() + storeQps * in.queryCoreSeconds();
        List<Explanation> ex = new ArrayList<>();
        ex.add(Explanation.of("requiredMemoryMiB", ThanosComponent.STORE_GATEWAY.key()).formula("storeMemory")
                .in("storeBaseMiB", k.storeBaseMiB()).in("indexCacheMiB", k.indexCacheMiB()).in("chunkPoolMiB", k.chunkPoolMiB())
                .in("indexHeadersMiB", headersMiB)
                .cite("storeMemory", "assumed")
                .result(mem));
        ex.add(Explanation.of("requiredVcpu", ThanosComponent.STORE_GATEWAY.key()).formula("storeVcpu")
                .in("storeBaseVcpu", k.storeBaseVcpu()).in("storeQueriesPerSecond", storeQps).in("queryCoreSeconds", in.queryCoreSeconds())
                .cite("assumed").result(cpu));
        return fit(ThanosComponent.STORE_GATEWAY, cpu, mem, cpu, mem, h, QUERY_FLOOR, 1, ex, warnings);
    }

    private ThanosComponentSizing compactor(ThanosInputs in, double h, double sources, double headerSourceMiB, double seriesMiB,
                                            List<ThanosWarning> warnings) {
        double cpu = k.compactConcurrency();
        double mem = k.compactorBaseMiB() + k.compactConcurrency() * (sources * headerSourceMiB / 32 + seriesMiB);
        List<Explanation> ex = new ArrayList<>();
        ex.add(Explanation.of("requiredMemoryMiB", ThanosComponent.COMPACTOR.key()).formula("compactorMemory")
                .in("compactorBaseMiB", k.compactorBaseMiB()).in("sourceBlocks", sources).in("indexHeaderMiBPerSource", headerSourceMiB)
                .in("seriesMiB14Days", seriesMiB).in("compactConcurrency", k.compactConcurrency())
                .cite("compactorMemory", "assumed").result(mem));
        ex.add(Explanation.of("requiredVcpu", ThanosComponent.COMPACTOR.key()).formula("compactorVcpu")
                .in("compactConcurrency", k.compactConcurrency()).cite("compactorCpu", "documented")
                .result(cpu));
        return fit(ThanosComponent.COMPACTOR, cpu, mem, cpu, mem, h, COMPACTOR_FLOOR, 1, ex, warnings);
    }

    private ThanosComponentSizing fit(ThanosComponent c, double cpuNeed, double memNeed, double taskCpu, double taskMem, double h, FargateSize floor,
                                      int tasks, List<Explanation> ex, List<ThanosWarning> warnings) {
        double targetCpu = Math.max(taskCpu * h, floor.vcpu());
        double targetMem = Math.max(taskMem * h, floor.memoryMiB());
        Optional<FargateSize> fit = FargateSizes.cheapestFitting(targetCpu, targetMem, vcpuWeight, gbWeight);
        FargateSize size = fit.orElse(FargateSizes.LARGEST);
        if (fit.isEmpty()) {
            warnings.add(ThanosWarning.of(ThanosWarning.Kind.TOO_LARGE, c.key() + ": the need with headroom (" + Num.fmt(targetCpu) + " vCPU / "
                    + Math.round(targetMem) + " MiB) exceeds the largest Fargate task; priced at " + FargateSizes.LARGEST.text() + ".",
                    c.key(), Num.fmt(targetCpu), Math.round(targetMem), FargateSizes.LARGEST.text()));
        }
        List<Explanation> all = new ArrayList<>(ex);
        all.add(Explanation.of("size", c.key()).formula("cheapestFargatePairForTask")
                .in("taskVcpu", taskCpu).in("taskMiB", taskMem).in("headroom", Num.fmt((h - 1) * 100) + " %")
                .in("floor", floor.cpuUnits() + "/" + floor.memoryMiB())
                .cite("fargatePairs", "documented").result(size.cpuUnits() + "/" + size.memoryMiB()));
        return new ThanosComponentSizing(c, cpuNeed, memNeed, targetCpu, targetMem, size, tasks, fit.isEmpty(), all);
    }

    private double ratio(Resolution r) {
        return switch (r) {
            case RAW -> 1;
            case FIVE_MINUTES -> k.fiveMinuteSizeRatio();
            case ONE_HOUR -> k.oneHourSizeRatio();
        };
    }

    /** Bytes of one shard's block of a resolution spanning the given hours. */
    private double blockBytes(double samplesPerShard, ThanosInputs in, Resolution r, double hours) {
        return samplesPerShard * hours * HOUR * in.blockBytesPerSample() * ratio(r);
    }

    /** Objects of a block: meta.json, the index and its chunk files (at least one). */
    double objects(double blockBytes) {
        return 2 + chunkFiles(blockBytes);
    }

    private double chunkFiles(double blockBytes) {
        double chunks = blockBytes * (1 - k.indexShareOfBlock());
        return Math.max(1, Math.ceil(chunks / (k.chunkFileMiB() * MIB)));
    }

    /** PUT-class requests to upload a block: meta.json, the index and every chunk file. */
    double puts(double blockBytes) {
        double index = blockBytes * k.indexShareOfBlock();
        double chunks = blockBytes - index;
        double files = chunkFiles(blockBytes);
        double full = k.chunkFileMiB() * MIB;
        double lastFile = chunks - (files - 1) * full;
        return 1 + putsFor(index) + (files - 1) * putsFor(full) + putsFor(lastFile);
    }

    /** One PUT up to the part size; above it a multipart upload: a POST to start, a PUT per part, a POST to complete. */
    double putsFor(double bytes) {
        double part = k.partSizeMiB() * MIB;
        return bytes <= part ? 1 : Math.ceil(bytes / part) + 2;
    }

    private static int firstLevelAtLeast(List<Double> levels, double hours) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i) >= hours) {
                return i;
            }
        }
        return levels.size() - 1;
    }

    /** The average over [a, b] of clamp(t - start, 0, width). */
    static double averageClamp(double a, double b, double start, double width) {
        return (integralClamp(b, start, width) - integralClamp(a, start, width)) / (b - a);
    }

    private static double integralClamp(double x, double start, double width) {
        double u = x - start;
        if (u <= 0) {
            return 0;
        }
        if (u <= width) {
            return u * u / 2;
        }
        return width * width / 2 + width * (u - width);
    }
}
