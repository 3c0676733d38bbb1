package io.promplan.pricing.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promplan.core.price.Price;
import io.promplan.core.price.PriceCatalog;
import io.promplan.core.price.PriceId;
import io.promplan.core.price.PriceStatus;
import io.promplan.pricing.PriceSnapshots;
import io.promplan.pricing.aws.PriceListFixture;
import io.promplan.pricing.aws.RefreshTestSupport;
import io.promplan.service.PriceRefreshException;
import io.promplan.service.PriceRefreshService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk offer files, streamed: the same matching as the live refresh, bounded memory, located errors. */
class OfferFileImportTest {
    @TempDir
    Path tmp;

    private PriceRefreshService service(Path dir) {
        return RefreshTestSupport.service(dir, java.net.URI.create("http://127.0.0.1:1"));
    }

    @Test
    void importingOfferFilesReplacesOnlyTheServicesAndRegionsTheyCover() throws Exception {
        Path dir = RefreshTestSupport.pricesDir(tmp);
        byte[] before = Files.readAllBytes(dir.resolve("prices-2026-11-26.json"));
        Path ecs = tmp.resolve("offers/v1.0/aws/AmazonECS/current/ap-northeast-2/index.json");
        Path efs = tmp.resolve("offers/v1.0/aws/AmazonEFS/current/ap-northeast-2/index.json");
        Path cw = tmp.resolve("offers/v1.0/aws/AmazonCloudWatch/current/us-east-1/index.json");
        OfferFileWriter.write(ecs, "AmazonECS", List.of("ap-northeast-2"), 3000, false);
        OfferFileWriter.write(efs, "AmazonEFS", List.of("ap-northeast-2"), 50, true); // terms before products: read in two passes
        OfferFileWriter.write(cw, "AmazonCloudWatch", List.of("us-east-1"), 10, false);

        PriceRefreshService.Outcome o = service(dir).importOffers(List.of(ecs, efs, cw), (f, m) -> { }, () -> false);

        assertThat(Files.readAllBytes(dir.resolve("prices-2026-11-26.json"))).isEqualTo(before);
        PriceCatalog c = PriceSnapshots.load(dir).catalog();
        assertThat(c.snapshotName()).isEqualTo("import-2026-11-26T120000Z");
        assertThat(c.asOf()).isEqualTo("2026-11-20");
        PriceCatalog shipped = PriceSnapshots.read(RefreshTestSupport.SHIPPED).catalog();
        Map<String, Map<PriceId, List<String[]>>> expected = PriceListFixture.expected();
        Map<String, Set<String>> covered = Map.of("ap-northeast-2", Set.of("AmazonECS", "AmazonEFS"), "us-east-1", Set.of("AmazonCloudWatch"));
        for (String r : c.regions()) {
            for (PriceId id : PriceId.values()) {
                Price p = c.price(r, id);
                if (covered.getOrDefault(r, Set.of()).contains(id.serviceCode())) {
                    assertThat(p.status()).as(r + " " + id.id()).isEqualTo(PriceStatus.VERIFIED);
                    assertThat(p.source()).isEqualTo("AWS bulk offer file");
                    assertThat(p.sourceDate()).isEqualTo("2026-11-20");
                    List<String[]> want = expected.get(r).get(id);
                    assertThat(p.tiers()).hasSize(want.size());
                    assertThat(p.tiers().get(0).usd()).as(r + " " + id.id()).isEqualByComparingTo(want.get(0)[2]);
                } else {
                    assertThat(p).as(r + " " + id.id()).isEqualTo(shipped.price(r, id));
                }
            }
        }
        assertThat(c.price("us-east-1", PriceId.CW_METRIC).tiers()).hasSize(4);
        assertThat(o.written().changes().stream().map(ch -> ch.line()).toList())
                .contains("ap-northeast-2 fargate.ephemeral: 0.000129 (assumed) -> 0.000129 per GB-hour");
        assertThat(o.publicationDates()).containsEntry("AmazonECS", PriceListFixture.PUBLICATION);
    }

    @Test
    void aTruncatedOfferFileIsRefusedWithItsLineAndNothingIsWritten() throws Exception {
        Path dir = RefreshTestSupport.pricesDir(tmp);
        Path ecs = tmp.resolve("index.json");
        OfferFileWriter.write(ecs, "AmazonECS", List.of("us-east-1"), 20, false);
        String text = Files.readString(ecs);
        Files.writeString(ecs, text.substring(0, text.length() / 2));

        assertThatThrownBy(() -> service(dir).importOffers(List.of(ecs), (f, m) -> { }, () -> false))
                .isInstanceOfSatisfying(PriceRefreshException.class, e -> assertThat(e.kind()).isEqualTo(PriceRefreshException.Kind.BAD_INPUT))
                .hasMessageStartingWith(ecs + ":")
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("nothing was written");
        assertThat(PriceSnapshots.list(dir)).hasSize(1);
    }

    @Test
    void anOfferFileOfAServiceThePlannerDoesNotUseIsRefused() throws Exception {
        Path dir = RefreshTestSupport.pricesDir(tmp);
        Path f = tmp.resolve("s3.json");
        Files.writeString(f, "{\"formatVersion\":\"v1.0\",\"offerCode\":\"AmazonSNS\",\"version\":\"1\",\"publicationDate\":\"2026-11-20T00:00:00Z\","
                + "\"products\":{},\"terms\":{\"OnDemand\":{}}}");

        assertThatThrownBy(() -> service(dir).importOffers(List.of(f), (x, m) -> { }, () -> false))
                .hasMessageContaining("offerCode: is AmazonSNS; Promplan uses prices of AmazonECS, AWSELB");
    }

    @Test
    void aBadPriceInAMatchingTermNamesTheFileLineAndSku() throws Exception {
        Path dir = RefreshTestSupport.pricesDir(tmp);
        Path f = tmp.resolve("index.json");
        OfferFileWriter.write(f, "AWSELB", List.of("us-east-1"), 5, false);
        Files.writeString(f, Files.readString(f).replace("\"0.0225000000\"", "\"n/a\""));

        assertThatThrownBy(() -> service(dir).importOffers(List.of(f), (x, m) -> { }, () -> false))
                .hasMessageMatching("(?s)" + java.util.regex.Pattern.quote(f.toString()) + ":\\d+: terms\\.OnDemand\\.\\w+: SKU \\w+, price dimension .*"
                        + "pricePerUnit\\.USD is 'n/a', not a decimal number.*");
    }
}
