package io.promplan.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.cli.ExitCodes;
import io.promplan.core.workload.Measurement;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ServiceSpec;
import io.promplan.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** promplan measure --target against exporters served from this JVM on 127.0.0.1. */
class MeasureTargetsTest {
    @TempDir
    Path dir;

    FakeExporter api;
    FakeExporter worker;

    @BeforeEach
    void start() throws Exception {
        api = new FakeExporter(40, 20, 10, 25, 12);
        worker = new FakeExporter(15, 5, 2, 8, 8);
    }

    @AfterEach
    void stop() {
        api.close();
        worker.close();
    }

    static TestSupport.Run measure(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "measure";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--pause";
        all[args.length + 2] = "200ms";
        all[args.length + 3] = "--prices";
        all[args.length + 4] = "pricing-data";
        return TestSupport.cli(all);
    }

    @Test
    void findsTheServedSeriesOfEachTargetAndWritesAPlannableScenario() throws Exception {
        Path out = dir.resolve("measured.yaml");
        TestSupport.Run r = measure("--target", "api=" + api.url("/metrics"), "--target", "worker=" + worker.url("/metrics"),
                "--base", "scenarios/seed-5-services.yaml", "--out", out.toString());
        System.out.println(r.out() + r.err());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        Scenario s = ScenarioReader.read(out);
        assertThat(s.workload().serviceCount()).isEqualTo(2);
        ServiceSpec a = s.workload().services().get(0);
        ServiceSpec w = s.workload().services().get(1);
        assertThat(a.name()).isEqualTo("api");
        double foundApi = a.seriesPerTarget() * a.targets();
        double foundWorker = w.seriesPerTarget() * w.targets();
        System.out.printf("api: served %d series, scenario holds %.1f; worker: served %d, scenario holds %.1f%n",
                api.servedSeries(), foundApi, worker.servedSeries(), foundWorker);
        assertThat(foundApi).isCloseTo(api.servedSeries(), org.assertj.core.data.Percentage.withPercentage(5));
        assertThat(foundWorker).isCloseTo(worker.servedSeries(), org.assertj.core.data.Percentage.withPercentage(5));
        assertThat(a.metrics()).isEqualTo((int) api.families());
        assertThat(a.histogramBuckets()).isEqualTo(12);
        // the base's region, storage, baseline and ROI are kept
        assertThat(s.workload().region()).isEqualTo("ap-northeast-2");
        assertThat(s.baseline().lines()).isNotEmpty();
        assertThat(s.roi().hoursSavedPerWeek()).isEqualTo(7);
        Measurement m = ScenarioReader.measurement(Files.readString(out), out.toString());
        assertThat(m.method()).isEqualTo("targets");
        assertThat(m.sources()).hasSize(2);
        assertThat(m.sources().get(0).figures()).containsEntry("series", String.valueOf(api.servedSeries()))
                .containsKeys("families", "histograms", "changedShare", "labelValues", "largestFamilies");
        assertThat(Double.parseDouble(m.sources().get(0).figures().get("changedShare"))).isGreaterThan(0.3);
        assertThat(r.out()).contains("measured api").contains("planned:");
        TestSupport.Run plan = TestSupport.cli("plan", out.toString(), "--prices", "pricing-data");
        assertThat(plan.code()).as(plan.err()).isZero();
        long meta = 5L * 2;
        assertThat(plan.out()).isNotEmpty();
        System.out.println("plan of the measured file: exit " + plan.code() + "; served + meta = " + (api.servedSeries() + worker.servedSeries() + meta));
    }

    @Test
    void openMetricsWithGzipAndSeveralTasksOfOneService() throws Exception {
        api.openMetrics = true;
        Path out = dir.resolve("om.yaml");
        TestSupport.Run r = measure("--target", "api=" + api.url("/metrics"), "--target", "api=" + api.url("/metrics"), "--out", out.toString(),
                "--scrapes", "2");
        assertThat(r.code()).as(r.err()).isZero();
        Scenario s = ScenarioReader.read(out);
        ServiceSpec a = s.workload().services().get(0);
        assertThat(a.targets()).isEqualTo(2);
        assertThat(a.seriesPerTarget()).isCloseTo(api.servedSeries(), org.assertj.core.data.Percentage.withPercentage(1));
        Measurement m = ScenarioReader.measurement(Files.readString(out), out.toString());
        assertThat(m.sources().get(0).figures().get("format")).isEqualTo("openmetrics (gzip)");
        assertThat(m.sources().get(0).figures().get("createdSeries")).isEqualTo(String.valueOf(40 * 25));
    }

    @Test
    void bearerTokenFromAFileIsSentAndNeverWritten() throws Exception {
        api.bearerToken = "s3cr3t-t0ken-value";
        Path token = dir.resolve("token");
        Files.writeString(token, "s3cr3t-t0ken-value\n");
        Path out = dir.resolve("auth.yaml");
        TestSupport.Run r = measure("--target", "api=" + api.url("/auth"), "--bearer-token-file", token.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String yaml = Files.readString(out);
        assertThat(yaml).doesNotContain("s3cr3t").contains("/auth");
        assertThat(r.out() + r.err()).doesNotContain("s3cr3t");
    }

    @Test
    void basicAuthFromAnEnvironmentVariableAndInTheUrlIsNeverWritten() throws Exception {
        api.basicUser = "prom";
        api.basicPassword = "pa55-w0rd";
        var old = io.promplan.cli.MeasureTestAccess.env(v -> v.equals("METRICS_PW") ? "pa55-w0rd" : null);
        try {
            Path out = dir.resolve("basic.yaml");
            TestSupport.Run r = measure("--target", "api=" + api.url("/auth"), "--basic-auth-user", "prom", "--basic-auth-password-env", "METRICS_PW",
                    "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(Files.readString(out)).doesNotContain("pa55");
            Path out2 = dir.resolve("basic-url.yaml");
            TestSupport.Run r2 = measure("--target", "api=http://prom:pa55-w0rd@127.0.0.1:" + api.port() + "/auth", "--out", out2.toString());
            assertThat(r2.code()).as(r2.err()).isZero();
            assertThat(Files.readString(out2)).doesNotContain("pa55").contains("http://127.0.0.1:" + api.port() + "/auth");
        } finally {
            io.promplan.cli.MeasureTestAccess.env(old);
        }
    }
}
