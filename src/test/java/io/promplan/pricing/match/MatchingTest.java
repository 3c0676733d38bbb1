package io.promplan.pricing.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.core.price.Price;
import io.promplan.core.price.PriceId;
import io.promplan.core.price.PriceStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The shared matching rules: anchored usage types, units, tiers, and a real GetProducts response. */
class MatchingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PriceItem item(String sc, String family, String region, String usageType, Map<String, String> extra) {
        java.util.Map<String, String> a = new java.util.HashMap<>(extra);
        a.put("regionCode", region);
        a.put("usagetype", usageType);
        return new PriceItem("SKU", sc, family, a, "2026-11-20T00:00:00Z");
    }

    @Test
    void theRealAmazonEcsResponseGivesEveryFargatePriceOnceAndNoWindowsOrAnywhereItem() throws Exception {
        JsonNode root = JSON.readTree(Path.of("src/test/resources/pricing/getproducts-AmazonECS-us-east-1-2022-11-21.json").toFile());
        PriceCollector c = new PriceCollector(List.of("us-east-1"));
        int kept = 0;
        for (JsonNode s : root.path("PriceList")) {
            ItemParser.Entry e = ItemParser.getProductsEntry(s.asText(), "AmazonECS");
            for (PriceRule r : c.rulesFor(e.item())) {
                c.add(r, e.item(), ItemParser.onDemandTerms(e.onDemand(), e.item().sku()));
                kept++;
            }
        }
        assertThat(kept).isEqualTo(5);
        List<PriceId> fargate = List.of(PriceId.FARGATE_VCPU_X86, PriceId.FARGATE_MEMORY_X86, PriceId.FARGATE_VCPU_ARM,
                PriceId.FARGATE_MEMORY_ARM, PriceId.FARGATE_EPHEMERAL);
        var res = c.resolve(List.of("us-east-1"), fargate, "ref", (r, id) -> "none").get("us-east-1");
        assertThat(res.get(PriceId.FARGATE_VCPU_X86).price().firstTierUsd()).isEqualByComparingTo("0.04048");
        assertThat(res.get(PriceId.FARGATE_MEMORY_X86).price().firstTierUsd()).isEqualByComparingTo("0.004445");
        assertThat(res.get(PriceId.FARGATE_VCPU_ARM).price().firstTierUsd()).isEqualByComparingTo("0.03238");
        assertThat(res.get(PriceId.FARGATE_MEMORY_ARM).price().firstTierUsd()).isEqualByComparingTo("0.00356");
        assertThat(res.get(PriceId.FARGATE_EPHEMERAL).price().firstTierUsd()).isEqualByComparingTo("0.000111");
        assertThat(res.get(PriceId.FARGATE_VCPU_X86).observed().sku()).isEqualTo("8CESGAFWKAJ98PME");
        assertThat(res.get(PriceId.FARGATE_VCPU_X86).price().sourceDate()).isEqualTo("2022-11-21");
    }

    @Test
    void usageTypesAreAnchored() {
        PriceRule vcpu = PriceRule.of(PriceId.FARGATE_VCPU_X86);
        assertThat(vcpu.matchesKey(item("AmazonECS", "Compute", "us-east-1", "Fargate-vCPU-Hours:perCPU", Map.of()))).isTrue();
        assertThat(vcpu.matchesKey(item("AmazonECS", "Compute", "us-east-1", "USE1-Fargate-vCPU-Hours:perCPU", Map.of()))).isTrue();
        assertThat(vcpu.matchesKey(item("AmazonECS", "Compute", "eu-west-1", "EU-Fargate-vCPU-Hours:perCPU", Map.of()))).isTrue();
        for (String loose : List.of("USE1-SpotUsage:Fargate-vCPU-Hours:perCPU", "SpotUsage:Fargate-vCPU-Hours:perCPU",
                "USE1-Fargate-Windows-vCPU-Hours:perCPU", "USE1-Fargate-vCPU-Hours:perCPU-Spot", "Fargate-ARM-vCPU-Hours:perCPU",
                "APN2-USE1-Fargate-vCPU-Hours:perCPU", "use1-Fargate-vCPU-Hours:perCPU")) {
            assertThat(vcpu.matchesKey(item("AmazonECS", "Compute", "us-east-1", loose, Map.of()))).as(loose).isFalse();
        }
        assertThat(vcpu.matchesKey(item("AmazonECS", "Compute Metering", "us-east-1", "Fargate-vCPU-Hours:perCPU", Map.of()))).isFalse();
        PriceRule efs = PriceRule.of(PriceId.EFS_STANDARD);
        PriceRule logs = PriceRule.of(PriceId.CW_LOGS_STORAGE);
        PriceItem efsItem = item("AmazonEFS", "Storage", "us-east-1", "TimedStorage-ByteHrs", Map.of("storageClass", "General Purpose"));
        PriceItem logsItem = item("AmazonCloudWatch", "Storage Snapshot", "us-east-1", "TimedStorage-ByteHrs", Map.of());
        assertThat(efs.matchesKey(efsItem)).isTrue();
        assertThat(efs.matchesKey(logsItem)).isFalse();
        assertThat(logs.matchesKey(logsItem)).isTrue();
        assertThat(logs.matchesKey(efsItem)).isFalse();
        PriceItem ia = item("AmazonEFS", "Storage", "us-east-1", "USE1-IATimedStorage-ByteHrs", Map.of("storageClass", "Infrequent Access"));
        // the Price List names the Elastic-throughput class "Infrequent Access-ET"
        PriceItem iaEt = item("AmazonEFS", "Storage", "us-east-1", "USE1-IATimedStorage-ET-ByteHrs", Map.of("storageClass", "Infrequent Access-ET"));
        assertThat(PriceRule.of(PriceId.EFS_IA).matchesKey(ia)).isTrue();
        assertThat(PriceRule.of(PriceId.EFS_IA).matchesKey(iaEt)).isFalse();
        assertThat(PriceRule.of(PriceId.EFS_IA_ET).matchesKey(iaEt)).isTrue();
        assertThat(PriceRule.of(PriceId.EFS_IA_ET).matchesKey(ia)).isFalse();
        // IA reads and writes are two SKUs with the same usage type: the id takes the reads only
        PriceItem iaRead = item("AmazonEFS", "Storage", "us-east-1", "USE1-IADataAccess-Bytes", Map.of("storageClass", "Infrequent Access", "accessType", "Read"));
        PriceItem iaWrite = item("AmazonEFS", "Storage", "us-east-1", "USE1-IADataAccess-Bytes", Map.of("storageClass", "Infrequent Access", "accessType", "Write"));
        assertThat(PriceRule.of(PriceId.EFS_IA_ACCESS).matchesKey(iaRead)).isTrue();
        assertThat(PriceRule.of(PriceId.EFS_IA_ACCESS).matchesKey(iaWrite)).isFalse();
    }

    /**
     * Before the ending, only one upper-case region prefix and a dash may stand (USE1-, APN2-, EU-); a word with lower-case
     * letters (SpotUsage, Windows...) or a colon before the ending means another usage type.
     */
    @Property(tries = 300)
    void onlyARegionPrefixMayStandBeforeTheEnding(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String junk) {
        boolean regionLike = junk.matches("[A-Z0-9]+");
        for (PriceId id : PriceId.values()) {
            PriceRule r = PriceRule.of(id);
            assertThat(r.matchesKey(withUsageType(id, junk + "-" + id.usageTypeSuffix()))).as(junk).isEqualTo(regionLike);
            assertThat(r.matchesKey(withUsageType(id, junk + ":" + id.usageTypeSuffix()))).as(junk).isFalse();
            assertThat(r.matchesKey(withUsageType(id, id.usageTypeSuffix() + "-" + junk))).as(junk).isFalse();
            assertThat(r.matchesKey(withUsageType(id, id.usageTypeSuffix()))).isTrue();
        }
    }

    private static PriceItem withUsageType(PriceId id, String usageType) {
        java.util.Map<String, String> attrs = new java.util.HashMap<>(id.attributes());
        attrs.put(PriceRule.of(id).regionField(), "us-east-1");
        attrs.put("usagetype", usageType);
        return new PriceItem("S", id.serviceCode(), id.productFamily(), attrs, "");
    }

    @Test
    void everyPriceIdUnitHasAConversionAndUnknownUnitsAreRefused() {
        for (PriceId id : PriceId.values()) {
            assertThat(Units.accepted(id.unit())).as(id.id()).isNotEqualTo("(none)");
        }
        assertThat(Units.factor("Hrs", "hour")).contains(BigDecimal.ONE);
        assertThat(Units.factor("GB-Mo", "GB-month")).contains(BigDecimal.ONE);
        assertThat(Units.factor("  LCU-Hrs ", "LCU-hour")).contains(BigDecimal.ONE);
        assertThat(Units.factor("Samples", "10M samples")).contains(new BigDecimal("10000000"));
        assertThat(Units.factor("Metrics", "1000 metrics")).contains(new BigDecimal("1000"));
        assertThat(Units.factor("Requests", "GB")).isEmpty();
    }

    private static PriceCollector oneCandidate(PriceId id, List<PriceDimension> dims) {
        PriceCollector c = new PriceCollector(List.of("us-east-1"));
        java.util.Map<String, String> attrs = new java.util.HashMap<>(id.attributes());
        attrs.put(PriceRule.of(id).regionField(), "us-east-1");
        attrs.put("usagetype", id.usageTypeSuffix());
        PriceItem it = new PriceItem("SKU1", id.serviceCode(), id.productFamily(), attrs, "2026-11-20T00:00:00Z");
        c.add(PriceRule.of(id), it, List.of(new OnDemandTerm("T", "", dims)));
        return c;
    }

    private static PriceDimension dim(String unit, String begin, String end, String usd) {
        return new PriceDimension("r" + begin, unit, new BigDecimal(begin), end == null ? null : new BigDecimal(end), new BigDecimal(usd), "");
    }

    @Test
    void tiersAreSortedNumericallyNotAsText() throws Exception {
        // as text "1000000" < "250000" < "0"... numerically 0, 10000, 250000, 1000000
        PriceCollector c = oneCandidate(PriceId.CW_METRIC, List.of(dim("Metrics", "1000000", null, "0.02"), dim("Metrics", "250000", "1000000", "0.05"),
                dim("Metrics", "10000", "250000", "0.10"), dim("Metrics", "0", "10000", "0.30")));
        Price p = c.resolve(List.of("us-east-1"), List.of(PriceId.CW_METRIC), "t", (r, i) -> "").get("us-east-1").get(PriceId.CW_METRIC).price();
        assertThat(p.tiers()).extracting(t -> t.from().toPlainString()).containsExactly("0", "10000", "250000", "1000000");
        assertThat(p.tiers().get(3).to()).isNull();
        assertThat(p.costOf(new BigDecimal("15000"))).isEqualByComparingTo("3500");
        assertThat(p.status()).isEqualTo(PriceStatus.VERIFIED);
    }

    @Test
    void tiersWithAGapOrAClosedEndOrAnUnknownUnitStopWithTheKey() {
        PriceCollector gap = oneCandidate(PriceId.CW_METRIC, List.of(dim("Metrics", "0", "10000", "0.30"), dim("Metrics", "20000", null, "0.10")));
        assertThatThrownBy(() -> gap.resolve(List.of("us-east-1"), List.of(PriceId.CW_METRIC), "t", (r, i) -> ""))
                .isInstanceOf(PriceMatchException.class).hasMessageContaining("cloudwatch.metric in us-east-1").hasMessageContaining("not contiguous");
        PriceCollector closed = oneCandidate(PriceId.ALB_HOUR, List.of(dim("Hrs", "0", "100", "0.0225")));
        assertThatThrownBy(() -> closed.resolve(List.of("us-east-1"), List.of(PriceId.ALB_HOUR), "t", (r, i) -> ""))
                .hasMessageContaining("must be open");
        PriceCollector unit = oneCandidate(PriceId.ALB_HOUR, List.of(dim("Requests", "0", null, "0.0225")));
        assertThatThrownBy(() -> unit.resolve(List.of("us-east-1"), List.of(PriceId.ALB_HOUR), "t", (r, i) -> ""))
                .hasMessageContaining("unit 'Requests' cannot be converted to hour");
    }

    @Test
    void s3RequestClassesAreTheirOwnPricesPerThousandAndS3StorageKeepsEveryTier() throws Exception {
        PriceRule put = PriceRule.of(PriceId.S3_REQUESTS_TIER1);
        PriceRule get = PriceRule.of(PriceId.S3_REQUESTS_TIER2);
        PriceItem tier1 = item("AmazonS3", "API Request", "ap-northeast-2", "APN2-Requests-Tier1", Map.of("group", "S3-API-Tier1"));
        PriceItem tier2 = item("AmazonS3", "API Request", "ap-northeast-2", "APN2-Requests-Tier2", Map.of("group", "S3-API-Tier2"));
        assertThat(put.matchesKey(tier1)).isTrue();
        assertThat(put.matchesKey(tier2)).isFalse();
        assertThat(get.matchesKey(tier2)).isTrue();
        assertThat(get.matchesKey(tier1)).isFalse();
        // other storage classes' request SKUs (Standard-IA, Intelligent-Tiering, Glacier Deep Archive) never pass for Standard's
        for (String other : List.of("APN2-Requests-SIA-Tier1", "APN2-Requests-INT-Tier1", "APN2-Requests-GDA-Tier1", "APN2-Requests-Tier1-Express")) {
            assertThat(put.matchesKey(item("AmazonS3", "API Request", "ap-northeast-2", other, Map.of("group", "S3-API-Tier1")))).as(other).isFalse();
        }
        // the usage type alone is not enough: the request group must be Standard's
        assertThat(put.matchesKey(item("AmazonS3", "API Request", "ap-northeast-2", "APN2-Requests-Tier1", Map.of("group", "S3-API-SIA-Tier1")))).isFalse();
        // the list prices one request; Promplan prices 1,000
        PriceCollector c = oneCandidate(PriceId.S3_REQUESTS_TIER1, List.of(dim("Requests", "0", null, "0.0000045")));
        Price p = c.resolve(List.of("us-east-1"), List.of(PriceId.S3_REQUESTS_TIER1), "t", (r, i) -> "").get("us-east-1").get(PriceId.S3_REQUESTS_TIER1).price();
        assertThat(p.firstTierUsd()).isEqualByComparingTo("0.0045");
        assertThat(p.unit()).isEqualTo("1000 requests");
        assertThat(p.note()).contains("DELETE");
        // S3 Standard storage: one SKU, three tiers in GB-Mo; the tiered id keeps them all
        PriceCollector s = oneCandidate(PriceId.S3_STANDARD_TIERED, List.of(dim("GB-Mo", "512000", null, "0.021"),
                dim("GB-Mo", "0", "51200", "0.023"), dim("GB-Mo", "51200", "512000", "0.022")));
        Price st = s.resolve(List.of("us-east-1"), List.of(PriceId.S3_STANDARD_TIERED), "t", (r, i) -> "").get("us-east-1")
                .get(PriceId.S3_STANDARD_TIERED).price();
        assertThat(st.tiers()).extracting(t -> t.usd().toPlainString()).containsExactly("0.023", "0.022", "0.021");
        // 60 TB: 51,200 GB at 0.023 + 10,240 GB at 0.022
        assertThat(st.costOf(new BigDecimal("61440"))).isEqualByComparingTo("1402.88");
        assertThat(PriceRule.of(PriceId.S3_STANDARD_TIERED).matchesKey(item("AmazonS3", "Storage", "us-east-1", "TimedStorage-ByteHrs",
                Map.of("volumeType", "Standard")))).isTrue();
        assertThat(PriceRule.of(PriceId.S3_STANDARD_TIERED).matchesKey(item("AmazonS3", "Storage", "us-east-1", "TimedStorage-SIA-ByteHrs",
                Map.of("volumeType", "Standard - Infrequent Access")))).isFalse();
    }

    @Test
    void eachPriceIdHasOneQueryAndEveryQueryARule() {
        for (PriceRule.Query q : PriceRule.queries()) {
            assertThat(q.rules()).as(q.toString()).isNotEmpty();
        }
        assertThat(PriceRule.queries().stream().mapToInt(q -> q.rules().size()).sum()).isEqualTo(PriceId.values().length);
        assertThat(Arrays.stream(PriceId.values()).map(id -> PriceRule.of(id).regionField()).distinct()).containsExactlyInAnyOrder("regionCode", "fromRegionCode");
    }
}
