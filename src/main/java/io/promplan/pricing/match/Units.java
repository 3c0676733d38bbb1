package io.promplan.pricing.match;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Normalises the free-text units of the AWS Price List ({@code Hrs}, {@code hours}, {@code GB-Mo},
 * {@code LCU-Hrs}, {@code Samples}, ...) to the units Promplan prices in ({@link io.promplan.core.price.PriceId#unit()}).
 * A conversion is a factor f: the price per Promplan unit is the listed price x f and a tier bound in
 * Promplan units is the listed bound / f (for example Samples -> 10M samples: f = 10,000,000).
 * A unit not in the table is refused, never guessed.
 */
public final class Units {
    private static final Map<String, Map<String, BigDecimal>> TABLE = new HashMap<>();

    static {
        accept("vCPU-hour", "1", "hours", "hour", "hrs", "hr", "vcpu-hours", "vcpu-hour", "vcpu-hrs");
        accept("GB-hour", "1", "gb-hours", "gb-hour", "gb-hrs", "gb-hr", "gigabyte-hours", "hours", "hour", "hrs");
        // the real AmazonECS items write "hours" for Fargate-GB-Hours (shared/reference getproducts 2022-11-21)
        accept("hour", "1", "hrs", "hours", "hour", "hr");
        accept("LCU-hour", "1", "lcu-hrs", "lcu-hours", "lcu-hour", "lcu-hr");
        accept("GB-month", "1", "gb-mo", "gb-month", "gb-months", "gb-mos", "gb-mon");
        accept("GB", "1", "gb", "gigabytes", "gigabyte");
        accept("dashboard-month", "1", "dashboards", "dashboard", "dashboard-mo", "dashboard-month", "dashboards-mo");
        accept("metric-month", "1", "metrics", "metric", "metric-mo", "metric-month", "metrics-mo");
        accept("alarm-metric-month", "1", "alarms", "alarm", "alarm-mo", "alarm-month", "alarm-metric-month", "alarms-mo");
        accept("1000 metrics", "1000", "metrics", "metric");
        accept("1000 metrics", "1", "1k metrics", "1,000 metrics", "1000 metrics");
        accept("10M samples", "10000000", "samples", "sample");
        accept("10M samples", "10", "1m samples", "million samples");
        accept("10M samples", "1", "10m samples");
        accept("1B samples", "1000000000", "samples", "sample");
        accept("1B samples", "1000", "1m samples", "million samples");
        accept("1B samples", "1", "1b samples", "billion samples");
        accept("1000 requests", "1000", "requests", "request");
        accept("1000 requests", "1", "1k requests", "1,000 requests", "1000 requests");
        accept("zone-month", "1", "hostedzone", "hosted zone", "hosted zones", "zone", "zones", "zone-mo", "zone-month");
        accept("secret-month", "1", "secrets", "secret", "secret-mo", "secret-month", "secrets-mo");
        accept("resource-month", "1", "resources", "resource", "resource-mo", "resource-month");
        accept("user-month", "1", "user", "users", "user-mo", "user-month", "users-mo", "active user");
    }

    private Units() {
    }

    private static void accept(String target, String factor, String... raw) {
        Map<String, BigDecimal> m = TABLE.computeIfAbsent(target, t -> new TreeMap<>());
        for (String r : raw) {
            m.put(r, new BigDecimal(factor));
        }
    }

    static String key(String raw) {
        return raw == null ? "" : raw.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The factor from a listed unit to a Promplan unit, if the pair is known. */
    public static Optional<BigDecimal> factor(String rawUnit, String target) {
        Map<String, BigDecimal> m = TABLE.get(target);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(key(rawUnit)));
    }

    /** The listed units accepted for a Promplan unit, for messages. */
    public static String accepted(String target) {
        Map<String, BigDecimal> m = TABLE.get(target);
        return m == null ? "(none)" : String.join(", ", m.keySet());
    }
}
