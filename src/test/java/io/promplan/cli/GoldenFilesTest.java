package io.promplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole output of {@code promplan plan} for every shipped scenario in every format, held in
 * golden files. After an intended change: {@code mvn test -Dgolden.update=true}, then review the diff.
 */
class GoldenFilesTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String s : List.of("seed-5-services", "services-10", "services-20", "thanos-40-services-1y")) {
            for (String f : List.of("table", "json", "csv")) {
                out.add(Arguments.of(s, f, null));
            }
        }
        out.add(Arguments.of("thanos-40-services-1y", "explain", null));
        out.add(Arguments.of("thanos-40-services-1y", "explain-ko", null));
        out.add(Arguments.of("seed-5-services", "table", "us-east-1"));
        out.add(Arguments.of("seed-5-services", "json", "us-east-1"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} --format {1} --region {2}")
    @MethodSource("cases")
    void planOutputMatchesItsGoldenFile(String scenario, String format, String region) throws IOException {
        boolean explain = format.startsWith("explain");
        List<String> args = new ArrayList<>(List.of("plan", "scenarios/" + scenario + ".yaml", "--format", explain ? "table" : format, "--prices", "pricing-data"));
        if (explain) {
            args.add("--explain");
        }
        if (format.endsWith("-ko")) {
            args.add("--lang");
            args.add("ko");
        }
        if (region != null) {
            args.add("--region");
            args.add(region);
        }
        TestSupport.Run run = TestSupport.cli(args.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        String ext = switch (format) {
            case "json" -> "json";
            case "csv" -> "csv";
            case "explain" -> "explain.txt";
            case "explain-ko" -> "explain.ko.txt";
            default -> "txt";
        };
        Path golden = GOLDEN.resolve("plan-" + scenario + (region == null ? "" : "-" + region) + "." + ext);
        if (UPDATE || !Files.exists(golden)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, run.out(), StandardCharsets.UTF_8);
        }
        assertThat(run.out()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
