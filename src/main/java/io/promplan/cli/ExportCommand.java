package io.promplan.cli;

import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.export.ExportBundle;
import io.promplan.export.ExportException;
import io.promplan.export.ExportWriter;
import io.promplan.export.Exporter;
import io.promplan.service.PlanningService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** promplan export: the sized stack as Terraform, configs, dashboards, README and Infracost usage. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the sized stack as Terraform (terraform/monitoring/), configs/, dashboards/, README.md and Infracost usage.",
                "Files go to a temporary folder first and are moved into place only when complete."})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML)")
    Path scenario;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder to write (new or empty; see --force)")
    Path out;

    @Option(names = "--force", description = "replace DIR if it holds an earlier promplan export")
    boolean force;

    @Option(names = "--env", paramLabel = "ENV", defaultValue = Exporter.DEFAULT_ENVIRONMENT,
            description = "environment name: the env label of every series and the Terraform default (default: ${DEFAULT-VALUE})")
    String environment;

    @Option(names = "--region", paramLabel = "R", description = "size, price and deploy for this region instead of the scenario's")
    String region;

    @Option(names = "--quiet", description = "print only the summary line")
    boolean quiet;

    @Mixin
    PricesOption prices;

    @Override
    public Integer call() throws Exception {
        PlanningService service = prices.service();
        Scenario s = service.load(scenario);
        Plan p = Cli.planOrExplain(service, s, region, scenario);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            ExportBundle bundle = new Exporter().export(p, environment);
            ExportWriter.write(bundle, out, force, (done, total, path) -> {
                if (!quiet) {
                    stdout.println("  [" + done + "/" + total + "] " + path);
                }
            }, () -> false);
            stdout.println("Exported \"" + s.name() + "\": " + bundle.files().size() + " files in " + out
                    + " (prices " + p.priceSnapshot() + " as of " + p.pricesAsOf() + ")");
            stdout.flush();
            return ExitCodes.OK;
        } catch (ExportException e) {
            err.println("promplan: " + scenario + ": cannot export: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
    }
}
