package io.promplan.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * How many services are monitored in each month: steps (from month, services). The default follows
 * the seed plan's 5 -> 10 -> 20 (from the scenario's own count), a step every quarter; the plan gives
 * no dates, so the pace is an assumption shown in every output.
 */
public record GrowthPlan(String description, List<Step> steps) {
    /** From month {@code fromMonth} (1-based) on, {@code services} are monitored. */
    public record Step(int fromMonth, int services) {
    }

    public GrowthPlan {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.get(0).fromMonth() != 1) {
            throw new IllegalArgumentException("a growth plan starts in month 1");
        }
    }

    public static GrowthPlan flat(int services) {
        return new GrowthPlan("flat: " + services + " services", List.of(new Step(1, services)));
    }

    /** The seed plan's growth: 10 services after a year, 20 after two. */
    public static final int PLAN_YEAR_1 = 10;
    public static final int PLAN_YEAR_2 = 20;

    /**
     * The plan's 5 -> 10 -> 20 from the scenario's count n: max(n, 10) after four quarters and
     * max(n, 20) after eight, a step each quarter (rounded half up), then flat.
     */
    public static GrowthPlan planDefault(int n) {
        int y1 = Math.max(n, PLAN_YEAR_1);
        int y2 = Math.max(y1, PLAN_YEAR_2);
        List<Step> s = new ArrayList<>();
        s.add(new Step(1, n));
        for (int q = 1; q <= 8; q++) {
            double v = q <= 4 ? n + (y1 - n) * q / 4.0 : y1 + (y2 - y1) * (q - 4) / 4.0;
            s.add(new Step(3 * q + 1, (int) Math.floor(v + 0.5)));
        }
        return new GrowthPlan("the plan's " + (n == y1 ? "" : n + " -> ") + y1 + (y2 == y1 ? "" : " -> " + y2)
                + " services, a step each quarter over two years (assumed pace: the plan gives no dates)", dedupe(s));
    }

    /** Adds {@code perQuarter} services each quarter, up to {@code max}. */
    public static GrowthPlan perQuarter(int n, int perQuarter, int max) {
        List<Step> s = new ArrayList<>();
        s.add(new Step(1, n));
        int cur = n;
        for (int q = 1; q <= 40 && perQuarter > 0 && cur < max; q++) {
            cur = Math.min(max, cur + perQuarter);
            s.add(new Step(3 * q + 1, cur));
        }
        return new GrowthPlan("+" + perQuarter + " services a quarter from " + n + (max < Integer.MAX_VALUE ? " up to " + max : ""), s);
    }

    /**
     * Parses "5,10,20" (one value a year: 5 in year 1, 10 in year 2, 20 from year 3 on),
     * "+2/q" (2 services a quarter), "flat", or "default".
     */
    public static GrowthPlan parse(String text, int n) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.isEmpty() || t.equals("default")) {
            return planDefault(n);
        }
        if (t.equals("flat") || t.equals("none")) {
            return flat(n);
        }
        try {
            if (t.startsWith("+") && t.endsWith("/q")) {
                return perQuarter(n, Integer.parseInt(t.substring(1, t.length() - 2).trim()), Integer.MAX_VALUE);
            }
            String[] parts = t.split(",");
            List<Step> s = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                int v = Integer.parseInt(parts[i].trim());
                if (v < 1) {
                    throw new NumberFormatException();
                }
                s.add(new Step(12 * i + 1, v));
            }
            return new GrowthPlan(String.join(" -> ", java.util.Arrays.stream(parts).map(String::trim).toList()) + " services, one step a year", s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("growth '" + text + "' is not allowed; write default, flat, +N/q (services added a quarter) or counts a year such as 5,10,20");
        }
    }

    public int servicesIn(int month) {
        int n = steps.get(0).services();
        for (Step s : steps) {
            if (s.fromMonth() <= month) {
                n = s.services();
            }
        }
        return n;
    }

    private static List<Step> dedupe(List<Step> s) {
        List<Step> out = new ArrayList<>();
        for (Step x : s) {
            if (out.isEmpty() || out.get(out.size() - 1).services() != x.services()) {
                out.add(x);
            }
        }
        return out;
    }
}
