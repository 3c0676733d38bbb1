package io.promplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, finding 6: large but valid scenarios finish plan, simulate and report within seconds (these ran for minutes:
 * report swept every count from 1 to 10,000 services), or are refused with the limit named (10,000 Prometheus servers).
 */
class LargeScenarioTest {
    @TempDir
    Path dir;

    private Path scenario(String name, String extra) throws IOException {
        return Files.writeString(dir.resolve(name), """
                version: 1
                name: "10,000 services"
                region: ap-northeast-2
                serviceCount: 10000
                metricsPerService: 100
                seriesPerMetric: 10
                scrapeInterval: 15s
                retention: 15d
                roi: { hoursSavedPerWeek: 100, hourlyRateLow: 50 }
                """ + extra);
    }

    private static double seconds(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void tenThousandServicesArePlannedSimulatedAndReportedInSeconds() throws IOException {
        Path f = scenario("large.yaml", "uncertainty:\n  seriesPerMetric: { low: 5, high: 20 }\n  serviceCount: { low: 5000, high: 10000 }\n");
        TestSupport.Run[] r = new TestSupport.Run[3];
        double plan = seconds(() -> r[0] = TestSupport.cli("plan", f.toString(), "--prices", "pricing-data"));
        double simulate = seconds(() -> r[1] = TestSupport.cli("simulate", f.toString(), "--prices", "pricing-data", "--runs", "20000"));
        double report = seconds(() -> r[2] = TestSupport.cli("report", f.toString(), "--prices", "pricing-data", "--runs", "20000",
                "--out", dir.resolve("large.md").toString()));
        for (TestSupport.Run x : r) {
            assertThat(x.code()).as(x.err()).isZero();
        }
        // generous bounds for two shared cores; on a quiet machine these take about 1, 2 and 3 s
        assertThat(plan).isLessThan(30);
        assertThat(simulate).isLessThan(60);
        assertThat(report).isLessThan(90);
        // the sweep samples: every count to 50, then 50 counts up to 10,000, not 10,000 plans
        long rows = Files.readString(dir.resolve("large.md")).lines().filter(l -> l.matches("\\| 10000 \\|.*")).count();
        assertThat(rows).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aScenarioThatWouldNeedThousandsOfServersIsRefusedWithTheLimitNamed() throws IOException {
        Path shards = scenario("shards.yaml", "sizing: { maxSeriesPerServer: 1000 }\n");
        for (String cmd : new String[] {"plan", "simulate", "sweep"}) {
            TestSupport.Run r = TestSupport.cli(cmd, shards.toString(), "--prices", "pricing-data");
            assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("shards.yaml:10: sizing.maxSeriesPerServer: is 1000: 10000000 active series would need 10000 Prometheus servers; "
                    + "allowed: at most 100 servers (raise maxSeriesPerServer to at least 100000");
        }
        Path series = scenario("series.yaml", "").toAbsolutePath();
        Files.writeString(series, Files.readString(series).replace("metricsPerService: 100", "metricsPerService: 1000").replace("seriesPerMetric: 10", "seriesPerMetric: 1000"));
        TestSupport.Run r = TestSupport.cli("report", series.toString(), "--prices", "pricing-data", "--out", dir.resolve("x.md").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("seriesPerMetric: the services expose 10000000000 active series in all").contains("allowed: up to 1000000000");
    }
}
