package io.promplan.pricing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server speaking the AWS Price List Query API's JSON 1.1 protocol ({@code POST /},
 * {@code X-Amz-Target: AWSPriceListService.GetProducts}) on 127.0.0.1 and a free port: it parses ServiceCode,
 * Filters (TERM_MATCH on productFamily or any attribute) and NextToken, serves the items in pages, and can
 * throttle, fail with 500, never answer (until closed) or serve a malformed item. Nothing leaves the machine.
 */
public final class FakePriceListServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    public record Request(String target, String contentType, String authorization, JsonNode body) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, List<String>> items;
    private final int pageSize;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int throttleEvery;
    private final Map<String, Integer> failWith = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hang = new ConcurrentHashMap<>();
    private final AtomicInteger throttled = new AtomicInteger();
    private volatile boolean ignoreFamilyFilter;
    private final Object arrived = new Object();

    public FakePriceListServer(Map<String, List<String>> itemsByService, int pageSize) throws IOException {
        this.items = new ConcurrentHashMap<>(itemsByService);
        this.pageSize = pageSize;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-price-list");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every n-th request is answered with a ThrottlingException (HTTP 400), which the SDK retries. */
    public FakePriceListServer throttleEvery(int n) {
        this.throttleEvery = n;
        return this;
    }

    /** Every request for this service code gets this HTTP status. */
    public FakePriceListServer failWith(String serviceCode, int status) {
        failWith.put(serviceCode, status);
        return this;
    }

    /** Requests for this service code get no answer until the server is closed. */
    public FakePriceListServer hang(String serviceCode) {
        hang.put(serviceCode, true);
        return this;
    }

    /** Adds an item string to a service (a malformed one, say). */
    public FakePriceListServer addItem(String serviceCode, String item) {
        items.computeIfAbsent(serviceCode, k -> Collections.synchronizedList(new ArrayList<>()));
        List<String> l = new ArrayList<>(items.get(serviceCode));
        l.add(item);
        items.put(serviceCode, l);
        return this;
    }

    /** Serves every family of a service whatever productFamily filter is asked (a sloppy server). */
    public FakePriceListServer ignoreFamilyFilter() {
        this.ignoreFamilyFilter = true;
        return this;
    }

    /** Waits (bounded) until at least n requests have arrived. */
    public boolean awaitRequests(int n, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (arrived) {
            while (calls.get() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                arrived.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        return true;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    public int throttledCount() {
        return throttled.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            int n = calls.incrementAndGet();
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            String ct = ex.getRequestHeaders().getFirst("Content-Type");
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            requests.add(new Request(target, ct, ex.getRequestHeaders().getFirst("Authorization"), body));
            synchronized (arrived) {
                arrived.notifyAll();
            }
            if (!"POST".equals(ex.getRequestMethod()) || !"AWSPriceListService.GetProducts".equals(target)) {
                reply(ex, 400, "{\"__type\":\"UnknownOperationException\",\"message\":\"only GetProducts\"}");
                return;
            }
            String sc = body.path("ServiceCode").asText();
            if (hang.containsKey(sc)) {
                // never answers: held until the server is closed (bounded so a forgotten close cannot leak a thread for long)
                release.await(60, TimeUnit.SECONDS);
                return;
            }
            if (failWith.containsKey(sc)) {
                int status = failWith.get(sc);
                String type = status == 403 ? "AccessDeniedException" : "InternalErrorException";
                reply(ex, status, "{\"__type\":\"" + type + "\",\"message\":\"simulated " + status + "\"}");
                return;
            }
            if (throttleEvery > 0 && n % throttleEvery == 0) {
                throttled.incrementAndGet();
                reply(ex, 400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
                return;
            }
            List<String> matching = new ArrayList<>();
            for (String s : items.getOrDefault(sc, List.of())) {
                if (matches(s, body.path("Filters"))) {
                    matching.add(s);
                }
            }
            int start = body.hasNonNull("NextToken") ? Integer.parseInt(body.get("NextToken").asText().substring("page-".length())) : 0;
            int max = body.path("MaxResults").asInt(100);
            int size = Math.min(pageSize, max);
            int end = Math.min(matching.size(), start + size);
            ObjectNode out = JSON.createObjectNode();
            out.put("FormatVersion", "aws_v1");
            ArrayNode list = out.putArray("PriceList");
            matching.subList(start, end).forEach(list::add);
            if (end < matching.size()) {
                out.put("NextToken", "page-" + end);
            }
            reply(ex, 200, out.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean matches(String item, JsonNode filters) {
        JsonNode root;
        try {
            root = JSON.readTree(item);
        } catch (IOException e) {
            return true; // a malformed item is served whatever the filters
        }
        for (JsonNode f : filters) {
            String field = f.path("Field").asText();
            String value = f.path("Value").asText();
            String actual = field.equals("productFamily") ? root.path("product").path("productFamily").asText()
                    : root.path("product").path("attributes").path(field).asText();
            if (field.equals("productFamily") && ignoreFamilyFilter) {
                continue;
            }
            if (!value.equals(actual)) {
                return false;
            }
        }
        return true;
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        ex.getResponseHeaders().set("x-amzn-RequestId", "fake-" + System.nanoTime());
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
