package io.promplan.core.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.promplan.core.workload.FargateSize;
import io.promplan.core.workload.FargateSizes;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The Thanos model against hand-computed figures (every number below is worked out in the comments from the documented
 * coefficients, not by calling the model), and its properties.
 */
class ThanosSizingTest {
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double MIB = 1024.0 * 1024;
    /** us-east-1 Fargate x86 prices, only to order the sizes. */
    private static final ThanosSizing MODEL = new ThanosSizing(ThanosCoefficients.documented(), 0.04048, 0.004445);

    /**
     * 40 services of 3,000 series each: 120,000 active series scraped every 15 s = 8,000 samples/s, on 2 Prometheus shards,
     * a year at every resolution, dashboards at 2 panel queries/s.
     */
    private static ThanosInputs fortyServicesOneYear() {
        return ThanosInputs.of(120_000, 8_000, 2, 365, 365, 365).withQueryLoad(2, 10);
    }

    @Test
    void fortyServicesOneYearFigureByFigure() {
        ThanosResult r = MODEL.size(fortyServicesOneYear());

        // local TSDB per shard (4,000 samples/s): 6 h x 1.7 B + 3 h x 3.5 B + 2 h x 1.5 B per sample
        // = (146,880,000 + 151,200,000 + 43,200,000) B = 341,280,000 B = 0.317842 GiB -> a 1 GiB volume
        assertThat(r.localTsdbGiBPerShard()).isCloseTo(341_280_000 / GIB, within(1e-9));
        assertThat(r.localVolumeGiBPerShard()).isEqualTo(1);
        assertThat(r.headLossHours()).isEqualTo(2);

        // S3: 8,000 x 86,400 x 1.7 = 1,175,040,000 B = 1.094341 GiB a day per resolution (downsampled data ~ raw size: docs' "~3x")
        // kept days: raw 365 + 7 (half a 14-day block) + 2 x (1 + 3 compaction levels) = 380; 5m 365 + 7 + 2 x 2 = 376; 1h 365 + 7 + 2 = 374
        double perDay = 1_175_040_000 / GIB;
        assertThat(r.steadyStateGiB()).isCloseTo(perDay * (380 + 376 + 374), within(1e-6)); // 1,236.6 GiB
        assertThat(r.steadyStateGiB()).isCloseTo(1236.605, within(0.001));
        // full after max(380, 2 + 376, 14 + 374) = 388 days = 12.76 months: month 14 is the first wholly steady one
        assertThat(r.steadyStateMonth()).isEqualTo(14);
        assertThat(r.s3Months()).hasSize(14);
        // month 1 (30.4167 days): raw averages 30.4167 / 2 days; 5m starts at day 2: 28.4167^2 / 2 / 30.4167; 1h at day 14: 16.4167^2 / 2 / 30.4167
        double m = 730 / 24.0;
        double month1Days = m / 2 + (m - 2) * (m - 2) / 2 / m + (m - 14) * (m - 14) / 2 / m;
        assertThat(r.s3GiB(1)).isCloseTo(perDay * month1Days, within(1e-9)); // 36.02 GiB
        assertThat(r.s3GiB(1)).isCloseTo(36.018, within(0.001));
        assertThat(r.s3GiB(40)).isEqualTo(r.steadyStateGiB());

        // blocks per shard: raw 365/14 + 0.5 + 7 not yet at 14 d; 5m 365/14 + 0.5 + 3; 1h 365/14 + 0.5;
        // marked for deletion: 227 marks per 14 days x 2 days of delete delay = 32.43 -> 122.14 per shard, 244.29 for 2 shards
        double perShard = 3 * (365 / 14.0 + 0.5) + 7 + 3 + 227 / 14.0 * 2;
        assertThat(r.blocksInBucket()).isCloseTo(2 * perShard, within(1e-9));

        // uploads per shard and 14-day cycle: 168 blocks of 2 h (46.7 MiB: meta.json, an 8.9 MiB index, one 37.8 MiB chunk file) = 3 PUTs each
        double cycles = 2 * m / 14; // 2 shards x 2.1726 cycles a month
        ThanosRequests q = r.requests();
        assertThat(q.putClassBySource().get("sidecar uploads")).isCloseTo(168 * 3 * cycles, within(1e-6));
        // compaction uploads: 42 x 8 h (7: meta, index, a 151 MiB chunk file in 3 parts + 2) + 7 x 2 d (26: index 213 MiB = 4 + 2,
        // chunks 512 MiB = 8 + 2 and 395.7 MiB = 7 + 2, meta) + 1 x 14 d (153: index 1,490 MiB = 24 + 2, 12 x (8 + 2), 209.8 MiB = 4 + 2, meta)
        assertThat(q.putClassBySource().get("compaction uploads")).isCloseTo((42 * 7 + 7 * 26 + 153) * cycles, within(1e-6));
        // downsampling: 7 x 5m 2 d (26) + the 5m 14 d compaction (153) + 1 x 1h 14 d (153) = 488
        assertThat(q.putClassBySource().get("downsampling uploads")).isCloseTo(488 * cycles, within(1e-6));
        // deletion marks: raw sources 168 + 42 + 7, 5m sources 7, retention 3 = 227; 2 LISTs per deleted block
        assertThat(q.putClassBySource().get("deletion marks")).isCloseTo(227 * cycles, within(1e-6));
        assertThat(q.putClassBySource().get("deletion LISTs")).isCloseTo(454 * cycles, within(1e-6));
        // sync LISTs: (2,920 store syncs + 8,760 compactor syncs) a month x (1 + 244.29 block folders)
        assertThat(q.putClassBySource().get("Store Gateway sync LISTs")).isCloseTo(2920 * (1 + 2 * perShard), within(1e-6));
        assertThat(q.putClassBySource().get("compactor sync LISTs")).isCloseTo(8760 * (1 + 2 * perShard), within(1e-6));
        assertThat(q.putClassPerMonth()).isCloseTo(2_874_940, within(1.0));
        // GETs: compaction sources 168 x 3 + 42 x 3 + 7 x 4 = 658 objects; downsampling 7 x 4 + 7 x 4 + 15 = 71;
        // meta.json and marks read by 2 readers: 2 x (227 new + 227 marked); index-headers 3 x 227
        assertThat(q.getClassBySource().get("compaction downloads")).isCloseTo(658 * cycles, within(1e-6));
        assertThat(q.getClassBySource().get("downsampling downloads")).isCloseTo(71 * cycles, within(1e-6));
        assertThat(q.getClassBySource().get("meta.json and marker reads")).isCloseTo(908 * cycles, within(1e-6));
        assertThat(q.getClassBySource().get("index-header building")).isCloseTo(681 * cycles, within(1e-6));
        // queries: 2/s x 10 % x 2,628,000 s x 4 blocks x 2 shards x 3 GETs = 12,614,400
        assertThat(q.getClassBySource().get("queries")).isCloseTo(12_614_400, within(1e-3));
        assertThat(q.getClassPerMonth()).isCloseTo(12_614_400 + (658 + 71 + 908 + 681) * cycles, within(1e-3));

        // components (30 % headroom)
        ThanosComponentSizing sidecar = r.component(ThanosComponent.SIDECAR).orElseThrow();
        assertThat(sidecar.requiredMemoryMiB()).isEqualTo(128); // 64 MiB + one 64 MiB part
        assertThat(sidecar.size()).isEqualTo(new FargateSize(256, 512));
        assertThat(sidecar.tasks()).isEqualTo(2);
        ThanosComponentSizing query = r.component(ThanosComponent.QUERY).orElseThrow();
        assertThat(query.requiredMemoryMiB()).isCloseTo(128 + 10 * 16, within(1e-9)); // 288 MiB
        assertThat(query.requiredVcpu()).isCloseTo(0.05 + 2 * 0.01, within(1e-12));
        assertThat(query.size()).isEqualTo(new FargateSize(512, 1024)); // the floor
        // store: 256 + 250 (index cache) + 2,048 (chunk pool) + 244.29 blocks x 6 MiB of index-header = 4,019.7 MiB -> x 1.3 = 5,225.6 -> 1 vCPU / 6 GB
        ThanosComponentSizing store = r.component(ThanosComponent.STORE_GATEWAY).orElseThrow();
        assertThat(store.requiredMemoryMiB()).isCloseTo(256 + 250 + 2048 + 2 * perShard * 6, within(1e-9));
        assertThat(store.size()).isEqualTo(new FargateSize(1024, 6144));
        assertThat(r.storeGatewayDiskGiB()).isCloseTo(2 * perShard * 6 / 1024, within(1e-9));
        // compactor: 1 core (--compact.concurrency), 512 + 7 sources x 6 MiB / 32 + one series of 14 days
        // (8,000 / 120,000 samples/s x 1,209,600 s x 1.7 B = 137,088 B) -> 1.3 vCPU with headroom -> 2 vCPU / 4 GB
        ThanosComponentSizing compactor = r.component(ThanosComponent.COMPACTOR).orElseThrow();
        assertThat(compactor.requiredVcpu()).isEqualTo(1);
        assertThat(compactor.requiredMemoryMiB()).isCloseTo(512 + 7 * 6 / 32.0 + 137_088 / MIB, within(1e-9));
        assertThat(compactor.size()).isEqualTo(new FargateSize(2048, 4096));
        // scratch: 2 x one shard's 14 days (4,000 x 1,209,600 x 1.7 = 8,225,280,000 B) = 15.32 GiB
        assertThat(r.compactorScratchGiB()).isCloseTo(2 * 8_225_280_000.0 / GIB, within(1e-9));
        assertThat(r.warnings()).isEmpty();
    }

