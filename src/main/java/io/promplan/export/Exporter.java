package io.promplan.export;

import io.promplan.core.plan.Plan;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns a plan into the files of a deployable stack: Terraform, configs, dashboards, README and Infracost
 * usage. Deterministic: the same plan gives the same bytes (no timestamps; the scenario, price snapshot and
 * as-of date go into the headers instead).
 */
public final class Exporter {
    /** The label value and Terraform default for {@code env} when none is given. */
    public static final String DEFAULT_ENVIRONMENT = "prod";

    public ExportBundle export(Plan plan) throws ExportException {
        return export(plan, DEFAULT_ENVIRONMENT);
    }

    /** @throws ExportException when the plan cannot be deployed as it stands (the message says why and what to change) */
    public ExportBundle export(Plan plan, String environment) throws ExportException {
        return export(plan, environment, w -> { });
    }

    /**
     * As {@link #export(Plan, String)}, and hands each warning of the export itself (beyond the plan's own warnings) to
     * {@code warnings}, e.g. the exporter config outgrowing a Standard SSM parameter. They are also in the README's
     * Warnings section.
     */
    public ExportBundle export(Plan plan, String environment, Consumer<String> warnings) throws ExportException {
        ExportModel m = new ExportModel(plan, environment);
        TreeMap<String, String> files = new TreeMap<>();
        new ConfigFiles(m).addTo(files);
        new DashboardFiles(m).addTo(files);
        Map<String, String> uploaded = new TreeMap<>(files);
        new TerraformFiles(m, uploaded).addTo(files);
        new ReadmeFiles(m).addTo(files);
        m.warnings.forEach(warnings);
        return new ExportBundle(plan.scenario().name().text(), files);
    }
}
