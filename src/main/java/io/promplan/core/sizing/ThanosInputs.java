package io.promplan.core.sizing;

/**
 * What the Thanos model needs from the workload, with the query-load assumptions and their defaults ({@link #of}).
 *
 * @param activeSeries               active series over every Prometheus shard
 * @param samplesPerSecond           samples ingested per second over every shard
 * @param prometheusShards           Prometheus servers (each with a sidecar, each its own block stream)
 * @param blockBytesPerSample        bytes per sample in compressed 2-hour blocks (chunks and index)
 * @param walBytesPerSample          bytes per sample in the write-ahead log (local TSDB)
 * @param headChunkBytesPerSample    bytes per sample in memory-mapped head chunks (local TSDB)
 * @param retentionRawDays           --retention.resolution-raw, days
 * @param retention5mDays            --retention.resolution-5m, days
 * @param retention1hDays            --retention.resolution-1h, days
 * @param localRetentionHours        Prometheus's own retention next to the sidecar (6 h = 3 x the block by default)
 * @param panelQueriesPerSecond      dashboard panel queries per second (all of them go through Thanos Query)
 * @param queriesInFlight            queries Thanos Query holds at once (at most --query.max-concurrent, 20)
 * @param storeQueryShare            share of the panel queries whose range reaches past the local retention (the Store Gateway)
 * @param blocksPerStoreQueryPerShard blocks of one shard such a query reaches
 * @param queryCoreSeconds           CPU seconds one panel query costs (the Prometheus model's figure: Query runs the same engine)
 * @param queryMiB                   memory one query in flight holds (the Prometheus model's figure)
 * @param headroomPercent            headroom on every need, as for the other tasks
 * @param prometheusVcpuPerShard     Prometheus's own need per shard (0 when unknown: the sidecar is then sized alone)
 * @param prometheusMemoryMiBPerShard Prometheus's own memory need per shard
 */
public record ThanosInputs(long activeSeries, double samplesPerSecond, int prometheusShards, double blockBytesPerSample,
                           double walBytesPerSample, double headChunkBytesPerSample, double retentionRawDays, double retention5mDays,
                           double retention1hDays, double localRetentionHours, double panelQueriesPerSecond, double queriesInFlight,
                           double storeQueryShare, double blocksPerStoreQueryPerShard, double queryCoreSeconds, double queryMiB,
                           double headroomPercent, double prometheusVcpuPerShard, double prometheusMemoryMiBPerShard) {
    public static final double DEFAULT_LOCAL_RETENTION_HOURS = 6;
    public static final double DEFAULT_STORE_QUERY_SHARE = 0.1;
    public static final double DEFAULT_BLOCKS_PER_STORE_QUERY = 4;
    public static final double DEFAULT_QUERIES_IN_FLIGHT = 10;

    public ThanosInputs {
        check(activeSeries > 0, "activeSeries must be above 0: " + activeSeries);
        check(samplesPerSecond > 0, "samplesPerSecond must be above 0: " + samplesPerSecond);
        check(prometheusShards >= 1, "prometheusShards must be at least 1: " + prometheusShards);
        check(blockBytesPerSample > 0 && walBytesPerSample >= 0 && headChunkBytesPerSample >= 0, "bytes per sample must be above 0");
        check(retentionRawDays > 0 && retention5mDays > 0 && retention1hDays > 0,
                "every resolution needs a finite retention above 0 days (0d, Thanos's 'forever', has no steady state to price)");
        check(localRetentionHours > 0, "localRetentionHours must be above 0: " + localRetentionHours);
        check(panelQueriesPerSecond >= 0 && queriesInFlight >= 0 && blocksPerStoreQueryPerShard >= 0, "query load must not be negative");
        check(storeQueryShare >= 0 && storeQueryShare <= 1, "storeQueryShare must be between 0 and 1: " + storeQueryShare);
        check(headroomPercent >= 0, "headroomPercent must not be negative: " + headroomPercent);
        check(prometheusVcpuPerShard >= 0 && prometheusMemoryMiBPerShard >= 0, "Prometheus's need must not be negative");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The workload's figures with the defaults: the Prometheus model's published bytes per sample and query costs, 6 hours of
     * local retention, no dashboard load, 10 queries in flight, 10 % of queries reaching the Store Gateway, 4 blocks per shard
     * each, 30 % headroom, the sidecar sized alone.
     */
    public static ThanosInputs of(long activeSeries, double samplesPerSecond, int shards, double retentionRawDays, double retention5mDays,
                                  double retention1hDays) {
        SizingCoefficients k = SizingCoefficients.published();
        return new ThanosInputs(activeSeries, samplesPerSecond, shards, k.blockBytesPerSample(), k.walBytesPerSample(),
                k.headChunkBytesPerSample(), retentionRawDays, retention5mDays, retention1hDays, DEFAULT_LOCAL_RETENTION_HOURS, 0,
                DEFAULT_QUERIES_IN_FLIGHT, DEFAULT_STORE_QUERY_SHARE, DEFAULT_BLOCKS_PER_STORE_QUERY, k.queryCoreSeconds(), k.queryMiB(), 30, 0, 0);
    }

    public ThanosInputs withQueryLoad(double panelQueriesPerSecond, double queriesInFlight) {
        return new ThanosInputs(activeSeries, samplesPerSecond, prometheusShards, blockBytesPerSample, walBytesPerSample, headChunkBytesPerSample,
                retentionRawDays, retention5mDays, retention1hDays, localRetentionHours, panelQueriesPerSecond, queriesInFlight, storeQueryShare,
                blocksPerStoreQueryPerShard, queryCoreSeconds, queryMiB, headroomPercent, prometheusVcpuPerShard, prometheusMemoryMiBPerShard);
    }

    public ThanosInputs withPrometheusNeed(double vcpuPerShard, double memoryMiBPerShard) {
        return new ThanosInputs(activeSeries, samplesPerSecond, prometheusShards, blockBytesPerSample, walBytesPerSample, headChunkBytesPerSample,
                retentionRawDays, retention5mDays, retention1hDays, localRetentionHours, panelQueriesPerSecond, queriesInFlight, storeQueryShare,
                blocksPerStoreQueryPerShard, queryCoreSeconds, queryMiB, headroomPercent, vcpuPerShard, memoryMiBPerShard);
    }

    public ThanosInputs withRetention(double rawDays, double fiveMinuteDays, double oneHourDays) {
        return new ThanosInputs(activeSeries, samplesPerSecond, prometheusShards, blockBytesPerSample, walBytesPerSample, headChunkBytesPerSample,
                rawDays, fiveMinuteDays, oneHourDays, localRetentionHours, panelQueriesPerSecond, queriesInFlight, storeQueryShare,
                blocksPerStoreQueryPerShard, queryCoreSeconds, queryMiB, headroomPercent, prometheusVcpuPerShard, prometheusMemoryMiBPerShard);
    }

    public ThanosInputs withLocalRetentionHours(double hours) {
        return new ThanosInputs(activeSeries, samplesPerSecond, prometheusShards, blockBytesPerSample, walBytesPerSample, headChunkBytesPerSample,
                retentionRawDays, retention5mDays, retention1hDays, hours, panelQueriesPerSecond, queriesInFlight, storeQueryShare,
                blocksPerStoreQueryPerShard, queryCoreSeconds, queryMiB, headroomPercent, prometheusVcpuPerShard, prometheusMemoryMiBPerShard);
    }
}
