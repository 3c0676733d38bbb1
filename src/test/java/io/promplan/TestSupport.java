package io.promplan;

import io.promplan.cli.Cli;
import io.promplan.core.workload.Scenario;
import io.promplan.io.InputFileException;
import io.promplan.scenario.ScenarioReader;
import io.promplan.service.PlanningService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Shared helpers: the shipped scenarios and prices, and running the CLI in-process. */
public final class TestSupport {
    public static final Path SCENARIOS = Path.of("scenarios");
    public static final Path PRICES = Path.of("pricing-data");

    private TestSupport() {
    }

    public static Scenario seed() {
        return scenario("seed-5-services.yaml");
    }

    public static Scenario scenario(String file) {
        try {
            return ScenarioReader.read(SCENARIOS.resolve(file));
        } catch (InputFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static PlanningService service() {
        try {
            return PlanningService.open(PRICES);
        } catch (InputFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The outcome of one CLI run. */
    public record Run(int code, String out, String err) {
    }

    public static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
