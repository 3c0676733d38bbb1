package io.promplan.ui;

import io.promplan.core.analysis.InputPaths;
import io.promplan.core.sizing.Num;
import io.promplan.core.workload.Baseline;
import io.promplan.core.workload.BaselineLine;
import io.promplan.core.workload.CloudWatchMetric;
import io.promplan.core.workload.ExporterSpec;
import io.promplan.core.workload.LocalText;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ServiceSpec;
import io.promplan.core.workload.Uncertainty;
import io.promplan.io.InputFileException;
import io.promplan.scenario.ScenarioReader;
import io.promplan.scenario.ScenarioWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario's lists as rows of texts, for the inputs pane's list editors: the services with their own
 * figures, the CloudWatch exporter's metrics, the plan's baseline (budget) lines and the uncertainty ranges.
 * Rows become a scenario again through the scenario file's own reader and validator, so a list the app
 * accepts is a list a file may hold, and every message names the entry and field as a file's would.
 */
public final class ListForms {
    /** One list: its bundle key part, its columns (bundle keys {@code list.<kind>.<column>}). */
    public enum Kind {
        SERVICES("services", List.of("name", "metrics", "seriesPerMetric", "targets", "histogramShare", "histogramBuckets")),
        METRICS("metrics", List.of("namespace", "name", "dimensions", "statistics", "perService", "resources")),
        BASELINE("baseline", List.of("name", "lowUsd", "highUsd", "covers", "note")),
        RANGES("ranges", List.of("path", "low", "likely", "high", "shape"));

        private final String key;
        private final List<String> columns;

        Kind(String key, List<String> columns) {
            this.key = key;
            this.columns = columns;
        }

        public String key() {
            return key;
        }

        public List<String> columns() {
            return columns;
        }
    }

    /** The scenario the rows describe, or the message saying which entry and field is not allowed. */
    public record Result(Scenario scenario, String error) {
        public boolean ok() {
            return scenario != null;
        }
    }

    private ListForms() {
    }

    /** The rows a list editor shows for a scenario, the scenario's texts in English (or plain). */
    public static List<List<String>> rows(Scenario s, Kind kind) {
        return rows(s, kind, LocalText.DEFAULT);
    }

    /** The rows a list editor shows for a scenario, the scenario's texts in the app's language. */
    public static List<List<String>> rows(Scenario s, Kind kind, I18n t) {
        return rows(s, kind, language(t));
    }

    /** The language code of the app's texts ("en", "ko"). */
    static String language(I18n t) {
        return t == null ? LocalText.DEFAULT : t.locale().getLanguage();
    }

    /** The rows a list editor shows for a scenario, the scenario's texts in a language ("en", "ko"). */
    static List<List<String>> rows(Scenario s, Kind kind, String lang) {
        List<List<String>> out = new ArrayList<>();
        switch (kind) {
            case SERVICES -> {
                for (ServiceSpec o : s.workload().serviceOverrides()) {
                    out.add(List.of(o.name() == null ? "" : o.name(), o.metrics() > 0 ? String.valueOf(o.metrics()) : "",
                            o.seriesPerMetric() > 0 ? Num.fmt(o.seriesPerMetric()) : "", o.targets() > 0 ? String.valueOf(o.targets()) : "",
                            o.histogramShare() >= 0 ? Num.fmt(o.histogramShare()) : "", o.histogramBuckets() > 0 ? String.valueOf(o.histogramBuckets()) : ""));
                }
            }
            case METRICS -> {
                for (CloudWatchMetric m : s.workload().exporter().metrics()) {
                    out.add(List.of(m.namespace(), m.name(), String.join(", ", m.dimensions()), String.join(", ", m.statistics()),
                            String.valueOf(m.perService()), m.perService() ? "" : String.valueOf(m.resources())));
                }
            }
            case BASELINE -> {
                for (BaselineLine l : s.baseline().lines()) {
                    out.add(List.of(l.name().text(lang), Num.fmt(l.lowUsd()), Num.fmt(l.highUsd()), String.join(", ", l.covers()), l.note().text(lang)));
                }
            }
            case RANGES -> s.uncertainty().ranges().forEach((path, r) -> out.add(List.of(path, Num.fmt(r.low()),
                    r.hasLikely() ? Num.fmt(r.likely()) : "", Num.fmt(r.high()), r.shape().key())));
        }
        return out;
    }

    /** A new row's texts (what "Add" puts in). */
    public static List<String> newRow(Scenario s, Kind kind) {
        return switch (kind) {
            case SERVICES -> List.of("service-" + (s.workload().serviceOverrides().size() + 1), "", "", "", "", "");
            case METRICS -> List.of("AWS/ECS", "CPUUtilization", "ClusterName, ServiceName", "Average", "true", "");
            case BASELINE -> List.of("", "0", "0", "", "");
            case RANGES -> {
                String free = InputPaths.paths().stream().filter(p -> !s.uncertainty().ranges().containsKey(p)).findFirst()
                        .orElse(InputPaths.paths().get(0));
                double v = InputPaths.byPath(free).orElseThrow().read(s);
                yield List.of(free, Num.fmt(v), "", Num.fmt(v == 0 ? 1 : v * 2), Uncertainty.Shape.PERT.key());
            }
        };
    }

    /** The inputs a range may be given for (the choices of the path column). */
    public static List<String> rangePaths() {
        return InputPaths.paths();
    }