    /** A citation that ends in "Thanos documentation, not measured here" or "assumption ..., not measured here". */
    private static boolean notMeasuredHere(Explanation.Phrase cite) {
        List<String> ends = List.of("documented", "assumed");
        return cite != null && (ends.contains(cite.key()) || (!cite.args().isEmpty() && ends.containsAll(cite.args())));
    }

    @Test
    void everyFigureIsExplainedWithItsSource() {
        ThanosResult r = MODEL.size(fortyServicesOneYear());
        assertThat(r.explanations()).isNotEmpty();
        List<Explanation> all = new java.util.ArrayList<>(r.explanations());
        r.components().forEach(c -> all.addAll(c.explanations()));
        for (Explanation e : all) {
            assertThat(e.cite("source")).as(e.figure().key()).isNotNull();
            assertThat(notMeasuredHere(e.cite("source"))).as(e.figure().key()).isTrue();
            assertThat(e.formula().key()).as(e.figure().key()).isNotBlank();
        }
        for (ThanosComponentSizing c : r.components()) {
            assertThat(c.explanations()).as(c.component().key()).anySatisfy(e -> assertThat(e.figure()).isEqualTo(Explanation.Phrase.of("size", c.component().key())));
        }
        assertThat(r.requests().explanations()).allSatisfy(e -> assertThat(notMeasuredHere(e.cite("source"))).isTrue());
        assertThat(r.explanations()).extracting(e -> e.figure().key()).contains("thanosS3SteadyGiBRaw", "thanosS3SteadyGiB5m", "thanosS3SteadyGiB1h");
    }

