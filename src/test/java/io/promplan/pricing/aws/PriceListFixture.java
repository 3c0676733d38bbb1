package io.promplan.pricing.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promplan.core.price.PriceId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Realistic AWS Price List items (the shape of shared/reference/getproducts-AmazonECS-us-east-1-2022-11-21.json) for
 * us-east-1 and ap-northeast-2: one item per price the model uses, with the units the price list writes (hours, GB-Mo,
 * LCU-Hrs, Samples, Metrics...) and tiers, plus the distractors a loose match would take: Fargate Spot and Windows, ECS
 * Anywhere, NLB/GWLB/Classic load balancers under the same usage types, both EFS Infrequent Access SKUs (same
 * storageClass), One Zone IA, CloudWatch high-resolution and composite alarms, Logs Infrequent Access ingestion,
 * inter-region data transfer, S3 request and storage SKUs of other storage classes. AmazonPrometheus serves nothing in ap-northeast-2 here, to stand for a service not
 * offered in a region. Test data only: never shipped.
 */
public final class PriceListFixture {
    public static final String PUBLICATION = "2026-11-20T18:21:30Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One price dimension as listed: unit, range and price as the list writes them. */
    public record Dim(String unit, String begin, String end, String usd) {
        static Dim flat(String unit, String usd) {
            return new Dim(unit, "0", "Inf", usd);
        }
    }

    /** One item: SKU, service, family, usage type, extra attributes, dimensions. */
    public record Item(String sku, String serviceCode, String family, String region, String usageType, Map<String, String> attrs,
                       List<Dim> dims) {
        public String json() {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode product = root.putObject("product");
            product.put("productFamily", family);
            ObjectNode a = product.putObject("attributes");
            a.put(serviceCode.equals("AWSDataTransfer") ? "fromRegionCode" : "regionCode", region);
            a.put("servicecode", serviceCode);
            a.put("usagetype", usageType);
            a.put("locationType", "AWS Region");
            a.put("location", region.equals("us-east-1") ? "US East (N. Virginia)" : "Asia Pacific (Seoul)");
            a.put("operation", "");
            attrs.forEach(a::put);
            product.put("sku", sku);
            root.put("serviceCode", serviceCode);
            ObjectNode terms = root.putObject("terms");
            ObjectNode od = terms.putObject("OnDemand");
            String term = sku + ".JRTCKXETXF";
            ObjectNode t = od.putObject(term);
            ObjectNode pd = t.putObject("priceDimensions");
            int i = 0;
            for (Dim d : dims) {
                String rate = term + ".R" + (i++);
                ObjectNode dn = pd.putObject(rate);
                dn.put("unit", d.unit());
                dn.put("endRange", d.end());
                dn.put("description", "$" + d.usd() + " per " + d.unit() + " " + usageType);
                dn.putArray("appliesTo");
                dn.put("rateCode", rate);
                dn.put("beginRange", d.begin());
                dn.putObject("pricePerUnit").put("USD", d.usd());
            }
            t.put("sku", sku);
            t.put("effectiveDate", "2026-11-01T00:00:00Z");
            t.put("offerTermCode", "JRTCKXETXF");
            t.putObject("termAttributes");
            // a Reserved term the importer and refresher must ignore
            if (serviceCode.equals("AmazonECS")) {
                terms.putObject("Reserved").putObject(sku + ".4NA7Y494T4").put("sku", sku);
            }
            root.put("version", "20261120182130");
            root.put("publicationDate", PUBLICATION);
            return root.toString();
        }
    }

    private static int skuSeq;

    private static String sku(String region, String hint) {
        String base = (region.equals("us-east-1") ? "E" : "K") + hint.replaceAll("[^A-Za-z0-9]", "").toUpperCase();
        return (base + "0000000000000000").substring(0, 12) + String.format("%04d", ++skuSeq);
    }

