package io.promplan.service;

import io.promplan.core.plan.Plan;
import io.promplan.core.plan.Planner;
import io.promplan.core.sizing.SizingCoefficients;
import io.promplan.core.workload.Scenario;
import io.promplan.io.InputFileException;
import io.promplan.pricing.PriceSnapshot;
import io.promplan.pricing.PriceSnapshots;
import io.promplan.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one facade the CLI and the desktop app call: loads scenarios and price snapshots, plans.
 */
public final class PlanningService {
    /** Where prices are looked for when none is given: ./pricing-data, else next to the jar. */
    public static final String DEFAULT_PRICES_DIR = "pricing-data";

    private final PriceSnapshot snapshot;
    private final SizingCoefficients coefficients;
    /** True when the calibration follows each scenario's {@code prometheusVersion}; false when one was chosen for every plan. */
    private final boolean byScenarioVersion;

    public PlanningService(PriceSnapshot snapshot, SizingCoefficients coefficients) {
        this(snapshot, coefficients, false);
    }

    private PlanningService(PriceSnapshot snapshot, SizingCoefficients coefficients, boolean byScenarioVersion) {
        this.snapshot = snapshot;
        this.coefficients = coefficients;
        this.byScenarioVersion = byScenarioVersion;
    }

    public static PlanningService open(Path pricesDir) throws InputFileException {
        return new PlanningService(PriceSnapshots.load(pricesDir == null ? defaultPricesDir() : pricesDir), Calibration.shipped(), true);
    }

    public static Path defaultPricesDir() {
        Path here = Path.of(DEFAULT_PRICES_DIR);
        if (Files.isDirectory(here)) {
            return here;
        }
        try {
            Path jar = Path.of(PlanningService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.getParent() == null ? here : jar.getParent().resolve("..").resolve(DEFAULT_PRICES_DIR).normalize();
            if (Files.isDirectory(beside)) {
                return beside;
            }
        } catch (Exception e) {
            // fall through to the working directory's folder, reported when it is missing
        }
        return here;
    }

    public PriceSnapshot snapshot() {
        return snapshot;
    }

    public SizingCoefficients coefficients() {
        return coefficients;
    }

    public PlanningService withSnapshot(PriceSnapshot s) {
        return new PlanningService(s, coefficients, byScenarioVersion);
    }

    /** The same service planning with another calibration. */
    public PlanningService withCalibration(SizingCoefficients k) {
        return new PlanningService(snapshot, k);
    }

    /**
     * The same service planning with the calibration of a Prometheus version ("2.42", "2.x", "3.5",
     * "3.x"; null or blank: the default, {@link Calibration#DEFAULT_VERSION}).
     *
     * @throws IllegalArgumentException when no calibration fits the version (the message names those that do)
     */
    public PlanningService forPrometheusVersion(String version) {
        return withCalibration(Calibration.forVersion(version));
    }

    public Scenario load(Path scenarioFile) throws InputFileException {
        return ScenarioReader.read(scenarioFile);
    }

    /** The planner with every alternative the product prices, on this service's calibration. */
    public Planner planner() {
        return new Planner(snapshot.catalog(), coefficients);
    }

    /**
     * The calibration a scenario is planned with: the one of its {@code prometheusVersion} (2.x: 2.42, 3.x: 3.5) when this
     * service follows the scenarios (as {@link #open} does), else the one chosen for every plan.
     */
    public SizingCoefficients coefficientsFor(Scenario s) {
        if (!byScenarioVersion) {
            return coefficients;
        }
        return Calibration.resolve(s.workload().prometheusVersion()).map(Calibration::forVersion).orElse(coefficients);
    }

    /** Plans a scenario; throws InvalidScenarioException for values that are not allowed. */
    public Plan plan(Scenario s) {
        return new Planner(snapshot.catalog(), coefficientsFor(s)).plan(s);
    }

    /** Plans a scenario in another region than its own. */
    public Plan plan(Scenario s, String region) {
        if (region == null || region.isBlank()) {
            return plan(s);
        }
        return plan(s.withWorkload(s.workload().toBuilder().region(region).build()));
    }
}
