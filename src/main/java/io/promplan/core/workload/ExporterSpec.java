package io.promplan.core.workload;

import io.promplan.core.units.TimeSpan;
import java.util.List;

/** The CloudWatch Exporter: the metrics it requests, the API it calls and how often Prometheus scrapes it. */
public record ExporterSpec(TimeSpan scrapeInterval, TimeSpan period, List<CloudWatchMetric> metrics, ExporterApi api) {
    public ExporterSpec {
        metrics = List.copyOf(metrics);
        api = api == null ? ExporterApi.GET_METRIC_DATA : api;
    }

    public ExporterSpec(TimeSpan scrapeInterval, TimeSpan period, List<CloudWatchMetric> metrics) {
        this(scrapeInterval, period, metrics, ExporterApi.GET_METRIC_DATA);
    }

    public ExporterSpec withApi(ExporterApi a) {
        return new ExporterSpec(scrapeInterval, period, metrics, a);
    }

    public ExporterSpec withScrapeInterval(TimeSpan t) {
        return new ExporterSpec(t, period, metrics, api);
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
