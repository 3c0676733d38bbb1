package io.promplan.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one scrape held: series per metric family, histogram buckets, and (for comparing scrapes) a
 * hash of every series with its value. Memory stays bounded: families, label values and tracked
 * series each have a cap, beyond which only counts go on.
 */
final class ScrapeAnalysis implements ExpositionParser.Sink {
    static final int MAX_FAMILIES = 200_000;
    static final int MAX_TRACKED_SERIES = 2_000_000;
    static final String OTHER_FAMILIES = "(families beyond " + MAX_FAMILIES + ")";

    /** Series of one family in this scrape. */
    static final class Family {
        final String type;
        long series;
        long children;
        long bucketSeries;

        Family(String type) {
            this.type = type;
        }

        boolean histogramLike() {
            return type.equals("histogram") || type.equals("summary") || type.equals("gaugehistogram");
        }
    }

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final LabelValues labelValues;
    private final LongLongMap values;
    private long series;
    private boolean trackingCut;
    private final Integer[] order = new Integer[ExpositionParser.MAX_LABELS];

    ScrapeAnalysis(LabelValues labelValues, boolean trackValues, int expectedSeries) {
        this.labelValues = labelValues;
        this.values = trackValues ? new LongLongMap(Math.min(Math.max(expectedSeries, 1024), MAX_TRACKED_SERIES)) : null;
    }

    @Override
    public void sample(String family, String type, String name, String[] labelNames, String[] labelValuesArr, int labels, double value) {
        series++;
        Family f = families.get(family);
        if (f == null) {
            if (families.size() >= MAX_FAMILIES) {
                family = OTHER_FAMILIES;
                f = families.computeIfAbsent(family, k -> new Family("untyped"));
            } else {
                f = new Family(type);
                families.put(family, f);
            }
        }
        f.series++;
        switch (f.type) {
            case "histogram" -> {
                if (name.endsWith("_bucket")) {
                    f.bucketSeries++;
                } else if (name.endsWith("_count")) {
                    f.children++;
                }
            }
            case "gaugehistogram" -> {
                if (name.endsWith("_bucket")) {
                    f.bucketSeries++;
                } else if (name.endsWith("_gcount")) {
                    f.children++;
                }
            }
            case "summary" -> {
                if (name.equals(family)) {
                    f.bucketSeries++;
                } else if (name.endsWith("_count")) {
                    f.children++;
                }
            }
            default -> {
            }
        }
        for (int i = 0; i < labels; i++) {
            labelValues.add(labelNames[i], labelValuesArr[i]);
        }
        if (values != null) {
            if (values.size() >= MAX_TRACKED_SERIES) {
                trackingCut = true;
            } else {
                values.put(key(name, labelNames, labelValuesArr, labels), Double.doubleToLongBits(value));
            }
        }
    }

    /** A 64-bit hash of the series' identity: its name and its labels sorted by name. */
    private long key(String name, String[] n, String[] v, int labels) {
        for (int i = 0; i < labels; i++) {
            order[i] = i;
        }
        // insertion sort: label sets are small and usually sorted already
        for (int i = 1; i < labels; i++) {
            Integer x = order[i];
            int j = i - 1;
            while (j >= 0 && n[order[j]].compareTo(n[x]) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
        long h = 0xcbf29ce484222325L;
        h = fnv(h, name);
        for (int i = 0; i < labels; i++) {
            h = fnv(h, "\u0000");
            h = fnv(h, n[order[i]]);
            h = fnv(h, "\u0001");
            h = fnv(h, v[order[i]]);
        }
        return LongLongMap.mix(h);
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    long series() {
        return series;
    }

    Map<String, Family> families() {
        return families;
    }

    LongLongMap values() {
        return values;
    }

    boolean trackingCut() {
        return trackingCut;
    }

    /** Families, histograms and their series, as the scenario's per-service figures need them. */
    SeriesCounts counts() {
        long fam = 0;
        long hist = 0;
        long histSeries = 0;
        long children = 0;
        long buckets = 0;
        for (Family f : families.values()) {
            if (f.series == 0) {
                continue;
            }
            fam++;
            if (f.histogramLike()) {
                hist++;
                histSeries += f.series;
                children += Math.max(1, f.children);
                buckets += f.bucketSeries;
            }
        }
        return new SeriesCounts(series, fam, hist, histSeries, children, buckets);
    }

    /** The n families with the most series, as "name=series". */
    List<String> largest(int n) {
        List<Map.Entry<String, Family>> all = new ArrayList<>(families.entrySet());
        all.sort(Comparator.comparingLong((Map.Entry<String, Family> e) -> -e.getValue().series).thenComparing(Map.Entry::getKey));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, all.size()); i++) {
            out.add(all.get(i).getKey() + "=" + all.get(i).getValue().series);
        }
        return out;
    }

    /** Distinct values of each label name over all scrapes of a target, capped in total. */
    static final class LabelValues {
        static final int MAX_VALUES = 200_000;
        private final Map<String, Set<String>> values = new HashMap<>();
        private final Set<String> capped = new HashSet<>();
        private int total;

        void add(String name, String value) {
            Set<String> s = values.get(name);
            if (s == null) {
                if (total >= MAX_VALUES) {
                    capped.add(name);
                    return;
                }
                s = new HashSet<>();
                values.put(name, s);
            }
            if (total >= MAX_VALUES) {
                if (!s.contains(value)) {
                    capped.add(name);
                }
                return;
            }
            if (s.add(value)) {
                total++;
            }
        }

        /** The n labels with the most distinct values, as "label=count" ("label>=count" when capped). */
        List<String> top(int n) {
            List<Map.Entry<String, Set<String>>> all = new ArrayList<>(values.entrySet());
            all.sort(Comparator.comparingInt((Map.Entry<String, Set<String>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey));
            List<String> out = new ArrayList<>();
            for (int i = 0; i < Math.min(n, all.size()); i++) {
                String k = all.get(i).getKey();
                out.add(k + (capped.contains(k) ? ">=" : "=") + all.get(i).getValue().size());
            }
            return out;
        }
    }
}
