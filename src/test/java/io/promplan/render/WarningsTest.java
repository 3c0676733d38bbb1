package io.promplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.plan.Plan;
import io.promplan.core.plan.Warning;
import io.promplan.core.sizing.SizingWarning;
import io.promplan.core.units.TimeSpan;
import io.promplan.core.workload.Component;
import io.promplan.core.workload.FargateSize;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.StorageBackend;
import io.promplan.core.workload.StorageSpec;
import io.promplan.core.workload.Workload;
import io.promplan.service.PlanningService;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plan's warnings are data (a kind and its figures); the bundles make the sentence. The English
 * sentence is the command line's, word for word (what the sizing and the exported README say), and the
 * Korean one is Korean.
 */
class WarningsTest {
    private final PlanningService service = TestSupport.service();

    /** Scenarios that between them raise every kind of warning. */
    private List<Scenario> scenarios() {
        Scenario seed = TestSupport.seed();
        Workload w = seed.workload();
        List<Scenario> out = new ArrayList<>();
        out.add(seed);
        out.add(TestSupport.scenario("services-20.yaml"));
        Map<Component, FargateSize> invalid = new EnumMap<>(Component.class);
        invalid.put(Component.PROMETHEUS, new FargateSize(1536, 3072));
        out.add(seed.withWorkload(w.toBuilder().pinned(invalid).build()));
        Map<Component, FargateSize> tiny = new EnumMap<>(Component.class);
        tiny.put(Component.PROMETHEUS, new FargateSize(256, 512));
        out.add(seed.withWorkload(w.toBuilder().seriesPerMetric(2000).pinned(tiny).sizing(w.sizing().withPinsAreRequirements(true)).build()));
        out.add(seed.withWorkload(w.toBuilder().seriesPerMetric(2000).pinned(tiny).build()));
        var st = w.storage();
        out.add(seed.withWorkload(w.toBuilder().storage(new StorageSpec(StorageBackend.EPHEMERAL, 0, st.grafanaGiB(), st.localRetention(), st.backup()))
                .seriesPerMetric(400).retention(TimeSpan.parse("90d")).build()));
        out.add(seed.withWorkload(w.toBuilder().storage(new StorageSpec(StorageBackend.EBS, 1, st.grafanaGiB(), st.localRetention(), st.backup()))
                .seriesPerMetric(50).build()));
        out.add(seed.withWorkload(w.toBuilder().serviceCount(400).seriesPerMetric(50).pinned(Map.of())
                .storage(new StorageSpec(StorageBackend.EBS, 0, st.grafanaGiB(), st.localRetention(), st.backup())).build()));
        return out;
    }

    @Test
    void englishIsTheCommandLinesSentenceAndKoreanIsKorean() {
        Set<Warning.Kind> seen = EnumSet.noneOf(Warning.Kind.class);
        for (Scenario s : scenarios()) {
            Plan p = service.plan(s);
            List<SizingWarning> findings = new ArrayList<>(p.sizing().findings());
            if (p.sizingAsPinned() != null) {
                findings.addAll(p.sizingAsPinned().findings());
            }
            for (SizingWarning f : findings) {
                assertThat(Words.english().warning(Warning.of(f))).as(f.kind().name()).isEqualTo(f.text());
            }
            for (Warning x : p.warnings()) {
                seen.add(x.kind());
                String ko = Words.of(Labels.Lang.KO).warning(x);
                assertThat(ko).as(x.kind().name()).containsPattern("[가-힣]").doesNotContain("{").doesNotContain("the model");
                assertThat(Words.english().warning(x)).as(x.kind().name()).doesNotContain("{");
            }
        }
        assertThat(seen).contains(Warning.Kind.EFS_TSDB, Warning.Kind.STORAGE_PIN_ABOVE, Warning.Kind.MODEL_BASIS, Warning.Kind.ASSUMED_PRICES,
                Warning.Kind.PIN_NOT_VALID, Warning.Kind.PIN_RAISED, Warning.Kind.PIN_BELOW_NEED, Warning.Kind.EPHEMERAL_LOST,
                Warning.Kind.STORAGE_PIN_BELOW, Warning.Kind.SHARDS);
    }

    @Test
    void theEfsDataLossWarningIsKoreanInKorean() {
        Plan p = service.plan(TestSupport.seed());
        Warning efs = p.warnings().stream().filter(w -> w.kind() == Warning.Kind.EFS_TSDB).findFirst().orElseThrow();
        assertThat(Words.of(Labels.Lang.KO).warning(efs)).startsWith("EFS: Prometheus 문서는").contains("EBS 볼륨");
    }
}
