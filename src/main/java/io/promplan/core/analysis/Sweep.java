package io.promplan.core.analysis;

import io.promplan.core.cost.Alternative;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The monthly cost of every alternative as the service count grows, each point a full plan of the
 * scenario scaled by {@link Scaling}, and where two alternatives cross.
 */
public final class Sweep {
    /** The input a sweep varies when it varies the service count. */
    public static final String SERVICES = "serviceCount";

    /** One value of the swept input: services, active series, samples/s and the monthly cost of each alternative. */
    public record Point(double x, int services, long activeSeries, double samplesPerSecond, Map<String, Double> monthlyUsd, Map<String, Boolean> complete) {
        public Point {
            monthlyUsd = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(monthlyUsd));
            complete = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(complete));
        }
    }

    /**
     * Where {@code a} stops being the cheaper (or the dearer) of the two: the first service count at
     * which the sign of a - b changes, with the series count there.
     */
    public record Crossing(String a, String b, double x, int services, long activeSeries, double aUsd, double bUsd, String cheaperBefore, String cheaperAfter) {
    }

    /** The sweep, the alternatives' names by id, and every crossing of two alternatives. */
    public record Result(String scenario, String input, List<Point> points, Map<String, String> names, List<Crossing> crossings, String scalingRule) {
        public Result {
            points = List.copyOf(points);
            names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
            crossings = List.copyOf(crossings);
        }

        public Optional<Crossing> crossing(String a, String b) {
            return crossings.stream().filter(c -> c.a().equals(a) && c.b().equals(b) || c.a().equals(b) && c.b().equals(a)).findFirst();
        }
    }

    private Sweep() {
    }

    public static Result run(Scenario s, int from, int to, Function<Scenario, Plan> planner) {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("services range " + from + ".." + to + " is not allowed; write FROM..TO with 1 <= FROM <= TO");
        }
        List<Double> xs = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            xs.add((double) n);
        }
        return run(s, SERVICES, xs, x -> Scaling.withServices(s, (int) (double) x), planner, Scaling.RULE);
    }

    /**
     * The services sweep at the given counts only (ascending, each at least 1): for a large scenario, where a point
     * for every count from 1 up would take minutes.
     */
    public static Result runServices(Scenario s, List<Integer> counts, Function<Scenario, Plan> planner) {
        List<Double> xs = new ArrayList<>();
        int last = 0;
        for (int n : counts) {
            if (n <= last) {
                throw new IllegalArgumentException("service counts must rise from 1: " + counts);
            }
            xs.add((double) n);
            last = n;
        }
        return run(s, SERVICES, xs, x -> Scaling.withServices(s, (int) (double) x), planner, Scaling.RULE);
    }

    /**
     * Sweeps any numeric input ({@link InputPaths}) over {@code steps + 1} evenly spaced values (whole
     * values only, once each, for whole-number inputs); {@code serviceCount} scales as {@link #run} does.
     */
    public static Result runInput(Scenario s, String path, double from, double to, int steps, Function<Scenario, Plan> planner) {
        if (path.equals(SERVICES)) {
            return run(s, (int) Math.round(from), (int) Math.round(to), planner);
        }
        InputPaths.Input in = InputPaths.byPath(path).orElseThrow(() -> new IllegalArgumentException("--input '" + path
                + "' is not allowed; allowed: " + String.join(", ", InputPaths.paths())));
        if (InputPaths.isValueInput(path)) {
            throw new IllegalArgumentException("--input " + path + " changes the ROI, not what any alternative costs; sweep a cost input");
        }
        if (!(to > from) || from < in.min() || steps < 1 || steps > 1000) {
            throw new IllegalArgumentException("range " + from + ".." + to + " of " + path + " is not allowed; FROM below TO, FROM at least "
                    + in.min() + ", 1 to 1000 steps");
        }
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        for (int i = 0; i <= steps; i++) {
            double v = from + (to - from) * i / steps;
            xs.add(in.whole() ? Math.floor(v + 0.5) : v);
        }
        return run(s, path, new ArrayList<>(xs), x -> in.write(s, x), planner, path + " set directly; every other input as in the scenario");
    }

    private static Result run(Scenario s, String input, List<Double> xs, Function<Double, Scenario> at, Function<Scenario, Plan> planner, String rule) {
        List<Point> points = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (double x : xs) {
            Plan p = planner.apply(at.apply(x));
            Map<String, Double> m = new LinkedHashMap<>();
            Map<String, Boolean> c = new LinkedHashMap<>();
            for (Alternative a : p.alternatives()) {
                m.put(a.id(), a.monthly().toDouble());
                c.put(a.id(), a.complete());
                names.putIfAbsent(a.id(), a.name());
            }
            points.add(new Point(x, p.scenario().workload().serviceCount(), p.sizing().activeSeries(), p.sizing().samplesPerSecond(), m, c));
        }
        List<String> ids = new ArrayList<>(names.keySet());
        List<Crossing> crossings = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                crossings.addAll(crossings(points, ids.get(i), ids.get(j)));
            }
        }
        return new Result(s.name().text(), input, points, names, crossings, rule);
    }

    static List<Crossing> crossings(List<Point> pts, String a, String b) {
        List<Crossing> out = new ArrayList<>();
        for (int k = 1; k < pts.size(); k++) {
            double d0 = pts.get(k - 1).monthlyUsd().get(a) - pts.get(k - 1).monthlyUsd().get(b);
            Point p = pts.get(k);
            double d1 = p.monthlyUsd().get(a) - p.monthlyUsd().get(b);
            if (d0 != 0 && Math.signum(d0) != Math.signum(d1)) {
                out.add(new Crossing(a, b, p.x(), p.services(), p.activeSeries(), p.monthlyUsd().get(a), p.monthlyUsd().get(b),
                        d0 < 0 ? a : b, d1 < 0 ? a : d1 > 0 ? b : "equal"));
            }
        }
        return out;
    }
}
