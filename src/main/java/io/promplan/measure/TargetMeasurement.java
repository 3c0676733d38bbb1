package io.promplan.measure;

import java.util.List;

/**
 * One endpoint as measured.
 *
 * @param series        series in the scrape that had most ({@code counts.series()})
 * @param changedShare  share of the last scrape's series whose value differs from the first scrape's
 * @param seriesAdded   series of the last scrape the first lacked
 * @param seriesRemoved series of the first scrape the last lacked
 */
public record TargetMeasurement(String name, String url, String format, int scrapes, SeriesCounts counts, long seriesMin,
                                double changedShare, long seriesAdded, long seriesRemoved, long createdSeries,
                                List<String> largestFamilies, List<String> labelValues, long bytes, double slowestSeconds,
                                List<String> notes) {
    public TargetMeasurement {
        largestFamilies = List.copyOf(largestFamilies);
        labelValues = List.copyOf(labelValues);
        notes = List.copyOf(notes);
    }

    public long series() {
        return counts.series();
    }
}
