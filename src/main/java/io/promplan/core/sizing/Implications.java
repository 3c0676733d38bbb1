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
        out.add(Explanation.of("this workload's storage", "active series / scrape interval x 86,400 s x bytes per sample = a day; x retention days")
                .in("active series", s.activeSeries()).in("scrapeInterval", w.scrapeInterval().text())
                .in("samples/s", s.samplesPerSecond()).in("bytes per sample", bps)
                .in("MiB a day", perDayGiB * 1024).in("retention", w.retention().text())
                .result(Num.fmt(perDayGiB * retentionDays) + " GiB over " + w.retention().text(), "storage",
                        List.of(Num.fmt(perDayGiB * retentionDays), w.retention().text())));
        double serviceSeries = s.serviceSeries() + s.metaSeries();
        double serviceGiB = serviceSeries / interval * 86_400 * bps / GIB * retentionDays;
        out.add(Explanation.of("the services' own series", "service and meta-series / scrape interval x 86,400 s x bytes per sample x retention days (without Prometheus's and the exporter's own series)")
                .in("series", Math.round(serviceSeries)).in("samples/s", serviceSeries / interval)
                .result(Num.fmt(serviceGiB * 1024) + " MiB over " + w.retention().text() + atPublished(bps, serviceGiB * 1024 * PUBLISHED_BPS / bps, " MiB"),
                        "serviceSeries", args(List.of(Num.fmt(serviceGiB * 1024), w.retention().text()), bps, serviceGiB * 1024 * PUBLISHED_BPS / bps)));
        long names = (long) w.serviceCount() * w.metricsPerService() * Math.max(1, w.targetsPerService());
        if (w.storage().prometheusGiB() > 0) {
            double gibPerDay = w.storage().prometheusGiB() * SizingModel.VOLUME_FILL / Math.max(retentionDays, 1e-9);
            double series = seriesFor(gibPerDay, interval, bps);
            out.add(Explanation.of("series the pinned storage implies", "pinned GiB x 85 % / retention days = GiB a day; series = GiB a day x 2^30 / (86,400 s / interval x bytes per sample)")
                    .in("pinned GiB", w.storage().prometheusGiB()).in("retention days", retentionDays)
                    .in("GiB a day", gibPerDay).in("series per metric name", series / Math.max(1, names))
                    .result(Math.round(series) + " active series, " + Num.fmt(series / Math.max(1, s.activeSeries())) + " x this workload's"
                            + atPublished(bps, Math.round(series * bps / PUBLISHED_BPS), " series"), "pinnedStorage",
                            args(List.of(String.valueOf(Math.round(series)), Num.fmt(series / Math.max(1, s.activeSeries()))), bps, Math.round(series * bps / PUBLISHED_BPS))));
        }
        if (b.claimedGiBPerDay() > 0) {
            double series = seriesFor(b.claimedGiBPerDay(), interval, bps);
            out.add(Explanation.of("series the plan's daily growth implies", "series = GiB a day x 2^30 / (86,400 s / interval x bytes per sample)")
                    .in("claimed GiB a day", b.claimedGiBPerDay()).in("scrapeInterval", w.scrapeInterval().text())
                    .in("series per metric name", series / Math.max(1, names))
                    .in("this scenario's seriesPerMetric", w.seriesPerMetric())
                    .result(Math.round(series) + " active series, " + Num.fmt(series / Math.max(1, s.activeSeries())) + " x this workload's"
                            + atPublished(bps, Math.round(series * bps / PUBLISHED_BPS), " series"), "claimedGrowth",
                            args(List.of(String.valueOf(Math.round(series)), Num.fmt(series / Math.max(1, s.activeSeries()))), bps, Math.round(series * bps / PUBLISHED_BPS))));
        }
        return out;
    }

    /** The middle of the Prometheus documentation's 1-2 bytes per sample, for comparison with the measured figure. */
    static final double PUBLISHED_BPS = 1.5;

    private static String atPublished(double bps, double value, String unit) {
        if (Math.abs(bps - PUBLISHED_BPS) < 0.05) {
            return "";
        }
        return " (at " + Num.fmt(bps) + " B/sample measured; " + Num.fmt(value) + unit + " at the documented 1-2 B/sample, taking 1.5)";
    }

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
