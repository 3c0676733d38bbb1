package io.promplan.cli;

import io.promplan.core.analysis.GrowthPlan;
import io.promplan.core.workload.Scenario;
import io.promplan.core.workload.ScenarioValidator;
import io.promplan.io.Texts;

/**
 * Checks of command options before any work: each refusal names the option, the value (escaped) and what is
 * allowed, and ends the command with exit code 2. The limits keep every command within seconds.
 */
final class Options {
    /** Monte Carlo draws with the fast method: 1,000,000 take about 10 s on two cores. */
    static final int MAX_RUNS = 1_000_000;
    /** Draws with the full planner each (--exact, --check): about 20 ms a draw on two cores. */
    static final int MAX_EXACT_RUNS = 1_000;
    static final double MAX_MIGRATION_HOURS = 100_000;

    private Options() {
    }

    static void runs(int runs) {
        if (runs < 1 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("--runs: " + runs + " is not allowed; allowed: 1 to " + MAX_RUNS + " draws");
        }
    }

    static void exactRuns(String option, int runs) {
        if (runs < 1 || runs > MAX_EXACT_RUNS) {
            throw new IllegalArgumentException(option + ": " + runs + " draws with the full planner each is not allowed; allowed: 1 to "
                    + MAX_EXACT_RUNS + " (the default fast method takes up to " + MAX_RUNS + ")");
        }
    }

    static void months(int months) {
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("--months: " + months + " is not allowed; allowed: 1 to 120");
        }
    }

    static void migrationHours(double h) {
        if (!(h >= 0) || h > MAX_MIGRATION_HOURS) {
            throw new IllegalArgumentException("--migration-hours: " + number(h) + " is not allowed; allowed: 0 to " + (long) MAX_MIGRATION_HOURS + " hours");
        }
    }

    /** The growth plan parses and never asks for more services than a scenario may have. */
    static void growth(String growth, Scenario s) {
        GrowthPlan g;
        try {
            g = GrowthPlan.parse(growth, s.workload().serviceCount());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--growth: " + Texts.escape(e.getMessage()));
        }
        int max = g.steps().stream().mapToInt(GrowthPlan.Step::services).max().orElse(0);
        int min = g.steps().stream().mapToInt(GrowthPlan.Step::services).min().orElse(1);
        if (min < 1) {
            throw new IllegalArgumentException("--growth: '" + Texts.shown(growth, 40) + "' goes beyond what can be counted; allowed: up to "
                    + ScenarioValidator.MAX_SERVICES + " services in all");
        }
        if (max > ScenarioValidator.MAX_SERVICES) {
            throw new IllegalArgumentException("--growth: '" + Texts.shown(growth, 40) + "' reaches " + max + " services; allowed: up to "
                    + ScenarioValidator.MAX_SERVICES);
        }
    }

    /** Plans of this many services in all (points x services) keep a sweep within seconds (about 20 ms per 10,000 services). */
    static final long MAX_SWEEP_SERVICE_PLANS = 2_000_000;

    /** A sweep over another input plans the scenario once per point: bounded by the work, with the steps that fit named. */
    static void sweepWork(int steps, Scenario s) {
        long n = s.workload().serviceCount();
        if ((steps + 1L) * n > MAX_SWEEP_SERVICE_PLANS) {
            throw new IllegalArgumentException("--steps: " + steps + " steps of " + n + " services each is more planning than a sweep does; allowed: up to "
                    + Math.max(1, MAX_SWEEP_SERVICE_PLANS / n - 1) + " steps for this scenario");
        }
    }

    /** A decimal option value: finite (no NaN, no Infinity). */
    static double finite(String option, String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + Texts.shown(text, 40) + "' is not a number");
        }
        if (!Double.isFinite(v) || Math.abs(v) > 1e15) {
            throw new IllegalArgumentException(option + ": '" + Texts.shown(text, 40) + "' is not allowed; allowed: a finite number up to 1e15");
        }
        return v;
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN (not a number)";
        }
        if (Double.isInfinite(v)) {
            return "infinite";
        }
        if (Math.abs(v) >= 1e15) {
            return String.format(java.util.Locale.ROOT, "%.3g", v);
        }
        return io.promplan.core.sizing.Num.fmt(v);
    }
}
