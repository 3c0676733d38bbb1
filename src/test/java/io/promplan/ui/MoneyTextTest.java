package io.promplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every dollar amount on screen has its thousands separators, whoever wrote the text. */
class MoneyTextTest {
    @Test
    void amountsWithoutSeparatorsAreGroupedAndOthersAreLeftAlone() {
        assertThat(MoneyText.grouped("$145.71 a month ($1748.52 a year)")).isEqualTo("$145.71 a month ($1,748.52 a year)");
        assertThat(MoneyText.grouped("36-month TCO $9960.16 against $12686.54; $1234567.1")).isEqualTo("36-month TCO $9,960.16 against $12,686.54; $1,234,567.1");
        assertThat(MoneyText.grouped("US$1,748.52 and US$2421.24, -$14.83, $-1000")).isEqualTo("US$1,748.52 and US$2,421.24, -$14.83, $-1,000");
        assertThat(MoneyText.grouped("5641 active series, 100000 runs, x $0.04656 = $16.99")).isEqualTo("5641 active series, 100000 runs, x $0.04656 = $16.99");
        assertThat(MoneyText.grouped(null)).isNull();
    }
}
