package io.promplan.core.sizing;

/**
 * Bytes per sample on disk as a function of the scrape interval and the value mix, fitted on the
 * calibration runs of one Prometheus version (bench/fit_disk_model.py).
 *
 * <p>A compacted 2-hour block holds S = 7200 / interval samples per series in C = ceil(S / 120)
 * chunks of m = S / C samples. Each chunk pays a fixed cost (framing, a 16-bit sample count, its
 * first two samples stored nearly in full) and each further sample a steady cost: a timestamp
 * delta-of-delta (1 bit when the scrape was on schedule, ~16 bits with jitter) plus its value
 * (1 bit when unchanged, {@code bitsPerChangedValue} on average when it changed). Each series also
 * pays its index entry once per block. At long intervals a block holds few samples per series, so
 * the fixed costs weigh more per sample; a mix with many constant series compresses better.
 *
 * <pre>
 * c      = h x changingShareHistogram + (1 - h) x changingShareOther
 * steady = timestampBits + 1 + c x (bitsPerChangedValue - 1)
 * chunk  = framing + 2 + (firstTwoSamplesBits + (m - 2) x steady) / 8 + 0.5
 * block bytes/sample = (C x chunk + indexBytesPerSeriesPerBlock + 8 x (C - 1)) / S
 * head chunk bytes/sample = chunk(headFramingBytesPerChunk) / m
 * </pre>
 *
 * @param mix                          the value mix the figures were fitted on (e.g. "synthetic")
 * @param timestampBits                steady bits per sample for its timestamp (scrape jitter)
 * @param firstTwoSamplesBits          bits of a chunk's first two samples
 * @param blockFramingBytesPerChunk    per-chunk framing in block chunk files (length, encoding, CRC32)
 * @param headFramingBytesPerChunk     per-chunk framing in chunks_head files (series ref, times, CRC32)
 * @param bitsPerChangedValue          bits of a value that differs from the previous one
 * @param indexBytesPerSeriesPerBlock  a series' index entry (labels, postings, symbols share) per block
 * @param changingShareHistogram       share of histogram samples (_bucket, _sum, _count) that change per scrape
 * @param changingShareOther           share of other samples that change per scrape
 * @param walBytesPerSample            bytes per sample in the write-ahead log
 */
public record DiskModel(String mix, double timestampBits, double firstTwoSamplesBits, double blockFramingBytesPerChunk,
                        double headFramingBytesPerChunk, double bitsPerChangedValue, double indexBytesPerSeriesPerBlock,
                        double changingShareHistogram, double changingShareOther, double walBytesPerSample) {
    public static final double BLOCK_SECONDS = 7200;
    public static final double SAMPLES_PER_CHUNK = 120;
    public static final double BYTES_PER_EXTRA_CHUNK_REF = 8;

    /** The share of samples whose value changed since the previous scrape, for a histogram share of the series. */
    public double changingShare(double histogramShare) {
        double h = Math.max(0, Math.min(1, histogramShare));
        return h * changingShareHistogram + (1 - h) * changingShareOther;
    }

    /** Steady bits of one sample after a chunk's first two. */
    public double steadyBits(double histogramShare) {
        return timestampBits + 1 + changingShare(histogramShare) * (bitsPerChangedValue - 1);
    }

    /** Samples per series in a 2-hour block at this interval (at least 2). */
    public static double samplesPerBlock(double intervalSeconds) {
        return Math.max(2, BLOCK_SECONDS / Math.max(1e-9, intervalSeconds));
    }

    public static double chunksPerBlock(double intervalSeconds) {
        return Math.ceil(samplesPerBlock(intervalSeconds) / SAMPLES_PER_CHUNK);
    }

    private double chunkBytes(double framing, double m, double histogramShare) {
        return framing + 2 + (firstTwoSamplesBits + (m - 2) * steadyBits(histogramShare)) / 8 + 0.5;
    }

    /** Bytes per sample in a compacted 2-hour block. */
    public double blockBytesPerSample(double intervalSeconds, double histogramShare) {
        double s = samplesPerBlock(intervalSeconds);
        double c = chunksPerBlock(intervalSeconds);
        double m = s / c;
        return (c * chunkBytes(blockFramingBytesPerChunk, m, histogramShare) + indexBytesPerSeriesPerBlock
                + BYTES_PER_EXTRA_CHUNK_REF * (c - 1)) / s;
    }

    /** Bytes per sample in the memory-mapped head chunks on disk. */
    public double headChunkBytesPerSample(double intervalSeconds, double histogramShare) {
        double s = samplesPerBlock(intervalSeconds);
        double m = s / chunksPerBlock(intervalSeconds);
        return chunkBytes(headFramingBytesPerChunk, m, histogramShare) / m;
    }
}
