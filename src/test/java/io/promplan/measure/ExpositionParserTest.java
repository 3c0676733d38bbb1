package io.promplan.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The exposition parser counts what Prometheus would store and names the line of what it would refuse. */
class ExpositionParserTest {
    private static ScrapeAnalysis parse(String body, boolean om) throws IOException, ExpositionException {
        return TargetScraper.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), om);
    }

    @Test
    void textFormatFamiliesHistogramsAndSummaries() throws Exception {
        ScrapeAnalysis a = parse("""
                # HELP http_requests_total Requests.
                # TYPE http_requests_total counter
                http_requests_total{method="GET",code="200"} 1027 1395066363000
                http_requests_total{method="POST",code="200"} 3
                # A plain comment
                # TYPE rpc_seconds histogram
                rpc_seconds_bucket{le="0.1"} 1
                rpc_seconds_bucket{le="1"} 2
                rpc_seconds_bucket{le="+Inf"} 3
                rpc_seconds_sum 1.5
                rpc_seconds_count 3
                # TYPE gc summary
                gc{quantile="0.5"} 0.1
                gc{quantile="0.99"} NaN
                gc_sum 2
                gc_count 10
                untyped_thing{path="C:\\\\dir \\"x\\"\\n"} -Inf
                {"my.utf8.metric", "label.with.dots"="v"} 1e-3
                """, false);
        assertThat(a.series()).isEqualTo(2 + 5 + 4 + 1 + 1);
        SeriesCounts c = a.counts();
        assertThat(c.families()).isEqualTo(5);
        assertThat(c.histograms()).isEqualTo(2);
        assertThat(c.histogramSeries()).isEqualTo(9);
        assertThat(c.children()).isEqualTo(2);
        assertThat(c.buckets()).isEqualTo(3 + 2);
        assertThat(a.families()).containsKeys("http_requests_total", "rpc_seconds", "gc", "untyped_thing", "my.utf8.metric");
    }

    @Test
    void openMetricsCountsCreatedReadsExemplarsAndNeedsEof() throws Exception {
        ScrapeAnalysis a = parse("""
                # TYPE req counter
                # UNIT req requests
                # HELP req Requests.
                req_total{a="1"} 5 # {trace_id="x"} 1 1.7e9
                req_created{a="1"} 1.7e9
                # TYPE lat histogram
                lat_bucket{le="1"} 1 # {trace_id="y"} 0.5
                lat_bucket{le="+Inf"} 2
                lat_count 2
                lat_sum 0.7
                lat_created 1.7e9
                # EOF
                """, true);
        // Prometheus 3.5.3 stores _created as series of their own (a counter of 200 series gave 400 in scrape_samples_scraped)
        assertThat(a.series()).isEqualTo(2 + 5);
        assertThat(a.counts().families()).isEqualTo(2);
        assertThat(a.counts().histograms()).isEqualTo(1);
        assertThatThrownBy(() -> parse("# TYPE x gauge\nx 1\n", true)).isInstanceOf(ExpositionException.class)
                .hasMessageContaining("does not end with '# EOF'");
        assertThatThrownBy(() -> parse("x 1\n# EOF\ny 2\n", true)).hasMessageContaining("line 3: content after '# EOF'");
    }

    @Test
    void malformedLinesAreNamedByLineNumber() {
        assertThatThrownBy(() -> parse("ok 1\nok2{a=\"b\" 2\n", false)).isInstanceOf(ExpositionException.class)
                .hasMessageStartingWith("line 2: ").hasMessageContaining("ok2{a=\"b\" 2");
        assertThatThrownBy(() -> parse("a 1\nb 2\nc\n", false)).hasMessageStartingWith("line 3: ").hasMessageContaining("value");
        assertThatThrownBy(() -> parse("a one\n", false)).hasMessageStartingWith("line 1: 'one' is not a number");
        assertThatThrownBy(() -> parse("a 1 2 3\n", false)).hasMessageStartingWith("line 1: expected a value and at most a timestamp");
        assertThatThrownBy(() -> parse("a{b=c} 1\n", false)).hasMessageStartingWith("line 1: label b needs a value in double quotes");
        assertThatThrownBy(() -> parse("# TYPE a countr\na 1\n", false)).hasMessageStartingWith("line 1: unknown metric type 'countr'");
        assertThatThrownBy(() -> parse("a{b=\"c} 1\n", false)).hasMessageContaining("not closed");
        assertThatThrownBy(() -> parse("a 1d\n", false)).hasMessageContaining("'1d' is not a number");
    }

    @Test
    void htmlAndJsonAreRecognised() {
        assertThatThrownBy(() -> parse("<!DOCTYPE html>\n<html></html>\n", false)).hasMessageContaining("HTML");
        assertThatThrownBy(() -> parse("\n{\"status\":\"success\",\"data\":{}}\n", false)).hasMessageContaining("JSON");
    }

    /** A body of millions of lines, generated as it is read: parsed without holding it, change tracking capped. */
    @Test
    void hugeBodyIsStreamedInBoundedMemory() throws Exception {
        long lines = 2_500_000;
        InputStream gen = new InputStream() {
            long i;
            byte[] cur = new byte[0];
            int pos;

            @Override
            public int read() {
                if (pos >= cur.length) {
                    if (i >= lines) {
                        return -1;
                    }
                    cur = ("big_series_total{id=\"" + i + "\",pod=\"p" + (i % 50) + "\"} " + i + "\n").getBytes(StandardCharsets.US_ASCII);
                    pos = 0;
                    i++;
                }
                return cur[pos++];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len) {
                    int c = read();
                    if (c < 0) {
                        return n == 0 ? -1 : n;
                    }
                    b[off + n++] = (byte) c;
                }
                return n;
            }
        };
        Runtime rt = Runtime.getRuntime();
        ScrapeAnalysis a = TargetScraper.parse(gen, false);
        System.gc();
        long used = rt.totalMemory() - rt.freeMemory();
        assertThat(a.series()).isEqualTo(lines);
        assertThat(a.trackingCut()).isTrue();
        assertThat(a.values().size()).isEqualTo(ScrapeAnalysis.MAX_TRACKED_SERIES);
        // ~150 MB of text went through; what stays is the capped series map (~64 MiB) and capped label values
        System.out.printf("huge body: %,d lines parsed, heap in use afterwards %,d MiB%n", lines, used >> 20);
        assertThat(used).isLessThan(600L << 20);
    }
}
