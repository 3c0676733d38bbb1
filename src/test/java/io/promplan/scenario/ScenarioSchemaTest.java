package io.promplan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.core.workload.Problem;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ScenarioValidator;
import io.promplan.core.workload.schema.Field;
import io.promplan.core.workload.schema.Kind;
import io.promplan.core.workload.schema.ScenarioSchema;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The schema is the one description of the scenario keys: reader, writer, validator and form follow it. */
class ScenarioSchemaTest {
    static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyScalarKeyHasItsCommentAndEveryFormKeyItsLabelInBothLanguages() throws Exception {
        Properties comments = load("/io/promplan/scenario/comments.properties");
        Properties en = load("/io/promplan/ui/messages.properties");
        Properties ko = load("/io/promplan/ui/messages_ko.properties");
        for (Field f : ScenarioSchema.fields()) {
            boolean element = f.path().contains("[]");
            boolean scalar = f.kind() != Kind.OBJECT && f.kind() != Kind.LIST && f.kind() != Kind.SIZE;
            if (!element && scalar && !f.path().startsWith("measured")) {
                assertThat(comments.getProperty(f.commentKey())).as("comment of " + f.path()).isNotBlank();
            }
            if (f.onForm()) {
                assertThat(en.getProperty(f.labelKey())).as("label of " + f.path()).isNotBlank();
                assertThat(ko.getProperty(f.labelKey())).as("Korean label of " + f.path()).isNotBlank();
                if (!f.unitKey().isEmpty()) {
                    assertThat(en.getProperty(f.unitKey())).as("unit of " + f.path()).isNotBlank();
                }
            }
        }
    }

    @Test
    void theWriterWritesEveryKeyOfTheSchemaItReadsBackAndItsDefaultsAreTheReadersOwn() throws Exception {
        Scenario seed = ScenarioReader.read(Path.of("scenarios/seed-5-services.yaml"));
        String yaml = ScenarioWriter.toYaml(seed);
        assertThat(ScenarioReader.parse(yaml, "seed.yaml")).isEqualTo(seed);
        Scenario minimal = ScenarioReader.parse("version: 1\nname: m\nregion: us-east-1\nserviceCount: 2\nmetricsPerService: 3\n"
                + "seriesPerMetric: 4\nscrapeInterval: 15s\nretention: 15d\n", "m.yaml");
        for (Field f : ScenarioSchema.fields()) {
            if (f.get() != null && !f.path().startsWith("baseline") && f.defaultText() != null && !f.defaultText().isEmpty() && f.kind() != Kind.SIZE) {
                assertThat(ScenarioWriter.value(f, minimal).replace("\"", "")).as("default of " + f.path())
                        .isEqualTo(f.kind() == Kind.DECIMAL ? io.promplan.core.sizing.Num.fmt(Double.parseDouble(f.defaultText()))
                                : f.kind() == Kind.DURATION ? io.promplan.core.units.TimeSpan.parse(f.defaultText()).text() : f.defaultText());
            }
        }
    }

    @Test
    void rangeProblemsCarryTheSchemasFiguresAsData() throws Exception {
        Scenario seed = ScenarioReader.read(Path.of("scenarios/seed-5-services.yaml"));
        Scenario bad = seed.withWorkload(seed.workload().toBuilder().serviceCount(0).build());
        Problem p = ScenarioValidator.validate(bad).get(0);
        assertThat(p.field()).isEqualTo("serviceCount");
        assertThat(p.message()).isEqualTo("is 0; allowed: 1 to 10000");
        assertThat(p.code()).isEqualTo(Problem.RANGE);
        Field f = ScenarioSchema.field("serviceCount");
        assertThat(p.args()).isEqualTo(List.of("0", String.valueOf((long) f.range().min()), String.valueOf((long) f.range().max())));
    }
}
