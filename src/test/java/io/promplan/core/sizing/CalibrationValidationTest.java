package io.promplan.core.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.TestSupport;
import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.ExporterSpec;
import io.promplan.core.workload.GrafanaSpec;
import io.promplan.core.workload.Workload;
import io.promplan.service.Calibration;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The model against real Prometheus runs it was not fitted on: Prometheus 2.42 with its calibration
 * ({@code bench/validation.json}, written by {@code bench/validate-prometheus}): memory within 30 %, disk
 * within 20 %; Prometheus 3.5 with the shipped default calibration and its disk model
 * ({@code bench/validation-prometheus-3.5.json}, written by {@code bench/validate-prometheus-3.5}): memory
 * within 25 %, disk within 20 %, at least three workloads.
 *
 * <p>Disk is compared for a 15-day retention: the model's blocks + WAL + head chunks with the
 * calibrated coefficients, against the same pieces with the bytes per sample measured in that run
 * (blocks and head chunks projected from its short blocks to 2-hour blocks, as the calibration does).
 */
class CalibrationValidationTest {
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final TimeSpan RETENTION = TimeSpan.ofDays(15);

    record Row(String name, double rssMeasured, double rssPredicted, double diskMeasured, double diskPredicted) {
        double rssError() {
            return rssPredicted / rssMeasured - 1;
        }

        double diskError() {
            return diskPredicted / diskMeasured - 1;
        }
    }

    static List<Row> rows() throws Exception {
        return rows("bench/validation.json", Calibration.forVersion("2.42"), false);
    }

    /**
     * @param withMix the workload's histogram share of series and, for the node_exporter fleet runs, the
     *                calibration's fleet value mix
     */
    static List<Row> rows(String file, SizingCoefficients shipped, boolean withMix) throws Exception {
        JsonNode root = new ObjectMapper().readTree(new File(file));
        Workload base = TestSupport.seed().workload();
        List<Row> out = new ArrayList<>();
        for (JsonNode w : root.get("workloads")) {
            int series = w.get("series").asInt();
            TimeSpan interval = TimeSpan.ofSeconds(w.get("scrapeIntervalSeconds").asLong());
            boolean fleet = w.get("name").asText().contains("fleet");
            SizingCoefficients k = withMix && fleet ? Calibration.withMix("3.5", "fleet").orElseThrow() : shipped;
            double h = withMix ? w.path("histogramShare").asDouble(0) : 0;
            // h of the series in histograms of 10 buckets (+ _sum, _count): a share hs of the metric names
            double hs = h / (12 - 11 * h);
            int metrics = (int) Math.round(series / (1 - hs + 12 * hs));
            Workload wl = base.toBuilder().serviceCount(1).metricsPerService(metrics).seriesPerMetric(1).histogramShare(hs).histogramBuckets(10)
                    .targetsPerService(1)
                    .serviceOverrides(List.of()).scrapeInterval(interval).retention(RETENTION).pinned(Map.of()).alertmanager(false)
                    .grafana(new GrafanaSpec(0, 0, 0, 0, 0, TimeSpan.parse("30s"), 0, 0))
                    .exporter(new ExporterSpec(TimeSpan.parse("60s"), TimeSpan.parse("60s"), List.of())).alertRules(0).build();
            Sizing s = new SizingModel(k, 0.04048, 0.004445).size(wl);
            double rssPredicted = s.component(Component.PROMETHEUS).orElseThrow().requiredMemoryMiB();
            double diskPredicted = s.storage().blocksGiB() + s.storage().walGiB() + s.storage().headChunksGiB();
            double sps = w.get("samplesPerSecond").asDouble();
            double diskMeasured = (sps * RETENTION.seconds() * w.get("projected2hBlockBytesPerSample").asDouble()
                    + sps * SizingModel.WAL_WINDOW_SECONDS * w.get("walBytesPerSample").asDouble()
                    + sps * SizingModel.HEAD_WINDOW_SECONDS * w.get("projected2hHeadChunkBytesPerSample").asDouble()) / GIB;
            out.add(new Row(w.get("name").asText(), w.get("rssMiB").asDouble(), rssPredicted, diskMeasured, diskPredicted));
        }
        return out;
    }

    @Test
    void predictedMemoryIsWithin30PercentAndDiskWithin20PercentOnUnseenWorkloads() throws Exception {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        for (Row r : rows) {
            System.out.printf("validation %-12s RSS measured %.1f MiB, predicted %.1f MiB (%+.1f %%); disk for 15d measured %.2f GiB, predicted %.2f GiB (%+.1f %%)%n",
                    r.name(), r.rssMeasured(), r.rssPredicted(), r.rssError() * 100, r.diskMeasured(), r.diskPredicted(), r.diskError() * 100);
            assertThat(Math.abs(r.rssError())).as(r.name() + " memory").isLessThanOrEqualTo(0.30);
            assertThat(Math.abs(r.diskError())).as(r.name() + " disk").isLessThanOrEqualTo(0.20);
        }
    }

    @Test
    void theShippedPrometheus35ModelIsWithin25PercentOfMemoryAnd20PercentOfDiskOnUnseenWorkloads() throws Exception {
        List<Row> rows = rows("bench/validation-prometheus-3.5.json", Calibration.shipped(), true);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        for (Row r : rows) {
            System.out.printf("validation 3.5 %-16s RSS measured %.1f MiB, predicted %.1f MiB (%+.1f %%); disk for 15d measured %.2f GiB, predicted %.2f GiB (%+.1f %%)%n",
                    r.name(), r.rssMeasured(), r.rssPredicted(), r.rssError() * 100, r.diskMeasured(), r.diskPredicted(), r.diskError() * 100);
            assertThat(Math.abs(r.rssError())).as(r.name() + " memory").isLessThanOrEqualTo(0.25);
            assertThat(Math.abs(r.diskError())).as(r.name() + " disk").isLessThanOrEqualTo(0.20);
        }
    }
}
