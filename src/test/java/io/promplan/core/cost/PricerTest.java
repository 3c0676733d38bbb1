package io.promplan.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.price.Price;
import io.promplan.core.price.PriceCatalog;
import io.promplan.core.price.PriceId;
import io.promplan.core.price.PriceStatus;
import io.promplan.core.price.Tier;
import io.promplan.render.Words;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Demands carry quantities and price ids, no price; the pricer fills prices in and keeps a missing one missing. */
class PricerTest {
    private static final CostDemand ALB_HOURS = CostDemand.of("alb:hours", "alb", "ALB hours", BigDecimal.valueOf(730), PriceId.ALB_HOUR,
            Formula.of("q.hours", 730));

    @Test
    void aDemandIsPricedAtTheCatalogueUnitPrice() {
        PriceCatalog c = TestSupport.service().snapshot().catalog();
        CostLine l = new Pricer(c, "ap-northeast-2").price(ALB_HOURS);
        assertThat(l.isMissing()).isFalse();
        assertThat(l.monthly().amount()).isEqualByComparingTo(c.price("ap-northeast-2", PriceId.ALB_HOUR).costOf(BigDecimal.valueOf(730)));
        assertThat(l.quantity()).isEqualByComparingTo("730");
        assertThat(Words.english().formula(l.quantityFormula())).isEqualTo("730 h");
    }

    @Test
    void aMissingPriceStaysMissingWithItsKeyAndNoAmount() {
        PriceCatalog shipped = TestSupport.service().snapshot().catalog();
        Map<String, Map<PriceId, Price>> copy = new HashMap<>();
        shipped.all().forEach((r, m) -> copy.put(r, new EnumMap<>(m)));
        copy.get("ap-northeast-2").remove(PriceId.ALB_HOUR);
        CostLine l = new Pricer(new PriceCatalog("holed", shipped.asOf(), "", copy), "ap-northeast-2").price(ALB_HOURS);
        assertThat(l.isMissing()).isTrue();
        assertThat(l.monthly()).isNull();
        assertThat(l.monthlyRounded()).isEmpty();
        assertThat(l.quantity()).isEqualByComparingTo("730");
        assertThat(l.price().id()).isEqualTo(PriceId.ALB_HOUR);
        assertThat(Words.english().pricedFormula(l)).contains("MISSING PRICE " + PriceId.ALB_HOUR.keyText());
    }

    @Test
    void formulasAreDataRenderedInEitherLanguage() {
        Formula f = Formula.of("q.cw.dashboards", 5, CostModel.free(3));
        assertThat(f.figures()).containsExactly("5", Formula.of("q.free", 3));
        assertThat(Words.english().formula(f)).isEqualTo("5 dashboards - 3 free");
        assertThat(Words.of(io.promplan.render.Labels.Lang.KO).formula(f)).isEqualTo("대시보드 5개 - 무료 3");
        assertThat(Words.english().formula(Formula.NONE)).isEmpty();
        assertThat(Words.english().formula(Formula.of("n.nat.existing"))).isEqualTo("the gateway's hours are already paid; every GB through it is billed");
    }

    /**
     * A priced line is data (quantity, unit, price with its tiers, monthly cost): the English is the command line's
     * "quantity unit x $price = $total" with the tiers a quantity goes through; the Korean writes every amount as "US$".
     */
    @Test
    void thePricedFormulaIsWrittenInEachLanguagesMoneyStyle() throws Exception {
        boolean tiered = false;
        for (String f : new String[] {"seed-5-services.yaml", "services-10.yaml", "services-20.yaml"}) {
            var p = TestSupport.service().plan(TestSupport.scenario(f));
            for (Alternative a : p.alternatives()) {
                for (CostLine l : a.lines()) {
                    if (l.isMissing()) {
                        continue;
                    }
                    String en = Words.english().pricedFormula(l);
                    String q = l.quantity().stripTrailingZeros().toPlainString();
                    String ko = Words.of(io.promplan.render.Labels.Lang.KO).pricedFormula(l);
                    assertThat(en).as(f + " " + l.key()).startsWith(q + " ").endsWith(" = " + l.monthly().rounded().format());
                    if (l.price().isTiered()) {
                        tiered = true;
                        String parts = l.price().tiersOf(l.quantity()).stream()
                                .map(t -> t.quantity().stripTrailingZeros().toPlainString() + " x $" + t.usd().stripTrailingZeros().toPlainString())
                                .reduce((x, y) -> x + " + " + y).orElse("0");
                        assertThat(en).as(l.key()).contains(": (" + parts + ") = ");
                        assertThat(ko).as(l.key()).contains(": (" + parts.replace("$", "US$") + ") = ");
                    } else {
                        assertThat(en).as(l.key()).contains(" x $" + l.price().firstTierUsd().stripTrailingZeros().toPlainString() + " = ");
                    }
                    assertThat(ko).as(l.key()).doesNotContainPattern("(?<!US)\\$");
                }
            }
        }
        assertThat(tiered).as("a tiered line among the shipped scenarios").isTrue();
    }

    @Test
    void theTiersOfAQuantityAreDataInOrder() {
        Price p = new Price(PriceId.CW_METRIC, "us-east-1", "metric-month",
                List.of(new Tier(BigDecimal.ZERO, new BigDecimal("10000"), new BigDecimal("0.30")), new Tier(new BigDecimal("10000"), null, new BigDecimal("0.10"))),
                PriceStatus.VERIFIED, "test", "", "");
        assertThat(p.tiersOf(new BigDecimal("15000"))).containsExactly(new Price.TierUse(new BigDecimal("10000"), new BigDecimal("0.30")),
                new Price.TierUse(new BigDecimal("5000"), new BigDecimal("0.10")));
        assertThat(p.tiersOf(BigDecimal.ZERO)).isEmpty();
    }
}
