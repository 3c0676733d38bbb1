package io.promplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report as a reader's tools see it: poppler's pdftotext finds the totals and the
 * recommendation, pdftoppm renders the page (Debian poppler-utils; the README's set-up and .ci/run
 * install it).
 */
class PopplerCheckTest {
    @TempDir
    Path dir;

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(cmd.get(0) + " is not installed: sudo apt-get install -y poppler-utils", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void pdftotextFindsTheTotalsAndPdftoppmRendersThePage(String lang) throws Exception {
        Path pdf = dir.resolve("report-" + lang + ".pdf");
        TestSupport.Run r = TestSupport.cli("report", "scenarios/seed-5-services.yaml", "--out", pdf.toString(), "--lang", lang, "--runs", "5000",
                "--prices", "pricing-data");
        assertThat(r.code()).as(r.err()).isZero();
        String text = run(List.of("pdftotext", "-layout", pdf.toString(), "-"));
        if (lang.equals("ko")) {
            // Korean names and the Korean money format ("US$"), never the English name of the managed services
            assertThat(text).contains("US$148.33", "US$201.77", "US$145.71", "US$105.00-US$116.00", "권고: 관리형 Prometheus + 관리형 Grafana 선택", "주요 위험")
                    .doesNotContain("Amazon Managed Prometheus + Managed Grafana");
        } else {
            assertThat(text).contains("$148.33", "$201.77", "$145.71", "$105.00-$116.00", "Recommendation: Choose Amazon Managed Prometheus");
        }
        assertThat(run(List.of("pdfinfo", pdf.toString()))).contains("Pages:           1", "A4");
        run(List.of("pdftoppm", "-r", "60", "-png", "-singlefile", pdf.toString(), dir.resolve("page-" + lang).toString()));
        Path png = dir.resolve("page-" + lang + ".png");
        assertThat(png).exists();
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isBetween(490, 500);
        assertThat(img.getHeight()).isBetween(695, 705);
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }
}
