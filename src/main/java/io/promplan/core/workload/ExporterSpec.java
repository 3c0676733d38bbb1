package io.promplan.core.workload;

import io.promplan.core.units.TimeSpan;
import java.util.List;

/** The CloudWatch Exporter: the metrics it requests, the API it calls and how often Prometheus scrapes it. */
public record ExporterSpec(TimeSpan scrapeInterval, TimeSpan period, List<CloudWatchMetric> metrics, ExporterApi api,
                           TimeSpan listMetricsCacheTtl) {
    /** cloudwatch_exporter's list_metrics_cache_ttl the export sets: ListMetrics is called at most once per metric in this time. */
    public static final TimeSpan DEFAULT_LIST_METRICS_CACHE_TTL = TimeSpan.parse("10m");
    /** ListMetrics returns at most 500 metrics a page. */
    public static final int LIST_METRICS_PAGE = 500;

    public ExporterSpec {
        metrics = List.copyOf(metrics);
        api = api == null ? ExporterApi.GET_METRIC_DATA : api;
        listMetricsCacheTtl = listMetricsCacheTtl == null ? DEFAULT_LIST_METRICS_CACHE_TTL : listMetricsCacheTtl;
    }

    public ExporterSpec(TimeSpan scrapeInterval, TimeSpan period, List<CloudWatchMetric> metrics) {
        this(scrapeInterval, period, metrics, ExporterApi.GET_METRIC_DATA, DEFAULT_LIST_METRICS_CACHE_TTL);
    }

    public ExporterSpec(TimeSpan scrapeInterval, TimeSpan period, List<CloudWatchMetric> metrics, ExporterApi api) {
        this(scrapeInterval, period, metrics, api, DEFAULT_LIST_METRICS_CACHE_TTL);
    }

    public ExporterSpec withApi(ExporterApi a) {
        return new ExporterSpec(scrapeInterval, period, metrics, a, listMetricsCacheTtl);
    }

    public ExporterSpec withScrapeInterval(TimeSpan t) {
        return new ExporterSpec(t, period, metrics, api, listMetricsCacheTtl);
    }

    /** Scrapes of the exporter a month. */
    public double scrapesPerMonth() {
        return io.promplan.core.units.Hours.SECONDS_PER_MONTH / (double) scrapeInterval.seconds();
    }

    /**
     * ListMetrics calls a month: each metric's dimension selection is listed again once the cache
     * expires (at most once a scrape), one call per page of 500.
     */
    public double listMetricsCallsPerMonth(int serviceCount) {
        double refreshSeconds = Math.max(scrapeInterval.seconds(), listMetricsCacheTtl.seconds());
        double refreshes = io.promplan.core.units.Hours.SECONDS_PER_MONTH / refreshSeconds;
        return metrics.stream().mapToDouble(m -> Math.ceil(Math.max(1, m.combinations(serviceCount)) / (double) LIST_METRICS_PAGE)).sum() * refreshes;
    }

    /** Metric x dimension combinations (without statistics): GetMetricStatistics requests per scrape. */
    public long combinationsPerScrape(int serviceCount) {
        return metrics.stream().mapToLong(m -> (long) m.combinations(serviceCount)).sum();
    }

    /** Metric x statistic x dimension combinations requested on each scrape. */
    public long metricsPerScrape(int serviceCount) {
        return metrics.stream().mapToLong(m -> (long) m.combinations(serviceCount) * m.statistics().size()).sum();
    }
}