    /** The prices a refresh of this fixture must produce: region -> id -> [from, to, usd] tiers in Promplan units. */
    public static Map<String, Map<PriceId, List<String[]>>> expected() {
        Map<String, Map<PriceId, List<String[]>>> out = new TreeMap<>();
        for (String r : List.of("us-east-1", "ap-northeast-2")) {
            Map<PriceId, List<String[]>> m = new EnumMap<>(PriceId.class);
            for (Item it : items(r)) {
                for (PriceId id : ID_OF.getOrDefault(it.sku(), List.of())) {
                    m.put(id, EXPECTED.get(it.sku()));
                }
            }
            out.put(r, m);
        }
        return out;
    }

    private static final Map<String, List<PriceId>> ID_OF = new LinkedHashMap<>();
    private static final Map<String, List<String[]>> EXPECTED = new LinkedHashMap<>();
    private static final Map<String, List<Item>> BY_REGION = new LinkedHashMap<>();

    static {
        BY_REGION.put("us-east-1", build("us-east-1"));
        BY_REGION.put("ap-northeast-2", build("ap-northeast-2"));
    }

    public static List<Item> items(String region) {
        return BY_REGION.getOrDefault(region, List.of());
    }

    public static List<Item> all() {
        List<Item> out = new ArrayList<>();
        BY_REGION.values().forEach(out::addAll);
        return out;
    }

    /** Items of one service, all regions, as GetProducts strings. */
    public static Map<String, List<String>> byService() {
        Map<String, List<String>> out = new TreeMap<>();
        for (Item it : all()) {
            out.computeIfAbsent(it.serviceCode(), k -> new ArrayList<>()).add(it.json());
        }
        return out;
    }

