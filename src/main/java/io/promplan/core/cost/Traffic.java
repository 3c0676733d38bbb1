package io.promplan.core.cost;

import io.promplan.core.sizing.Explanation;
import io.promplan.core.workload.GrafanaSpec;
import java.util.List;

/**
 * Grafana's traffic through the ALB, and the LCUs it uses. An LCU-hour is billed on the largest of
 * new connections (25/s per LCU), active connections (3,000 per LCU), processed bytes (1 GB an hour
 * per LCU) and rule evaluations (1,000/s per LCU, first 10 rules free). Assumptions: a browser opens
 * one new connection a minute and keeps 6 open; one listener rule forwards to Grafana.
 */
public record Traffic(double requestsPerSecond, double newConnectionsPerSecond, double activeConnections, double gbPerHour,
                      double lcuPerActiveHour, double activeHours, double lcuHoursPerMonth, double gbOutPerMonth,
                      List<Explanation> explanations) {

    public static Traffic of(GrafanaSpec g, double extraOutGb) {
        double rps = g.queriesPerSecond();
        double newConn = g.concurrentUsers() / 60.0;
        double active = g.concurrentUsers() * 6.0;
        double gbh = rps * g.kbPerPanelRefresh() * 3600 / 1_000_000.0;
        double lcu = Math.max(Math.max(newConn / 25.0, active / 3000.0), gbh / 1.0);
        double hours = g.activeHoursPerMonth();
        double lcuHours = lcu * hours;
        double out = gbh * hours + extraOutGb;
        List<Explanation> ex = List.of(
                Explanation.of("albLcuPerActiveHour").formula("albLcuPerActiveHour")
                        .in("newConnectionsPerSecond", newConn).in("activeConnections", active).in("gbPerHour", gbh).in("ruleEvaluationsPerSecond", 0)
                        .result(lcu),
                Explanation.of("gbProcessedPerHour").formula("gbProcessedPerHour")
                        .in("requestsPerSecond", rps).in("kbPerPanelRefresh", g.kbPerPanelRefresh()).result(gbh),
                Explanation.of("lcuHoursPerMonth").formula("lcuHoursPerMonth")
                        .in("activeHoursPerMonth", hours).result(lcuHours),
                Explanation.of("gbOutPerMonth").formula("gbOutPerMonth")
                        .in("extraOutGbPerMonth", extraOutGb).result(out));
        return new Traffic(rps, newConn, active, gbh, lcu, hours, lcuHours, out, ex);
    }
}
