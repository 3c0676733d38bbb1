package io.promplan.cli;

import io.promplan.io.InputFileException;
import io.promplan.pricing.PriceSnapshot;
import io.promplan.pricing.PriceSnapshots;
import io.promplan.pricing.aws.PriceListClient;
import io.promplan.render.PricesText;
import io.promplan.service.PriceRefreshException;
import io.promplan.service.PriceRefreshService;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** promplan prices refresh | import | show. */
@Command(name = "prices", description = "Refresh, import or show the AWS unit prices the plans use.", mixinStandardHelpOptions = true,
        subcommands = {PricesCommand.Refresh.class, PricesCommand.Import.class, PricesCommand.Show.class})
public final class PricesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int fail(CommandSpec spec, PriceRefreshException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("promplan: " + e.getMessage());
        if (System.getenv("PROMPLAN_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return e.kind() == PriceRefreshException.Kind.BAD_INPUT ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
    }

    static PriceRefreshService.Listener progressTo(PrintWriter err, boolean quiet) {
        return (fraction, message) -> {
            if (!quiet) {
                err.printf("[%3d%%] %s%n", Math.round(fraction * 100), message);
                err.flush();
            }
        };
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = {"Read current prices from the AWS Price List API (GetProducts) for the regions given and write a new snapshot "
                    + "next to the one in use; the other regions are kept as they were. Needs AWS credentials with pricing:GetProducts "
                    + "(default chain: AWS_PROFILE, 'aws configure', environment variables, SSO, roles). Credentials are never written."},
            footer = {"", "Exit codes: 0 written; 1 the Price List, network or credentials failed (nothing written); 2 a bad option."})
    static final class Refresh implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--region", paramLabel = "R", required = true, description = "region to refresh (repeatable), e.g. ap-northeast-2")
        List<String> regions;

        @Option(names = "--endpoint", paramLabel = "URL", description = "Price List API endpoint (default: " + PriceListClient.DEFAULT_ENDPOINT + ")")
        String endpoint;

        @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile to take credentials from (default: the default chain)")
        String profile;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "limit for one HTTP attempt (default: ${DEFAULT-VALUE}); "
                + "a whole call, retries included, gets 4 times as much", defaultValue = "30")
        int timeoutSeconds;

        @Option(names = "--quiet", description = "no progress lines on stderr")
        boolean quiet;

        @Mixin
        PricesOption prices;

        @Override
        public Integer call() {
            PriceListClient.Settings s = PriceListClient.Settings.defaults();
            if (endpoint != null) {
                URI u;
                try {
                    u = URI.create(endpoint);
                } catch (IllegalArgumentException e) {
                    return fail(spec, new PriceRefreshException(PriceRefreshException.Kind.BAD_INPUT, "--endpoint: '" + endpoint
                            + "' is not a URL (like https://api.pricing.us-east-1.amazonaws.com)", e));
                }
                if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                    return fail(spec, new PriceRefreshException(PriceRefreshException.Kind.BAD_INPUT, "--endpoint: '" + endpoint
                            + "' is not an http(s) URL (like https://api.pricing.us-east-1.amazonaws.com)", null));
                }
                s = s.withEndpoint(u);
            }
            if (timeoutSeconds < 1 || timeoutSeconds > 600) {
                return fail(spec, new PriceRefreshException(PriceRefreshException.Kind.BAD_INPUT, "--timeout: " + timeoutSeconds
                        + " is not allowed; give 1 to 600 seconds", null));
            }
            s = s.withTimeouts(Duration.ofSeconds(timeoutSeconds * 4L), Duration.ofSeconds(timeoutSeconds));
            if (profile != null) {
                s = s.withProfile(profile);
            }
            try {
                PriceRefreshService.Outcome o = new PriceRefreshService(prices.dir(), s)
                        .refresh(regions, progressTo(spec.commandLine().getErr(), quiet), () -> false);
                spec.commandLine().getOut().print(PricesText.outcome(o));
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (PriceRefreshException e) {
                return fail(spec, e);
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import AWS bulk offer files (offers/v1.0/aws/<service>/current/<region>/index.json), read streaming, for "
                    + "machines without credentials: the prices of the services and regions they cover replace those of the snapshot "
                    + "in use, in a new snapshot next to it."},
            footer = {"", "Exit codes: 0 written; 1 a failure outside the files (disk, a price the files give ambiguously); 2 a file not usable."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "offer files (index.json of one service in one region)")
        List<Path> files;

        @Option(names = "--quiet", description = "no progress lines on stderr")
        boolean quiet;

        @Mixin
        PricesOption prices;

        @Override
        public Integer call() throws InputFileException {
            for (Path f : files) {
                // Offer files are read streaming (they are large), but a folder, a device or a pipe is refused before any read
                // (a missing file is the importer's to report).
                if (java.nio.file.Files.exists(f)) {
                    io.promplan.io.InputFiles.readAttributesOf(f, Long.MAX_VALUE, "an AWS offer file (index.json)");
                }
            }
            try {
                PriceRefreshService.Outcome o = new PriceRefreshService(prices.dir(), PriceListClient.Settings.defaults())
                        .importOffers(files, progressTo(spec.commandLine().getErr(), quiet), () -> false);
                spec.commandLine().getOut().print(PricesText.outcome(o));
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (PriceRefreshException e) {
                return fail(spec, e);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the prices in use: key, unit, tiers, status, source and date, and which are missing or assumed.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--region", paramLabel = "R", description = "only this region")
        String region;

        @Option(names = "--format", paramLabel = "F", description = "table | json (default: ${DEFAULT-VALUE})", defaultValue = "table")
        OutputFormat format;

        @Mixin
        PricesOption prices;

        @Override
        public Integer call() throws InputFileException {
            if (format == OutputFormat.csv) {
                throw new InputFileException("--format", 0, "", "csv is not offered for prices; allowed: table | json");
            }
            if (region != null && !PriceRefreshService.REGION.matcher(region).matches()) {
                throw new InputFileException("--region", 0, "", "'" + region + "' is not an AWS region code (like us-east-1)");
            }
            PriceSnapshot s = PriceSnapshots.load(prices.dir());
            spec.commandLine().getOut().print(format == OutputFormat.json ? PricesText.showJson(s, region) : PricesText.show(s, region));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
