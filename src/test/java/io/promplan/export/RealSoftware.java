package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.promplan.TestSupport;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Prometheus 3.5 / Alertmanager 0.33 binaries the export is tested against, and the exports to test.
 *
 * <p>Binaries are looked up in the folder named by the system property or environment variable
 * {@code PROMPLAN_REAL_SOFTWARE_BIN} (default {@code ~/.cache/promplan-real-software/bin}, where
 * {@code .ci/real-software.sh} puts the Debian sid builds), then on the PATH. A test that needs one that is missing
 * is skipped with the reason.
 */
final class RealSoftware {
    static final String PROPERTY = "PROMPLAN_REAL_SOFTWARE_BIN";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    /** For rewriting configs: every string quoted, so that values such as '#alerts' keep their meaning. */
    static final ObjectMapper YAML_QUOTED = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    private static final Map<String, Optional<Path>> FOUND = new ConcurrentHashMap<>();
    private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();

    private RealSoftware() {
    }

    static Path binFolder() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(PROPERTY);
        }
        if (v == null || v.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".cache", "promplan-real-software", "bin");
        }
        return Path.of(v);
    }

    /** The binary, from the folder or the PATH (Debian names Alertmanager prometheus-alertmanager). */
    static Optional<Path> find(String name) {
        return FOUND.computeIfAbsent(name, n -> {
            List<String> names = n.equals("alertmanager") ? List.of("alertmanager", "prometheus-alertmanager") : List.of(n);
            for (String candidate : names) {
                Path p = binFolder().resolve(candidate);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                for (String candidate : names) {
                    if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, candidate))) {
                        return Optional.of(Path.of(dir, candidate));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** The binary, or the test is skipped saying which one is missing and where it was looked for. */
    static Path require(String name) {
        Optional<Path> p = find(name);
        String reason = name + " not found in " + binFolder() + " (set " + PROPERTY + ", or run .ci/real-software.sh) nor on the PATH";
        if (p.isEmpty()) {
            System.out.println("SKIPPED (real software): " + reason);
        }
        Assumptions.assumeTrue(p.isPresent(), reason);
        VERSIONS.computeIfAbsent(name, n -> {
            Result r = run(Path.of("."), 30, p.get().toString(), "--version");
            String first = r.output().lines().findFirst().orElse("?").trim();
            System.out.println("real software: " + p.get() + " -> " + first);
            if (!first.matches(".*version (3\\.|0\\.(2[6-9]|[3-9]\\d)).*")) {
                System.out.println("NOTE (real software): " + n + " is older than Prometheus 3.x / Alertmanager 0.26 (" + first
                        + "); the export runs prom/prometheus and prom/alertmanager images of the current releases");
            }
            return first;
        });
        return p.get();
    }

    /** Output (stdout and stderr together) and exit code of a finished command. */
    record Result(int code, String output) {
    }

    static Result run(Path dir, long timeoutSeconds, String... cmd) {
        try {
            Path log = Files.createTempFile("promplan-real", ".log");
            try {
                Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", cmd) + ": no answer in " + timeoutSeconds + " s");
                }
                return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** One export under test: the committed ones under infra-export/ and a fresh {@code promplan export} of the seed scenario. */
    record Export(String name, Path root) {
        @Override
        public String toString() {
            return name;
        }

        Path configs() {
            return root.resolve("configs");
        }

        /** configs/prometheus.yml, configs/prometheus-2.yml, ...: one per Prometheus server. */
        List<Path> prometheusConfigs() {
            try (Stream<Path> s = Files.list(configs())) {
                return s.filter(p -> p.getFileName().toString().matches("prometheus(-\\d+)?\\.yml")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<Path> ruleFiles() {
            try (Stream<Path> s = Files.list(configs().resolve("rules"))) {
                return s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Optional<Path> alertmanagerConfig() {
            Path p = configs().resolve("alertmanager.yml");
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
    }

    private static volatile Path freshRoot;

    /** Every committed export, and the seed scenario exported now (once per test run) into a temporary folder. */
    static synchronized List<Export> exports() {
        List<Export> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(ExportTestSupport.INFRA_EXPORT)) {
            for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
                out.add(new Export("infra-export/" + d.getFileName(), d));
            }
            if (freshRoot == null) {
                Path tmp = Files.createTempDirectory("promplan-fresh-export");
                Path dir = tmp.resolve("seed-5-services");
                TestSupport.Run run = TestSupport.cli("export", "scenarios/seed-5-services.yaml", "--out", dir.toString(), "--prices", "pricing-data", "--quiet");
                assertThat(run.code()).as(run.err()).isZero();
                freshRoot = dir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(tmp)));
            }
            out.add(new Export("fresh export of scenarios/seed-5-services.yaml", freshRoot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Lays one server's config out as its config loader does in the task: {@code etc/prometheus/prometheus.yml} (from
     * configs/NAME.yml) beside {@code etc/prometheus/rules/} (all of configs/rules/). Returns the prometheus.yml.
     */
    static Path containerLayout(Export e, Path prometheusYml, Path into) throws IOException {
        Path etc = into.resolve("etc/prometheus");
        Files.createDirectories(etc.resolve("rules"));
        Path cfg = etc.resolve("prometheus.yml");
        Files.copy(prometheusYml, cfg);
        for (Path r : e.ruleFiles()) {
            Files.copy(r, etc.resolve("rules").resolve(r.getFileName()));
        }
        return cfg;
    }

    static JsonNode readYaml(Path p) {
        try {
            return YAML.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeYaml(Path p, Object tree) {
        try {
            Files.createDirectories(p.getParent());
            YAML_QUOTED.writeValue(p.toFile(), tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule files one server loads, as listed in its prometheus.yml (relative to it), resolved in the export. */
    static List<Path> ruleFilesOf(Export e, Path prometheusYml) {
        List<Path> out = new ArrayList<>();
        for (JsonNode f : readYaml(prometheusYml).path("rule_files")) {
            out.add(e.configs().resolve(f.asText()));
        }
        return out;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temporary folder
        }
    }
}
