package io.promplan.cli;

import io.promplan.core.plan.InvalidScenarioException;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Problem;
import io.promplan.core.workload.Scenario;
import io.promplan.io.InputFileException;
import io.promplan.io.Texts;
import io.promplan.service.PlanningService;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code promplan <command> ...}. Errors end in one line on stderr and an exit code. */
@Command(name = "promplan", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Plan the capacity and cost of a Prometheus + Grafana stack on AWS ECS Fargate.",
        subcommands = {PlanCommand.class, CompareCommand.class, SweepCommand.class, SimulateCommand.class, ReportCommand.class,
                ExportCommand.class, PricesCommand.class, MeasureCommand.class, CheckCommand.class},
        footer = {"", "Exit codes: 0 done, 1 a failure outside your input (network, disk), 2 input not usable (file, field, option), 3 (check) the stack has outgrown its plan, 70 a bug.",
                "With no command, the desktop app opens."})
public final class Cli implements Runnable {
    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a command line and returns its exit code; never throws, never prints a stack trace unless PROMPLAN_DEBUG is set. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            int code = exitCode(ex);
            line.getErr().println("promplan: " + (code == ExitCodes.INTERNAL ? "internal error (a bug in promplan; PROMPLAN_DEBUG=1 shows where): "
                    + ex.getClass().getSimpleName() + ": " : "") + message(ex));
            if (System.getenv("PROMPLAN_DEBUG") != null) {
                ex.printStackTrace(line.getErr());
            }
            line.getErr().flush();
            return code;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("promplan: " + Texts.escape(ex.getMessage()));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            c.getErr().flush();
            return ExitCodes.BAD_INPUT;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** 2 for input that is not usable, 1 for a failure outside it (files, network), 3 for anything else: a bug. */
    static int exitCode(Throwable ex) {
        if (ex instanceof InputFileException || ex instanceof InvalidScenarioException || ex instanceof IllegalArgumentException) {
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException || ex instanceof io.promplan.export.ExportException
                || ex instanceof java.util.concurrent.CancellationException) {
            return ExitCodes.FAILURE;
        }
        return ExitCodes.INTERNAL;
    }

    static String message(Throwable ex) {
        if (ex instanceof InputFileException) {
            return ex.getMessage();
        }
        if (ex instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            // A write or read that failed: the file and the cause in words ("permission denied", "no space left on device").
            return Texts.escape(f.getFile()) + (f.getOtherFile() == null ? "" : " -> " + Texts.escape(f.getOtherFile())) + ": " + Texts.reason(f);
        }
        if (ex instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            return message(u.getCause());
        }
        String m = ex.getMessage();
        return Texts.escape((m == null || m.isBlank()) ? ex.getClass().getSimpleName() : m);
    }

    /** Plans; a value the planner refuses is reported against the scenario file. */
    static Plan planOrExplain(PlanningService service, Scenario s, String region, Path file) throws InputFileException {
        try {
            return service.plan(s, region);
        } catch (InvalidScenarioException e) {
            Problem p = e.problems().get(0);
            boolean option = region != null && p.field().equals("region");
            throw new InputFileException(file.toString(), option ? 0 : io.promplan.scenario.ScenarioReader.line(file, p.field()),
                    option ? "--region" : p.field(), p.message());
        }
    }

    /** The version from the jar's manifest. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"promplan " + (v == null ? "(development build)" : v)};
        }
    }
}