    private static List<Item> build(String r) {
        boolean use1 = r.equals("us-east-1");
        String p = use1 ? "" : "APN2-";
        String ecs = use1 ? "USE1-" : "APN2-";
        List<Item> l = new ArrayList<>();
        // Fargate (AmazonECS / Compute)
        price(l, PriceId.FARGATE_VCPU_X86, r, ecs + "Fargate-vCPU-Hours:perCPU", Map.of("cputype", "perCPU", "tenancy", "Shared"),
                Dim.flat("hours", use1 ? "0.0404800000" : "0.0465600000"), "0", null, use1 ? "0.04048" : "0.04656");
        price(l, PriceId.FARGATE_MEMORY_X86, r, ecs + "Fargate-GB-Hours", Map.of("memorytype", "perGB", "tenancy", "Shared"),
                Dim.flat("GB-Hours", use1 ? "0.0044450000" : "0.0051100000"), "0", null, use1 ? "0.004445" : "0.00511");
        price(l, PriceId.FARGATE_VCPU_ARM, r, ecs + "Fargate-ARM-vCPU-Hours:perCPU", Map.of("cpuArchitecture", "ARM"),
                Dim.flat("hours", use1 ? "0.0323800000" : "0.0372500000"), "0", null, use1 ? "0.03238" : "0.03725");
        price(l, PriceId.FARGATE_MEMORY_ARM, r, ecs + "Fargate-ARM-GB-Hours", Map.of("cpuArchitecture", "ARM"),
                Dim.flat("GB-Hours", use1 ? "0.0035600000" : "0.0040900000"), "0", null, use1 ? "0.00356" : "0.00409");
        price(l, PriceId.FARGATE_EPHEMERAL, r, ecs + "Fargate-EphemeralStorage-GB-Hours", Map.of("storagetype", "default"),
                Dim.flat("GB-Hours", use1 ? "0.0001110000" : "0.0001290000"), "0", null, use1 ? "0.000111" : "0.000129");
        distract(l, r, "AmazonECS", "Compute", ecs + "SpotUsage:Fargate-vCPU-Hours:perCPU", Map.of(), Dim.flat("hours", "0.0121440000"));
        distract(l, r, "AmazonECS", "Compute", ecs + "SpotUsage:Fargate-GB-Hours", Map.of(), Dim.flat("GB-Hours", "0.0013335000"));
        distract(l, r, "AmazonECS", "Compute", ecs + "Fargate-Windows-vCPU-Hours:perCPU", Map.of("operatingSystem", "Windows"),
                Dim.flat("hours", "0.0465520000"));
        distract(l, r, "AmazonECS", "Compute", ecs + "Fargate-Windows-GB-Hours", Map.of("operatingSystem", "Windows"),
                Dim.flat("GB-Hours", "0.0051117500"));
        distract(l, r, "AmazonECS", "Compute", ecs + "Fargate-Windows-OS-Hours:perCPU", Map.of("operatingSystem", "Windows"),
                Dim.flat("hours", "0.0460000000"));
        distract(l, r, "AmazonECS", "Compute", ecs + "ECS-Anywhere-Instance-hours", Map.of(), Dim.flat("Hours", "0.0100000000"));
        distract(l, r, "AmazonECS", "Compute Metering", ecs + "ECS-EC2-vCPU-Hours", Map.of(), Dim.flat("hours", "0.0000000000"));
        // Load balancers (AWSELB): only the Application family is the ALB
        price(l, PriceId.ALB_HOUR, r, p + "LoadBalancerUsage", Map.of("operation", "LoadBalancing:Application"),
                Dim.flat("Hrs", "0.0225000000"), "0", null, "0.0225");
        price(l, PriceId.ALB_LCU, r, p + "LCUUsage", Map.of("operation", "LoadBalancing:Application"),
                Dim.flat("LCU-Hrs", "0.0080000000"), "0", null, "0.008");
        distract(l, r, "AWSELB", "Load Balancer-Network", p + "LoadBalancerUsage", Map.of("operation", "LoadBalancing:Network"),
                Dim.flat("Hrs", "0.0225000000"));
        distract(l, r, "AWSELB", "Load Balancer-Network", p + "LCUUsage", Map.of("operation", "LoadBalancing:Network"),
                Dim.flat("LCU-Hrs", "0.0060000000"));
        distract(l, r, "AWSELB", "Load Balancer-Gateway", p + "LoadBalancerUsage", Map.of("operation", "LoadBalancing:Gateway"),
                Dim.flat("Hrs", "0.0125000000"));
        distract(l, r, "AWSELB", "Load Balancer", p + "LoadBalancerUsage", Map.of("operation", "LoadBalancing"),
                Dim.flat("Hrs", "0.0250000000"));
        // EFS
        price(l, PriceId.EFS_STANDARD, r, p + "TimedStorage-ByteHrs", Map.of("storageClass", "General Purpose"),
                Dim.flat("GB-Mo", use1 ? "0.3000000000" : "0.3300000000"), "0", null, use1 ? "0.3" : "0.33");
        price(l, PriceId.EFS_ONE_ZONE, r, p + "TimedStorage-Z-ByteHrs", Map.of("storageClass", "One Zone-General Purpose"),
                Dim.flat("GB-Mo", use1 ? "0.1600000000" : "0.1760000000"), "0", null, use1 ? "0.16" : "0.176");
        price(l, PriceId.EFS_IA, r, p + "IATimedStorage-ByteHrs", Map.of("storageClass", "Infrequent Access"),
                Dim.flat("GB-Mo", use1 ? "0.0250000000" : "0.0272000000"), "0", null, use1 ? "0.025" : "0.0272");
        price(l, PriceId.EFS_IA_ET, r, p + "IATimedStorage-ET-ByteHrs", Map.of("storageClass", "Infrequent Access-ET"),
                Dim.flat("GB-Mo", use1 ? "0.0160000000" : "0.0176000000"), "0", null, use1 ? "0.016" : "0.0176");
        price(l, PriceId.EFS_ARCHIVE, r, p + "ArchiveTimedStorage-ByteHrs", Map.of("storageClass", "Archive"),
                Dim.flat("GB-Mo", use1 ? "0.0080000000" : "0.0088000000"), "0", null, use1 ? "0.008" : "0.0088");
        price(l, PriceId.EFS_IA_ACCESS, r, p + "IADataAccess-Bytes", Map.of("storageClass", "Infrequent Access", "accessType", "Read"),
                Dim.flat("GB", use1 ? "0.0100000000" : "0.0110000000"), "0", null, use1 ? "0.01" : "0.011");
        // the IA writes (transitions into IA) are a SKU of their own, with the same usage type as the reads
        distract(l, r, "AmazonEFS", "Storage", p + "IADataAccess-Bytes", Map.of("storageClass", "Infrequent Access", "accessType", "Write"),
                Dim.flat("GB", use1 ? "0.0100000000" : "0.0110000000"));
        price(l, PriceId.EFS_ELASTIC_READ, r, p + "ETDataAccess-Bytes", Map.of("accessType", "Read"),
                Dim.flat("GB", use1 ? "0.0300000000" : "0.0330000000"), "0", null, use1 ? "0.03" : "0.033");
        price(l, PriceId.EFS_ELASTIC_WRITE, r, p + "ETDataAccess-Bytes", Map.of("accessType", "Write"),
                Dim.flat("GB", use1 ? "0.0600000000" : "0.0660000000"), "0", null, use1 ? "0.06" : "0.066");
        distract(l, r, "AmazonEFS", "Storage", p + "IATimedStorage-Z-ByteHrs", Map.of("storageClass", "One Zone-Infrequent Access"),
                Dim.flat("GB-Mo", "0.0133000000"));
        distract(l, r, "AmazonEFS", "Provisioned Throughput", p + "ProvisionedTP-MiBpsHrs", Map.of(), Dim.flat("MiBps-Mo", "6.0000000000"));
        // EBS (AmazonEC2)
        price(l, PriceId.EBS_GP3, r, p + "EBS:VolumeUsage.gp3", Map.of("volumeApiName", "gp3"),
                Dim.flat("GB-Mo", use1 ? "0.0800000000" : "0.0912000000"), "0", null, use1 ? "0.08" : "0.0912");
        distract(l, r, "AmazonEC2", "Storage", p + "EBS:VolumeUsage.gp2", Map.of("volumeApiName", "gp2"), Dim.flat("GB-Mo", "0.1000000000"));
        price(l, PriceId.EBS_SNAPSHOT, r, p + "EBS:SnapshotUsage", Map.of(), Dim.flat("GB-Mo", "0.0500000000"), "0", null, "0.05");
        distract(l, r, "AmazonEC2", "Storage Snapshot", p + "EBS:SnapshotArchiveStorage", Map.of(), Dim.flat("GB-Mo", "0.0125000000"));
        // CloudWatch
        price(l, PriceId.CW_DASHBOARD, r, p + "DashboardsUsageHour", Map.of(), Dim.flat("Dashboards", "3.0000000000"), "0", null, "3");
        priceTiered(l, PriceId.CW_METRIC, r, p + "CW:MetricMonitorUsage", Map.of(), List.of(
                        new Dim("Metrics", "250000", "1000000", "0.0500000000"), new Dim("Metrics", "0", "10000", "0.3000000000"),
                        new Dim("Metrics", "1000000", "Inf", "0.0200000000"), new Dim("Metrics", "10000", "250000", "0.1000000000")),
                List.of(new String[] {"0", "10000", "0.3"}, new String[] {"10000", "250000", "0.1"}, new String[] {"250000", "1000000", "0.05"},
                        new String[] {"1000000", null, "0.02"}));
        price(l, PriceId.CW_ALARM, r, p + "CW:AlarmMonitorUsage", Map.of(), Dim.flat("Alarms", "0.1000000000"), "0", null, "0.1");
        price(l, PriceId.CW_ALARM_HIGHRES, r, p + "CW:HighResAlarmMonitorUsage", Map.of(), Dim.flat("Alarms", "0.3000000000"), "0", null, "0.3");
        distract(l, r, "AmazonCloudWatch", "Alarm", p + "CW:CompositeAlarmMonitorUsage", Map.of(), Dim.flat("Alarms", "0.5000000000"));
        price(l, PriceId.CW_LOGS_INGEST, r, p + "DataProcessing-Bytes", Map.of(), Dim.flat("GB", use1 ? "0.5000000000" : "0.7600000000"),
                "0", null, use1 ? "0.5" : "0.76");
        distract(l, r, "AmazonCloudWatch", "Data Payload", p + "DataProcessingIA-Bytes", Map.of(), Dim.flat("GB", use1 ? "0.25" : "0.38"));
        distract(l, r, "AmazonCloudWatch", "Data Payload", p + "VendedLog-Bytes", Map.of(), Dim.flat("GB", "0.5000000000"));
        price(l, PriceId.CW_LOGS_STORAGE, r, p + "TimedStorage-ByteHrs", Map.of(), Dim.flat("GB-Mo", use1 ? "0.0300000000" : "0.0314000000"),
                "0", null, use1 ? "0.03" : "0.0314");
        price(l, PriceId.CW_LOGS_INSIGHTS, r, p + "DataScanned-Bytes", Map.of(), Dim.flat("GB", "0.0050000000"), "0", null, "0.005");
        price(l, PriceId.CW_GET_METRIC_DATA, r, p + "CW:GMD-Metrics", Map.of(), Dim.flat("Metrics", "0.0000100000"), "0", null, "0.01");
        price(l, PriceId.CW_API_REQUESTS, r, p + "CW:Requests", Map.of(), Dim.flat("Requests", "0.0000100000"), "0", null, "0.01");
        // VPC, NAT gateway, Route 53, Cloud Map, Secrets Manager, S3: the network and housekeeping lines of a real bill
        String nat = use1 ? "0.0450000000" : "0.0590000000";
        price(l, PriceId.VPC_PUBLIC_IPV4, r, p + "PublicIPv4:InUseAddress", Map.of(), Dim.flat("Hrs", "0.0050000000"), "0", null, "0.005");
        distract(l, r, "AmazonVPC", "VpcPublicIPv4Address", p + "PublicIPv4:IdleAddress", Map.of(), Dim.flat("Hrs", "0.0050000000"));
        price(l, PriceId.NAT_HOUR, r, p + "NatGateway-Hours", Map.of(), Dim.flat("Hrs", nat), "0", null, use1 ? "0.045" : "0.059");
        price(l, PriceId.NAT_GB, r, p + "NatGateway-Bytes", Map.of(), Dim.flat("GB", nat), "0", null, use1 ? "0.045" : "0.059");
        price(l, PriceId.VPC_ENDPOINT_HOUR, r, p + "VpcEndpoint-Hours", Map.of(), Dim.flat("Hrs", "0.0100000000"), "0", null, "0.01");
        price(l, PriceId.VPC_ENDPOINT_GB, r, p + "VpcEndpoint-Bytes", Map.of(), Dim.flat("GB", "0.0100000000"), "0", null, "0.01");
        price(l, PriceId.ROUTE53_HOSTED_ZONE, r, "HostedZone", Map.of(), Dim.flat("HostedZone", "0.5000000000"), "0", null, "0.5");
        price(l, PriceId.CLOUDMAP_RESOURCE, r, p + "RegisteredResource", Map.of(), Dim.flat("Resource", "0.1000000000"), "0", null, "0.1");
        price(l, PriceId.SECRETS_MANAGER_SECRET, r, p + "AWSSecretsManager-Secrets", Map.of(), Dim.flat("Secrets", "0.4000000000"), "0", null, "0.4");
        // S3 Standard storage is one tiered SKU (first 50 TB, next 450 TB, over 500 TB): both s3.standard and s3.standard.tiered read it
        priceTiered(l, List.of(PriceId.S3_STANDARD, PriceId.S3_STANDARD_TIERED), r, p + "TimedStorage-ByteHrs",
                Map.of("volumeType", "Standard", "storageClass", "General Purpose"), List.of(
                        new Dim("GB-Mo", "51200", "512000", use1 ? "0.0220000000" : "0.0240000000"),
                        new Dim("GB-Mo", "0", "51200", use1 ? "0.0230000000" : "0.0250000000"),
                        new Dim("GB-Mo", "512000", "Inf", use1 ? "0.0210000000" : "0.0230000000")),
                List.of(new String[] {"0", "51200", use1 ? "0.023" : "0.025"}, new String[] {"51200", "512000", use1 ? "0.022" : "0.024"},
                        new String[] {"512000", null, use1 ? "0.021" : "0.023"}));
        distract(l, r, "AmazonS3", "Storage", p + "TimedStorage-INT-FA-ByteHrs", Map.of("volumeType", "Intelligent-Tiering Frequent Access"),
                Dim.flat("GB-Mo", "0.0230000000"));
        distract(l, r, "AmazonS3", "Storage", p + "TimedStorage-SIA-ByteHrs", Map.of("volumeType", "Standard - Infrequent Access",
                "storageClass", "Infrequent Access"), Dim.flat("GB-Mo", "0.0125000000"));
        // S3 requests: the list writes the price per request ("Requests"); Promplan prices per 1,000
        price(l, PriceId.S3_REQUESTS_TIER1, r, p + "Requests-Tier1", Map.of("group", "S3-API-Tier1", "groupDescription", "PUT/COPY/POST or LIST requests"),
                Dim.flat("Requests", use1 ? "0.0000050000" : "0.0000045000"), "0", null, use1 ? "0.005" : "0.0045");
        price(l, PriceId.S3_REQUESTS_TIER2, r, p + "Requests-Tier2", Map.of("group", "S3-API-Tier2", "groupDescription", "GET and all other requests"),
                Dim.flat("Requests", use1 ? "0.0000004000" : "0.0000003500"), "0", null, use1 ? "0.0004" : "0.00035");
        distract(l, r, "AmazonS3", "API Request", p + "Requests-SIA-Tier1", Map.of("group", "S3-API-SIA-Tier1"), Dim.flat("Requests", "0.0000100000"));
        distract(l, r, "AmazonS3", "API Request", p + "Requests-INT-Tier1", Map.of("group", "S3-API-INT-Tier1"), Dim.flat("Requests", "0.0000050000"));
        distract(l, r, "AmazonS3", "API Request", p + "Requests-GDA-Tier2", Map.of("group", "S3-API-GDA-Tier2"), Dim.flat("Requests", "0.0000004000"));
        // Data transfer: out to the internet (tiered), and what is not it
        String dt = use1 ? "" : "APN2-";
        priceTiered(l, PriceId.DATA_TRANSFER_OUT, r, dt + "DataTransfer-Out-Bytes", Map.of("transferType", "AWS Outbound", "toLocation", "External"),
                List.of(new Dim("GB", "0", "10240", use1 ? "0.0900000000" : "0.1260000000"),
                        new Dim("GB", "10240", "51200", use1 ? "0.0850000000" : "0.1220000000"),
                        new Dim("GB", "51200", "153600", use1 ? "0.0700000000" : "0.1170000000"),
                        new Dim("GB", "153600", "Inf", use1 ? "0.0500000000" : "0.1080000000")),
                use1 ? List.of(new String[] {"0", "10240", "0.09"}, new String[] {"10240", "51200", "0.085"}, new String[] {"51200", "153600", "0.07"},
                        new String[] {"153600", null, "0.05"})
                        : List.of(new String[] {"0", "10240", "0.126"}, new String[] {"10240", "51200", "0.122"},
                        new String[] {"51200", "153600", "0.117"}, new String[] {"153600", null, "0.108"}));
        distract(l, r, "AWSDataTransfer", "Data Transfer", dt + "DataTransfer-In-Bytes", Map.of("transferType", "AWS Inbound"),
                Dim.flat("GB", "0.0000000000"));
        distract(l, r, "AWSDataTransfer", "Data Transfer", (use1 ? "USE1-APN2" : "APN2-USE1") + "-AWS-Out-Bytes",
                Map.of("transferType", "InterRegion Outbound"), Dim.flat("GB", "0.0200000000"));
        distract(l, r, "AWSDataTransfer", "Data Transfer", (use1 ? "USE1" : "APN2") + "-DataTransfer-Regional-Bytes",
                Map.of("transferType", "IntraRegion"), Dim.flat("GB", "0.0100000000"));
        // AWS Backup
        price(l, PriceId.BACKUP_EFS_WARM, r, p + "WarmStorage-ByteHrs-EFS", Map.of(), Dim.flat("GB-Mo", "0.0500000000"), "0", null, "0.05");
        distract(l, r, "AWSBackup", "Storage", p + "ColdStorage-ByteHrs-EFS", Map.of(), Dim.flat("GB-Mo", "0.0100000000"));
        // Managed Prometheus: not in ap-northeast-2 in this fixture
        if (use1) {
            priceTiered(l, PriceId.AMP_SAMPLES, r, "AMP:MetricSampleCount", Map.of(), List.of(
                            new Dim("Samples", "0", "40000000", "0.0000000000"),
                            new Dim("Samples", "40000000", "2000000000", "0.0000000900"),
                            new Dim("Samples", "2000000000", "252000000000", "0.0000000350"),
                            new Dim("Samples", "252000000000", "Inf", "0.0000000160")),
                    List.of(new String[] {"0", "4", "0"}, new String[] {"4", "200", "0.9"}, new String[] {"200", "25200", "0.35"},
                            new String[] {"25200", null, "0.16"}));
            price(l, PriceId.AMP_STORAGE, r, "AMP:MetricStorageByteHrs", Map.of(), Dim.flat("GB-Mo", "0.0300000000"), "0", null, "0.03");
            price(l, PriceId.AMP_QUERY, r, "AMP:QuerySamplesProcessed", Map.of(), Dim.flat("Samples", "0.0000000001"), "0", null, "0.1");
        }
        // Managed Grafana
        price(l, PriceId.AMG_EDITOR, r, p + "Grafana:EditorUser", Map.of(), Dim.flat("Users", "9.0000000000"), "0", null, "9");
        price(l, PriceId.AMG_VIEWER, r, p + "Grafana:ViewerUser", Map.of(), Dim.flat("Users", "5.0000000000"), "0", null, "5");
        distract(l, r, "AmazonGrafana", "Grafana", p + "Grafana:EnterpriseUser", Map.of(), Dim.flat("Users", "19.0000000000"));
        return l;
    }

