package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.TestSupport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real Terraform on every committed export and on fresh exports: {@code terraform fmt -check -recursive} (needs no
 * provider) and {@code terraform init -backend=false} + {@code terraform validate} against the real hashicorp/aws provider.
 *
 * <p>Where the provider comes from, in order: a filesystem mirror ({@code PROMPLAN_TF_PLUGIN_DIR}, default
 * {@code /opt/tf-plugins}; it holds hashicorp/aws 5.100.0 on the build machines, so the scratch copy's {@code ~> 6.0}
 * constraint is relaxed to {@code >= 5.0} for that check: an argument only 6.x knows then fails validation, which is
 * what we want to know); or the registry when {@code PROMPLAN_TF_ONLINE=1} (GitHub CI: the real 6.x provider, the
 * constraint untouched). Without either, validate is skipped with the reason printed; without {@code terraform}
 * (or {@code PROMPLAN_TERRAFORM}) the whole test is skipped the same way.
 */
class TerraformFmtValidateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TF = "terraform/monitoring";
    /** Scenarios exported fresh for the check, besides the committed exports. */
    static final List<String> FRESH = List.of("scenarios/seed-5-services.yaml",
            "src/test/resources/scenarios/ebs-sharded-40-services.yaml",
            "src/test/resources/scenarios/services-120.yaml");

    static Stream<Arguments> exports() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ExportTestSupport.INFRA_EXPORT)) {
            dirs.filter(d -> Files.isDirectory(d.resolve(TF))).sorted()
                    .forEach(d -> out.add(Arguments.of("infra-export/" + d.getFileName(), d.toString(), null)));
        }
        for (String s : FRESH) {
            out.add(Arguments.of("fresh export of " + s, null, s));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "fmt {0}")
    @MethodSource("exports")
    void terraformFmt(String name, String committed, String scenario, @TempDir Path tmp) throws Exception {
        String terraform = terraform();
        assume(terraform != null, name + ": terraform not found (PATH, /usr/local/bin/terraform or PROMPLAN_TERRAFORM): fmt skipped");
        Path module = prepare(committed, scenario, tmp).resolve(TF);
        Result fmt = run(module, env(tmp), terraform, "fmt", "-check", "-recursive", "-diff", "-no-color", ".");
        assertThat(fmt.code()).as(name + ": terraform fmt -check -recursive\n" + fmt.out()).isZero();
    }

    /** The export in a scratch folder: a copy of the committed one, or a fresh export of the scenario. */
    static Path prepare(String committed, String scenario, Path tmp) throws IOException {
        Path root;
        if (committed != null) {
            root = tmp.resolve("export");
            copy(Path.of(committed), root);
        } else {
            root = tmp.resolve("export");
            TestSupport.Run run = TestSupport.cli("export", scenario, "--out", root.toString(), "--prices", "pricing-data", "--quiet");
            assertThat(run.code()).as(run.err()).isZero();
        }
        return root;
    }

    @ParameterizedTest(name = "validate {0}")
    @MethodSource("exports")
    void terraformValidate(String name, String committed, String scenario, @TempDir Path tmp) throws Exception {
        String terraform = terraform();
        assume(terraform != null, name + ": terraform not found (PATH, /usr/local/bin/terraform or PROMPLAN_TERRAFORM): validate skipped");
        Path module = prepare(committed, scenario, tmp).resolve(TF);
        Map<String, String> env = env(tmp);
        String provider = init(name, module, env, terraform);
        Result validate = run(module, env, terraform, "validate", "-json", "-no-color");
        JsonNode result = JSON.readTree(validate.stdout());
        StringBuilder problems = new StringBuilder();
        for (JsonNode d : result.path("diagnostics")) {
            problems.append(d.path("severity").asText()).append(": ").append(d.path("summary").asText()).append(" -- ")
                    .append(d.path("detail").asText()).append(" (").append(d.path("range").path("filename").asText()).append(':')
                    .append(d.path("range").path("start").path("line").asText()).append(")\n");
        }
        System.out.println("[terraform validate] " + name + " (" + provider + "): valid=" + result.path("valid").asBoolean() + ", errors=" + result.path("error_count").asInt()
                + ", warnings=" + result.path("warning_count").asInt() + (problems.length() > 0 ? "\n" + problems : ""));
        assertThat(result.path("valid").asBoolean()).as(name + ": terraform validate\n" + problems).isTrue();
        assertThat(result.path("warning_count").asInt()).as(name + ": terraform validate warnings\n" + problems).isZero();
    }

    static Path mirror() {
        return Path.of(System.getenv().getOrDefault("PROMPLAN_TF_PLUGIN_DIR", "/opt/tf-plugins"));
    }

    /** True when a provider is at hand: the filesystem mirror, or the registry with PROMPLAN_TF_ONLINE=1. */
    static boolean providerAvailable() {
        return Files.isDirectory(mirror().resolve("registry.terraform.io/hashicorp/aws")) || "1".equals(System.getenv("PROMPLAN_TF_ONLINE"));
    }

    /**
     * terraform init -backend=false in the module (a scratch copy): from the provider mirror with the ~> 6.0 constraint
     * relaxed to >= 5.0, or from the registry (PROMPLAN_TF_ONLINE=1) as exported. Skips the test, with the reason printed,
     * when neither is available. Returns which provider it used.
     */
    static String init(String name, Path module, Map<String, String> env, String terraform) throws IOException, InterruptedException {
        Path mirror = mirror();
        boolean haveMirror = Files.isDirectory(mirror.resolve("registry.terraform.io/hashicorp/aws"));
        boolean online = "1".equals(System.getenv("PROMPLAN_TF_ONLINE"));
        assume(haveMirror || online, name + ": terraform init/validate skipped: no hashicorp/aws under " + mirror + " and PROMPLAN_TF_ONLINE is not 1");
        Result init;
        String used;
        if (haveMirror) {
            Path versions = module.resolve("versions.tf");
            String v = Files.readString(versions);
            assertThat(v).contains("version = \"~> 6.0\"");
            Files.writeString(versions, v.replace("version = \"~> 6.0\"", "version = \">= 5.0\""));
            init = run(module, env, terraform, "init", "-backend=false", "-input=false", "-no-color", "-plugin-dir=" + mirror);
            used = "provider mirror " + mirror + ", constraint relaxed to >= 5.0";
        } else {
            init = run(module, env, terraform, "init", "-backend=false", "-input=false", "-no-color");
            used = "registry provider, constraint ~> 6.0";
        }
        assertThat(init.code()).as(name + ": terraform init\n" + init.out()).isZero();
        return used;
    }

    private static void assume(boolean ok, String reason) {
        if (!ok) {
            System.out.println("[terraform check skipped] " + reason);
        }
        Assumptions.assumeTrue(ok, reason);
    }

    static String terraform() {
        String configured = System.getenv("PROMPLAN_TERRAFORM");
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Path.of(configured)) ? configured : null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "terraform"))) {
                return Path.of(dir, "terraform").toString();
            }
        }
        return Files.isExecutable(Path.of("/usr/local/bin/terraform")) ? "/usr/local/bin/terraform" : null;
    }

    /** No user CLI config (a missing one only prints warnings), no update check, data dir inside the scratch copy. */
    static Map<String, String> env(Path tmp) throws IOException {
        Path rc = tmp.resolve("terraformrc");
        Files.writeString(rc, "");
        return Map.of("TF_CLI_CONFIG_FILE", rc.toString(), "CHECKPOINT_DISABLE", "1", "TF_IN_AUTOMATION", "1");
    }

    record Result(int code, String stdout, String out) {
    }

    static Result run(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        Path err = Files.createTempFile("terraform", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + ": timed out");
        }
        String stderr = Files.readString(err);
        Files.deleteIfExists(err);
        return new Result(p.exitValue(), stdout, stdout + stderr);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
