package io.promplan.core.workload;

import java.util.Arrays;
import java.util.Optional;

/** Where Prometheus keeps its TSDB. */
public enum StorageBackend {
    /** Amazon EFS (NFS): the seed plan's choice; not supported by Prometheus for its TSDB. */
    EFS("efs"),
    /** An EBS gp3 volume attached to the Fargate task. */
    EBS("ebs"),
    /** Fargate ephemeral storage (up to 200 GiB, lost when the task stops). */
    EPHEMERAL("ephemeral"),
    /** A short local retention on ephemeral storage, remote_write to Amazon Managed Service for Prometheus. */
    AMP_REMOTE_WRITE("amp-remote-write"),
    /** Thanos on S3: a short local TSDB (ephemeral or EBS) beside a sidecar that uploads every 2-hour block to an S3 bucket. */
    THANOS_S3("thanos-s3");

    private final String key;

    StorageBackend(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<StorageBackend> parse(String s) {
        return Arrays.stream(values()).filter(a -> a.key.equalsIgnoreCase(s == null ? "" : s.trim())).findFirst();
    }

    public static String allowed() {
        return "efs | ebs | ephemeral | amp-remote-write | thanos-s3";
    }
}