    @Test
    void theSidecarJoinsThePrometheusTaskOfEachShard() {
        ThanosResult r = MODEL.size(fortyServicesOneYear().withPrometheusNeed(1.2, 3000));
        ThanosComponentSizing s = r.component(ThanosComponent.SIDECAR).orElseThrow();
        // (1.2 + 0.05) x 1.3 = 1.625 vCPU, (3,000 + 128) x 1.3 = 4,066.4 MiB -> 2 vCPU / 4 GB
        assertThat(s.targetVcpu()).isCloseTo(1.625, within(1e-9));
        assertThat(s.targetMemoryMiB()).isCloseTo(4066.4, within(1e-9));
        assertThat(s.size()).isEqualTo(new FargateSize(2048, 4096));
        assertThat(s.requiredMemoryMiB()).isEqualTo(128);
    }

    @Test
    void warningsForShortRetentionsAndAHugeCompactorDisk() {
        ThanosResult r = MODEL.size(ThanosInputs.of(120_000, 8_000, 1, 1, 7, 365).withLocalRetentionHours(2));
        assertThat(r.warnings()).extracting(ThanosWarning::kind).contains(ThanosWarning.Kind.LOCAL_RETENTION_SHORT,
                ThanosWarning.Kind.RETENTION_BEFORE_DOWNSAMPLING);
        assertThat(r.warnings()).filteredOn(w -> w.kind() == ThanosWarning.Kind.RETENTION_BEFORE_DOWNSAMPLING).extracting(w -> w.args().get(0))
                .containsExactly("raw", "5m");
        // 200,000 samples/s on one shard: 14 days = 411.3 GB (383 GiB), twice that (766 GiB) of scratch, above a task's 200 GiB
        ThanosResult big = MODEL.size(ThanosInputs.of(3_000_000, 200_000, 1, 365, 365, 365));
        assertThat(big.compactorScratchGiB()).isGreaterThan(200);
        assertThat(big.warnings()).extracting(ThanosWarning::kind).contains(ThanosWarning.Kind.COMPACTOR_SCRATCH_TOO_BIG);
    }

