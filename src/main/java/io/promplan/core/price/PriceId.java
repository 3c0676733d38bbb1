package io.promplan.core.price;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Every unit price the cost model uses, with its AWS Price List key: service code, product family,
 * the usage-type ending (a region prefix such as {@code APN2-} may stand before it) and attributes
 * that tell apart SKUs sharing a usage type. The unit is normalised.
 */
public enum PriceId {
    FARGATE_VCPU_X86("fargate.vcpu.x86", "AmazonECS", "Compute", "Fargate-vCPU-Hours:perCPU", Map.of(), "vCPU-hour", "Fargate Linux/x86 vCPU"),
    FARGATE_MEMORY_X86("fargate.memory.x86", "AmazonECS", "Compute", "Fargate-GB-Hours", Map.of(), "GB-hour", "Fargate Linux/x86 memory"),
    FARGATE_VCPU_ARM("fargate.vcpu.arm64", "AmazonECS", "Compute", "Fargate-ARM-vCPU-Hours:perCPU", Map.of(), "vCPU-hour", "Fargate Linux/ARM vCPU"),
    FARGATE_MEMORY_ARM("fargate.memory.arm64", "AmazonECS", "Compute", "Fargate-ARM-GB-Hours", Map.of(), "GB-hour", "Fargate Linux/ARM memory"),
    FARGATE_EPHEMERAL("fargate.ephemeral", "AmazonECS", "Compute", "Fargate-EphemeralStorage-GB-Hours", Map.of(), "GB-hour", "Fargate ephemeral storage above the 20 GB included"),
    ALB_HOUR("alb.hour", "AWSELB", "Load Balancer-Application", "LoadBalancerUsage", Map.of(), "hour", "Application Load Balancer hour"),
    ALB_LCU("alb.lcu", "AWSELB", "Load Balancer-Application", "LCUUsage", Map.of(), "LCU-hour", "Application Load Balancer LCU-hour"),
    EFS_STANDARD("efs.standard", "AmazonEFS", "Storage", "TimedStorage-ByteHrs", Map.of("storageClass", "General Purpose"), "GB-month", "EFS Standard storage"),
    EFS_ONE_ZONE("efs.onezone", "AmazonEFS", "Storage", "TimedStorage-Z-ByteHrs", Map.of("storageClass", "One Zone-General Purpose"), "GB-month", "EFS One Zone storage"),
    EFS_IA("efs.ia", "AmazonEFS", "Storage", "IATimedStorage-ByteHrs", Map.of("storageClass", "Infrequent Access"), "GB-month", "EFS Infrequent Access (Bursting/Provisioned)"),
    EFS_IA_ET("efs.ia.elastic", "AmazonEFS", "Storage", "IATimedStorage-ET-ByteHrs", Map.of("storageClass", "Infrequent Access-ET"), "GB-month", "EFS Infrequent Access (Elastic throughput)"),
    EFS_ARCHIVE("efs.archive", "AmazonEFS", "Storage", "ArchiveTimedStorage-ByteHrs", Map.of("storageClass", "Archive"), "GB-month", "EFS Archive storage"),
    EFS_IA_ACCESS("efs.ia.access", "AmazonEFS", "Storage", "IADataAccess-Bytes", Map.of("accessType", "Read"), "GB", "EFS Infrequent Access reads (writes are a SKU of their own)"),
    EFS_ELASTIC_READ("efs.elastic.read", "AmazonEFS", "Storage", "ETDataAccess-Bytes", Map.of("accessType", "Read"), "GB", "EFS Elastic throughput reads"),
    EFS_ELASTIC_WRITE("efs.elastic.write", "AmazonEFS", "Storage", "ETDataAccess-Bytes", Map.of("accessType", "Write"), "GB", "EFS Elastic throughput writes"),
    EBS_GP3("ebs.gp3", "AmazonEC2", "Storage", "EBS:VolumeUsage.gp3", Map.of("volumeApiName", "gp3"), "GB-month", "EBS gp3 volume storage"),
    EBS_SNAPSHOT("ebs.snapshot", "AmazonEC2", "Storage Snapshot", "EBS:SnapshotUsage", Map.of(), "GB-month", "EBS snapshot storage (AWS Backup of an EBS volume)"),
    CW_DASHBOARD("cloudwatch.dashboard", "AmazonCloudWatch", "Dashboard", "DashboardsUsageHour", Map.of(), "dashboard-month", "CloudWatch dashboard"),
    CW_METRIC("cloudwatch.metric", "AmazonCloudWatch", "Metric", "CW:MetricMonitorUsage", Map.of(), "metric-month", "CloudWatch custom metric (tiered)"),
    CW_ALARM("cloudwatch.alarm", "AmazonCloudWatch", "Alarm", "CW:AlarmMonitorUsage", Map.of(), "alarm-metric-month", "CloudWatch standard-resolution alarm metric"),
    CW_ALARM_HIGHRES("cloudwatch.alarm.highres", "AmazonCloudWatch", "Alarm", "CW:HighResAlarmMonitorUsage", Map.of(), "alarm-metric-month", "CloudWatch high-resolution alarm metric"),
    CW_LOGS_INGEST("cloudwatch.logs.ingest", "AmazonCloudWatch", "Data Payload", "DataProcessing-Bytes", Map.of(), "GB", "CloudWatch Logs ingestion (Standard class)"),
    CW_LOGS_STORAGE("cloudwatch.logs.storage", "AmazonCloudWatch", "Storage Snapshot", "TimedStorage-ByteHrs", Map.of(), "GB-month", "CloudWatch Logs storage"),
    CW_LOGS_INSIGHTS("cloudwatch.logs.insights", "AmazonCloudWatch", "Data Payload", "DataScanned-Bytes", Map.of(), "GB", "CloudWatch Logs Insights data scanned"),
    CW_GET_METRIC_DATA("cloudwatch.getmetricdata", "AmazonCloudWatch", "API Request", "CW:GMD-Metrics", Map.of(), "1000 metrics", "CloudWatch GetMetricData, per 1,000 metrics requested"),
    DATA_TRANSFER_OUT("datatransfer.out", "AWSDataTransfer", "Data Transfer", "DataTransfer-Out-Bytes", Map.of("transferType", "AWS Outbound"), "GB", "Data transfer out to the internet (first 10 TB)"),
    BACKUP_EFS_WARM("backup.efs.warm", "AWSBackup", "Storage", "WarmStorage-ByteHrs-EFS", Map.of(), "GB-month", "AWS Backup EFS warm storage"),
    AMP_SAMPLES("amp.samples", "AmazonPrometheus", "Metric Sample", "AMP:MetricSampleCount", Map.of(), "10M samples", "Managed Prometheus samples ingested (tiered, first 40M free)"),
    AMP_STORAGE("amp.storage", "AmazonPrometheus", "Metric Storage", "AMP:MetricStorageByteHrs", Map.of(), "GB-month", "Managed Prometheus storage"),
    AMP_QUERY("amp.query", "AmazonPrometheus", "Query Samples", "AMP:QuerySamplesProcessed", Map.of(), "1B samples", "Managed Prometheus query samples processed"),
    AMG_EDITOR("amg.editor", "AmazonGrafana", "Grafana", "Grafana:EditorUser", Map.of(), "user-month", "Managed Grafana editor/admin licence"),
    AMG_VIEWER("amg.viewer", "AmazonGrafana", "Grafana", "Grafana:ViewerUser", Map.of(), "user-month", "Managed Grafana viewer licence"),
    CW_API_REQUESTS("cloudwatch.api.requests", "AmazonCloudWatch", "API Request", "CW:Requests", Map.of(), "1000 requests", "CloudWatch API requests (GetMetricStatistics, ListMetrics, ...), per 1,000 requests"),
    VPC_PUBLIC_IPV4("vpc.public-ipv4", "AmazonVPC", "VpcPublicIPv4Address", "PublicIPv4:InUseAddress", Map.of(), "hour", "Public IPv4 address in use, per address-hour"),
    NAT_HOUR("nat.hour", "AmazonEC2", "NAT Gateway", "NatGateway-Hours", Map.of(), "hour", "NAT gateway hour"),
    NAT_GB("nat.gb", "AmazonEC2", "NAT Gateway", "NatGateway-Bytes", Map.of(), "GB", "NAT gateway data processed"),
    VPC_ENDPOINT_HOUR("vpc.endpoint.hour", "AmazonVPC", "VpcEndpoint", "VpcEndpoint-Hours", Map.of(), "hour", "VPC interface endpoint, per endpoint and AZ-hour"),
    VPC_ENDPOINT_GB("vpc.endpoint.gb", "AmazonVPC", "VpcEndpoint", "VpcEndpoint-Bytes", Map.of(), "GB", "VPC interface endpoint data processed"),
    ROUTE53_HOSTED_ZONE("route53.hostedzone", "AmazonRoute53", "DNS Zone", "HostedZone", Map.of(), "zone-month", "Route 53 hosted zone (the first 25), per zone-month"),
    CLOUDMAP_RESOURCE("cloudmap.resource", "AWSCloudMap", "Cloud Map", "RegisteredResource", Map.of(), "resource-month", "AWS Cloud Map registered resource (service instance), per resource-month"),
    SECRETS_MANAGER_SECRET("secretsmanager.secret", "AWSSecretsManager", "Secret", "AWSSecretsManager-Secrets", Map.of(), "secret-month", "Secrets Manager secret, per secret-month"),
    S3_STANDARD("s3.standard", "AmazonS3", "Storage", "TimedStorage-ByteHrs", Map.of("volumeType", "Standard"), "GB-month", "S3 Standard storage (first 50 TB)"),
    S3_STANDARD_TIERED("s3.standard.tiered", "AmazonS3", "Storage", "TimedStorage-ByteHrs", Map.of("volumeType", "Standard"), "GB-month", "S3 Standard storage, every tier (first 50 TB, next 450 TB, over 500 TB)"),
    S3_REQUESTS_TIER1("s3.requests.tier1", "AmazonS3", "API Request", "Requests-Tier1", Map.of("group", "S3-API-Tier1"), "1000 requests", "S3 Standard PUT, COPY, POST and LIST requests, per 1,000"),
    S3_REQUESTS_TIER2("s3.requests.tier2", "AmazonS3", "API Request", "Requests-Tier2", Map.of("group", "S3-API-Tier2"), "1000 requests", "S3 Standard GET, SELECT and all other requests, per 1,000");

    private final String id;
    private final String serviceCode;
    private final String productFamily;
    private final String usageTypeSuffix;
    private final Map<String, String> attributes;
    private final String unit;
    private final String description;

    PriceId(String id, String serviceCode, String productFamily, String usageTypeSuffix,
            Map<String, String> attributes, String unit, String description) {
        this.id = id;
        this.serviceCode = serviceCode;
        this.productFamily = productFamily;
        this.usageTypeSuffix = usageTypeSuffix;
        this.attributes = attributes;
        this.unit = unit;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String serviceCode() {
        return serviceCode;
    }

    public String productFamily() {
        return productFamily;
    }

    public String usageTypeSuffix() {
        return usageTypeSuffix;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** The key as one line: {@code AmazonECS/Compute/*Fargate-GB-Hours}. */
    public String keyText() {
        StringBuilder sb = new StringBuilder(serviceCode).append('/').append(productFamily).append("/*").append(usageTypeSuffix);
        attributes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(" [").append(e.getKey()).append('=').append(e.getValue()).append(']'));
        return sb.toString();
    }

    public static Optional<PriceId> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
