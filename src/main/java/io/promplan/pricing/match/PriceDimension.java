package io.promplan.pricing.match;

import java.math.BigDecimal;

/**
 * One price dimension of an on-demand term, as written in the price list: the raw unit, the range
 * ({@code end} null when "Inf") in that unit and the USD price per unit, full precision.
 */
public record PriceDimension(String rateCode, String unit, BigDecimal begin, BigDecimal end, BigDecimal usd, String description) {
}
