package io.promplan.core.workload;

import io.promplan.core.units.TimeSpan;
import java.util.List;

/** The CloudWatch Exporter: the metrics it requests and how often Prometheus scrapes it. */
public record ExporterSpec(TimeSpan scrapeInterval, TimeSpan period, List<CloudWatchMetric> metrics) {
    public ExporterSpec {
        metrics = List.copyOf(metrics);
    }

    /** Metric x statistic x dimension combinations requested on each scrape. */
    public long metricsPerScrape(int serviceCount) {
        return metrics.stream().mapToLong(m -> (long) m.combinations(serviceCount) * m.statistics().size()).sum();
    }
}
