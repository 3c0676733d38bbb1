package io.promplan.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money with its currency. Immutable. Keeps full precision: a unit price of
 * 0.0000000001 USD stays exact; {@link #rounded()} rounds to cents, which is done only when a bill
 * line is shown or summed as a bill line.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {
    public static final String USD = "USD";
    public static final Money ZERO_USD = new Money(BigDecimal.ZERO, USD);

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (currency.length() != 3) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
        }
    }

    public static Money usd(BigDecimal amount) {
        return new Money(amount, USD);
    }

    public static Money usd(String amount) {
        return new Money(new BigDecimal(amount), USD);
    }

    public static Money usd(double amount) {
        return new Money(BigDecimal.valueOf(amount), USD);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        check(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        check(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money times(double factor) {
        return times(BigDecimal.valueOf(factor));
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** Rounded to cents, half up: the precision of a bill line. */
    public Money rounded() {
        return new Money(amount.setScale(2, RoundingMode.HALF_UP), currency);
    }

    public BigDecimal cents() {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    public double toDouble() {
        return amount.doubleValue();
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(Money o) {
        check(o);
        return amount.compareTo(o.amount);
    }

    private void check(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currencies differ: " + currency + " and " + other.currency);
        }
    }

    /** "$41.45" for USD, "12.30 EUR" otherwise. */
    public String format() {
        return USD.equals(currency) ? "$" + cents().toPlainString() : cents().toPlainString() + " " + currency;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
