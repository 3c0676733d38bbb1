package io.promplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rapid edits: only the last one is planned and delivered; a failure is delivered, not swallowed. */
class DebouncedRunnerTest {
    @Test
    void aBurstOfSubmissionsRunsAndDeliversOnlyTheLast() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (DebouncedRunner r = new DebouncedRunner(Runnable::run, 200)) {
            for (int i = 1; i <= 5; i++) {
                int n = i;
                r.submit(() -> {
                    ran.incrementAndGet();
                    return n;
                }, v -> {
                    delivered.add(v);
                    done.countDown();
                }, e -> done.countDown());
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(delivered).containsExactly(5);
        assertThat(ran.get()).isEqualTo(1);
    }

    @Test
    void aFailingJobIsReportedToTheErrorHandler() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (DebouncedRunner r = new DebouncedRunner(Runnable::run, 0)) {
            r.submit(() -> {
                throw new IllegalStateException("boom");
            }, v -> done.countDown(), e -> {
                errors.add(e);
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
    }

    @Test
    void awaitQuietReturnsOnceTheLastSubmissionIsDeliveredAndAtOnceAfterACancel() throws Exception {
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        try (DebouncedRunner r = new DebouncedRunner(Runnable::run, 100)) {
            r.submit(() -> 1, delivered::add, e -> { });
            r.awaitQuiet(10_000);
            assertThat(delivered).containsExactly(1);
            r.submit(() -> 2, delivered::add, e -> { });
            r.cancel();
            r.awaitQuiet(10_000);
            assertThat(delivered).containsExactly(1);
        }
    }
}
