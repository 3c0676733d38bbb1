package io.promplan.measure;

import io.promplan.core.plan.Plan;
import io.promplan.core.sizing.ComponentSizing;
import io.promplan.core.sizing.Num;
import io.promplan.core.sizing.Sizing;
import io.promplan.core.sizing.StorageSizing;
import io.promplan.core.workload.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan against what runs. A figure has "crossed" when the running server is beyond what the
 * plan sized for: series or samples/s above the plan by more than the tolerance, resident memory or
 * CPU above the share of the task's limit the plan keeps for steady state (limit / (1 + headroom)),
 * disk in use above the plan's retention.size, or the measured rate projected over the plan's
 * retention above it by more than the tolerance.
 */
public final class PlanCheck {
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double MIB = 1024.0 * 1024;

    private PlanCheck() {
    }

    /** One compared figure; {@code crossed} false with an empty measured value means "not measured". */
    public record Figure(String what, String planned, String measured, boolean crossed, String verdict) {
    }

    public record Result(List<Figure> figures, List<String> notes) {
        public Result {
            figures = List.copyOf(figures);
            notes = List.copyOf(notes);
        }

        public boolean outgrown() {
            return figures.stream().anyMatch(Figure::crossed);
        }

        public List<Figure> crossed() {
            return figures.stream().filter(Figure::crossed).toList();
        }
    }

    public static Result check(Plan plan, PrometheusMeasurement m, double tolerancePercent) {
        Sizing s = plan.sizing();
        List<Figure> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int shards = Math.max(1, s.shards());
        double tol = 1 + tolerancePercent / 100.0;
        if (shards > 1) {
            notes.add("the plan has " + shards + " Prometheus shards; this server is compared with one shard's share (1/" + shards + ")");
        }
        double plannedSeries = s.activeSeries() / (double) shards;
        out.add(over("active series", plannedSeries, m.headSeries(), tol, tolerancePercent, "%,.0f"));
        double plannedSamples = s.samplesPerSecond() / shards;
        out.add(over("samples appended /s", plannedSamples, m.samplesPerSecond(), tol, tolerancePercent, "%,.1f"));

        ComponentSizing prom = s.component(Component.PROMETHEUS).orElseThrow();
        double h = 1 + s.headroomPercent() / 100.0;
        double limitMiB = prom.size().memoryMiB();
        double steadyMiB = limitMiB / h;
        double rssMiB = m.rssBytes() / MIB;
        String plannedMem = "task " + prom.size().memoryMiB() + " MiB; steady under " + fmt("%,.0f", steadyMiB) + " MiB (model's need "
                + fmt("%,.0f", prom.requiredMemoryMiB()) + " MiB)";
        if (Double.isNaN(rssMiB)) {
            out.add(new Figure("memory (RSS)", plannedMem, "", false, "not measured"));
        } else {
            boolean crossed = rssMiB > steadyMiB;
            out.add(new Figure("memory (RSS)", plannedMem, fmt("%,.0f", rssMiB) + " MiB", crossed,
                    (crossed ? "CROSSED: " : "ok: ") + pct(rssMiB / limitMiB) + " of the task's limit"
                            + (crossed ? ", above the " + pct(1 / h) + " the plan keeps for steady state (headroom " + Num.fmt(s.headroomPercent()) + " %)" : "")));
        }
        double vcpu = prom.size().vcpu();
        double steadyCpu = vcpu / h;
        String plannedCpu = "task " + Num.fmt(vcpu) + " vCPU; steady under " + fmt("%.3f", steadyCpu);
        if (Double.isNaN(m.cpuCores())) {
            out.add(new Figure("CPU", plannedCpu, "", false, "not measured"));
        } else {
            boolean crossed = m.cpuCores() > steadyCpu;
            out.add(new Figure("CPU", plannedCpu, fmt("%.3f", m.cpuCores()) + " cores", crossed,
                    (crossed ? "CROSSED: " : "ok: ") + pct(m.cpuCores() / vcpu) + " of the task's vCPU"));
        }

        StorageSizing st = s.storage();
        double retentionSize = st.retentionSizeGiB();
        double used = m.diskBytes() / GIB;
        boolean usedCrossed = used > retentionSize;
        out.add(new Figure("disk in use", "volume " + Num.fmt(st.volumeGiB()) + " GiB, retention.size " + Num.fmt(retentionSize) + " GiB",
                fmt("%.3f", used) + " GiB", usedCrossed, (usedCrossed ? "CROSSED: " : "ok: ") + pct(used / retentionSize) + " of retention.size"));

        double bps = m.blockBytesPerSample();
        double modelBps = s.coefficients().blockBytesPerSample();
        boolean measuredBps = !Double.isNaN(bps) && m.blocksSpanSeconds() >= 6 * 3600;
        double factor = Double.isNaN(m.samplesPerSecond()) || !(s.samplesPerSecond() > 0) ? Double.NaN
                : (m.samplesPerSecond() / plannedSamples) * (measuredBps ? bps / modelBps : 1);
        double projected = st.neededGiB() / shards * factor;
        if (Double.isNaN(projected)) {
            out.add(new Figure("disk over the retention", "needs " + Num.fmt(st.neededGiB() / shards) + " GiB", "", false, "not measured"));
        } else {
            // a projection from a rate: the same tolerance as samples/s
            boolean crossed = projected > retentionSize * tol;
            out.add(new Figure("disk over the retention", "needs " + fmt("%.2f", st.neededGiB() / shards) + " GiB of retention.size "
                    + Num.fmt(retentionSize) + " GiB", fmt("%.2f", projected) + " GiB projected", crossed,
                    (crossed ? "CROSSED: " : "ok: ") + "the measured samples/s" + (measuredBps ? " and " + fmt("%.2f", bps) + " B/sample" : "")
                            + " over " + plan.scenario().workload().retention().text() + " fill " + pct(projected / retentionSize) + " of retention.size"));
        }
        if (!measuredBps) {
            notes.add("bytes per sample: " + (Double.isNaN(bps) ? "no persisted blocks yet" : "blocks span under 6 h (" + fmt("%.2f", bps) + " B/sample, index-heavy)")
                    + "; the disk projection uses the model's " + Num.fmt(modelBps));
        }
        String rs = m.retentionSize();
        if (!rs.isEmpty()) {
            double serverSize = bytes(rs) / GIB;
            if (serverSize == 0) {
                notes.add("the server runs without --storage.tsdb.retention.size; the plan sets it to " + Num.fmt(retentionSize) + "GB"
                        + " so that a full volume deletes old blocks instead of stopping ingestion");
            } else if (serverSize > retentionSize * 1.0001) {
                notes.add("the server's retention.size (" + rs + ") is above the plan's " + Num.fmt(retentionSize) + " GiB");
            }
        }
        if (!m.retentionTime().isEmpty()) {
            double serverDays = PrometheusReader.seconds(m.retentionTime()) / 86400;
            double planDays = plan.scenario().workload().retention().days();
            if (Math.abs(serverDays - planDays) > 1e-6) {
                notes.add("the server keeps " + m.retentionTime() + " (--storage.tsdb.retention.time); the plan keeps "
                        + plan.scenario().workload().retention().text());
            }
        }
        notes.addAll(m.notes());
        return new Result(out, notes);
    }

