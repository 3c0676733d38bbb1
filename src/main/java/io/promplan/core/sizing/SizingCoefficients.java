package io.promplan.core.sizing;

/**
 * The coefficients of the Prometheus model, with where they came from. {@link #published()} holds
 * the published guidance; a calibration run on a real Prometheus (bench/calibrate-prometheus) writes
 * measured ones that replace them.
 *
 * @param blockBytesPerSample    bytes per sample in compacted 2-hour blocks (chunks + index share)
 * @param walBytesPerSample      bytes per sample in the write-ahead log
 * @param headChunkBytesPerSample bytes per sample in memory-mapped head chunks on disk
 * @param rssBytesPerSeries      resident memory per active series (Go GC headroom included)
 * @param rssBaseMiB             resident memory of an idle Prometheus
 * @param cpuCoresPerKSamples    CPU cores per 1,000 samples ingested per second
 * @param cpuBaseCores           CPU of an idle Prometheus (self scrape, housekeeping)
 * @param queryCoreSeconds       CPU seconds one dashboard panel query costs
 * @param queryMiB               memory one query in flight holds
 * @param prometheusSelfSeries   series Prometheus exposes about itself (its own scrape job)
 * @param disk                   bytes per sample from the scrape interval and the value mix; null when the
 *                               calibration has only the flat figures above (they then hold at every interval)
 */
public record SizingCoefficients(
        String source,
        String prometheusVersion,
        String measuredAt,
        String machine,
        double blockBytesPerSample,
        double walBytesPerSample,
        double headChunkBytesPerSample,
        double rssBytesPerSeries,
        double rssBaseMiB,
        double cpuCoresPerKSamples,
        double cpuBaseCores,
        double queryCoreSeconds,
        double queryMiB,
        int prometheusSelfSeries,
        DiskModel disk) {

    /** Coefficients with flat disk figures (no interval or mix dependence). */
    public SizingCoefficients(String source, String prometheusVersion, String measuredAt, String machine,
                              double blockBytesPerSample, double walBytesPerSample, double headChunkBytesPerSample,
                              double rssBytesPerSeries, double rssBaseMiB, double cpuCoresPerKSamples, double cpuBaseCores,
                              double queryCoreSeconds, double queryMiB, int prometheusSelfSeries) {
        this(source, prometheusVersion, measuredAt, machine, blockBytesPerSample, walBytesPerSample, headChunkBytesPerSample,
                rssBytesPerSeries, rssBaseMiB, cpuCoresPerKSamples, cpuBaseCores, queryCoreSeconds, queryMiB, prometheusSelfSeries, null);
    }

    /**
     * The same coefficients with the disk figures a workload gets (its interval and value mix): what a
     * plan's sizing carries, so that every figure derived from it uses the same bytes per sample.
     */
    public SizingCoefficients withDiskFigures(double block, double wal, double head) {
        return new SizingCoefficients(source, prometheusVersion, measuredAt, machine, block, wal, head, rssBytesPerSeries, rssBaseMiB,
                cpuCoresPerKSamples, cpuBaseCores, queryCoreSeconds, queryMiB, prometheusSelfSeries, disk);
    }

    /** Published guidance (Prometheus docs, Robust Perception, Mimir capacity planning). */
    public static SizingCoefficients published() {
        return new SizingCoefficients(
                "published guidance: Prometheus storage docs (1-2 B/sample), Robust Perception (~3 kB/series, x1.5 GC),"
                        + " Grafana Mimir capacity planning (1 core per 25k samples/s)",
                "", "", "",
                1.7, 3.5, 1.5, 4500, 60, 0.04, 0.01, 0.01, 16, 1000);
    }
}
