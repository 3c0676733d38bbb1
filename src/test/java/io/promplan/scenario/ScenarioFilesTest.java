package io.promplan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.FargateSize;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.StorageBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScenarioFilesTest {
    @TempDir
    Path dir;

    @Test
    void theSeedIsThePlanAsWritten() {
        Scenario s = TestSupport.seed();
        assertThat(s.workload().region()).isEqualTo("ap-northeast-2");
        assertThat(s.workload().serviceCount()).isEqualTo(5);
        assertThat(s.workload().metricsPerService()).isEqualTo(100);
        assertThat(s.workload().storage().backend()).isEqualTo(StorageBackend.EFS);
        assertThat(s.workload().storage().prometheusGiB()).isEqualTo(20);
        assertThat(s.workload().storage().grafanaGiB()).isEqualTo(2);
        assertThat(s.workload().pinned()).containsEntry(Component.PROMETHEUS, new FargateSize(1024, 2048))
                .containsEntry(Component.GRAFANA, new FargateSize(512, 1024))
                .containsEntry(Component.CLOUDWATCH_EXPORTER, new FargateSize(256, 512));
        assertThat(s.baseline().lowUsd()).isEqualTo(105);
        assertThat(s.baseline().highUsd()).isEqualTo(116);
        assertThat(s.baseline().cloudwatchOnlyUsd()).isEqualTo(58);
        assertThat(s.roi().hoursSavedPerWeek()).isEqualTo(7);
        assertThat(s.workload().services()).extracting(x -> x.name()).containsExactly("atlantis", "api-1", "api-2", "worker", "service-5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-5-services.yaml", "services-10.yaml", "services-20.yaml"})
    void writeThenReadGivesBackTheSameScenario(String file) throws Exception {
        Scenario s = TestSupport.scenario(file);
        Path out = dir.resolve(file);
        ScenarioWriter.write(s, out);
        Scenario back = ScenarioReader.read(out);
        assertThat(back).isEqualTo(s);
        assertThat(Files.readString(out)).contains("# ").contains("version: 1");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aMinimalHandWrittenFileIsEnough() throws Exception {
        String yaml = """
                version: 1
                name: mine
                region: us-east-1
                serviceCount: 3
                metricsPerService: 200
                seriesPerMetric: 20
                scrapeInterval: 30s
                retention: 30d
                """;
        Scenario s = ScenarioReader.parse(yaml, "mine.yaml");
        assertThat(s.workload().storage().backend()).isEqualTo(StorageBackend.EFS);
        // alerts must reach people unless the file says otherwise: Alertmanager is planned
        assertThat(s.workload().alertmanager()).isTrue();
        assertThat(s.workload().network().nat()).isEqualTo(io.promplan.core.workload.NatChoice.EXISTING);
        assertThat(s.roi().opsHoursPerMonth()).isEqualTo(io.promplan.core.workload.RoiAssumptions.DEFAULT_OPS_HOURS_PER_MONTH);
        assertThat(TestSupport.service().plan(s).selfHosted().monthly().amount()).isPositive();
    }
}