    private static Figure over(String what, double planned, double measured, double tol, double tolPct, String f) {
        if (Double.isNaN(measured)) {
            return new Figure(what, fmt(f, planned), "", false, "not measured");
        }
        boolean crossed = measured > planned * tol;
        double d = planned > 0 ? measured / planned - 1 : Double.POSITIVE_INFINITY;
        return new Figure(what, fmt(f, planned), fmt(f, measured), crossed,
                (crossed ? "CROSSED: " : "ok: ") + (Math.round(d * 100) >= 0 ? "+" : "") + Math.round(d * 100) + " % against the plan"
                        + (crossed ? " (tolerance " + Num.fmt(tolPct) + " %)" : ""));
    }

    /** "10GB", "512MiB", "1TB" as bytes (Prometheus units are powers of 2). */
    static double bytes(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)^(\\d+(?:\\.\\d+)?)\\s*([KMGTPE]?I?B?)$").matcher(s.trim());
        if (!m.find()) {
            return Double.NaN;
        }
        double n = Double.parseDouble(m.group(1));
        String u = m.group(2).toUpperCase(Locale.ROOT).replace("I", "").replace("B", "");
        int p = "KMGTPE".indexOf(u.isEmpty() ? "#" : u) + 1;
        return n * Math.pow(1024, p);
    }

    private static String pct(double share) {
        return fmt("%.0f", share * 100) + " %";
    }

    static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
