package io.promplan.pricing.aws;

import io.promplan.pricing.match.PriceListFormatException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.PricingClientBuilder;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;

/**
 * The AWS Price List Query API through the AWS SDK for Java v2 {@link PricingClient}: signed for
 * us-east-1 (the API's home; it answers for every region) unless another endpoint is given, credentials
 * from the default chain (environment, system properties, profiles, SSO, container/instance roles) or a
 * named profile. Every call has an API-call timeout and a per-attempt timeout; throttling and server errors
 * are retried with exponential backoff and jitter. Pages are followed one by one so that a caller can show
 * progress and cancel between pages.
 */
public final class PriceListClient implements AutoCloseable {
    /** The Price List API endpoint the SDK uses by default. */
    public static final String DEFAULT_ENDPOINT = "https://api.pricing.us-east-1.amazonaws.com";
    public static final String PERMISSION = "pricing:GetProducts";

    /**
     * How the client is made. {@code credentials} null: the default chain (or {@code profile} when set).
     */
    public record Settings(URI endpoint, String profile, AwsCredentialsProvider credentials, Duration apiCallTimeout,
                           Duration attemptTimeout, int maxAttempts, Duration backoffBase, Duration backoffMax, int pageSize) {
        public static Settings defaults() {
            return new Settings(null, null, null, Duration.ofSeconds(120), Duration.ofSeconds(30), 6,
                    Duration.ofMillis(500), Duration.ofSeconds(20), 100);
        }

        public Settings withEndpoint(URI e) {
            return new Settings(e, profile, credentials, apiCallTimeout, attemptTimeout, maxAttempts, backoffBase, backoffMax, pageSize);
        }

        public Settings withProfile(String p) {
            return new Settings(endpoint, p, credentials, apiCallTimeout, attemptTimeout, maxAttempts, backoffBase, backoffMax, pageSize);
        }

        public Settings withCredentials(AwsCredentialsProvider c) {
            return new Settings(endpoint, profile, c, apiCallTimeout, attemptTimeout, maxAttempts, backoffBase, backoffMax, pageSize);
        }

        public Settings withTimeouts(Duration apiCall, Duration attempt) {
            return new Settings(endpoint, profile, credentials, apiCall, attempt, maxAttempts, backoffBase, backoffMax, pageSize);
        }

        public Settings withRetries(int attempts, Duration base, Duration max) {
            return new Settings(endpoint, profile, credentials, apiCallTimeout, attemptTimeout, attempts, base, max, pageSize);
        }

        public Settings withPageSize(int n) {
            return new Settings(endpoint, profile, credentials, apiCallTimeout, attemptTimeout, maxAttempts, backoffBase, backoffMax, n);
        }

        public String endpointText() {
            return endpoint == null ? DEFAULT_ENDPOINT : endpoint.toString();
        }
    }

    /** Receives each page of a GetProducts answer (the PriceList strings). */
    @FunctionalInterface
    public interface PageHandler {
        void page(int pageNumber, List<String> priceList) throws PriceListFormatException;
    }

    private final Settings settings;
    private final PricingClient client;
    /** Requests sent for the current call (the first try and every retry): what a failure message counts. */
    private final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();

