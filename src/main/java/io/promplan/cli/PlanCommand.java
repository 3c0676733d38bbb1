package io.promplan.cli;

import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.render.PlanCsv;
import io.promplan.render.PlanJson;
import io.promplan.render.PlanText;
import io.promplan.service.PlanningService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** promplan plan: sizing, cost lines of each alternative, the baseline, ROI, warnings. */
@Command(name = "plan", description = "Size the stack and price every alternative for a scenario.", mixinStandardHelpOptions = true)
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML)")
    Path scenario;

    @Option(names = "--region", paramLabel = "R", description = "price and size for this region instead of the scenario's")
    String region;

    @Option(names = "--format", paramLabel = "F", description = "table | json | csv (default: ${DEFAULT-VALUE})", defaultValue = "table")
    OutputFormat format;

    @Option(names = "--explain", description = "with --format table: show how every figure was computed")
    boolean explain;

    @Mixin
    LangOption lang;

    @Mixin
    PricesOption prices;

    @Override
    public Integer call() throws Exception {
        PlanningService service = prices.service();
        Scenario s = service.load(scenario);
        Plan p = Cli.planOrExplain(service, s, region, scenario);
        String out = switch (format) {
            case json -> PlanJson.render(p);
            case csv -> PlanCsv.render(p);
            case table -> PlanText.render(p, explain, lang.lang());
        };
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
