package io.promplan.cli;

import io.promplan.core.plan.Plan;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.sizing.Num;
import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.Measurement;
import io.promplan.core.workload.Scenario;
import io.promplan.io.AtomicFiles;
import io.promplan.io.InputFileException;
import io.promplan.measure.Http;
import io.promplan.measure.MeasureException;
import io.promplan.measure.MeasureService;
import io.promplan.measure.PrometheusMeasurement;
import io.promplan.measure.PrometheusReader;
import io.promplan.measure.ScenarioBuilder;
import io.promplan.measure.TargetMeasurement;
import io.promplan.measure.TargetScraper;
import io.promplan.scenario.ScenarioReader;
import io.promplan.service.PlanningService;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * promplan measure: a scenario from what runs. {@code --target NAME=URL} scrapes metrics endpoints
 * (each NAME one service); {@code --prometheus URL} reads a running Prometheus (each job one
 * service). The scenario takes everything else from {@code --base} and carries a {@code measured:}
 * block saying what was measured, where, when and with which version.
 */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = {"Write a scenario from measured metrics endpoints (--target) or a running Prometheus (--prometheus).",
                "Credentials are read from files or environment variables and never written to the scenario."},
        footer = {"", "Exit codes: 0 written (sources that failed are reported and left out), 1 nothing could be measured (nothing written),",
                "2 input not usable (option, --base file, credentials file)."})
