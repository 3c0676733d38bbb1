package io.promplan.core.sizing;

import io.promplan.core.workload.Baseline;
import io.promplan.core.workload.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * What a workload's figures imply, in words, so that a plan's statements ("500 metrics", "~1 GB a
 * day", "20 GB") can be checked against each other: the storage the series count gives, the series
 * count a pinned volume or a claimed daily growth would need.
 */
public final class Implications {
    private static final double GIB = 1024.0 * 1024 * 1024;

    private Implications() {
    }

    public static List<Explanation> of(Workload w, Sizing s, Baseline b) {
        List<Explanation> out = new ArrayList<>();
        SizingCoefficients k = s.coefficients();
        double interval = w.scrapeInterval().seconds();
        double bps = k.blockBytesPerSample();
        double perDayGiB = s.samplesPerSecond() * 86_400 * bps / GIB;
        double retentionDays = w.retention().days();
        out.add(Explanation.of("storage")
                .in("activeSeries", s.activeSeries()).in("scrapeInterval", w.scrapeInterval().text())
                .in("samplesPerSecond", s.samplesPerSecond()).in("bytesPerSample", bps)
                .in("mibPerDay", perDayGiB * 1024).in("retention", w.retention().text())
                .result("storage", List.of(Num.fmt(perDayGiB * retentionDays), w.retention().text())));
        double serviceSeries = s.serviceSeries() + s.metaSeries();
        double serviceGiB = serviceSeries / interval * 86_400 * bps / GIB * retentionDays;
        out.add(Explanation.of("serviceSeries")
                .in("series", Math.round(serviceSeries)).in("samplesPerSecond", serviceSeries / interval)
                .result("serviceSeries", args(List.of(Num.fmt(serviceGiB * 1024), w.retention().text()), bps, serviceGiB * 1024 * PUBLISHED_BPS / bps)));
        long names = (long) w.serviceCount() * w.metricsPerService() * Math.max(1, w.targetsPerService());
        if (w.storage().prometheusGiB() > 0) {
            double gibPerDay = w.storage().prometheusGiB() * SizingModel.VOLUME_FILL / Math.max(retentionDays, 1e-9);
            double series = seriesFor(gibPerDay, interval, bps);
            out.add(Explanation.of("pinnedStorage")
                    .in("pinnedGiB", w.storage().prometheusGiB()).in("retentionDays", retentionDays)
                    .in("gibPerDay", gibPerDay).in("seriesPerMetricName", series / Math.max(1, names))
                    .result("pinnedStorage", args(List.of(String.valueOf(Math.round(series)), Num.fmt(series / Math.max(1, s.activeSeries()))), bps, Math.round(series * bps / PUBLISHED_BPS))));
        }
        if (b.claimedGiBPerDay() > 0) {
            double series = seriesFor(b.claimedGiBPerDay(), interval, bps);
            out.add(Explanation.of("claimedGrowth")
                    .in("claimedGibPerDay", b.claimedGiBPerDay()).in("scrapeInterval", w.scrapeInterval().text())
                    .in("seriesPerMetricName", series / Math.max(1, names))
                    .in("scenarioSeriesPerMetric", w.seriesPerMetric())
                    .result("claimedGrowth", args(List.of(String.valueOf(Math.round(series)), Num.fmt(series / Math.max(1, s.activeSeries()))), bps, Math.round(series * bps / PUBLISHED_BPS))));
        }
        return out;
    }

    /** The middle of the Prometheus documentation's 1-2 bytes per sample, for comparison with the measured figure. */
    static final double PUBLISHED_BPS = 1.5;

    /** The result's figures, then the measured bytes per sample and the figure at the documented 1.5 (both empty when they agree). */
    private static List<String> args(List<String> head, double bps, double atPublished) {
        List<String> out = new ArrayList<>(head);
        boolean differs = Math.abs(bps - PUBLISHED_BPS) >= 0.05;
        out.add(differs ? Num.fmt(bps) : "");
        out.add(differs ? Num.fmt(atPublished) : "");
        return out;
    }

    private static double seriesFor(double gibPerDay, double interval, double bps) {
        return gibPerDay * GIB / (86_400 / interval * bps);
    }
}
