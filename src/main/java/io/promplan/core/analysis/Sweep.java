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
    /** One service count: active series, samples/s and the monthly cost of each alternative. */
    public record Point(int services, long activeSeries, double samplesPerSecond, Map<String, Double> monthlyUsd, Map<String, Boolean> complete) {
        public Point {
            monthlyUsd = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(monthlyUsd));
            complete = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(complete));
        }
    }

    /**
     * Where {@code a} stops being the cheaper (or the dearer) of the two: the first service count at
     * which the sign of a - b changes, with the series count there.
     */
    public record Crossing(String a, String b, int services, long activeSeries, double aUsd, double bUsd, String cheaperBefore, String cheaperAfter) {
    }

    /** The sweep, the alternatives' names by id, and every crossing of two alternatives. */
    public record Result(String scenario, List<Point> points, Map<String, String> names, List<Crossing> crossings, String scalingRule) {
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
        List<Point> points = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int n = from; n <= to; n++) {
            Plan p = planner.apply(Scaling.withServices(s, n));
            Map<String, Double> m = new LinkedHashMap<>();
            Map<String, Boolean> c = new LinkedHashMap<>();
            for (Alternative a : p.alternatives()) {
                m.put(a.id(), a.monthly().toDouble());
                c.put(a.id(), a.complete());
                names.putIfAbsent(a.id(), a.name());
            }
            points.add(new Point(n, p.sizing().activeSeries(), p.sizing().samplesPerSecond(), m, c));
        }
        List<String> ids = new ArrayList<>(names.keySet());
        List<Crossing> crossings = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                crossings.addAll(crossings(points, ids.get(i), ids.get(j)));
            }
        }
        return new Result(s.name(), points, names, crossings, Scaling.RULE);
    }

    static List<Crossing> crossings(List<Point> pts, String a, String b) {
        List<Crossing> out = new ArrayList<>();
        for (int k = 1; k < pts.size(); k++) {
            double d0 = pts.get(k - 1).monthlyUsd().get(a) - pts.get(k - 1).monthlyUsd().get(b);
            Point p = pts.get(k);
            double d1 = p.monthlyUsd().get(a) - p.monthlyUsd().get(b);
            if (d0 != 0 && Math.signum(d0) != Math.signum(d1)) {
                out.add(new Crossing(a, b, p.services(), p.activeSeries(), p.monthlyUsd().get(a), p.monthlyUsd().get(b),
                        d0 < 0 ? a : b, d1 < 0 ? a : d1 > 0 ? b : "equal"));
            }
        }
        return out;
    }
}
