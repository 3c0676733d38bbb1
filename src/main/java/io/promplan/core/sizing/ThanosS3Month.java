package io.promplan.core.sizing;

/**
 * The S3 Standard storage of one month (1 = the first month after Thanos starts uploading): the average GB stored over the
 * month, which is what S3 bills (GB = 2^30 bytes, as AWS counts), split by resolution.
 */
public record ThanosS3Month(int month, double rawGiB, double fiveMinuteGiB, double oneHourGiB) {
    public double totalGiB() {
        return rawGiB + fiveMinuteGiB + oneHourGiB;
    }
}
