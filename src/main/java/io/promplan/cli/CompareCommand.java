package io.promplan.cli;

import io.promplan.core.analysis.Tco;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.render.DecisionJson;
import io.promplan.render.DecisionTables;
import io.promplan.render.Table;
import io.promplan.service.DecisionService;
import io.promplan.service.PlanningService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** promplan compare: several scenarios side by side, every alternative's monthly cost and TCO. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare scenarios side by side: each alternative's monthly cost, TCO, the cheapest, ROI and the plan's budget.")
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "scenario files (YAML)")
    List<Path> scenarios;

    @Option(names = "--region", paramLabel = "R", description = "price and size every scenario for this region")
    String region;

    @Option(names = "--months", paramLabel = "N", defaultValue = "36", description = "TCO horizon in months (default: ${DEFAULT-VALUE})")
    int months;

    // The same default as `report`: one workload, one TCO, whichever command shows it.
    @Option(names = "--growth", paramLabel = "G", defaultValue = "default",
            description = "services over time for the TCO: default (the plan's 5 -> 10 -> 20 over two years, from the scenario's count, as in report), flat, +N/q, or counts a year such as 5,10,20 (default: ${DEFAULT-VALUE})")
    String growth;

    @Option(names = "--migration-hours", paramLabel = "H", defaultValue = "0", description = "one-off migration hours for either Prometheus alternative")
    double migrationHours;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table", description = "table | json | csv | md (default: ${DEFAULT-VALUE})")
    DecisionFormat format;

    @Mixin
    LangOption lang;

    @Mixin
    PricesOption prices;

    @Override
    public Integer call() throws Exception {
        Options.months(months);
        Options.migrationHours(migrationHours);
        PlanningService service = prices.service();
        DecisionService ds = new DecisionService(service);
        List<DecisionTables.CompareRow> rows = new ArrayList<>();
        for (Path file : scenarios) {
            Scenario s = service.load(file);
            Options.growth(growth, s);
            Plan p = Cli.planOrExplain(service, s, region, file);
            Tco.Result t = Tco.compute(s, DecisionService.tcoOptions(s, months, growth, migrationHours), ds.planner(region));
            rows.add(new DecisionTables.CompareRow(file.toString(), p, t));
        }
        Table t = DecisionTables.compare(rows, lang.labels());
        String out = switch (format) {
            case json -> DecisionJson.compareText(rows);
            case csv -> t.toCsv(true);
            case md -> t.toMarkdown();
            case table -> t.toText();
        };
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
