package io.promplan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.core.sizing.SizingCoefficients;
import io.promplan.io.InputFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sizing coefficients in use: those measured by bench/calibrate-prometheus (a resource of the
 * build, or a file given by the user), else the published guidance.
 */
public final class Calibration {
    public static final String RESOURCE = "/io/promplan/calibration/prometheus.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Calibration() {
    }

    public static SizingCoefficients shipped() {
        try (InputStream in = Calibration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return SizingCoefficients.published();
            }
            return parse(JSON.readTree(in), "classpath:" + RESOURCE);
        } catch (IOException | InputFileException e) {
            throw new IllegalStateException("the calibration shipped in the build is unreadable: " + e.getMessage(), e);
        }
    }

    public static SizingCoefficients read(Path file) throws InputFileException {
        try {
            return parse(JSON.readTree(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new InputFileException(file.toString(), 0, "", "cannot be read as JSON: " + e.getMessage());
        }
    }

    static SizingCoefficients parse(JsonNode n, String name) throws InputFileException {
        SizingCoefficients d = SizingCoefficients.published();
        return new SizingCoefficients(
                text(n, "source", "calibration file " + name),
                text(n, "prometheusVersion", ""),
                text(n, "measuredAt", ""),
                text(n, "machine", ""),
                num(n, "blockBytesPerSample", d.blockBytesPerSample(), name),
                num(n, "walBytesPerSample", d.walBytesPerSample(), name),
                num(n, "headChunkBytesPerSample", d.headChunkBytesPerSample(), name),
                num(n, "rssBytesPerSeries", d.rssBytesPerSeries(), name),
                num(n, "rssBaseMiB", d.rssBaseMiB(), name),
                num(n, "cpuCoresPerKSamples", d.cpuCoresPerKSamples(), name),
                num(n, "cpuBaseCores", d.cpuBaseCores(), name),
                num(n, "queryCoreSeconds", d.queryCoreSeconds(), name),
                num(n, "queryMiB", d.queryMiB(), name),
                (int) num(n, "prometheusSelfSeries", d.prometheusSelfSeries(), name));
    }

    private static String text(JsonNode n, String k, String d) {
        JsonNode v = n.get(k);
        return v == null || v.isNull() ? d : v.isValueNode() ? v.asText() : v.toString();
    }

    private static double num(JsonNode n, String k, double d, String name) throws InputFileException {
        JsonNode v = n.get(k);
        if (v == null || v.isNull()) {
            return d;
        }
        if (!v.isNumber() || !(v.doubleValue() >= 0)) {
            throw new InputFileException(name, 0, k, "'" + v.asText() + "' is not a number of 0 or more");
        }
        return v.doubleValue();
    }
}
