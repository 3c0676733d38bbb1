package io.promplan.core.workload;

/** A Fargate task size: CPU units (1024 = 1 vCPU) and memory in MiB. Not necessarily valid. */
public record FargateSize(int cpuUnits, int memoryMiB) implements Comparable<FargateSize> {
    public double vcpu() {
        return cpuUnits / 1024.0;
    }

    public double memoryGb() {
        return memoryMiB / 1024.0;
    }

    public String text() {
        return trim(vcpu()) + " vCPU / " + trim(memoryGb()) + " GB";
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    @Override
    public int compareTo(FargateSize o) {
        int c = Integer.compare(cpuUnits, o.cpuUnits);
        return c != 0 ? c : Integer.compare(memoryMiB, o.memoryMiB);
    }
}
