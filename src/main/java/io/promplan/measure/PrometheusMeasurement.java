package io.promplan.measure;

import java.util.List;

/**
 * A running Prometheus as read through its HTTP API. Figures that could not be read are NaN (or
 * empty text) and {@link #notes()} says why.
 *
 * @param headSeries       series in the head block
 * @param samplesPerSecond samples appended per second over the window
 * @param rssBytes         resident memory of the process (needs the server to scrape itself)
 * @param cpuCores         CPU cores of the process over the window
 * @param blocksBytes      bytes of persisted blocks
 * @param walBytes         bytes of the write-ahead log
 * @param headChunksBytes  bytes of memory-mapped head chunks on disk
 * @param blocksSpanSeconds time the persisted blocks cover (lowest timestamp to the head's start)
 * @param retentionTime    --storage.tsdb.retention.time ("" unknown)
 * @param retentionSize    --storage.tsdb.retention.size ("0B" none, "" unknown)
 * @param selfJob          the job in which the server scrapes itself ("" none found)
 */
public record PrometheusMeasurement(String url, String version, long headSeries, double samplesPerSecond, double rssBytes, double cpuCores,
                                    double blocksBytes, double walBytes, double headChunksBytes, double blocksSpanSeconds,
                                    String retentionTime, String retentionSize, String selfJob, String window, List<Job> jobs,
                                    List<String> notes) {
    public PrometheusMeasurement {
        jobs = List.copyOf(jobs);
        notes = List.copyOf(notes);
    }

    /**
     * One scrape job.
     *
     * @param series              series per scrape over all its targets (meta-series not included)
     * @param families            metric families (-1 when not measured)
     * @param histograms          histogram families
     * @param bucketsPerHistogram buckets per histogram label set
     */
    public record Job(String job, int targets, long series, double scrapeIntervalSeconds, long families, long histograms,
                      double bucketsPerHistogram, String scrapeUrl) {
    }

    /** Bytes per sample of the persisted blocks, NaN when there are none to tell. */
    public double blockBytesPerSample() {
        if (!(blocksBytes > 0) || !(blocksSpanSeconds > 0) || !(samplesPerSecond > 0)) {
            return Double.NaN;
        }
        return blocksBytes / (samplesPerSecond * blocksSpanSeconds);
    }

    /** The size on disk: blocks, WAL and head chunks (NaN parts count as 0). */
    public double diskBytes() {
        return nz(blocksBytes) + nz(walBytes) + nz(headChunksBytes);
    }

    private static double nz(double d) {
        return Double.isNaN(d) ? 0 : d;
    }
}
