package io.promplan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.core.sizing.DiskModel;
import io.promplan.core.sizing.SizingCoefficients;
import io.promplan.io.InputFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sizing coefficients in use: those measured on a real Prometheus of a given version
 * (bench/calibrate-prometheus*, one resource per version in the build, or a file given by the
 * user), else the published guidance. {@link #forVersion(String)} picks the calibration a scenario
 * plans for; the default is the newest ({@link #DEFAULT_VERSION}).
 */
public final class Calibration {
    public static final String DIR = "/io/promplan/calibration/";
    /** Calibrated versions, oldest first, each with its resource. */
    public static final Map<String, String> VERSIONS;
    public static final String DEFAULT_VERSION = "3.5";
    /** The resource of the default calibration. */
    public static final String RESOURCE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, SizingCoefficients> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("2.42", DIR + "prometheus-2.42.json");
        v.put("3.5", DIR + "prometheus-3.5.json");
        VERSIONS = java.util.Collections.unmodifiableMap(v);
        RESOURCE = v.get(DEFAULT_VERSION);
    }

    private Calibration() {
    }

    /** The default calibration shipped in the build (Prometheus {@value #DEFAULT_VERSION}). */
    public static SizingCoefficients shipped() {
        return resource(RESOURCE);
    }

    /**
     * The calibration for a Prometheus version: "2.42", "2.x", "2", "v2.53.1" -> the 2.42 file; "3.5",
     * "3.x", "3", "3.5.3", null or blank -> 3.5. A version with no calibration of its major version
     * is refused.
     *
     * @throws IllegalArgumentException naming the versions that are calibrated
     */
    public static SizingCoefficients forVersion(String version) {
        return resource(VERSIONS.get(resolve(version).orElseThrow(() -> new IllegalArgumentException(
                "no calibration for Prometheus version '" + version + "'; calibrated: " + String.join(", ", VERSIONS.keySet())
                        + " (2.x plans with 2.42, 3.x with 3.5)"))));
    }

    /** The calibrated version a version string maps to, if any (see {@link #forVersion(String)}). */
    public static Optional<String> resolve(String version) {
        if (version == null || version.isBlank()) {
            return Optional.of(DEFAULT_VERSION);
        }
        String v = version.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("v")) {
            v = v.substring(1);
        }
        if (VERSIONS.containsKey(v)) {
            return Optional.of(v);
        }
        String[] parts = v.split("[.+-]", -1);
        if (parts.length >= 2 && VERSIONS.containsKey(parts[0] + "." + parts[1])) {
            return Optional.of(parts[0] + "." + parts[1]);
        }
        if (!parts[0].matches("\\d+") || (parts.length >= 2 && !parts[1].matches("\\d+|x|\\*"))) {
            return Optional.empty();
        }
        // the newest calibrated version of that major version
        String major = parts[0] + ".";
        List<String> same = VERSIONS.keySet().stream().filter(k -> k.startsWith(major)).toList();
        return same.isEmpty() ? Optional.empty() : Optional.of(same.get(same.size() - 1));
    }

    private static SizingCoefficients resource(String path) {
        return CACHE.computeIfAbsent(path, p -> {
            try (InputStream in = Calibration.class.getResourceAsStream(p)) {
                if (in == null) {
                    return SizingCoefficients.published();
                }
                return parse(JSON.readTree(in), "classpath:" + p);
            } catch (IOException | InputFileException e) {
                throw new IllegalStateException("the calibration shipped in the build is unreadable: " + e.getMessage(), e);
            }
        });
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
                (int) num(n, "prometheusSelfSeries", d.prometheusSelfSeries(), name),
                disk(n.get("disk"), text(n, "diskMix", ""), name));
    }

    /** The disk model of a calibration file ({@code disk}), or of one of its other mixes ({@code mixes.NAME.disk}). */
    static DiskModel disk(JsonNode n, String mix, String name) throws InputFileException {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw new InputFileException(name, 0, "disk", "must be an object with the disk model's coefficients");
        }
        String[] keys = {"timestampBits", "firstTwoSamplesBits", "blockFramingBytesPerChunk", "headFramingBytesPerChunk",
                "bitsPerChangedValue", "indexBytesPerSeriesPerBlock", "changingShareHistogram", "changingShareOther", "walBytesPerSample"};
        double[] v = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            JsonNode x = n.get(keys[i]);
            if (x == null || !x.isNumber() || !(x.doubleValue() >= 0)) {
                throw new InputFileException(name, 0, "disk." + keys[i], "must be a number of 0 or more");
            }
            v[i] = x.doubleValue();
        }
        if (v[6] > 1 || v[7] > 1) {
            throw new InputFileException(name, 0, "disk.changingShare*", "must be between 0 and 1");
        }
        return new DiskModel(mix, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    /** The disk model of another value mix recorded in the calibration of a version ({@code mixes.NAME}), e.g. "fleet". */
    public static Optional<SizingCoefficients> withMix(String version, String mix) {
        String path = VERSIONS.get(resolve(version).orElse(DEFAULT_VERSION));
        try (InputStream in = Calibration.class.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode root = JSON.readTree(in);
            JsonNode m = root.path("mixes").path(mix).get("disk");
            if (m == null) {
                return Optional.empty();
            }
            SizingCoefficients k = forVersion(version);
            DiskModel dm = disk(m, mix, "classpath:" + path);
            return Optional.of(new SizingCoefficients(k.source() + "; value mix " + mix, k.prometheusVersion(), k.measuredAt(), k.machine(),
                    k.blockBytesPerSample(), dm.walBytesPerSample(), k.headChunkBytesPerSample(), k.rssBytesPerSeries(), k.rssBaseMiB(),
                    k.cpuCoresPerKSamples(), k.cpuBaseCores(), k.queryCoreSeconds(), k.queryMiB(), k.prometheusSelfSeries(), dm));
        } catch (IOException | InputFileException e) {
            throw new IllegalStateException("the calibration shipped in the build is unreadable: " + e.getMessage(), e);
        }
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
