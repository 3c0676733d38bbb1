package io.promplan.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.plan.Plan;
import io.promplan.core.sizing.Explanation;
import org.junit.jupiter.api.Test;

/** The plan's own words, checked against each other: 500 series give tens of MB (about a hundred at the measured, poorly compressing value mix); 1 GB a day needs ~100k series. */
class ImplicationsTest {
    private final Plan seed = TestSupport.service().plan(TestSupport.seed());

    /** The implication of this key; its result as the command line writes it in English. */
    private String result(String figure) {
        return io.promplan.render.Words.english().implicationResult(find(figure));
    }

    private Explanation find(String figure) {
        return seed.implications().stream().filter(e -> e.figure().key().equals(figure)).findFirst().orElseThrow();
    }

    @Test
    void fiveHundredSeriesGiveTensOfMegabytesOverFifteenDays() {
        String r = result("serviceSeries");
        double mib = Double.parseDouble(r.substring(0, r.indexOf(' ')));
        assertThat(mib).isBetween(10.0, 200.0);
        assertThat(r).contains("over 15d");
        String published = r.substring(r.indexOf("; ") + 2);
        assertThat(Double.parseDouble(published.substring(0, published.indexOf(' ')))).as("at the documented 1-2 B/sample").isBetween(10.0, 99.0);
    }

    @Test
    void oneGigabyteADayNeedsRoughlyAHundredThousandSeries() {
        String r = result("claimedGrowth");
        long series = Long.parseLong(r.substring(0, r.indexOf(' ')));
        assertThat(series).isBetween(50_000L, 200_000L);
        String published = r.substring(r.indexOf("; ") + 2);
        assertThat(Long.parseLong(published.substring(0, published.indexOf(' ')))).as("at the documented 1-2 B/sample").isBetween(80_000L, 200_000L);
        assertThat(find("claimedGrowth").input("scenarioSeriesPerMetric")).isEqualTo("1");
    }

    @Test
    void thePinnedTwentyGigabytesImplyAFarLargerWorkload() {
        String r = result("pinnedStorage");
        assertThat(Long.parseLong(r.substring(0, r.indexOf(' ')))).isGreaterThan(50_000L);
        assertThat(english(seed)).anyMatch(w -> w.startsWith("storage: the pinned 20 GiB is"));
    }

    /** The plan's warnings as the command line writes them. */
    private static java.util.List<String> english(io.promplan.core.plan.Plan p) {
        return p.warnings().stream().map(io.promplan.render.Words.english()::warning).toList();
    }
}