    public PriceListClient(Settings settings) {
        this.settings = settings;
        AwsCredentialsProvider creds = settings.credentials() != null ? settings.credentials()
                : settings.profile() != null && !settings.profile().isBlank() ? ProfileCredentialsProvider.create(settings.profile())
                : DefaultCredentialsProvider.builder().build();
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(settings.backoffBase(), settings.backoffMax());
        PricingClientBuilder b = PricingClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(creds)
                .overrideConfiguration(o -> o
                        .addExecutionInterceptor(new ExecutionInterceptor() {
                            @Override
                            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                                sent.incrementAndGet();
                            }
                        })
                        .apiCallTimeout(settings.apiCallTimeout())
                        .apiCallAttemptTimeout(settings.attemptTimeout())
                        .retryStrategy(r -> r.maxAttempts(settings.maxAttempts())
                                .backoffStrategy(backoff)
                                .throttlingBackoffStrategy(backoff)));
        if (settings.endpoint() != null) {
            b.endpointOverride(settings.endpoint());
        }
        this.client = b.build();
    }

    public Settings settings() {
        return settings;
    }

    /**
     * GetProducts for one service code with TERM_MATCH filters (field -> value pairs), every page followed.
     *
     * @return the number of pages read
     */
    public int getProducts(String serviceCode, List<String[]> termMatch, PageHandler handler, BooleanSupplier cancelled)
            throws PriceListException, PriceListFormatException {
        List<Filter> filters = termMatch.stream()
                .map(f -> Filter.builder().type(FilterType.TERM_MATCH).field(f[0]).value(f[1]).build()).toList();
        String token = null;
        int page = 0;
        do {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new PriceListException(PriceListException.Kind.CANCELLED, "cancelled", null);
            }
            GetProductsRequest req = GetProductsRequest.builder().serviceCode(serviceCode).filters(filters)
                    .formatVersion("aws_v1").maxResults(settings.pageSize()).nextToken(token).build();
            GetProductsResponse resp;
            sent.set(0);
            try {
                resp = client.getProducts(req);
            } catch (SdkException e) {
                throw explain(e, serviceCode, termMatch);
            }
            page++;
            handler.page(page, resp.priceList());
            token = resp.nextToken();
        } while (token != null && !token.isEmpty());
        return page;
    }

    /** Turns an SDK failure into a message that says what failed and what to do. Never includes credentials. */
    PriceListException explain(SdkException e, String serviceCode, List<String[]> filters) {
        String call = "GetProducts " + serviceCode + " " + String.join(", ", filters.stream().map(f -> f[0] + "=" + f[1]).toList())
                + " at " + settings.endpointText();
        String howToCredentials = "configure credentials with AWS_PROFILE (or --profile), 'aws configure' / 'aws sso login', "
                + "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; the identity needs the IAM permission " + PERMISSION;
        if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
            return new PriceListException(PriceListException.Kind.CANCELLED, "cancelled during " + call, e);
        }
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? "" : String.valueOf(s.awsErrorDetails().errorCode());
            int status = s.statusCode();
            String detail = s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage();
            if (status == 403 || code.equals("AccessDeniedException") || code.equals("UnrecognizedClientException")
                    || code.equals("InvalidSignatureException") || code.equals("ExpiredTokenException")
                    || code.equals("InvalidClientTokenId") || code.equals("SignatureDoesNotMatch")) {
                return new PriceListException(PriceListException.Kind.ACCESS_DENIED, "the AWS Price List API refused " + call + " ("
                        + code + ", HTTP " + status + "): the identity needs the IAM permission " + PERMISSION
                        + " (and valid, unexpired credentials: " + howToCredentials + ")", e);
            }
            if (s.isThrottlingException() || code.contains("Throttl") || status == 429) {
                return new PriceListException(PriceListException.Kind.THROTTLED, "the AWS Price List API still throttled " + call
                        + " after " + attempts(attemptsMade()) + " with backoff (" + code + "); try again later", e);
            }
            return new PriceListException(PriceListException.Kind.SERVICE, "the AWS Price List API failed " + call + ": HTTP " + status
                    + (code.isEmpty() || code.equals("null") ? "" : " " + code) + (detail == null || detail.isBlank() ? "" : ": " + detail)
                    + " (after " + attempts(attemptsMade()) + ")", e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException || e.getCause() instanceof ApiCallAttemptTimeoutException) {
            // The whole call's limit usually ends it before every allowed retry is made: count the requests really sent.
            return new PriceListException(PriceListException.Kind.TIMEOUT, "no answer to " + call + " within " + seconds(settings.apiCallTimeout())
                    + " (" + attempts(attemptsMade()) + ", each given " + seconds(settings.attemptTimeout()) + ")", e);
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof SdkClientException && (msg.contains("Unable to load credentials") || msg.contains("credentials")
                || msg.contains("Profile file contained no credentials") || msg.contains("profile"))) {
            String why = msg.contains("Unable to load credentials from any of the providers in the chain")
                    ? "none of the default chain's providers (environment, system properties, profile files, SSO, container and instance roles) had any"
                    : abbreviate(firstSentence(msg), 200);
            return new PriceListException(PriceListException.Kind.CREDENTIALS, "no usable AWS credentials for " + call + ": "
                    + why + ". To refresh prices, " + howToCredentials
                    + ". Without credentials, use 'promplan prices import' with AWS bulk offer files", e);
        }
        return new PriceListException(PriceListException.Kind.NETWORK, "cannot complete " + call + ": " + firstSentence(msg), e);
    }

    /** Requests sent for the call that failed (the SDK's own count when it has none). */
    int attemptsMade() {
        int n = sent.get();
        return n > 0 ? n : settings.maxAttempts();
    }

    private static String attempts(int n) {
        return n + (n == 1 ? " attempt" : " attempts");
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "...";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String firstSentence(String msg) {
        String m = msg.replaceAll("\\s+", " ").trim();
        int i = m.indexOf(". ");
        m = i > 0 ? m.substring(0, i) : m;
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    @Override
    public void close() {
        client.close();
    }
}
