package io.promplan.cli;

import io.promplan.core.analysis.Sweep;
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

/** promplan sweep: the monthly cost of every alternative for 1..N services, and where they cross. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Price every alternative for a range of service counts and say where they cross.")
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML)")
    Path scenario;

    @Option(names = "--services", paramLabel = "FROM..TO", defaultValue = "1..50", description = "service counts (default: ${DEFAULT-VALUE})")
    String services;

    @Option(names = "--input", paramLabel = "PATH", description = "sweep another input instead, e.g. seriesPerMetric, grafana.users, retention (days)")
    String input;

    @Option(names = "--range", paramLabel = "FROM..TO", description = "with --input: the values (decimals allowed), e.g. 1..50")
    String range;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "49", description = "with --input: intervals between FROM and TO (default: ${DEFAULT-VALUE})")
    int steps;

    @Mixin
    LangOption lang;

    @Option(names = "--region", paramLabel = "R", description = "price and size for this region instead of the scenario's")
    String region;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table", description = "table | json | csv | md (default: ${DEFAULT-VALUE})")
    DecisionFormat format;

    @Mixin
    PricesOption prices;

    @Override
    public Integer call() throws Exception {
        Labels l = lang.labels();
        PlanningService service = prices.service();
        Scenario s = service.load(scenario);
        Cli.planOrExplain(service, s, region, scenario);
        var planner = new DecisionService(service).planner(region);
        Sweep.Result r;
        if (input == null) {
            int[] svc = parseRange(services);
            r = Sweep.run(s, svc[0], svc[1], planner);
        } else if (input.equals(Sweep.SERVICES)) {
            // every count of the range is planned: the same bounds as --services
            double[] xr = parseDecimalRange(range == null ? "" : range);
            int[] svc = parseRange(Math.round(xr[0]) + ".." + Math.round(xr[1]));
            r = Sweep.run(s, svc[0], svc[1], planner);
        } else {
            double[] xr = parseDecimalRange(range == null ? "" : range);
            Options.sweepWork(steps, s);
            r = Sweep.runInput(s, input, xr[0], xr[1], steps, planner);
        }
        Table t = DecisionTables.sweep(r, l);
        String out = switch (format) {
            case json -> DecisionJson.sweepText(r);
            case csv -> t.toCsv(true);
            case md -> t.toMarkdown();
            case table -> t.toText();
        };
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    static double[] parseDecimalRange(String text) {
        String t = text.trim();
        int i = t.indexOf("..");
        if (i > 0) {
            return new double[] {Options.finite("--range", t.substring(0, i)), Options.finite("--range", t.substring(i + 2))};
        }
        throw new IllegalArgumentException("--range '" + io.promplan.io.Texts.shown(text, 40) + "' is not allowed; with --input write FROM..TO, e.g. --range 1..50");
    }

    static int[] parseRange(String text) {
        String t = text.trim();
        try {
            int from;
            int to;
            if (t.contains("..")) {
                from = Integer.parseInt(t.substring(0, t.indexOf("..")).trim());
                to = Integer.parseInt(t.substring(t.indexOf("..") + 2).trim());
            } else {
                from = 1;
                to = Integer.parseInt(t);
            }
            if (from >= 1 && to >= from && to <= 1000) {
                return new int[] {from, to};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--services '" + io.promplan.io.Texts.shown(text, 40) + "' is not allowed; write FROM..TO with 1 <= FROM <= TO <= 1000, e.g. 1..50");
    }
}
