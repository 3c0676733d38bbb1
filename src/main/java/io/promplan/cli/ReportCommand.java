package io.promplan.cli;

import io.promplan.core.analysis.Decision;
import io.promplan.core.workload.Scenario;
import io.promplan.io.AtomicFiles;
import io.promplan.render.Labels;
import io.promplan.render.ReportExport;
import io.promplan.report.ReportPdf;
import io.promplan.service.DecisionService;
import io.promplan.service.PlanningService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** promplan report: the one-page PDF for a manager, and the same tables as CSV or Markdown. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the one-page decision report (PDF), or its tables as CSV (spreadsheets) or Markdown (wikis), by the file's extension.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML)")
    Path scenario;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "FILE.pdf, FILE.csv or FILE.md; repeat for several")
    List<Path> out;

    @Mixin
    LangOption lang;

    @Option(names = "--font", paramLabel = "FILE", description = "TrueType font to embed (default: a Hangul font found on the machine)")
    Path font;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "100000", description = "Monte Carlo draws (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--months", paramLabel = "N", defaultValue = "36", description = "TCO horizon (default: ${DEFAULT-VALUE})")
    int months;

    @Option(names = "--growth", paramLabel = "G", defaultValue = "default",
            description = "services over time: default (the plan's 5 -> 10 -> 20 over two years, from the scenario's count), flat, +N/q, or counts a year such as 5,10,20 (default: ${DEFAULT-VALUE})")
    String growth;

    @Option(names = "--migration-hours", paramLabel = "H", defaultValue = "0", description = "one-off migration hours for either Prometheus alternative")
    double migrationHours;

    @Option(names = "--region", paramLabel = "R", description = "price and size for this region instead of the scenario's")
    String region;

    @Mixin
    PricesOption prices;

    @Override
    public Integer call() throws Exception {
        Labels.Lang lg = lang.lang();
        for (Path o : out) {
            kind(o);
        }
        Options.runs(runs);
        Options.months(months);
        Options.migrationHours(migrationHours);
        if (font != null) {
            // Read whole by the PDF library: a folder, a device or a pipe would hang or exhaust memory.
            io.promplan.io.InputFiles.readAttributesOf(font, 64L * 1024 * 1024, "a TrueType font file (.ttf)");
        }
        PlanningService service = prices.service();
        Scenario s = service.load(scenario);
        Options.growth(growth, s);
        Cli.planOrExplain(service, s, region, scenario);
        DecisionService ds = new DecisionService(service);
        Decision d = ds.decide(s, region, DecisionService.tcoOptions(s, months, growth, migrationHours), runs, seed);
        Labels l = Labels.of(lg);
        for (Path o : out) {
            switch (kind(o)) {
                case "pdf" -> ReportPdf.write(d, lg, font, o);
                case "csv" -> writeText(o, ReportExport.csv(d, l));
                default -> writeText(o, ReportExport.markdown(d, l));
            }
            spec.commandLine().getOut().println("wrote " + o);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    static String kind(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String k : List.of("pdf", "csv", "md")) {
            if (n.endsWith("." + k)) {
                return k;
            }
        }
        throw new IllegalArgumentException("--out " + p + ": the file name must end in .pdf, .csv or .md");
    }

    static void writeText(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
    }
}
