package io.promplan.core.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a scenario's workload figures came from, when {@code promplan measure} wrote it: how
 * ({@code targets}: metrics endpoints scraped; {@code prometheus}: a running Prometheus read through
 * its HTTP API), when, by which build, the server read (if any), every source with its measured
 * figures, and the sources that could not be read. The plan does not use it; it documents the file.
 * Credentials are never part of it.
 */
public record Measurement(String method, String at, String by, Source server, List<Source> sources, List<String> failed) {
    public static final String TARGETS = "targets";
    public static final String PROMETHEUS = "prometheus";

    public Measurement {
        sources = List.copyOf(sources);
        failed = List.copyOf(failed);
    }

    /**
     * One source: a scraped endpoint or a Prometheus job (or the server itself), with its figures as
     * text in a fixed order; the keys are those of {@link #FIGURES}.
     */
    public record Source(String name, String url, Map<String, String> figures) {
        public Source {
            figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }
    }

    /** The figures a source may carry, each with the comment written above it. */
    public static final Map<String, String> FIGURES;

    static {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", "Prometheus version (build info)");
        f.put("format", "exposition format served: text 0.0.4 | openmetrics (gzip when compressed)");
        f.put("job", "scrape job (its targets form this service)");
        f.put("targets", "scrape targets measured");
        f.put("scrapes", "scrapes taken");
        f.put("scrapeInterval", "scrape interval of the job");
        f.put("series", "series one target exposes (most in any scrape)");
        f.put("seriesMin", "series in the scrape with fewest");
        f.put("families", "metric families (a histogram or summary counts once)");
        f.put("histograms", "histogram and summary families");
        f.put("histogramSeries", "series of histograms and summaries (buckets or quantiles, _sum, _count)");
        f.put("bucketsPerHistogram", "buckets (or quantiles) per histogram label set, +Inf included");
        f.put("changedShare", "share of series whose value changed between the first and last scrape");
        f.put("seriesAdded", "series in the last scrape that the first did not have (churn)");
        f.put("seriesRemoved", "series of the first scrape gone in the last (churn)");
        f.put("createdSeries", "OpenMetrics _created series among them (Prometheus 3.5 stores each as a series)");
        f.put("largestFamilies", "families with the most series");
        f.put("labelValues", "labels with the most distinct values");
        f.put("bytes", "bytes of the last scrape's body (uncompressed)");
        f.put("scrapeSeconds", "seconds the slowest scrape took");
        f.put("headSeries", "series in the head block (prometheus_tsdb_head_series)");
        f.put("samplesPerSecond", "samples appended per second (rate of prometheus_tsdb_head_samples_appended_total)");
        f.put("rssMiB", "resident memory of the Prometheus process (process_resident_memory_bytes)");
        f.put("cpuCores", "CPU cores the process uses (rate of process_cpu_seconds_total)");
        f.put("rssBytesPerSeries", "resident memory per head series, the idle process's share included");
        f.put("cpuCoresPerKSamples", "CPU cores per 1,000 samples appended per second, idle share included");
        f.put("blockBytesPerSample", "bytes per sample in the persisted blocks (blocks bytes / samples they span)");
        f.put("blocksGiB", "GiB of persisted blocks (prometheus_tsdb_storage_blocks_bytes)");
        f.put("walGiB", "GiB of write-ahead log (prometheus_tsdb_wal_storage_size_bytes)");
        f.put("retentionTime", "--storage.tsdb.retention.time of the server");
        f.put("retentionSize", "--storage.tsdb.retention.size of the server (0 = none)");
        f.put("selfJob", "the job in which the server scrapes itself (left out of the services: the model adds its own series)");
        f.put("window", "rate window of the per-second figures");
        f.put("note", "what could not be measured, and why");
        FIGURES = Collections.unmodifiableMap(f);
    }
}
