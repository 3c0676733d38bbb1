package io.promplan.export;

import io.promplan.core.workload.StorageBackend;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * terraform/monitoring/: the sized stack as Terraform for hashicorp/aws 6.x.
 *
 * <p>Every file comes from one template, {@code src/main/resources/io/promplan/export/templates/terraform/NAME.peb}
 * (Pebble; the rules are in {@link Templates}); files starting with {@code _} are the blocks several files or every
 * shard repeat (an ECS service, a log group, a log configuration, the EBS volume of a shard...). This class only picks
 * the files ({@link #FILES}) and builds the context: {@link ExportModel#context()} plus what only Terraform reads
 * ({@link #context()}).
 *
 * <p>To add a file (say {@code thanos.tf} for storage: thanos-s3): write {@code templates/terraform/thanos.tf.peb},
 * add a row to {@link #FILES} with the context flag that selects it ({@code "storage.thanos"}), and add the values
 * it needs to the context (a flag in {@code storage}, a map in {@code tasks}...). Blocks the new component adds to
 * existing files (an IAM role, a security group, a sidecar container) go into those templates behind the same flag.
 */
final class TerraformFiles {
    static final String DIR = "terraform/monitoring/";
    static final String IMG_PROMETHEUS = "prom/prometheus:v2.55.1";
    static final String IMG_GRAFANA = "grafana/grafana:11.6.3";
    static final String IMG_EXPORTER = "prom/cloudwatch-exporter:v0.16.0";
    static final String IMG_ALERTMANAGER = "prom/alertmanager:v0.28.1";
    static final String IMG_LOADER = "public.ecr.aws/aws-cli/aws-cli:2.27.50";
    static final String IMG_BUSYBOX = "public.ecr.aws/docker/library/busybox:1.37.0";

    /** Directory the Prometheus configs read file_sd files from (written by the sync sidecar for ECS-API discovery). */
    static final String FILE_SD_DIR = "/etc/prometheus/file_sd/";
    /** Seconds between two runs of the Prometheus sync sidecar (config reload check, ECS-API discovery). */
    static final int SYNC_SECONDS = 60;
    /** Bytes a Standard SSM parameter holds; an Advanced one holds 8 KB. */
    static final int SSM_STANDARD_BYTES = 4096;
    static final int SSM_ADVANCED_BYTES = 8192;
    static final int AMP_MAX_RETENTION_DAYS = 1095;

    static final String EFS_WARNING = """
            WARNING: the Prometheus documentation does not support NFS file systems, AWS EFS included, for the
            TSDB (it needs POSIX locking and mmap semantics NFS does not give; corruption and data loss are reported
            in prometheus/prometheus issues 2805 and 5617). Prefer an EBS volume attached to the task (storage: ebs).""";

    /** Each file of terraform/monitoring/ (its template is NAME.peb) and the context flag that selects it (null: always). */
    static final List<String[]> FILES = List.of(
            new String[] {"versions.tf", null},
            new String[] {"main.tf", null},
            new String[] {"prometheus.tf", null},
            new String[] {"grafana.tf", null},
            new String[] {"cloudwatch-exporter.tf", null},
            new String[] {"alertmanager.tf", "alertmanager"},
            new String[] {"alb.tf", null},
            new String[] {"efs.tf", null},
            new String[] {"ebs.tf", "storage.ebs"},
            new String[] {"ephemeral-storage.tf", "storage.ephemeral"},
            new String[] {"amp-remote-write.tf", "storage.amp"},
            new String[] {"thanos.tf", "storage.thanos"},
            new String[] {"iam.tf", null},
            new String[] {"security-groups.tf", null},
            new String[] {"route53.tf", null},
            new String[] {"service-discovery.tf", null},
            new String[] {"backup.tf", null},
            new String[] {"variables.tf", null},
            new String[] {"outputs.tf", null},
            new String[] {"terraform.example.tfvars", null});

    private final ExportModel m;
    private final Map<String, String> configFiles;
    private Map<String, Object> context;

    /** @param configFiles every file under configs/ and dashboards/ of the export (uploaded to the config bucket) */
    TerraformFiles(ExportModel m, Map<String, String> configFiles) {
        this.m = m;
        this.configFiles = configFiles;
    }

    void addTo(Map<String, String> files) {
        String exporterNote = exporterConfigNote();
        if (exporterNote != null) {
            m.warnings.add(exporterNote);
        }
        if (m.backend == StorageBackend.AMP_REMOTE_WRITE
                && Math.ceil(m.w.retention().days() - 1e-9) > AMP_MAX_RETENTION_DAYS) {
            m.warnings.add("retention " + m.w.retention().text() + " is longer than the " + AMP_MAX_RETENTION_DAYS
                    + " days Amazon Managed Prometheus keeps: the workspace is set to " + AMP_MAX_RETENTION_DAYS + " days.");
        }
        for (String[] f : FILES) {
            if (f[1] == null || flag(context(), f[1])) {
                files.put(DIR + f[0], Templates.render("terraform/" + f[0] + ".peb", context()));
            }
        }
    }

    /** The boolean at a dotted path of the context ("storage.ebs"). */
    @SuppressWarnings("unchecked")
    private static boolean flag(Map<String, Object> context, String path) {
        Object v = context;
        for (String part : path.split("\\.")) {
            v = ((Map<String, Object>) v).get(part);
        }
        return Boolean.TRUE.equals(v);
    }

    /**
     * The model's context ({@link ExportModel#context()}) and what only Terraform reads: {@code images},
     * {@code scrapedServices} (Cloud Map name to scenario name), {@code configUploads} (file to content type),
     * {@code ecsApiDiscovery}, {@code syncSeconds}, {@code efsWarning}, {@code exporterConfig} (bytes, inBucket, apiAction:
     * the CloudWatch read API its role may call) and {@code amp} (retentionDays, storedGiB).
     */
    Map<String, Object> context() {
        if (context == null) {
            Map<String, Object> c = m.context();
            c.put("images", Map.of("prometheus", IMG_PROMETHEUS, "grafana", IMG_GRAFANA, "exporter", IMG_EXPORTER,
                    "alertmanager", IMG_ALERTMANAGER, "loader", IMG_LOADER, "busybox", IMG_BUSYBOX));
            Map<String, String> scraped = new LinkedHashMap<>();
            m.services.forEach(s -> scraped.put(s.slug(), s.name()));
            c.put("scrapedServices", scraped);
            Map<String, String> uploads = new LinkedHashMap<>();
            configFiles.keySet().forEach(p -> uploads.put(p, p.endsWith(".json") ? "application/json" : "application/yaml"));
            c.put("configUploads", uploads);
            c.put("ecsApiDiscovery", ecsApiDiscovery());
            c.put("syncSeconds", SYNC_SECONDS);
            c.put("efsWarning", EFS_WARNING);
            c.put("exporterConfig", Map.of("bytes", exporterConfigBytes(), "inBucket", exporterConfigInBucket(),
                    "apiAction", m.w.exporter().api().iamAction()));
            c.put("amp", Map.of("retentionDays", ampRetentionDays(),
                    "storedGiB", ExportModel.fmt(Math.round(m.storage.remoteStoredGiB() * 100) / 100.0)));
            context = c;
        }
        return context;
    }

    /**
     * True when every exported Prometheus config reads file_sd files from {@link #FILE_SD_DIR}: then the export offers
     * ECS-API discovery (var.service_discovery), which the sync sidecar serves. Without them it offers Cloud Map only.
     */
    boolean ecsApiDiscovery() {
        return m.shards.stream().allMatch(s -> configFiles.getOrDefault(s.configFile(), "").contains(FILE_SD_DIR));
    }

    /** Size of configs/cloudwatch-exporter.yml in bytes (UTF-8). */
    int exporterConfigBytes() {
        return configFiles.getOrDefault("configs/cloudwatch-exporter.yml", "").getBytes(StandardCharsets.UTF_8).length;
    }

    /** True when the exporter config is too big for any SSM parameter: it is then read from the config bucket. */
    boolean exporterConfigInBucket() {
        return exporterConfigBytes() > SSM_ADVANCED_BYTES;
    }

    /** What the export says about where the exporter config travels, or null when a Standard parameter holds it. */
    String exporterConfigNote() {
        int bytes = exporterConfigBytes();
        if (bytes <= SSM_STANDARD_BYTES) {
            return null;
        }
        if (bytes <= SSM_ADVANCED_BYTES) {
            return "configs/cloudwatch-exporter.yml is " + bytes + " bytes, more than the 4,096 a Standard SSM parameter holds: its parameter uses the "
                    + "Advanced tier (up to 8,192 bytes), which AWS bills per parameter-month and the cost lines do not include.";
        }
        return "configs/cloudwatch-exporter.yml is " + bytes + " bytes, more than the 8,192 even an Advanced SSM parameter holds: the exporter's "
                + "config loader reads it from the config bucket instead, and its task role may read that one object.";
    }

    /** AMP keeps 1 to 1,095 days; the priced retention, rounded up to whole days, within that range. */
    int ampRetentionDays() {
        return (int) Math.min(AMP_MAX_RETENTION_DAYS, Math.max(1, Math.ceil(m.w.retention().days() - 1e-9)));
    }
}
