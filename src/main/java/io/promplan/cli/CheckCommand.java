package io.promplan.cli;

import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.measure.Http;
import io.promplan.measure.MeasureException;
import io.promplan.measure.PlanCheck;
import io.promplan.measure.PrometheusMeasurement;
import io.promplan.measure.PrometheusReader;
import io.promplan.measure.TargetScraper;
import io.promplan.render.TextTable;
import io.promplan.service.PlanningService;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** promplan check: the plan of a scenario against the Prometheus that runs it; exit 3 when the stack has outgrown the plan. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compare a scenario's plan with a running Prometheus: series, samples/s, memory and CPU against the task, disk against the volume and retention.size.",
        footer = {"", "Exit codes: 0 the running stack fits its plan, 3 it has outgrown it (the figures that crossed are printed),",
                "1 the Prometheus could not be read, 2 input not usable (scenario, option)."})
public final class CheckCommand implements Callable<Integer> {
    /** The running stack has outgrown its plan. */
    public static final int OUTGROWN = ExitCodes.OUTGROWN;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML) whose plan runs")
    Path scenario;

    @Option(names = "--prometheus", paramLabel = "URL", required = true, description = "the running Prometheus")
    String prometheus;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "10", description = "series and samples/s may exceed the plan by this much (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "5m", description = "rate window of per-second figures (default: ${DEFAULT-VALUE})")
    String window;

    @Mixin
    MeasureCommand.Access access;

    @Mixin
    PricesOption prices;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        if (!(tolerance >= 0) || tolerance > 1000) {
            throw new IllegalArgumentException("--tolerance: is " + tolerance + "; allowed: 0 to 1000 (percent)");
        }
        MeasureCommand.duration(window, "--window");
        URI uri = TargetScraper.uri(prometheus, "--prometheus");
        PlanningService service = prices.service();
        Scenario s = service.load(scenario);
        Plan plan = Cli.planOrExplain(service, s, null, scenario);
        PrometheusMeasurement m;
        try (Http http = access.http()) {
            PrometheusReader reader = new PrometheusReader(http, uri, window);
            try {
                m = reader.read();
            } catch (MeasureException x) {
                e.println("promplan: prometheus " + reader.display() + ": " + x.getMessage());
                e.flush();
                return ExitCodes.FAILURE;
            }
        }
        PlanCheck.Result r = PlanCheck.check(plan, m, tolerance);
        o.println("check " + scenario + " against " + m.url() + (m.version().isEmpty() ? "" : " (Prometheus " + m.version() + ")"));
        TextTable t = new TextTable("figure", "planned", "measured", "verdict");
        for (PlanCheck.Figure f : r.figures()) {
            t.row(f.what(), f.planned(), f.measured().isEmpty() ? "-" : f.measured(), f.verdict());
        }
        o.print(t.render(""));
        for (String n : r.notes()) {
            o.println("note: " + n);
        }
        if (r.outgrown()) {
            o.println("OUTGROWN: the running stack has outgrown its plan: "
                    + String.join(", ", r.crossed().stream().map(f -> f.what() + " " + f.measured() + " (plan " + f.planned() + ")").toList())
                    + ". Measure it again (promplan measure --prometheus " + m.url() + " --base " + scenario + " --out FILE) and plan anew.");
            o.flush();
            return OUTGROWN;
        }
        o.println("ok: the running stack fits its plan");
        o.flush();
        return ExitCodes.OK;
    }
}
