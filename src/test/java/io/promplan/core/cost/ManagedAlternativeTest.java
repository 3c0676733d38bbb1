package io.promplan.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.money.Money;
import io.promplan.core.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The managed alternative on the three shipped scenarios, line by line with the price each line
 * uses (id, region, tiers, status, source, date): a golden file per scenario
 * ({@code -Dgolden.update=true} rewrites them).
 */
class ManagedAlternativeTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"seed-5-services", "services-10", "services-20"})
    void everyLineTracesToItsUnitPrice(String name) throws IOException {
        Plan p = TestSupport.service().plan(TestSupport.scenario(name + ".yaml"));
        Alternative a = p.alternative(Alternative.AMP_AMG).orElseThrow();
        StringBuilder sb = new StringBuilder("# " + a.name() + " for " + name + " in " + p.region() + ", prices " + p.priceSnapshot() + "\n");
        Money sum = Money.ZERO_USD;
        for (CostLine l : a.lines()) {
            assertThat(l.isMissing()).as(l.key()).isFalse();
            assertThat(l.monthly().amount()).as(l.key()).isEqualByComparingTo(l.price().costOf(l.quantity()));
            sum = sum.plus(l.monthly().rounded());
            sb.append(l.key()).append(" | ").append(l.quantity().toPlainString()).append(' ').append(l.unit())
                    .append(" | price ").append(l.price().id().id()).append('@').append(l.price().region())
                    .append(" tiers ").append(l.price().tiers().stream().map(t -> t.from().toPlainString() + ".." + (t.to() == null ? "" : t.to().toPlainString())
                            + "@" + t.usd().toPlainString()).toList())
                    .append(' ').append(l.status()).append(" (").append(l.price().provenance()).append(')')
                    .append(" | ").append(io.promplan.render.Words.english().pricedFormula(l)).append('\n')
                    .append("    quantity = ").append(io.promplan.render.Words.english().formula(l.quantityFormula())).append('\n');
        }
        sb.append("TOTAL ").append(a.monthly().format()).append('\n');
        assertThat(sum).isEqualTo(a.monthly());
        Path golden = GOLDEN.resolve("managed-" + name + ".txt");
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.writeString(golden, sb.toString(), StandardCharsets.UTF_8);
        }
        assertThat(sb.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void theFree40MillionSamplesComeFromThePriceListAndTheRestIsTiered() {
        Plan p = TestSupport.service().plan(TestSupport.seed());
        CostLine samples = p.alternative(Alternative.AMP_AMG).orElseThrow().lines().stream().filter(l -> l.key().equals("amp:samples")).findFirst().orElseThrow();
        // 42 samples/s: (500 service + 25 meta) / 15 s + 105 exporter series / 15 s; x 2,628,000 s = 110,376,000 = 11.0376 x 10M
        assertThat(samples.quantity()).isEqualByComparingTo("11.0376");
        // 4 x 10M free, 7.0376 x $0.90
        assertThat(samples.monthly().rounded().amount()).isEqualByComparingTo("6.33");
    }

    @Test
    void licencesAreEditorsAndViewers() {
        Plan p = TestSupport.service().plan(TestSupport.seed());
        Alternative a = p.alternative(Alternative.AMP_AMG).orElseThrow();
        assertThat(a.sumOf(java.util.List.of("amg:editors")).amount()).isEqualByComparingTo("27.00");
        assertThat(a.sumOf(java.util.List.of("amg:viewers")).amount()).isEqualByComparingTo("35.00");
        assertThat(a.lines()).noneMatch(l -> l.key().startsWith("alb:") || l.key().startsWith("storage:efs"));
    }
}
