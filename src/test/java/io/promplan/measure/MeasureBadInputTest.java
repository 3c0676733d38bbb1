package io.promplan.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.cli.ExitCodes;
import io.promplan.core.workload.Measurement;
import io.promplan.scenario.ScenarioReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endpoints that are not what measure needs: each ends in one clear line naming the target, the
 * others are kept, and nothing is written when nothing could be measured.
 */
class MeasureBadInputTest {
    @TempDir
    Path dir;

    FakeExporter ex;

    @BeforeEach
    void start() throws Exception {
        ex = new FakeExporter(5, 5, 1, 3, 5);
    }

    @AfterEach
    void stop() {
        ex.close();
    }

    private TestSupport.Run measureOne(String url, String... more) {
        Path out = dir.resolve("out.yaml");
        List<String> args = new java.util.ArrayList<>(List.of("measure", "--target", "svc=" + url, "--out", out.toString(),
                "--scrapes", "1", "--timeout", "2s", "--prices", "pricing-data"));
        args.addAll(List.of(more));
        return TestSupport.cli(args.toArray(String[]::new));
    }

    private void assertFailedAndNothingWritten(TestSupport.Run r, String... parts) {
        System.out.println(r.err().strip());
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("promplan: target svc (").contains("nothing was measured").doesNotContain("Exception").doesNotContain("\tat ");
        for (String p : parts) {
            assertThat(r.err()).contains(p);
        }
        assertThat(dir.resolve("out.yaml")).doesNotExist();
    }

    @Test
    void anHtmlPageIsNotAMetricsEndpoint() {
        assertFailedAndNothingWritten(measureOne(ex.url("/html")), "/html): the response is HTML (Content-Type text/html)", "/metrics");
        assertFailedAndNothingWritten(measureOne(ex.url("/html-as-text")), "not Prometheus metrics");
    }

    @Test
    void aMalformedLineIsNamedByItsNumber() {
        assertFailedAndNothingWritten(measureOne(ex.url("/malformed")), "not valid Prometheus metrics: line 5:", "broken_metric{a=\"b\" 3");
    }

    @Test
    void http401SaysWhichCredentialsToGive() throws Exception {
        ex.bearerToken = "right";
        assertFailedAndNothingWritten(measureOne(ex.url("/auth")), "HTTP 401 Unauthorized: the endpoint needs credentials (Bearer)", "--bearer-token-file");
        Path wrong = dir.resolve("wrong");
        Files.writeString(wrong, "wrong");
        assertFailedAndNothingWritten(measureOne(ex.url("/auth"), "--bearer-token-file", wrong.toString()), "the credentials given were refused");
    }

    @Test
    void aTimeoutNamesTheDeadline() {
        long t0 = System.nanoTime();
        TestSupport.Run r = measureOne(ex.url("/slow"));
        assertFailedAndNothingWritten(r, "no answer within 2 s (--timeout)");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(10);
    }

    @Test
    void nothingListeningAndEmptyPages() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertFailedAndNothingWritten(measureOne("http://127.0.0.1:" + port + "/metrics"), "connection refused: nothing listens at 127.0.0.1:" + port);
        assertFailedAndNothingWritten(measureOne(ex.url("/empty")), "no samples");
        assertFailedAndNothingWritten(measureOne(ex.url("/nope")), "HTTP 404");
    }

    @Test
    void aFailingTargetIsReportedWhileTheOthersAreKept() throws Exception {
        Path out = dir.resolve("out.yaml");
        TestSupport.Run r = TestSupport.cli("measure", "--target", "good=" + ex.url("/metrics"), "--target", "bad=" + ex.url("/html"),
                "--target", "slow=" + ex.url("/slow"), "--out", out.toString(), "--scrapes", "1", "--timeout", "2s", "--prices", "pricing-data");
        System.out.println(r.err());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("promplan: target bad (" + ex.url("/html") + "): the response is HTML")
                .contains("promplan: target slow (" + ex.url("/slow") + "): no answer within 2 s");
        var s = ScenarioReader.read(out);
        assertThat(s.workload().serviceCount()).isEqualTo(1);
        Measurement m = ScenarioReader.measurement(Files.readString(out), out.toString());
        assertThat(m.failed()).hasSize(2);
        assertThat(m.failed().get(0)).startsWith("target bad (");
    }

    @Test
    void badOptionsAreInputErrors() throws Exception {
        Path out = dir.resolve("out.yaml");
        TestSupport.Run r = TestSupport.cli("measure", "--target", "nourl", "--out", out.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("write NAME=URL");
        r = TestSupport.cli("measure", "--target", "a=ftp://x/metrics", "--out", out.toString());
        assertThat(r.err()).contains("is not an http:// or https:// URL");
        r = TestSupport.cli("measure", "--out", out.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("give --target NAME=URL (one or more) or --prometheus URL");
        r = TestSupport.cli("measure", "--target", "a=" + ex.url("/metrics"), "--bearer-token-file", dir.resolve("missing").toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--bearer-token-file").contains("no such file");
        r = TestSupport.cli("measure", "--target", "a=" + ex.url("/metrics"), "--bearer-token-env", "PROMPLAN_SURELY_UNSET_VAR", "--out", out.toString());
        assertThat(r.err()).contains("PROMPLAN_SURELY_UNSET_VAR: the environment variable is not set or empty");
        r = TestSupport.cli("measure", "--target", "a=" + ex.url("/metrics"), "--timeout", "soon", "--out", out.toString());
        assertThat(r.err()).contains("--timeout: 'soon' is not a duration");
        r = TestSupport.cli("measure", "--target", "a=" + ex.url("/metrics"), "--ca", dir.resolve("none.pem").toString(), "--out", out.toString());
        assertThat(r.err()).contains("--ca").contains("no such file");
        assertThat(out).doesNotExist();
    }

    @Test
    void tlsWithAPrivateCa() throws Exception {
        Path ks = dir.resolve("server.p12");
        Path pem = dir.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "srv", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "srv", "-keystore", ks.toString(), "-storepass", "changeit", "-file", pem.toString());
        KeyStore k = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            k.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(k, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        try (FakeExporter tls = new FakeExporter(5, 5, 1, 3, 5, ctx)) {
            assertThat(tls.url("/metrics")).startsWith("https://");
            assertFailedAndNothingWritten(measureOne(tls.url("/metrics")), "TLS failed", "--ca FILE");
            TestSupport.Run r = measureOne(tls.url("/metrics"), "--ca", pem.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(ScenarioReader.read(dir.resolve("out.yaml")).workload().services().get(0).seriesPerTarget())
                    .isCloseTo(tls.servedSeries(), org.assertj.core.data.Percentage.withPercentage(1));
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String outText = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(outText).isZero();
    }
}
