package io.promplan.core.units;

import java.math.BigDecimal;

/** The one place that says how many hours a month has. */
public final class Hours {
    /** 8,760 hours a year / 12: the month AWS's calculator and the common cost tools use. */
    public static final int PER_MONTH = 730;
    public static final BigDecimal PER_MONTH_DECIMAL = BigDecimal.valueOf(PER_MONTH);
    /** Seconds in a 730-hour month. */
    public static final long SECONDS_PER_MONTH = PER_MONTH * 3600L;
    /** Days in a 730-hour month (30.4166...). */
    public static final double DAYS_PER_MONTH = PER_MONTH / 24.0;
    /** Weeks in a month: 52 / 12. */
    public static final double WEEKS_PER_MONTH = 52.0 / 12.0;

    private Hours() {
    }
}
