package io.promplan.core.sizing;

/**
 * The coefficients of the Thanos model. {@link #documented()} takes each from the Thanos documentation (docs/thanos-sizing.md
 * lists the page of each) or, where the documentation gives no figure, marks it an assumption; none is measured here (no
 * Thanos binary is reachable from the machines this planner is built on).
 *
 * @param blockHours                  block span the sidecar uploads: Prometheus's min and max block duration, both 2 h
 * @param compactionLevelHours        the compactor's levels: 2 h blocks into 8 h, 2 d and 14 d blocks
 * @param downsample5mAfterHours      raw blocks are downsampled to 5 m once 40 h old (in practice once a 2-day block exists)
 * @param downsample1hAfterHours      5 m blocks are downsampled to 1 h once 10 days old (once a 14-day block exists)
 * @param fiveMinuteSizeRatio         size of the 5 m data relative to the raw data of the same time range
 * @param oneHourSizeRatio            size of the 1 h data relative to the raw data ("~3x" with every resolution kept)
 * @param chunkFileMiB                a block's chunk files hold up to 512 MiB each
 * @param partSizeMiB                 the S3 client's multipart part size (part_size, 64 MiB in the default configuration)
 * @param indexShareOfBlock           the index's share of a block's bytes (the example block of the storage docs: 19 %)
 * @param indexHeaderMiBPerBlock      the Store Gateway's index-header per block (6 MB on average; 30 MB and more at high cardinality)
 * @param indexCacheMiB               the Store Gateway's in-memory index cache (--index-cache-size, 250 MB)
 * @param chunkPoolMiB                the Store Gateway's chunk pool (--chunk-pool-size, 2 GB)
 * @param storeSyncMinutes            the Store Gateway's bucket sync (--sync-block-duration, 15 m)
 * @param compactorWaitMinutes        the compactor's loop (--wait-interval, 5 m)
 * @param deleteDelayHours            blocks marked for deletion stay this long (--delete-delay, 48 h)
 * @param compactConcurrency          --compact.concurrency (1): CPU cores and parallel compactions
 * @param sidecarBaseMiB              assumption: the sidecar's idle memory (no documented figure)
 * @param sidecarVcpu                 assumption: the sidecar's CPU (no documented figure)
 * @param queryBaseMiB                assumption: Thanos Query's idle memory
 * @param queryBaseVcpu               assumption: Thanos Query's idle CPU
 * @param storeBaseMiB                assumption: the Store Gateway's memory besides caches and index-headers
 * @param storeBaseVcpu               assumption: the Store Gateway's idle CPU
 * @param compactorBaseMiB            assumption: the compactor's memory besides the documented per-block terms
 * @param getsPerBlockPerStoreQuery   assumption: GET range requests per block a query reaches (postings, series, chunks)
 * @param getsPerNewBlockIndexHeader  assumption: GET range requests to build a new block's index-header (TOC, symbols, postings offsets)
 * @param listsPerDeletedBlock        assumption: LIST requests to delete a block (the block's folder and its chunks/ folder)
 */
public record ThanosCoefficients(
        String source,
        double blockHours,
        java.util.List<Double> compactionLevelHours,
        double downsample5mAfterHours,
        double downsample1hAfterHours,
        double fiveMinuteSizeRatio,
        double oneHourSizeRatio,
        double chunkFileMiB,
        double partSizeMiB,
        double indexShareOfBlock,
        double indexHeaderMiBPerBlock,
        double indexCacheMiB,
        double chunkPoolMiB,
        double storeSyncMinutes,
        double compactorWaitMinutes,
        double deleteDelayHours,
        int compactConcurrency,
        double sidecarBaseMiB,
        double sidecarVcpu,
        double queryBaseMiB,
        double queryBaseVcpu,
        double storeBaseMiB,
        double storeBaseVcpu,
        double compactorBaseMiB,
        double getsPerBlockPerStoreQuery,
        double getsPerNewBlockIndexHeader,
        double listsPerDeletedBlock) {

    /** Where a documented coefficient comes from, as every explanation names it. */
    public static final String DOCUMENTED = "Thanos documentation, not measured here";
    /** What an explanation says of a figure the Thanos documentation does not give. */
    public static final String ASSUMED = "assumption (the Thanos documentation gives no figure), not measured here";

    public ThanosCoefficients {
        compactionLevelHours = java.util.List.copyOf(compactionLevelHours);
        if (compactionLevelHours.isEmpty()) {
            throw new IllegalArgumentException("at least one compaction level");
        }
    }

    /** The sidecar's memory need: its base and one multipart part buffered while a block uploads. */
    public double sidecarMemoryMiB() {
        return sidecarBaseMiB + partSizeMiB;
    }

    /** The largest block the compactor makes, in hours (14 days). */
    public double largestBlockHours() {
        return compactionLevelHours.get(compactionLevelHours.size() - 1);
    }

    /** The coefficients of the Thanos documentation (components/compact.md, store.md, sidecar.md, storage.md, design.md). */
    public static ThanosCoefficients documented() {
        return new ThanosCoefficients(DOCUMENTED,
                2, java.util.List.of(2.0, 8.0, 48.0, 336.0), 40, 240, 1.0, 1.0, 512, 64, 0.19, 6, 250, 2048, 15, 5, 48, 1,
                64, 0.05, 128, 0.05, 256, 0.1, 512, 3, 3, 2);
    }
}
