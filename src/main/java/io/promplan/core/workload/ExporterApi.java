package io.promplan.core.workload;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CloudWatch API the CloudWatch Exporter calls. One value decides what the export configures
 * ({@code use_get_metric_data}), the IAM action its role allows, and how the bill prices its requests.
 */
public enum ExporterApi {
    /** {@code use_get_metric_data: true}: one billed metric per metric x statistic x dimension combination per scrape. */
    GET_METRIC_DATA("GetMetricData", "cloudwatch:GetMetricData"),
    /** cloudwatch_exporter's default: one GetMetricStatistics request per metric x dimension combination per scrape (all statistics in one). */
    GET_METRIC_STATISTICS("GetMetricStatistics", "cloudwatch:GetMetricStatistics");

    private final String apiName;
    private final String iamAction;

    ExporterApi(String apiName, String iamAction) {
        this.apiName = apiName;
        this.iamAction = iamAction;
    }

    /** The name as AWS writes it and the scenario file stores it. */
    public String apiName() {
        return apiName;
    }

    /** The IAM action the exporter's role must allow for this API. */
    public String iamAction() {
        return iamAction;
    }

    /** Whether cloudwatch_exporter's {@code use_get_metric_data} is true. */
    public boolean useGetMetricData() {
        return this == GET_METRIC_DATA;
    }

    public static Optional<ExporterApi> of(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName.equalsIgnoreCase(name)).findFirst();
    }

    public static String allowed() {
        return GET_METRIC_DATA.apiName + ", " + GET_METRIC_STATISTICS.apiName;
    }
}
