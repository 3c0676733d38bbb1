package io.promplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.workload.BaselineLine;
import io.promplan.core.workload.LocalText;
import io.promplan.core.workload.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget lines' editor shows and edits the scenario's texts in the app's language, keeping the other languages. */
class ListFormsLocalTextTest {
    private static List<List<String>> mutable(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        rows.forEach(r -> out.add(new ArrayList<>(r)));
        return out;
    }

    @Test
    void aLineEditedInKoreanChangesItsKoreanTextAndKeepsTheEnglish() {
        Scenario seed = TestSupport.scenario("seed-5-services.yaml");
        I18n ko = new I18n(I18n.KOREAN);
        List<List<String>> rows = mutable(ListForms.rows(seed, ListForms.Kind.BASELINE, ko));
        // row 7: "Data transfer" / "데이터 전송"; row 4: ALB, plain name, note in both languages
        assertThat(rows.get(7).get(0)).isEqualTo("데이터 전송");
        assertThat(ListForms.rows(seed, ListForms.Kind.BASELINE, new I18n(I18n.ENGLISH)).get(7).get(0)).isEqualTo("Data transfer");
        assertThat(rows.get(4).get(4)).startsWith("원안의 LCU 항목은");
        rows.get(7).set(0, "데이터 전송(대시보드)");
        rows.get(4).set(0, "ALB (HTTPS)");

        ListForms.Result r = ListForms.apply(seed, ListForms.Kind.BASELINE, rows, ko);
        assertThat(r.error()).isEmpty();
        List<BaselineLine> was = seed.baseline().lines();
        List<BaselineLine> now = r.scenario().baseline().lines();
        assertThat(now.get(7).name().text("ko")).isEqualTo("데이터 전송(대시보드)");
        assertThat(now.get(7).name().text("en")).isEqualTo("Data transfer");
        assertThat(now.get(7).planFormula()).isEqualTo(was.get(7).planFormula());
        // a plain text stays plain
        assertThat(now.get(4).name()).isEqualTo(LocalText.plain("ALB (HTTPS)"));
        // untouched texts stay as they were, every language
        assertThat(now.get(4).note()).isEqualTo(was.get(4).note());
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8}) {
            assertThat(now.get(i)).isEqualTo(was.get(i));
        }
    }

    @Test
    void theFormsNameInKoreanIsTheKoreanEntry() {
        Scenario seed = TestSupport.scenario("seed-5-services.yaml");
        I18n ko = new I18n(I18n.KOREAN);
        java.util.Map<String, String> v = new java.util.LinkedHashMap<>(ScenarioForm.values(seed, ko));
        assertThat(v.get("name")).isEqualTo("원안: 서비스 5개 (작성된 그대로)");
        assertThat(ScenarioForm.build(seed, v, ko).scenario().name()).isEqualTo(seed.name());
        v.put("name", "원안: 서비스 5개");
        LocalText n = ScenarioForm.build(seed, v, ko).scenario().name();
        assertThat(n.text("ko")).isEqualTo("원안: 서비스 5개");
        assertThat(n.text("en")).isEqualTo(seed.name().text("en"));
    }
}
