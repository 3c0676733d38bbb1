package io.promplan.core.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The valid Fargate (Linux) CPU/memory pairs, and rounding a need up to the cheapest of them. */
public final class FargateSizes {
    public static final FargateSize SMALLEST = new FargateSize(256, 512);
    public static final FargateSize LARGEST = new FargateSize(16384, 122_880);
    /** Every valid pair, ordered by CPU then memory. */
    public static final List<FargateSize> ALL;

    static {
        List<FargateSize> l = new ArrayList<>();
        l.add(new FargateSize(256, 512));
        l.add(new FargateSize(256, 1024));
        l.add(new FargateSize(256, 2048));
        for (int gb = 1; gb <= 4; gb++) {
            l.add(new FargateSize(512, gb * 1024));
        }
        for (int gb = 2; gb <= 8; gb++) {
            l.add(new FargateSize(1024, gb * 1024));
        }
        for (int gb = 4; gb <= 16; gb++) {
            l.add(new FargateSize(2048, gb * 1024));
        }
        for (int gb = 8; gb <= 30; gb++) {
            l.add(new FargateSize(4096, gb * 1024));
        }
        for (int gb = 16; gb <= 60; gb += 4) {
            l.add(new FargateSize(8192, gb * 1024));
        }
        for (int gb = 32; gb <= 120; gb += 8) {
            l.add(new FargateSize(16384, gb * 1024));
        }
        ALL = Collections.unmodifiableList(l);
    }

    private FargateSizes() {
    }

    public static boolean isValid(FargateSize s) {
        return ALL.contains(s);
    }

    /**
     * Weights that only order the sizes when a region's Fargate price is missing (the us-east-1 ratio
     * of vCPU to GB prices); they never price a line.
     */
    static final double FALLBACK_VCPU_WEIGHT = 0.04048;
    static final double FALLBACK_GB_WEIGHT = 0.004445;

    /**
     * The cheapest valid pair with at least the CPU and memory asked for, priced with the given
     * per-vCPU-hour and per-GB-hour weights (0 or less when the price is missing: the us-east-1 ratio
     * orders the sizes); ties go to the smaller CPU. Empty when even the largest task is too small.
     */
    public static Optional<FargateSize> cheapestFitting(double vcpu, double memoryMiB, double vcpuWeight, double gbWeight) {
        if (vcpuWeight <= 0 || gbWeight <= 0) {
            vcpuWeight = FALLBACK_VCPU_WEIGHT;
            gbWeight = FALLBACK_GB_WEIGHT;
        }
        FargateSize best = null;
        double bestCost = Double.MAX_VALUE;
        for (FargateSize s : ALL) {
            if (s.vcpu() + 1e-9 < vcpu || s.memoryMiB() + 1e-6 < memoryMiB) {
                continue;
            }
            double cost = s.vcpu() * vcpuWeight + s.memoryGb() * gbWeight;
            if (cost < bestCost - 1e-12) {
                best = s;
                bestCost = cost;
            }
        }
        return Optional.ofNullable(best);
    }
}
