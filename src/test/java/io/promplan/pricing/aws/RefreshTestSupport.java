package io.promplan.pricing.aws;

import io.promplan.service.PriceRefreshService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Shared set-up: a prices folder holding a copy of the shipped snapshot, dummy credentials, fast timeouts. */
public final class RefreshTestSupport {
    /** Dummy test credentials: never real, and they must never appear in any file written. */
    public static final String KEY_ID = "AKIDPROMPLANTEST0000";
    public static final String SECRET = "promplan-test-secret-not-a-real-key";
    public static final Path SHIPPED = Path.of("pricing-data/prices-2026-11-26.json");
    public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    static {
        // the default credentials chain must never ask an instance metadata service from a test
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    private RefreshTestSupport() {
    }

    public static Path pricesDir(Path tmp) throws IOException {
        Path dir = tmp.resolve("prices");
        Files.createDirectories(dir);
        Files.copy(SHIPPED, dir.resolve(SHIPPED.getFileName()));
        return dir;
    }

    public static PriceListClient.Settings settings(URI endpoint) {
        return PriceListClient.Settings.defaults().withEndpoint(endpoint)
                .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(1500))
                .withRetries(4, Duration.ofMillis(5), Duration.ofMillis(40));
    }

    public static PriceRefreshService service(Path dir, URI endpoint) {
        return new PriceRefreshService(dir, settings(endpoint), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