    /**
     * The scenario with the rows in place of the list, checked as a scenario file is.
     *
     * @param base the scenario as the form describes it now (valid)
     */
    public static Result apply(Scenario base, Kind kind, List<List<String>> rows, I18n t) {
        Scenario s;
        try {
            s = switch (kind) {
                case SERVICES -> services(base, rows, t);
                case METRICS -> metrics(base, rows, t);
                case BASELINE -> baseline(base, rows, t);
                case RANGES -> base.withUncertainty(ranges(rows, t));
            };
        } catch (IllegalArgumentException e) {
            return new Result(null, e.getMessage());
        }
        List<io.promplan.core.workload.Problem> problems = io.promplan.core.workload.ScenarioValidator.validate(s);
        if (!problems.isEmpty()) {
            io.promplan.core.workload.Problem p = problems.get(0);
            return new Result(null, p.field() + ": " + ScenarioForm.problemText(p, t));
        }
        try {
            // the file's reader and validator: a list the app takes is one a file may hold
            return new Result(ScenarioReader.parse(ScenarioWriter.toYaml(s), "inputs"), "");
        } catch (InputFileException e) {
            return new Result(null, e.field().isEmpty() ? e.detail() : e.field() + ": " + e.detail());
        }
    }

    private static Scenario services(Scenario base, List<List<String>> rows, I18n t) {
        List<ServiceSpec> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            String f = "services[" + i + "].";
            out.add(new ServiceSpec(r.get(0).strip(), (int) number(r.get(1), 0, true, f + "metrics", t), number(r.get(2), 0, false, f + "seriesPerMetric", t),
                    (int) number(r.get(3), 0, true, f + "targets", t), number(r.get(4), -1, false, f + "histogramShare", t),
                    (int) number(r.get(5), 0, true, f + "histogramBuckets", t)));
        }
        return base.withWorkload(base.workload().toBuilder().serviceOverrides(out).build());
    }

    private static Scenario metrics(Scenario base, List<List<String>> rows, I18n t) {
        List<CloudWatchMetric> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            boolean perService = Boolean.parseBoolean(r.get(4).strip());
            out.add(new CloudWatchMetric(r.get(0).strip(), r.get(1).strip(), list(r.get(2)), list(r.get(3)), perService,
                    perService ? 0 : (int) number(r.get(5), 0, true, "cloudwatchExporter.metrics[" + i + "].resources", t)));
        }
        ExporterSpec e = base.workload().exporter();
        return base.withWorkload(base.workload().toBuilder()
                .exporter(new ExporterSpec(e.scrapeInterval(), e.period(), out, e.api(), e.listMetricsCacheTtl())).build());
    }

    private static Scenario baseline(Scenario base, List<List<String>> rows, I18n t) {
        Baseline b = base.baseline();
        List<BaselineLine> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            String f = "baseline.lines[" + i + "].";
            BaselineLine was = i < b.lines().size() ? b.lines().get(i) : null;
            String lang = language(t);
            out.add(new BaselineLine(edited(was == null ? null : was.name(), r.get(0).strip(), lang), number(r.get(1), 0, false, f + "lowUsd", t),
                    number(r.get(2), 0, false, f + "highUsd", t), was == null ? 0 : was.planHours(), list(r.get(3)),
                    was == null ? LocalText.EMPTY : was.planFormula(), edited(was == null ? null : was.note(), r.get(4).strip(), lang),
                    was != null && was.notPriced()));
        }
        Baseline nb = new Baseline(b.lowUsd(), b.highUsd(), b.priceRegion(), out, b.cloudwatchOnlyUsd(), b.cloudwatchOnlyLines(),
                b.claimedGiBPerDay(), b.roiClaim());
        return base.withBaseline(nb);
    }

    /**
     * A text of the file after the editor's cell: unchanged when the cell shows what it showed; else a plain text stays plain
     * (replaced) and a text by language takes the cell as the entry of the app's language, keeping the others.
     */
    static LocalText edited(LocalText was, String cell, String lang) {
        if (was == null) {
            return LocalText.plain(cell);
        }
        if (was.text(lang).strip().equals(cell)) {
            return was;
        }
        return was.with(lang, cell);
    }

    private static Uncertainty ranges(List<List<String>> rows, I18n t) {
        Map<String, Uncertainty.Range> out = new LinkedHashMap<>();
        for (List<String> r : rows) {
            String path = r.get(0).strip();
            String f = "uncertainty." + path + ".";
            if (out.containsKey(path)) {
                throw new IllegalArgumentException("uncertainty." + path + ": " + t.get("list.duplicate"));
            }
            Uncertainty.Shape shape = Uncertainty.Shape.parse(r.get(4).strip())
                    .orElseThrow(() -> new IllegalArgumentException(f + "shape: " + t.get("list.shape", r.get(4).strip())));
            out.put(path, new Uncertainty.Range(number(r.get(1), Double.NaN, false, f + "low", t),
                    number(r.get(2), Double.NaN, false, f + "likely", t), number(r.get(3), Double.NaN, false, f + "high", t), shape));
        }
        return new Uncertainty(out);
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** A number typed in a cell; blank is {@code blank} (the shorthand's, or none). */
    private static double number(String text, double blank, boolean whole, String field, I18n t) {
        String s = text.strip().replace(",", "").replace("_", "");
        if (s.isEmpty()) {
            if (Double.isNaN(blank) && !field.endsWith(".likely")) {
                throw new IllegalArgumentException(field + ": " + t.get("error.required"));
            }
            return blank;
        }
        try {
            double d = whole ? Integer.parseInt(s) : Double.parseDouble(s);
            if (!Double.isFinite(d) || s.matches(".*[a-zA-Z].*")) {
                throw new NumberFormatException(s);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": " + t.get(whole ? "error.integer" : "error.number", text.strip()));
        }
    }
}
