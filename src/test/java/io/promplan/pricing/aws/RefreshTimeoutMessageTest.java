package io.promplan.pricing.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.promplan.service.PriceRefreshException;
import io.promplan.service.PriceRefreshService;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, finding 10: the timeout message counts the requests really sent, not the retries allowed. */
class RefreshTimeoutMessageTest {
    @TempDir
    Path tmp;

    @Test
    void aTimeoutSaysHowManyRequestsWereSent() throws Exception {
        FakePriceListServer srv = new FakePriceListServer(PriceListFixture.byService(), 4).hang("AWSELB");
        try {
            Path dir = RefreshTestSupport.pricesDir(tmp);
            // 6 attempts allowed, but the whole call's 3 s leave room for about 2 of 1.5 s: the message must say what happened
            PriceListClient.Settings s = RefreshTestSupport.settings(srv.endpoint()).withTimeouts(Duration.ofSeconds(3), Duration.ofMillis(1500))
                    .withRetries(6, Duration.ofMillis(5), Duration.ofMillis(40));
            Throwable t = catchThrowable(() -> new PriceRefreshService(dir, s, Clock.fixed(RefreshTestSupport.NOW, ZoneOffset.UTC))
                    .refresh(List.of("us-east-1"), (f, m) -> { }, () -> false));
            assertThat(t).isInstanceOf(PriceRefreshException.class).hasMessageContaining("no answer to GetProducts AWSELB");
            long sent = srv.requests().stream().filter(r -> r.body().path("ServiceCode").asText().equals("AWSELB")).count();
            assertThat(sent).isBetween(1L, 5L);
            assertThat(t.getMessage()).doesNotContain("6 attempts");
            assertThat(t.getMessage()).contains("(" + sent + (sent == 1 ? " attempt," : " attempts,"));
        } finally {
            srv.close();
        }
    }
}
