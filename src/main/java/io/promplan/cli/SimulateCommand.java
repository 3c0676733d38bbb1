package io.promplan.cli;

import io.promplan.core.analysis.MonteCarlo;
import io.promplan.core.analysis.Sensitivity;
import io.promplan.core.workload.Scenario;
import io.promplan.render.DecisionJson;
import io.promplan.render.DecisionTables;
import io.promplan.render.Labels;
import io.promplan.render.Table;
import io.promplan.service.DecisionService;
import io.promplan.service.PlanningService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** promplan simulate: Monte Carlo over the scenario's ranges, and the tornado. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Monte Carlo over the scenario's uncertainty ranges: P10/P50/P90 of the monthly cost, ROI and break-even; the tornado.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML) with an uncertainty: section")
    Path scenario;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "100000", description = "draws (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed: the same seed gives the same result (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--exact", description = "run the full planner for every draw (slow; the default adds up per-input cost curves)")
    boolean exact;

    @Option(names = "--check", paramLabel = "N", defaultValue = "0",
            description = "also run N draws both ways and print the largest difference between the fast and the exact method")
    int check;

    @Option(names = "--region", paramLabel = "R", description = "price and size for this region instead of the scenario's")
    String region;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table", description = "table | json | csv | md (default: ${DEFAULT-VALUE})")
    DecisionFormat format;

    @Mixin
    LangOption lang;

    @Mixin
    PricesOption prices;

    @Override
    public Integer call() throws Exception {
        if (exact) {
            Options.exactRuns("--runs with --exact", runs);
        } else {
            Options.runs(runs);
        }
        if (check != 0) {
            Options.exactRuns("--check", check);
        }
        PlanningService service = prices.service();
        Scenario s = service.load(scenario);
        Cli.planOrExplain(service, s, region, scenario);
        var planner = new DecisionService(service).planner(region);
        MonteCarlo mc = new MonteCarlo(s, planner);
        MonteCarlo.Result r = mc.run(new MonteCarlo.Options(runs, seed, exact));
        Sensitivity.Result sens = Sensitivity.compute(s, planner);
        Labels l = lang.labels();
        Table sim = DecisionTables.simulation(r, l);
        Table tornado = DecisionTables.tornado(sens, l);
        String checkLine = "";
        if (check > 0) {
            checkLine = "fast vs exact on " + check + " draws (seed " + seed + "): largest difference "
                    + DecisionTables.usd(mc.check(check, seed)) + " a month\n";
        }
        String out = switch (format) {
            case json -> DecisionJson.simulationText(r, sens);
            case csv -> sim.toCsv(true) + tornado.toCsv(true);
            case md -> sim.toMarkdown() + tornado.toMarkdown();
            case table -> sim.toText() + "\n" + tornado.toText();
        };
        spec.commandLine().getOut().print(out);
        if (!checkLine.isEmpty()) {
            spec.commandLine().getErr().print(checkLine);
            spec.commandLine().getErr().flush();
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
