package io.promplan.export;

import io.promplan.TestSupport;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import io.promplan.io.InputFileException;
import io.promplan.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;

/** The scenarios whose exports are committed under infra-export/, and planning them. */
final class ExportTestSupport {
    static final Path INFRA_EXPORT = Path.of("infra-export");
    /** name under infra-export/ and the scenario file it is exported from. */
    static final List<String[]> COMMITTED = List.of(
            new String[] {"seed-5-services", "scenarios/seed-5-services.yaml"},
            new String[] {"services-10", "scenarios/services-10.yaml"},
            new String[] {"services-20", "scenarios/services-20.yaml"},
            new String[] {"arm64-ebs-12-services", "src/test/resources/scenarios/arm64-ebs-12-services.yaml"},
            new String[] {"amp-sharded-20-services", "src/test/resources/scenarios/amp-sharded-20-services.yaml"},
            new String[] {"ephemeral-20-services", "src/test/resources/scenarios/ephemeral-20-services.yaml"},
            new String[] {"thanos-40-services-1y", "scenarios/thanos-40-services-1y.yaml"});

    private ExportTestSupport() {
    }

    static Scenario read(String file) {
        try {
            return ScenarioReader.read(Path.of(file));
        } catch (InputFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Plan plan(String file) {
        return TestSupport.service().plan(read(file));
    }

    static ExportBundle export(Plan p) {
        try {
            return new Exporter().export(p);
        } catch (ExportException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
