package io.promplan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promplan.core.money.Money;
import io.promplan.core.price.Price;
import io.promplan.core.price.PriceId;
import io.promplan.core.price.PriceStatus;
import io.promplan.core.price.Tier;
import io.promplan.core.units.Hours;
import io.promplan.core.units.TimeSpan;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyAndUnitsTest {
    @Test
    void aMonthHas730Hours() {
        assertThat(Hours.PER_MONTH).isEqualTo(730);
        assertThat(Hours.SECONDS_PER_MONTH).isEqualTo(2_628_000L);
    }

    @Test
    void moneyKeepsFullPrecisionAndRoundsOnlyWhenAsked() {
        Money tiny = Money.usd("0.0000000001");
        Money sum = tiny.times(BigDecimal.valueOf(3));
        assertThat(sum.amount()).isEqualByComparingTo("0.0000000003");
        assertThat(Money.usd("41.4494").rounded().format()).isEqualTo("$41.45");
        assertThat(Money.usd("0.005").rounded().format()).isEqualTo("$0.01");
    }

    @Test
    void moneyRefusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.usd("1").plus(new Money(BigDecimal.ONE, "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currencies differ");
    }

    @ParameterizedTest
    @CsvSource({"15s,15", "1m,60", "2h,7200", "15d,1296000", "1h30m,5400", "4w,2419200"})
    void durationsParseAsPrometheusWritesThem(String text, long seconds) {
        assertThat(TimeSpan.parse(text).seconds()).isEqualTo(seconds);
    }

    @ParameterizedTest
    @CsvSource({"15", "abc", "15 days", "-5s", "''"})
    void badDurationsSayWhatIsAllowed(String text) {
        assertThatThrownBy(() -> TimeSpan.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("15s");
    }

    @Test
    void tieredPricesSumThroughTheTiers() {
        Price p = new Price(PriceId.CW_METRIC, "us-east-1", "metric-month", List.of(
                new Tier(BigDecimal.ZERO, new BigDecimal("10000"), new BigDecimal("0.30")),
                new Tier(new BigDecimal("10000"), new BigDecimal("250000"), new BigDecimal("0.10")),
                new Tier(new BigDecimal("250000"), null, new BigDecimal("0.05"))), PriceStatus.VERIFIED, "test", "2026", "");
        assertThat(p.costOf(new BigDecimal("67"))).isEqualByComparingTo("20.10");
        assertThat(p.costOf(new BigDecimal("15000"))).isEqualByComparingTo("3500.00");
        assertThat(p.costOf(new BigDecimal("300000"))).isEqualByComparingTo("29500.00");
    }

    @Test
    void aMissingPriceCannotBePriced() {
        Price p = Price.missing(PriceId.EFS_ELASTIC_READ, "ap-northeast-2", "none");
        assertThat(p.isMissing()).isTrue();
        assertThatThrownBy(() -> p.costOf(BigDecimal.ONE)).isInstanceOf(IllegalStateException.class).hasMessageContaining("efs.elastic.read");
    }
}