    private static void price(List<Item> l, PriceId id, String r, String usageType, Map<String, String> attrs, Dim d, String from, String to,
                              String usd) {
        priceTiered(l, id, r, usageType, attrs, List.of(d), List.<String[]>of(new String[] {from, to, usd}));
    }

    private static void priceTiered(List<Item> l, PriceId id, String r, String usageType, Map<String, String> attrs, List<Dim> dims,
                                    List<String[]> expected) {
        priceTiered(l, List.of(id), r, usageType, attrs, dims, expected);
    }

    /** One item that several price ids read (the same key, priced the same). */
    private static void priceTiered(List<Item> l, List<PriceId> ids, String r, String usageType, Map<String, String> attrs, List<Dim> dims,
                                    List<String[]> expected) {
        PriceId id = ids.get(0);
        String sku = sku(r, id.id());
        l.add(new Item(sku, id.serviceCode(), id.productFamily(), r, usageType, attrs, dims));
        ID_OF.put(sku, ids);
        EXPECTED.put(sku, expected);
    }

    private static void distract(List<Item> l, String r, String sc, String family, String usageType, Map<String, String> attrs, Dim d) {
        l.add(new Item(sku(r, usageType), sc, family, r, usageType, attrs, List.of(d)));
    }

    private PriceListFixture() {
    }
}