    @Test
    void nonsenseInputIsRefusedWithTheField() {
        assertThatThrownBy(() -> ThanosInputs.of(0, 8_000, 1, 365, 365, 365)).hasMessageContaining("activeSeries");
        assertThatThrownBy(() -> ThanosInputs.of(1000, 8_000, 0, 365, 365, 365)).hasMessageContaining("prometheusShards");
        assertThatThrownBy(() -> ThanosInputs.of(1000, 8_000, 1, 0, 365, 365)).hasMessageContaining("retention");
    }

    @Test
    void multipartUploadsCountTheirStartPartsAndCompletion() {
        assertThat(MODEL.putsFor(64 * MIB)).isEqualTo(1);
        assertThat(MODEL.putsFor(64 * MIB + 1)).isEqualTo(4); // POST + 2 parts + POST
        assertThat(MODEL.putsFor(512 * MIB)).isEqualTo(10);
        assertThat(MODEL.objects(10 * MIB)).isEqualTo(3);
        assertThat(MODEL.objects(2000 * MIB)).isEqualTo(2 + 4); // 1,620 MiB of chunks = 4 files of up to 512 MiB
    }

    @Test
    void averagesOfTheRampAreExact() {
        // clamp(t, 0, 10) over [0, 20]: (50 + 100) / 20
        assertThat(ThanosSizing.averageClamp(0, 20, 0, 10)).isCloseTo(7.5, within(1e-12));
        assertThat(ThanosSizing.averageClamp(0, 5, 5, 10)).isZero();
        assertThat(ThanosSizing.averageClamp(30, 40, 5, 10)).isCloseTo(10, within(1e-12));
    }

    /** S3 storage grows with the retention of any resolution and with the series (at a fixed scrape interval). */
    @Property(tries = 200)
    void s3StorageGrowsWithRetentionAndSeries(@ForAll @IntRange(min = 15, max = 1500) int rawDays, @ForAll @IntRange(min = 15, max = 1500) int days5m,
                                              @ForAll @IntRange(min = 15, max = 1500) int days1h, @ForAll @IntRange(min = 1, max = 500) int kiloSeries,
                                              @ForAll @IntRange(min = 1, max = 365) int more, @ForAll @IntRange(min = 1, max = 4) int shards) {
        long series = kiloSeries * 1000L;
        ThanosInputs base = ThanosInputs.of(series, series / 15.0, shards, rawDays, days5m, days1h);
        ThanosResult r = MODEL.size(base);
        for (ThanosInputs longer : List.of(base.withRetention(rawDays + more, days5m, days1h), base.withRetention(rawDays, days5m + more, days1h),
                base.withRetention(rawDays, days5m, days1h + more))) {
            ThanosResult l = MODEL.size(longer);
            assertThat(l.steadyStateGiB()).isGreaterThan(r.steadyStateGiB());
            for (int m = 1; m <= 130; m += 7) {
                assertThat(l.s3GiB(m)).isGreaterThanOrEqualTo(r.s3GiB(m) - 1e-9);
            }
            assertThat(l.requests().putClassPerMonth()).isGreaterThan(r.requests().putClassPerMonth());
        }
        long moreSeries = series + more * 1000L;
        ThanosResult bigger = MODEL.size(ThanosInputs.of(moreSeries, moreSeries / 15.0, shards, rawDays, days5m, days1h));
        assertThat(bigger.steadyStateGiB()).isGreaterThan(r.steadyStateGiB());
        for (int m = 1; m <= 130; m += 7) {
            assertThat(bigger.s3GiB(m)).isGreaterThan(r.s3GiB(m));
        }
        // month by month the storage never falls, and it ends at the steady state
        for (int m = 2; m <= r.s3Months().size(); m++) {
            assertThat(r.s3GiB(m)).isGreaterThanOrEqualTo(r.s3GiB(m - 1) - 1e-9);
        }
        // every size chosen is a valid Fargate pair at least as large as the target
        for (ThanosComponentSizing c : r.components()) {
            assertThat(FargateSizes.isValid(c.size())).isTrue();
            assertThat(c.size().vcpu()).isGreaterThanOrEqualTo(c.targetVcpu() - 1e-9);
            assertThat((double) c.size().memoryMiB()).isGreaterThanOrEqualTo(c.targetMemoryMiB() - 1e-6);
        }
    }
}
