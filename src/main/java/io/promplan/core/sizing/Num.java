package io.promplan.core.sizing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Locale-free number text for explanations: up to 4 significant decimals, no exponent. */
public final class Num {
    private Num() {
    }

    public static String text(Object v) {
        if (v instanceof Double d) {
            return fmt(d);
        }
        if (v instanceof Float f) {
            return fmt(f.doubleValue());
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    public static String fmt(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return String.valueOf(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        BigDecimal b = new BigDecimal(d);
        if (Math.abs(d) >= 1) {
            b = b.setScale(Math.abs(d) >= 100 ? 1 : 3, RoundingMode.HALF_UP);
        } else {
            b = b.round(new MathContext(4, RoundingMode.HALF_UP));
        }
        return b.stripTrailingZeros().toPlainString();
    }

    /** Rounded to n decimals (half up), as a double for data outputs. */
    public static double round(double d, int n) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        return BigDecimal.valueOf(d).setScale(n, RoundingMode.HALF_UP).doubleValue();
    }
}
