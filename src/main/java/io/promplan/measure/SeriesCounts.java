package io.promplan.measure;

/**
 * The series of one target (one scrape) as the scenario's per-service figures need them.
 *
 * @param series          series in the scrape
 * @param families        metric families with samples
 * @param histograms      histogram, summary and gauge-histogram families
 * @param histogramSeries their series (buckets or quantiles, _sum, _count)
 * @param children        their label sets (one _count each)
 * @param buckets         their bucket (or quantile) series
 */
public record SeriesCounts(long series, long families, long histograms, long histogramSeries, long children, long buckets) {
    /** Buckets (or quantiles) per histogram label set, +Inf included. */
    public double bucketsPerHistogram() {
        return children == 0 ? 0 : buckets / (double) children;
    }
}