public final class MeasureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "NAME=URL", description = "a metrics endpoint to scrape; NAME becomes a service (repeat a NAME for several tasks of one service)")
    List<String> targets = new ArrayList<>();

    @Option(names = "--prometheus", paramLabel = "URL", description = "a running Prometheus to read (its jobs become services)")
    String prometheus;

    @Option(names = "--base", paramLabel = "FILE", description = "scenario to take region, storage, Grafana, ROI and baseline from (default: a small estate in ap-northeast-2 on EBS)")
    Path base;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "scenario file to write (YAML)")
    Path out;

    @Option(names = "--name", paramLabel = "TEXT", description = "the scenario's name (default: Measured: the services)")
    String name;

    @Option(names = "--scrapes", paramLabel = "N", defaultValue = "3", description = "scrapes of each target (default: ${DEFAULT-VALUE})")
    int scrapes;

    @Option(names = "--pause", paramLabel = "DURATION", defaultValue = "5s", description = "time between scrapes (default: ${DEFAULT-VALUE})")
    String pause;

    @Option(names = "--scrape-interval", paramLabel = "DURATION", description = "scrape interval to plan with (default: --base's; with --prometheus, the jobs' own)")
    String scrapeInterval;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "5m", description = "with --prometheus: rate window of per-second figures (default: ${DEFAULT-VALUE})")
    String window;

    @Mixin
    Access access;

    @Mixin
    PricesOption prices;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        if (targets.isEmpty() == (prometheus == null)) {
            throw new IllegalArgumentException(targets.isEmpty() ? "give --target NAME=URL (one or more) or --prometheus URL"
                    : "give either --target or --prometheus, not both");
        }
        // bad targets and URLs are reported before anything is read
        for (String t : targets) {
            TargetScraper.target(t);
        }
        if (prometheus != null) {
            TargetScraper.uri(prometheus, "--prometheus");
        }
        Duration pauseD = duration(pause, "--pause");
        TimeSpan interval = scrapeInterval == null ? null : TimeSpan.parse(scrapeInterval);
        if (interval != null && (interval.seconds() < 1 || interval.seconds() > 3600)) {
            throw new IllegalArgumentException("--scrape-interval: is " + scrapeInterval + "; allowed: 1s to 1h");
        }
        if (scrapes < 1 || scrapes > 100) {
            throw new IllegalArgumentException("--scrapes: is " + scrapes + "; allowed: 1 to 100");
        }
        duration(window, "--window");
        Scenario baseScenario = base == null ? ScenarioBuilder.defaultBase() : ScenarioReader.read(base);
        String by = "promplan " + version() + " measure";
        String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try (Http http = access.http()) {
            MeasureService.Result b = MeasureService.measure(http, new MeasureService.Request(targets, prometheus, baseScenario, base != null, name,
                    scrapes, pauseD, interval, window, at, by));
            for (String m : b.messages()) {
                e.println("promplan: " + m);
            }
            if (!b.measured()) {
                e.println("promplan: nothing was measured; " + out + " not written");
                e.flush();
                return ExitCodes.FAILURE;
            }
            b.write(out);
            for (String line : b.summary()) {
                o.println(line);
            }
            o.println("wrote " + out + ": " + b.scenario().workload().serviceCount() + " service" + (b.scenario().workload().serviceCount() == 1 ? "" : "s")
                    + ", scrape interval " + b.scenario().workload().scrapeInterval().text() + (base == null ? " (base: the built-in small estate; pass --base to use yours)" : " (base: " + base + ")"));
            planSummary(o, b.scenario());
            o.flush();
            e.flush();
            return ExitCodes.OK;
        }
    }

    private void planSummary(PrintWriter o, Scenario s) {
        try {
            PlanningService service = prices.service();
            Plan p = service.plan(s);
            ComponentSizing prom = p.sizing().component(Component.PROMETHEUS).orElseThrow();
            o.println(String.format(Locale.ROOT, "planned: %,d active series, %,.1f samples/s; Prometheus needs %,.0f MiB and %.2f vCPU before headroom -> task %s",
                    p.sizing().activeSeries(), p.sizing().samplesPerSecond(), prom.requiredMemoryMiB(), prom.requiredVcpu(), prom.size().text()));
        } catch (InputFileException | RuntimeException x) {
            o.println("(not planned here: " + x.getMessage() + "; run promplan plan " + out + ")");
        }
    }

    static String version() {
        String v = MeasureCommand.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    /** "500ms", "5s", "2m", "1h". */
    static Duration duration(String text, String option) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)(ms|s|m|h)$").matcher(text.trim());
        if (!m.find()) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a duration; write e.g. 500ms, 10s, 5m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /**
     * How to reach the endpoints: credentials from files or environment variables (never from the
     * command line, never written anywhere), a private CA, and a timeout.
     */
    public static final class Access {
        @Option(names = "--bearer-token-file", paramLabel = "FILE", description = "file holding a bearer token")
        Path bearerFile;

        @Option(names = "--bearer-token-env", paramLabel = "VAR", description = "environment variable holding a bearer token")
        String bearerEnv;

        @Option(names = "--basic-auth-user", paramLabel = "USER", description = "basic auth user (password from --basic-auth-password-file or -env)")
        String basicUser;

        @Option(names = "--basic-auth-password-file", paramLabel = "FILE", description = "file holding the basic auth password")
        Path basicPasswordFile;

        @Option(names = "--basic-auth-password-env", paramLabel = "VAR", description = "environment variable holding the basic auth password")
        String basicPasswordEnv;

        @Option(names = "--ca", paramLabel = "FILE", description = "PEM file of the CA(s) that signed the endpoints' TLS certificates")
        Path ca;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", description = "deadline of one request, body included (default: ${DEFAULT-VALUE})")
        String timeout;

        /** Environment lookup, replaceable in tests. */
        static java.util.function.Function<String, String> env = System::getenv;

        Http http() {
            Duration t = duration(timeout, "--timeout");
            if (t.isZero()) {
                throw new IllegalArgumentException("--timeout: must be above 0");
            }
            SSLContext ssl = null;
            if (ca != null) {
                try {
                    ssl = Http.trusting(ca);
                } catch (MeasureException e) {
                    throw new IllegalArgumentException("--ca " + e.getMessage());
                }
            }
            return new Http(t, authorization(), ssl);
        }

        String authorization() {
            int ways = (bearerFile != null ? 1 : 0) + (bearerEnv != null ? 1 : 0) + (basicUser != null ? 1 : 0);
            if (ways > 1) {
                throw new IllegalArgumentException("give one way to authenticate: --bearer-token-file, --bearer-token-env or --basic-auth-user");
            }
            if (basicUser == null && (basicPasswordFile != null || basicPasswordEnv != null)) {
                throw new IllegalArgumentException("--basic-auth-password-file/-env need --basic-auth-user");
            }
            if (bearerFile != null) {
                return Http.bearer(secretFile(bearerFile, "--bearer-token-file"));
            }
            if (bearerEnv != null) {
                return Http.bearer(secretEnv(bearerEnv, "--bearer-token-env"));
            }
            if (basicUser != null) {
                if (basicPasswordFile != null && basicPasswordEnv != null) {
                    throw new IllegalArgumentException("give --basic-auth-password-file or --basic-auth-password-env, not both");
                }
                String pw = basicPasswordFile != null ? secretFile(basicPasswordFile, "--basic-auth-password-file")
                        : basicPasswordEnv != null ? secretEnv(basicPasswordEnv, "--basic-auth-password-env") : "";
                return Http.basic(basicUser, pw);
            }
            return null;
        }

        private static String secretFile(Path f, String option) {
            try {
                String s = Files.readString(f, StandardCharsets.UTF_8).strip();
                if (s.isEmpty()) {
                    throw new IllegalArgumentException(option + " " + f + ": the file is empty");
                }
                return s;
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException(option + " " + f + ": no such file");
            } catch (IOException e) {
                throw new IllegalArgumentException(option + " " + f + ": cannot be read: " + e.getMessage());
            }
        }

        private static String secretEnv(String var, String option) {
            String v = env.apply(var);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(option + " " + var + ": the environment variable is not set or empty");
            }
            return v.strip();
        }
    }
}
