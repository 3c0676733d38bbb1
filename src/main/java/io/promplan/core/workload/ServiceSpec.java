package io.promplan.core.workload;

/**
 * One monitored ECS service: metric names it exposes, average label combinations per metric name
 * (series per metric), how many of its metric names are histograms and with how many buckets, and
 * how many tasks (scrape targets) it runs.
 */
public record ServiceSpec(String name, int metrics, double seriesPerMetric, int targets,
                          double histogramShare, int histogramBuckets) {

    /** Series one target exposes: plain metrics plus, per histogram, its buckets and _sum, _count. */
    public double seriesPerTarget() {
        double plain = metrics * (1 - histogramShare) * seriesPerMetric;
        double hist = metrics * histogramShare * seriesPerMetric * (histogramBuckets + 2);
        return plain + hist;
    }

    public ServiceSpec withName(String n) {
        return new ServiceSpec(n, metrics, seriesPerMetric, targets, histogramShare, histogramBuckets);
    }
}
