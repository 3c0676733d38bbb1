package io.promplan.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.core.price.PriceCatalog;
import io.promplan.core.price.PriceId;
import io.promplan.core.price.PriceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceSnapshotsTest {
    @TempDir
    Path dir;

    @Test
    void theShippedSnapshotCoversFourRegionsAndEveryPriceId() throws Exception {
        PriceSnapshot s = PriceSnapshots.load(Path.of("pricing-data"));
        PriceCatalog c = s.catalog();
        assertThat(c.regions()).contains("us-east-1", "ap-northeast-2", "eu-west-1", "us-west-2");
        for (String r : c.regions()) {
            assertThat(c.all().get(r).keySet()).as(r).containsExactlyInAnyOrder(PriceId.values());
        }
        assertThat(c.price("ap-northeast-2", PriceId.FARGATE_VCPU_X86).firstTierUsd()).isEqualByComparingTo("0.04656");
        assertThat(c.price("ap-northeast-2", PriceId.FARGATE_VCPU_X86).status()).isEqualTo(PriceStatus.VERIFIED);
        assertThat(c.price("ap-northeast-2", PriceId.VPC_ENDPOINT_HOUR).status()).isEqualTo(PriceStatus.MISSING);
        assertThat(c.price("ap-northeast-2", PriceId.FARGATE_EPHEMERAL).status()).isEqualTo(PriceStatus.ASSUMED);
        assertThat(c.price("ap-northeast-2", PriceId.FARGATE_EPHEMERAL).note()).contains("eu-west-2").contains("unverified");
        assertThat(c.price("ap-northeast-2", PriceId.CW_LOGS_INSIGHTS).status()).isEqualTo(PriceStatus.ASSUMED);
        assertThat(c.price("ap-northeast-2", PriceId.CW_LOGS_INSIGHTS).note()).contains("unverified");
        assertThat(c.asOf()).isEqualTo("2026-10-31");
    }

    @Test
    void writeThenReadIsLossless() throws Exception {
        PriceCatalog c = PriceSnapshots.load(Path.of("pricing-data")).catalog();
        Path f = dir.resolve("prices-2027-01-01.json");
        PriceSnapshots.writeAtomically(f, PriceSnapshots.toJson(c, "copy", Map.of()));
        PriceCatalog back = PriceSnapshots.read(f).catalog();
        assertThat(PriceSnapshots.flatten(back)).isEqualTo(PriceSnapshots.flatten(c));
    }

    @Test
    void theNewestSnapshotInAFolderIsTheOneUsed() throws Exception {
        String text = Files.readString(Path.of("pricing-data/prices-2026-11-26.json"));
        Files.writeString(dir.resolve("prices-2026-01-01.json"), text.replace("\"shipped-2026-11-26\"", "\"old\""));
        Files.writeString(dir.resolve("prices-2026-02-01T101500Z.json"), text.replace("\"shipped-2026-11-26\"", "\"new\""));
        Files.writeString(dir.resolve("notes.json"), "{}");
        assertThat(PriceSnapshots.load(dir).catalog().snapshotName()).isEqualTo("new");
    }
}
