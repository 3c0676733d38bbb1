package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * infra-export/NAME holds the committed export of each shipped scenario (and the arm64/EBS test scenario).
 * This regenerates each through {@code promplan export} into a temporary folder and fails on any difference,
 * file by file and byte by byte. After an intended change: {@code mvn test -Dgolden.update=true}, then review the diff.
 */
class CommittedExportsTest {
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<Arguments> committed() {
        return ExportTestSupport.COMMITTED.stream().map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "infra-export/{0}")
    @MethodSource("committed")
    void regeneratedExportEqualsTheCommittedOne(String name, String scenario, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve(name);
        TestSupport.Run run = TestSupport.cli("export", scenario, "--out", out.toString(), "--prices", "pricing-data", "--quiet");
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        Path committed = ExportTestSupport.INFRA_EXPORT.resolve(name);
        if (UPDATE) {
            TestSupport.cli("export", scenario, "--out", committed.toString(), "--prices", "pricing-data", "--quiet", "--force");
        }
        assertThat(committed).as("committed export missing: run mvn test -Dgolden.update=true").isDirectory();
        TreeMap<String, String> fresh = read(out);
        TreeMap<String, String> old = read(committed);
        assertThat(fresh.keySet()).as("files of infra-export/" + name).containsExactlyElementsOf(old.keySet());
        for (String f : fresh.keySet()) {
            assertThat(fresh.get(f)).as("infra-export/" + name + "/" + f).isEqualTo(old.get(f));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("committed")
    void exportIsDeterministic(String name, String scenario) {
        var p1 = ExportTestSupport.export(ExportTestSupport.plan(scenario));
        var p2 = ExportTestSupport.export(ExportTestSupport.plan(scenario));
        assertThat(p1.files()).isEqualTo(p2.files());
        for (String content : p1.files().values()) {
            assertThat(content).doesNotContainPattern("20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
        }
    }

    static TreeMap<String, String> read(Path root) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static List<String> names() {
        return ExportTestSupport.COMMITTED.stream().map(c -> c[0]).toList();
    }
}
