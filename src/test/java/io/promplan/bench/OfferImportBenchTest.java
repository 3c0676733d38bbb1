package io.promplan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.core.price.PriceId;
import io.promplan.pricing.offers.OfferFileImporter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's generator and import on a small file (the 200 MB run is bench/import-offer-file, outside mvn verify). */
class OfferImportBenchTest {
    @TempDir
    Path tmp;

    @Test
    void aGeneratedOfferFileImportsKeepingOnlyTheProductsThatCanMatch() throws Exception {
        Path f = tmp.resolve("AmazonEC2-us-east-1-index.json");
        OfferImportBench.main(new String[] {"generate", f.toString(), "3"});
        assertThat(Files.size(f)).isBetween(2_000_000L, 4_500_000L);

        OfferFileImporter.Result r = OfferImportBench.importOnly(f);

        OfferFileImporter.FileResult fr = r.files().get(0);
        assertThat(fr.products()).isGreaterThan(900);
        // EBS gp3, EBS snapshot, NAT gateway hours and NAT gateway bytes: every distractor is dropped while streaming
        assertThat(fr.productsKept()).isEqualTo(4);
        assertThat(fr.termsRead()).isEqualTo(4);
        assertThat(r.prices().get("us-east-1")).containsKeys(PriceId.NAT_HOUR, PriceId.NAT_GB);
        assertThat(r.prices().get("us-east-1").get(PriceId.EBS_GP3).price().firstTierUsd()).isEqualByComparingTo(new BigDecimal("0.08"));
        assertThat(r.prices().get("us-east-1").get(PriceId.EBS_SNAPSHOT).price().firstTierUsd()).isEqualByComparingTo(new BigDecimal("0.05"));

        OfferImportBench.Result measured = OfferImportBench.run(f);
        assertThat(measured.products()).isEqualTo(fr.products());
        assertThat(measured.text()).contains("MB/s").contains("peak heap");
    }
}
