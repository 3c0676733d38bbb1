package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promplan.TestSupport;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ServiceSpec;
import io.promplan.core.workload.StorageBackend;
import io.promplan.core.workload.StorageSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing an export: atomic, refuses to overwrite work, reports progress, can be cancelled; bad scenarios say why. */
class ExportWriterTest {
    @TempDir
    Path tmp;

    private static ExportBundle seed() {
        return ExportTestSupport.export(ExportTestSupport.plan("scenarios/seed-5-services.yaml"));
    }

    private List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesEveryFileAndReportsProgress() throws Exception {
        ExportBundle b = seed();
        List<String> seen = new ArrayList<>();
        AtomicInteger lastTotal = new AtomicInteger();
        Path out = tmp.resolve("new/folder");
        ExportWriter.write(b, out, false, (done, total, path) -> {
            seen.add(path);
            lastTotal.set(total);
            assertThat(done).isEqualTo(seen.size());
        }, () -> false);
        assertThat(seen).containsExactlyElementsOf(b.files().keySet());
        assertThat(lastTotal.get()).isEqualTo(b.files().size());
        for (var e : b.files().entrySet()) {
            assertThat(Files.readString(out.resolve(e.getKey()), StandardCharsets.UTF_8)).isEqualTo(e.getValue());
        }
        assertThat(listing(out.getParent())).containsExactly("folder");
    }

    @Test
    void nonEmptyFolderWithoutForceIsRefusedAndUntouched() throws Exception {
        Path out = tmp.resolve("work");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        TestSupport.Run run = TestSupport.cli("export", "scenarios/seed-5-services.yaml", "--out", out.toString(), "--prices", "pricing-data");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("is not empty").contains("--force").doesNotContain("Exception");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(listing(out)).containsExactly("notes.txt");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(listing(tmp)).containsExactly("work");
    }

    @Test
    void forceReplacesAnEarlierExportButNeverAForeignFolder() throws Exception {
        Path out = tmp.resolve("export");
        ExportWriter.write(seed(), out, false);
        Files.writeString(out.resolve("stale.txt"), "old");
        ExportWriter.Result r = ExportWriter.write(seed(), out, true);
        // a file the export did not write is the engineer's: kept, and said so
        assertThat(out.resolve("stale.txt")).hasContent("old");
        assertThat(r.kept()).containsExactly("stale.txt");
        assertThat(out.resolve("terraform/monitoring/main.tf")).exists();
        assertThat(listing(tmp)).containsExactly("export");

        Path foreign = tmp.resolve("home");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("README.md"), "# my project\n");
        assertThatThrownBy(() -> ExportWriter.write(seed(), foreign, true)).isInstanceOf(ExportException.class)
                .hasMessageContaining("does not hold a Promplan export");
        assertThat(listing(foreign)).containsExactly("README.md");
    }

    @Test
    void cancellingLeavesNothingBehind() throws Exception {
        Path out = tmp.resolve("cancelled");
        AtomicInteger written = new AtomicInteger();
        assertThatThrownBy(() -> ExportWriter.write(seed(), out, false, (d, t, p) -> written.set(d), () -> written.get() >= 3))
                .isInstanceOf(CancellationException.class);
        assertThat(out).doesNotExist();
        assertThat(listing(tmp)).isEmpty();
    }

    @Test
    void aFileInTheWayIsRefused() throws Exception {
        Path out = tmp.resolve("file");
        Files.writeString(out, "x");
        assertThatThrownBy(() -> ExportWriter.write(seed(), out, true)).isInstanceOf(ExportException.class).hasMessageContaining("is a file");
        assertThat(Files.readString(out)).isEqualTo("x");
    }

    @Test
    void aScenarioThatCannotBeExportedSaysWhy() throws Exception {
        Scenario base = ExportTestSupport.read("scenarios/seed-5-services.yaml");
        List<ServiceSpec> svcs = new ArrayList<>(base.workload().serviceOverrides());
        svcs.set(1, svcs.get(1).withName("Prometheus"));
        Plan clash = TestSupport.service().plan(base.withWorkload(base.workload().toBuilder().serviceOverrides(svcs).build()));
        assertThatThrownBy(() -> new Exporter().export(clash)).isInstanceOf(ExportException.class)
                .hasMessageContaining("'Prometheus'").hasMessageContaining("rename");

        svcs.set(1, svcs.get(0).withName("ATLANTIS"));
        Plan dup = TestSupport.service().plan(base.withWorkload(base.workload().toBuilder().serviceOverrides(svcs).build()));
        assertThatThrownBy(() -> new Exporter().export(dup)).isInstanceOf(ExportException.class)
                .hasMessageContaining("'atlantis' and 'ATLANTIS'");

        var w = base.workload().toBuilder().storage(new StorageSpec(StorageBackend.EPHEMERAL, 300, 2, base.workload().storage().localRetention(), true))
                .sizing(base.workload().sizing().withPinsAreRequirements(true)).build();
        Plan tooBig = TestSupport.service().plan(base.withWorkload(w));
        assertThatThrownBy(() -> new Exporter().export(tooBig)).isInstanceOf(ExportException.class)
                .hasMessageContaining("300 GiB").hasMessageContaining("at most 200 GiB").hasMessageContaining("storage: ebs");

        assertThatThrownBy(() -> new Exporter().export(ExportTestSupport.plan("scenarios/seed-5-services.yaml"), "Prod!"))
                .isInstanceOf(ExportException.class).hasMessageContaining("environment");
    }

    @Test
    void cliReportsAnUnexportableScenarioInOneLine() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        String yaml = Files.readString(Path.of("scenarios/seed-5-services.yaml")).replace("- name: \"api-2\"", "- name: \"grafana\"");
        Files.writeString(bad, yaml);
        Path out = tmp.resolve("out");
        TestSupport.Run run = TestSupport.cli("export", bad.toString(), "--out", out.toString(), "--prices", "pricing-data");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("promplan: ").contains("cannot export").contains("'grafana'");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(out).doesNotExist();
    }
}
