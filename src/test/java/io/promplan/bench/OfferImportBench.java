package io.promplan.bench;

import io.promplan.core.price.PriceId;
import io.promplan.pricing.PriceSnapshots;
import io.promplan.pricing.aws.PriceListClient;
import io.promplan.pricing.offers.OfferFileImporter;
import io.promplan.pricing.offers.OfferFileWriter;
import io.promplan.service.PriceRefreshService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of the streaming offer-file import (run by bench/import-offer-file, not by mvn verify):
 * {@code generate FILE MB} writes a synthetic AmazonEC2-like offer file of about MB megabytes (many distractor
 * products plus the real EBS SKUs); {@code run FILE} imports it into a scratch copy of the shipped snapshot and
 * prints size, time, throughput and the peak heap (sum of the heap pools' peak usage), with the JVM's -Xmx.
 */
public final class OfferImportBench {
    private OfferImportBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("generate")) {
            Path f = Path.of(args[1]);
            long t0 = System.nanoTime();
            long n = OfferFileWriter.writeOfSize(f, "AmazonEC2", "us-east-1", Long.parseLong(args[2]));
            System.out.printf(Locale.ROOT, "generated %s: %.1f MB, %d padding products, in %.1f s%n", f, Files.size(f) / 1e6, n,
                    (System.nanoTime() - t0) / 1e9);
            return;
        }
        if (args.length == 2 && args[0].equals("run")) {
            Result r = run(Path.of(args[1]));
            System.out.println(r.text());
            return;
        }
        System.err.println("usage: OfferImportBench generate FILE MB | run FILE");
        System.exit(2);
    }

    /** One measured import. */
    public record Result(long bytes, double seconds, long peakHeapBytes, long maxHeapBytes, long products, String gp3) {
        public double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }

        public String text() {
            return String.format(Locale.ROOT, "file %.1f MB, %d products, %.2f s, %.1f MB/s, peak heap %.1f MB of -Xmx %.0f MB; "
                    + "us-east-1 ebs.gp3 = %s", bytes / 1e6, products, seconds, mbPerSecond(), peakHeapBytes / 1048576.0,
                    maxHeapBytes / 1048576.0, gp3);
        }
    }

    public static Result run(Path offerFile) throws Exception {
        Path dir = Files.createTempDirectory("promplan-bench-prices");
        try {
            Files.copy(Path.of("pricing-data/prices-2026-11-26.json"), dir.resolve("prices-2026-11-26.json"));
            System.gc();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                p.resetPeakUsage();
            }
            long t0 = System.nanoTime();
            PriceRefreshService.Outcome o = new PriceRefreshService(dir, PriceListClient.Settings.defaults())
                    .importOffers(List.of(offerFile), (f, m) -> { }, () -> false);
            double secs = (System.nanoTime() - t0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    peak += p.getPeakUsage().getUsed();
                }
            }
            String gp3 = o.written().catalog().price("us-east-1", PriceId.EBS_GP3).provenance() + " "
                    + o.written().catalog().price("us-east-1", PriceId.EBS_GP3).tiers();
            return new Result(Files.size(offerFile), secs, peak, Runtime.getRuntime().maxMemory(), o.items(), gp3);
        } finally {
            for (Path p : PriceSnapshots.list(dir)) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }

    /** For the small test: what one import keeps. */
    static OfferFileImporter.Result importOnly(Path offerFile) throws Exception {
        return OfferFileImporter.importFiles(List.of(offerFile), (a, b, c) -> { }, () -> false);
    }
}
