package io.promplan.cli;

import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.export.ExportBundle;
import io.promplan.export.ExportException;
import io.promplan.export.ExportWriter;
import io.promplan.export.Exporter;
import io.promplan.io.Texts;
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
                "Files go to a staging folder first and are moved into place only when complete, each whole. Replacing an earlier export "
                        + "(--force) keeps every file it did not write: terraform.tfstate*, .terraform/, *.tfvars, your own files."})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML)")
    Path scenario;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder to write (new or empty; see --force)")
    Path out;

    @Option(names = "--force", description = "update DIR if it holds an earlier promplan export: its files are replaced, files it no longer "
            + "writes removed, everything else (Terraform state, .terraform/, *.tfvars, your files) kept and listed")
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
            ExportWriter.Result r = ExportWriter.write(bundle, out, force, (done, total, path) -> {
                if (!quiet) {
                    stdout.println("  [" + done + "/" + total + "] " + path);
                }
            }, () -> false);
            for (String rec : r.recovered()) {
                err.println("promplan: " + Texts.escape(out.toString()) + ": " + rec);
            }
            if (!r.removed().isEmpty() && !quiet) {
                stdout.println("  removed " + r.removed().size() + " file(s) the export no longer writes: " + String.join(", ", r.removed()));
            }
            if (!r.kept().isEmpty()) {
                stdout.println("  " + Texts.escape(r.keptText(20)));
            }
            stdout.println("Exported \"" + Texts.escape(s.name().text()) + "\": " + bundle.files().size() + " files in " + Texts.escape(out.toString())
                    + " (prices " + p.priceSnapshot() + " as of " + p.pricesAsOf() + ")");
            stdout.flush();
            return ExitCodes.OK;
        } catch (ExportException e) {
            err.println("promplan: " + Texts.escape(scenario.toString()) + ": cannot export: " + Texts.escape(e.getMessage()));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
    }
}
