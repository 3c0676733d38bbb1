package io.promplan.core.units;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration written as Prometheus writes it ("15s", "1m", "2h", "15d", "4w", "1y"), kept in seconds.
 * A composite like "1h30m" is accepted too.
 */
public record TimeSpan(long seconds) implements Comparable<TimeSpan> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");

    public TimeSpan {
        if (seconds < 0) {
            throw new IllegalArgumentException("a duration cannot be negative: " + seconds + " s");
        }
    }

    public static TimeSpan ofSeconds(long s) {
        return new TimeSpan(s);
    }

    public static TimeSpan ofDays(long d) {
        return new TimeSpan(d * 86_400L);
    }

    /** Parses "15s", "15d", "1h30m"; throws IllegalArgumentException naming what is allowed. */
    public static TimeSpan parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration; write a number and a unit, e.g. 15s, 5m, 2h, 15d, 4w, 1y");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(t);
        long total = 0;
        int pos = 0;
        while (m.find()) {
            if (m.start() != pos) {
                break;
            }
            try {
                // Exact arithmetic: "53302877781480939y" must not wrap around to some other duration.
                long n = Long.parseLong(m.group(1));
                long unit = switch (m.group(2)) {
                    case "ms" -> 0;
                    case "s" -> 1;
                    case "m" -> 60;
                    case "h" -> 3600;
                    case "d" -> 86_400;
                    case "w" -> 7 * 86_400;
                    case "y" -> 365 * 86_400;
                    default -> throw new IllegalStateException();
                };
                total = Math.addExact(total, unit == 0 ? n / 1000 : Math.multiplyExact(n, unit));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("'" + text + "' is too large a duration to count; each setting has its own range "
                        + "(retention, for example, 1h to 3650d)");
            }
            pos = m.end();
        }
        if (pos != t.length() || pos == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write a number and a unit, e.g. 15s, 5m, 2h, 15d, 4w, 1y");
        }
        return new TimeSpan(total);
    }

    public double days() {
        return seconds / 86_400.0;
    }

    public double hours() {
        return seconds / 3600.0;
    }

    /** Shortest Prometheus-style text: 15s, 5m, 2h, 15d. */
    public String text() {
        long s = seconds;
        if (s == 0) {
            return "0s";
        }
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    @Override
    public int compareTo(TimeSpan o) {
        return Long.compare(seconds, o.seconds);
    }

    @Override
    public String toString() {
        return text();
    }
}
