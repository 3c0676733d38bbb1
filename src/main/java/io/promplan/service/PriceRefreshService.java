package io.promplan.service;

import io.promplan.core.price.Price;
import io.promplan.core.price.PriceId;
import io.promplan.io.InputFileException;
import io.promplan.pricing.PriceSnapshot;
import io.promplan.pricing.PriceSnapshots;
import io.promplan.pricing.SnapshotUpdate;
import io.promplan.pricing.aws.PriceListClient;
import io.promplan.pricing.aws.PriceListException;
import io.promplan.pricing.aws.PriceRefresher;
import io.promplan.pricing.match.PriceCollector;
import io.promplan.pricing.match.PriceListFormatException;
import io.promplan.pricing.match.PriceMatchException;
import io.promplan.pricing.offers.OfferFileImporter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Refreshes prices from the AWS Price List API, or imports bulk offer files, into a new snapshot next to
 * the one in use. UI-independent: the CLI calls {@link #refresh}/{@link #importOffers} directly; the desktop
 * app calls {@link #start} and gets a {@link Task} with progress callbacks and cancel. Either the new snapshot
 * is written completely, or nothing is written and the previous snapshot stays as it was, byte for byte.
 */
public final class PriceRefreshService {
    public static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    /** Progress: a fraction 0..1 and what is being done. Called on the worker thread. */
    @FunctionalInterface
    public interface Listener {
        void progress(double fraction, String message);
    }

    /** A written snapshot and what it took. */
    public record Outcome(SnapshotUpdate.Written written, String source, String endpoint, Instant retrievedAt, int calls, int pages,
                          long items, Map<String, String> publicationDates, List<String> missing, List<String> warnings) {
        /** The new snapshot, to hand to {@link PlanningService#withSnapshot}. */
        public PriceSnapshot snapshot() {
            return new PriceSnapshot(written.file(), written.catalog(), "");
        }
    }

    /** A refresh running on its own thread. */
    public static final class Task {
        private final FutureTask<Outcome> future;
        private final AtomicBoolean cancelled;

        Task(FutureTask<Outcome> future, AtomicBoolean cancelled) {
            this.future = future;
            this.cancelled = cancelled;
        }

        /** Asks the refresh to stop: between pages at once, and an HTTP call in flight is interrupted. */
        public void cancel() {
            cancelled.set(true);
            future.cancel(true);
        }

        public boolean isDone() {
            return future.isDone();
        }

        /**
         * Waits for the outcome.
         *
         * @throws PriceRefreshException with the cause when nothing was written (also when cancelled)
         */
        public Outcome await(long timeout, TimeUnit unit) throws PriceRefreshException, InterruptedException, TimeoutException {
            try {
                return future.get(timeout, unit);
            } catch (CancellationException e) {
                throw new PriceRefreshException(PriceRefreshException.Kind.CANCELLED, "cancelled; the previous prices are kept", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof PriceRefreshException p) {
                    throw p;
                }
                throw new PriceRefreshException(PriceRefreshException.Kind.FAILURE, String.valueOf(e.getCause()), e.getCause());
            }
        }
    }

    private final Path pricesDir;
    private final PriceListClient.Settings settings;
    private final Clock clock;

    public PriceRefreshService(Path pricesDir, PriceListClient.Settings settings, Clock clock) {
        this.pricesDir = pricesDir;
        this.settings = settings;
        this.clock = clock;
    }

    public PriceRefreshService(Path pricesDir, PriceListClient.Settings settings) {
        this(pricesDir, settings, Clock.systemUTC());
    }

    /** Starts a refresh on a daemon thread; the listener is called from that thread. */
    public Task start(List<String> regions, Listener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        FutureTask<Outcome> f = new FutureTask<>(() -> refresh(regions, listener, cancelled::get));
        Thread t = new Thread(f, "promplan-price-refresh");
        t.setDaemon(true);
        t.start();
        return new Task(f, cancelled);
    }

    /** Refreshes the given regions; the other regions of the snapshot in use are kept as they were. */
    public Outcome refresh(List<String> regionsAsked, Listener listener, BooleanSupplier cancelled) throws PriceRefreshException {
        List<String> regions = regions(regionsAsked);
        PriceSnapshot prev = previous();
        PriceRefresher.Result r;
        try (PriceListClient client = new PriceListClient(settings)) {
            listener.progress(0, "asking " + settings.endpointText() + " for " + String.join(", ", regions));
            r = new PriceRefresher(client, clock).refresh(regions, (done, total, msg) -> listener.progress(done / (double) total * 0.95, msg),
                    cancelled);
        } catch (PriceListException e) {
            throw new PriceRefreshException(e.kind() == PriceListException.Kind.CANCELLED ? PriceRefreshException.Kind.CANCELLED
                    : PriceRefreshException.Kind.FAILURE, e.getMessage() + kept(prev), e);
        } catch (PriceListFormatException | PriceMatchException e) {
            throw new PriceRefreshException(PriceRefreshException.Kind.FAILURE, e.getMessage() + kept(prev), e);
        }
        if (cancelled.getAsBoolean()) {
            throw new PriceRefreshException(PriceRefreshException.Kind.CANCELLED, "cancelled" + kept(prev), null);
        }
        for (String region : regions) {
            if (r.prices().get(region).values().stream().allMatch(x -> x.price().isMissing())) {
                throw new PriceRefreshException(PriceRefreshException.Kind.BAD_INPUT, "--region " + region + ": the AWS Price List has no "
                        + "product for any price Promplan uses there; check the region code" + kept(prev), null);
            }
        }
        String asOf = r.retrievedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        String desc = "Refreshed " + String.join(", ", regions) + " from the " + PriceRefresher.SOURCE + " at " + r.endpoint() + " on "
                + r.retrievedAt() + ".";
        SnapshotUpdate.Written w = write(r.prices(), "refresh", asOf, r.retrievedAt(), desc, prev);
        listener.progress(1, "wrote " + w.file());
        return new Outcome(w, PriceRefresher.SOURCE, r.endpoint(), r.retrievedAt(), r.calls(), r.pages(), r.items(),
                r.publicationDates(), missing(r.prices()), warnings(w));
    }

    /** Imports bulk offer files: the prices of the services and regions they cover replace those of the snapshot in use. */
    public Outcome importOffers(List<Path> files, Listener listener, BooleanSupplier cancelled) throws PriceRefreshException {
        if (files.isEmpty()) {
            throw new PriceRefreshException(PriceRefreshException.Kind.BAD_INPUT, "no offer file given", null);
        }
        PriceSnapshot prev = previous();
        OfferFileImporter.Result r;
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try {
            r = OfferFileImporter.importFiles(files, (read, total, file) -> listener.progress(total == 0 ? 0 : read / (double) total * 0.95,
                    "reading " + file), cancelled);
        } catch (InputFileException e) {
            throw new PriceRefreshException(PriceRefreshException.Kind.BAD_INPUT, e.getMessage() + kept(prev), e);
        } catch (PriceMatchException e) {
            throw new PriceRefreshException(PriceRefreshException.Kind.FAILURE, e.getMessage() + kept(prev), e);
        } catch (IOException e) {
            throw new PriceRefreshException(PriceRefreshException.Kind.FAILURE, "cannot read an offer file: " + e.getMessage() + kept(prev), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PriceRefreshException(PriceRefreshException.Kind.CANCELLED, "cancelled" + kept(prev), e);
        }
        if (r.prices().isEmpty()) {
            throw new PriceRefreshException(PriceRefreshException.Kind.BAD_INPUT, "the offer files name no region with a price Promplan uses"
                    + kept(prev), null);
        }
        Map<String, String> pub = new TreeMap<>();
        String latest = "";
        List<String> names = new ArrayList<>();
        for (OfferFileImporter.FileResult f : r.files()) {
            pub.merge(f.offerCode(), f.publicationDate(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            latest = f.publicationDate().compareTo(latest) > 0 ? f.publicationDate() : latest;
            names.add(f.file().getFileName() + " (" + f.offerCode() + " " + String.join("/", f.regions()) + ", version " + f.version() + ")");
        }
        String asOf = latest.length() >= 10 ? latest.substring(0, 10) : now.atZone(ZoneOffset.UTC).toLocalDate().toString();
        String desc = "Imported from AWS bulk offer files on " + now + ": " + String.join("; ", names) + ".";
        SnapshotUpdate.Written w = write(r.prices(), "import", asOf, now, desc, prev);
        listener.progress(1, "wrote " + w.file());
        long items = r.files().stream().mapToLong(OfferFileImporter.FileResult::products).sum();
        return new Outcome(w, OfferFileImporter.SOURCE, "", now, r.files().size(), 0, items, pub, missing(r.prices()), warnings(w));
    }

    private SnapshotUpdate.Written write(Map<String, Map<PriceId, PriceCollector.Resolved>> fresh, String kind, String asOf, Instant at,
                                         String desc, PriceSnapshot prev) throws PriceRefreshException {
        try {
            return SnapshotUpdate.write(pricesDir, fresh, kind, asOf, at, desc);
        } catch (InputFileException e) {
            throw new PriceRefreshException(PriceRefreshException.Kind.BAD_INPUT, e.getMessage() + kept(prev), e);
        } catch (IOException e) {
            throw new PriceRefreshException(PriceRefreshException.Kind.FAILURE, "cannot write the new snapshot in " + pricesDir + ": "
                    + e.getMessage() + kept(prev), e);
        }
    }

    private PriceSnapshot previous() throws PriceRefreshException {
        try {
            return SnapshotUpdate.previous(pricesDir);
        } catch (InputFileException e) {
            throw new PriceRefreshException(PriceRefreshException.Kind.BAD_INPUT, "the snapshot in use cannot be read, so its other regions "
                    + "cannot be kept: " + e.getMessage(), e);
        }
    }

    private static String kept(PriceSnapshot prev) {
        return prev == null ? "; nothing was written" : "; nothing was written, " + prev.file() + " stays in use as it was";
    }

    static List<String> regions(List<String> asked) throws PriceRefreshException {
        if (asked == null || asked.isEmpty()) {
            throw new PriceRefreshException(PriceRefreshException.Kind.BAD_INPUT, "--region: give at least one region, e.g. --region ap-northeast-2", null);
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String r : asked) {
            if (r == null || !REGION.matcher(r).matches()) {
                throw new PriceRefreshException(PriceRefreshException.Kind.BAD_INPUT, "--region: '" + r
                        + "' is not an AWS region code (like us-east-1 or ap-northeast-2)", null);
            }
            out.add(r);
        }
        return new ArrayList<>(out);
    }

    private static List<String> missing(Map<String, Map<PriceId, PriceCollector.Resolved>> fresh) {
        List<String> out = new ArrayList<>();
        fresh.forEach((r, m) -> m.forEach((id, res) -> {
            Price p = res.price();
            if (p.isMissing()) {
                out.add(r + " " + id.id() + ": " + p.note());
            }
        }));
        return out;
    }

    private static List<String> warnings(SnapshotUpdate.Written w) {
        List<String> out = new ArrayList<>();
        try {
            List<Path> all = PriceSnapshots.list(w.file().toAbsolutePath().getParent());
            Path newest = all.isEmpty() ? null : all.get(all.size() - 1);
            if (newest != null && !newest.getFileName().equals(w.file().getFileName())) {
                out.add(newest.getFileName() + " has a later name than the new snapshot and stays the one in use; "
                        + "pass --prices " + w.file() + " to use the new one");
            }
        } catch (InputFileException e) {
            out.add(e.getMessage());
        }
        return out;
    }
}
