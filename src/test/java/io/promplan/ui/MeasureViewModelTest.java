package io.promplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.measure.FakeExporter;
import io.promplan.service.PlanningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File &gt; New from measurement without a window: the view model against a fake exporter on 127.0.0.1,
 * the measurement on a worker thread (never the calling thread), the scenario written and opened
 * through the main view model, failures listed by target name.
 */
class MeasureViewModelTest {
    @TempDir
    Path dir;
    FakeDialogs dialogs;
    MainViewModel vm;
    MeasureViewModel measure;
    ExecutorService worker;
    final List<String> workerThreads = new ArrayList<>();
    FakeExporter exporter;

    @BeforeEach
    void setUp() throws Exception {
        dialogs = new FakeDialogs();
        vm = new MainViewModel(PlanningService.open(TestSupport.PRICES), new I18n(I18n.ENGLISH), dialogs, new RecentFiles(dir.resolve("recent.txt")),
                PlanRunner.direct());
        worker = Executors.newSingleThreadExecutor(r -> new Thread(() -> {
            workerThreads.add(Thread.currentThread().getName());
            r.run();
        }, "measure-worker"));
        measure = new MeasureViewModel(vm, worker, Runnable::run);
        measure.setScrapes(2, Duration.ofMillis(50));
        measure.setTimeout(Duration.ofSeconds(5));
        exporter = new FakeExporter(20, 10, 3, 4, 8);
    }

    @AfterEach
    void tearDown() {
        worker.shutdownNow();
        exporter.close();
    }

    @Test
    void measuresOnTheWorkerWritesTheScenarioAndOpensIt() throws Exception {
        Path out = dir.resolve("measured.yaml");
        measure.targetsProperty().set("api=" + exporter.url("/metrics") + "\n\n# a comment\nbroken=http://127.0.0.1:1/metrics\n");
        measure.outProperty().set(out.toString());
        MeasureViewModel.Outcome o = measure.start().get(60, TimeUnit.SECONDS);
        assertThat(o).isEqualTo(MeasureViewModel.Outcome.OPENED);
        assertThat(workerThreads).containsOnly("measure-worker");
        assertThat(out).exists();
        assertThat(Files.readString(out)).contains("measured:").contains("api");
        assertThat(vm.fileProperty().get()).isEqualTo(out);
        assertThat(vm.scenario()).hasValueSatisfying(s -> {
            assertThat(s.workload().serviceCount()).isEqualTo(1);
            assertThat(s.workload().services().get(0).name()).isEqualTo("api");
        });
        assertThat(vm.recentFiles()).contains(out);
        // the target that failed is listed by its name, the one measured is kept
        assertThat(measure.errors()).hasSize(1);
        assertThat(measure.errors().get(0)).startsWith("broken: target broken (");
        assertThat(measure.statusProperty().get()).contains("Wrote and opened").contains(out.toString());
        assertThat(measure.runningProperty().get()).isFalse();
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("measured.yaml", "recent.txt");
    }

    @Test
    void nothingMeasuredWritesNothingAndNamesEveryTarget() throws Exception {
        Path out = dir.resolve("nothing.yaml");
        Path before = vm.fileProperty().get();
        measure.targetsProperty().set("one=http://127.0.0.1:1/metrics\ntwo=" + exporter.url("/html"));
        exporter.openMetrics = false;
        measure.outProperty().set(out.toString());
        MeasureViewModel.Outcome o = measure.start().get(60, TimeUnit.SECONDS);
        assertThat(o).isEqualTo(MeasureViewModel.Outcome.NOTHING_MEASURED);
        assertThat(out).doesNotExist();
        assertThat(measure.errors()).hasSize(2);
        assertThat(measure.errors().get(0)).startsWith("one: ");
        assertThat(measure.errors().get(1)).startsWith("two: ");
        assertThat(measure.statusProperty().get()).isEqualTo("Nothing could be measured; " + out + " was not written.");
        assertThat(vm.fileProperty().get()).isEqualTo(before);
    }

    @Test
    void unusableInputIsReportedWithoutMeasuring() throws Exception {
        measure.outProperty().set(dir.resolve("x.yaml").toString());
        assertThat(measure.start().get()).isEqualTo(MeasureViewModel.Outcome.INVALID);
        assertThat(measure.statusProperty().get()).isEqualTo("Give targets (name=URL lines) or the URL of a Prometheus.");
        measure.targetsProperty().set("api " + exporter.url("/metrics"));
        assertThat(measure.start().get()).isEqualTo(MeasureViewModel.Outcome.INVALID);
        assertThat(measure.statusProperty().get()).startsWith("Not a target: “api http://127.0.0.1:");
        measure.targetsProperty().set("api=" + exporter.url("/metrics"));
        measure.prometheusProperty().set("http://127.0.0.1:9090");
        assertThat(measure.start().get()).isEqualTo(MeasureViewModel.Outcome.INVALID);
        assertThat(measure.statusProperty().get()).isEqualTo("Give targets or a Prometheus URL, not both.");
        measure.prometheusProperty().set("");
        measure.outProperty().set("");
        assertThat(measure.start().get()).isEqualTo(MeasureViewModel.Outcome.INVALID);
        assertThat(measure.statusProperty().get()).isEqualTo("Choose where to save the scenario.");
        measure.outProperty().set(dir.resolve("x").toString());
        measure.baseProperty().set(dir.resolve("missing.yaml").toString());
        assertThat(measure.start().get()).isEqualTo(MeasureViewModel.Outcome.INVALID);
        assertThat(measure.statusProperty().get()).isEqualTo("The base scenario " + dir.resolve("missing.yaml") + " does not exist.");
        assertThat(workerThreads).isEmpty();
        assertThat(dir.resolve("x.yaml")).doesNotExist();
    }

    @Test
    void aBaseScenarioGivesTheRestOfTheScenario() throws Exception {
        Path out = dir.resolve("from-base");
        measure.targetsProperty().set("api=" + exporter.url("/metrics"));
        measure.baseProperty().set(TestSupport.SCENARIOS.resolve("seed-5-services.yaml").toString());
        measure.outProperty().set(out.toString());
        assertThat(measure.start().get(60, TimeUnit.SECONDS)).isEqualTo(MeasureViewModel.Outcome.OPENED);
        Path written = dir.resolve("from-base.yaml");
        assertThat(written).exists();
        assertThat(vm.scenario()).hasValueSatisfying(s -> assertThat(s.workload().region())
                .isEqualTo(TestSupport.seed().workload().region()));
    }
}
