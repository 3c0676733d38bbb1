package io.promplan.measure;

import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.Measurement;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ServiceSpec;
import io.promplan.core.workload.Uncertainty;
import io.promplan.core.workload.Workload;
import io.promplan.core.workload.schema.ScenarioSchema;
import io.promplan.io.InputFileException;
import io.promplan.scenario.ScenarioReader;
import io.promplan.scenario.ScenarioWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns measured services into a normal scenario: each measured service becomes one entry of
 * {@code services:} whose figures reproduce its measured series exactly (metric names = measured
 * families, histogram share and buckets as measured, series per metric = what makes the total
 * come out right); everything else (region, storage, Grafana, ROI, baseline) comes from the base.
 */
public final class ScenarioBuilder {
    public static final String DEFAULT_BASE = "/io/promplan/measure/base-scenario.yaml";
    /** Uncertainty ranges of these inputs no longer describe the measured workload: they are dropped. */
    static final Set<String> MEASURED_INPUTS = Set.of("serviceCount", "metricsPerService", "seriesPerMetric", "targetsPerService",
            "histogramShare", "histogramBuckets");

    private ScenarioBuilder() {
    }

    /**
     * One measured service.
     *
     * @param seriesPerTarget     series one target exposes (scrape meta-series not included)
     * @param families            metric families (a histogram once)
     * @param histograms          histogram-like families among them
     * @param bucketsPerHistogram buckets per histogram label set (+Inf included)
     */
    public record Service(String name, int targets, double seriesPerTarget, long families, long histograms, double bucketsPerHistogram) {
    }

    /** The base when none is given: a small estate in ap-northeast-2 on EBS. */
    public static Scenario defaultBase() {
        try (InputStream in = ScenarioBuilder.class.getResourceAsStream(DEFAULT_BASE)) {
            return ScenarioReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_BASE);
        } catch (IOException | InputFileException | NullPointerException e) {
            throw new IllegalStateException("the measure base scenario of the build is unreadable: " + e.getMessage(), e);
        }
    }

    /** The scenario's figures for one service; its seriesPerTarget() equals the measured series. */
    public static ServiceSpec spec(Service s, int defaultBuckets) {
        long families = Math.max(1, s.families());
        double h = Math.min(1, s.histograms() / (double) families);
        int buckets = s.histograms() > 0 ? (int) Math.max(1, Math.round(s.bucketsPerHistogram())) : Math.max(1, defaultBuckets);
        double perMetric = families * (1 - h) + families * h * (buckets + 2);
        double spm = Math.max(1e-4, s.seriesPerTarget() / perMetric);
        // 4 significant figures survive the file; keep the series within 0.1 %
        return new ServiceSpec(s.name(), (int) Math.min(ScenarioSchema.field("services[].metrics").range().max(), families), round(spm), Math.max(1, s.targets()), round(h), buckets);
    }

    private static double round(double d) {
        if (d == 0) {
            return 0;
        }
        double scale = Math.pow(10, 3 - Math.floor(Math.log10(Math.abs(d))));
        return Math.round(d * scale) / scale;
    }

    /**
     * The base with the measured services in place of its workload.
     *
     * @param scrapeInterval the interval to plan with, or null to keep the base's
     * @param retention      the retention to plan with, or null to keep the base's
     */
    public static Scenario build(Scenario base, String name, String description, List<Service> services, TimeSpan scrapeInterval,
                                 TimeSpan retention) {
        if (services.isEmpty()) {
            throw new IllegalArgumentException("no service was measured");
        }
        Workload bw = base.workload();
        List<ServiceSpec> specs = services.stream().map(s -> spec(s, bw.histogramBuckets())).toList();
        double metrics = specs.stream().mapToDouble(ServiceSpec::metrics).average().orElse(1);
        double targets = specs.stream().mapToDouble(ServiceSpec::targets).average().orElse(1);
        double h = specs.stream().mapToDouble(ServiceSpec::histogramShare).average().orElse(0);
        List<ServiceSpec> hist = specs.stream().filter(x -> x.histogramShare() > 0).toList();
        int buckets = hist.isEmpty() ? bw.histogramBuckets()
                : (int) Math.max(1, Math.round(hist.stream().mapToDouble(ServiceSpec::histogramBuckets).average().orElse(12)));
        double series = specs.stream().mapToDouble(x -> x.seriesPerTarget() * x.targets()).sum() / specs.size();
        int m = (int) Math.max(1, Math.round(metrics));
        int t = (int) Math.max(1, Math.round(targets));
        double per = t * (m * (1 - h) + m * h * (buckets + 2));
        Workload.Builder wb = bw.toBuilder()
                .serviceCount(specs.size())
                .metricsPerService(m)
                .seriesPerMetric(round(Math.max(1e-4, series / per)))
                .targetsPerService(t)
                .histogramShare(round(h))
                .histogramBuckets(buckets)
                .serviceOverrides(specs);
        if (scrapeInterval != null) {
            wb.scrapeInterval(scrapeInterval);
        }
        if (retention != null) {
            wb.retention(retention);
        }
        Map<String, Uncertainty.Range> ranges = new LinkedHashMap<>(base.uncertainty().ranges());
        ranges.keySet().removeAll(MEASURED_INPUTS);
        if (scrapeInterval != null) {
            ranges.remove("scrapeInterval");
        }
        if (retention != null) {
            ranges.remove("retention");
        }
        return new Scenario(base.version(), name, description, wb.build(), base.cloudwatchOnly(), base.roi(), base.baseline(),
                new Uncertainty(ranges));
    }

    /**
     * The YAML of the scenario with its measured block, read back as any scenario file is (so that a
     * file that {@code plan} would refuse is never written); InputFileException names the problem.
     */
    public static String yaml(Scenario s, Measurement m, String fileName) throws InputFileException {
        String yaml = ScenarioWriter.toYaml(s, m);
        ScenarioReader.measurement(yaml, fileName);
        return yaml;
    }
}
