package io.promplan.measure;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

/**
 * GETs over java.net.http with what measuring real endpoints needs: an Authorization header (never
 * logged or written), a private CA, gzip, and one deadline for the whole answer (headers and body),
 * so that an endpoint that stops sending mid-body fails like one that never answers.
 */
public final class Http implements AutoCloseable {
    private final HttpClient client;
    private final Duration timeout;
    private final String authorization;
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "promplan-measure-read");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param timeout       deadline for one request, body included
     * @param authorization the Authorization header's value, or null
     * @param ssl           TLS context (a private CA), or null for the JVM's trusted CAs
     */
    public Http(Duration timeout, String authorization, SSLContext ssl) {
        this.timeout = timeout;
        this.authorization = authorization;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (ssl != null) {
            b.sslContext(ssl);
        }
        this.client = b.build();
    }

    /** The response as a reader sees it: status, content type and a body already un-gzipped. */
    public record Response(int status, String contentType, boolean gzip, InputStream body) {
    }

    /** Reads a response body; may throw ExpositionException for a body that is not what was expected. */
    public interface BodyReader<T> {
        T read(Response r) throws IOException, ExpositionException, MeasureException;
    }

    /** Bearer token: "Bearer " + the token. */
    public static String bearer(String token) {
        return "Bearer " + token.strip();
    }

    /** Basic auth header value. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A TLS context trusting the certificates of a PEM (or DER) file, for endpoints behind a private CA. */
    public static SSLContext trusting(Path caFile) throws MeasureException {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new MeasureException(caFile + ": holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)");
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (NoSuchFileException e) {
            throw new MeasureException(caFile + ": no such file (--ca)");
        } catch (CertificateException e) {
            throw new MeasureException(caFile + ": not a certificate file (expected PEM: -----BEGIN CERTIFICATE-----): " + e.getMessage());
        } catch (IOException | GeneralSecurityException e) {
            throw new MeasureException(caFile + ": cannot be used as a CA file: " + e.getMessage());
        }
    }

    /**
     * GETs a URL and hands the body to a reader, all within the deadline. Non-2xx answers end in a
     * MeasureException saying what the status means; the body is then not read.
     */
    public <T> T get(URI uri, String accept, BodyReader<T> reader) throws MeasureException, ExpositionException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(withoutUserInfo(uri)).timeout(timeout).GET()
                .header("Accept", accept).header("Accept-Encoding", "gzip")
                .header("User-Agent", "promplan-measure");
        String auth = authorization;
        if (auth == null && uri.getRawUserInfo() != null) {
            String ui = uri.getRawUserInfo();
            int colon = ui.indexOf(':');
            auth = basic(URLDecoder.decode(colon < 0 ? ui : ui.substring(0, colon), StandardCharsets.UTF_8),
                    colon < 0 ? "" : URLDecoder.decode(ui.substring(colon + 1), StandardCharsets.UTF_8));
        }
        if (auth != null) {
            rb.header("Authorization", auth);
        }
        HttpRequest req = rb.build();
        AtomicReference<InputStream> open = new AtomicReference<>();
        Future<T> f = readers.submit(() -> {
            HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            InputStream body = resp.body();
            open.set(body);
            try (body) {
                int status = resp.statusCode();
                if (status < 200 || status > 299) {
                    String detail = "";
                    if (resp.headers().firstValue("Content-Type").orElse("").contains("json")) {
                        // a Prometheus API error says why: {"status":"error","errorType":"bad_data","error":"..."}
                        byte[] head = body.readNBytes(4096);
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                                .matcher(new String(head, StandardCharsets.UTF_8));
                        if (m.find()) {
                            detail = " (" + m.group(1).replace("\\\"", "\"") + ")";
                        }
                    }
                    throw new MeasureException(statusMessage(status, resp.headers().firstValue("WWW-Authenticate").orElse("")) + detail);
                }
                String ct = resp.headers().firstValue("Content-Type").orElse("");
                boolean gz = resp.headers().firstValue("Content-Encoding").orElse("").toLowerCase(Locale.ROOT).contains("gzip");
                InputStream in = gz ? new GZIPInputStream(body, 64 * 1024) : body;
                return reader.read(new Response(status, ct, gz, in));
            }
        });
        try {
            return f.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            InputStream in = open.get();
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // the answer is abandoned anyway
                }
            }
            throw new MeasureException("no complete answer within " + seconds() + " (--timeout)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MeasureException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof MeasureException m) {
                throw m;
            }
            if (c instanceof ExpositionException x) {
                throw x;
            }
            throw new MeasureException(ioMessage(c, uri), c);
        }
    }

    private String seconds() {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }

    private String statusMessage(int status, String challenge) {
        return switch (status) {
            case 401 -> "HTTP 401 Unauthorized: " + (authorization == null
                    ? "the endpoint needs credentials" + (challenge.isEmpty() ? "" : " (" + challenge.split(" ")[0] + ")")
                    + "; give --bearer-token-file, --bearer-token-env or --basic-auth-user with --basic-auth-password-file/--basic-auth-password-env"
                    : "the credentials given were refused");
            case 403 -> "HTTP 403 Forbidden: the credentials given may not read this endpoint";
            case 404 -> "HTTP 404 Not Found: no such path on this server";
            default -> "HTTP " + status + (status >= 500 ? ": the server failed to answer" : "");
        };
    }

    private String ioMessage(Throwable c, URI uri) {
        String where = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        if (c instanceof HttpConnectTimeoutException) {
            return "no connection to " + where + " within " + seconds() + " (--timeout)";
        }
        if (c instanceof HttpTimeoutException) {
            return "no answer within " + seconds() + " (--timeout)";
        }
        if (c instanceof ConnectException) {
            Throwable root = c;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof UnresolvedAddressException || root instanceof java.net.UnknownHostException) {
                return "unknown host " + uri.getHost();
            }
            return "connection refused: nothing listens at " + where;
        }
        if (c instanceof SSLHandshakeException || c instanceof SSLException) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("PKIX") || m.contains("certification path")) {
                return "TLS failed: the server's certificate is not signed by a trusted CA; for a private CA give --ca FILE";
            }
            if (m.contains("subject alternative") || m.contains("No name matching")) {
                return "TLS failed: the server's certificate does not name " + uri.getHost() + "; for a private CA give --ca FILE";
            }
            return "TLS failed: " + m.replaceAll("[a-z]+(\\.[a-z]+)+\\.[A-Za-z]*Exception: ", "") + "; for a private CA give --ca FILE";
        }
        if (c instanceof java.util.zip.ZipException) {
            return "the gzip-compressed body is corrupt: " + c.getMessage();
        }
        if (c instanceof IllegalArgumentException) {
            return "not a usable URL: " + c.getMessage();
        }
        if (c instanceof IOException) {
            String m = c.getMessage();
            return "the connection failed: " + (m == null || m.isBlank() ? c.getClass().getSimpleName() : m);
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    /** The URL without user:password, for requests and display. */
    static URI withoutUserInfo(URI u) {
        if (u.getRawUserInfo() == null) {
            return u;
        }
        try {
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(), u.getFragment());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The URL as it may be shown and written: no user:password, and the values of query parameters
     * that look like secrets (token, key, secret, password, auth) replaced by "redacted".
     */
    public static String display(URI u) {
        URI x = withoutUserInfo(u);
        String q = x.getRawQuery();
        String base = x.getScheme() + "://" + x.getRawAuthority() + (x.getRawPath() == null ? "" : x.getRawPath());
        if (q == null) {
            return base;
        }
        StringBuilder sb = new StringBuilder();
        for (String p : q.split("&")) {
            int eq = p.indexOf('=');
            String k = eq < 0 ? p : p.substring(0, eq);
            String kl = k.toLowerCase(Locale.ROOT);
            boolean secret = kl.contains("token") || kl.contains("key") || kl.contains("secret") || kl.contains("pass") || kl.contains("auth");
            sb.append(sb.length() == 0 ? "?" : "&").append(k);
            if (eq >= 0) {
                sb.append('=').append(secret ? "redacted" : p.substring(eq + 1));
            }
        }
        return base + sb;
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }
}
