package io.promplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.TestSupport;
import io.promplan.TestSupport.Run;
import io.promplan.core.price.PriceId;
import io.promplan.pricing.PriceSnapshots;
import io.promplan.pricing.aws.FakePriceListServer;
import io.promplan.pricing.aws.PriceListFixture;
import io.promplan.pricing.aws.RefreshTestSupport;
import io.promplan.pricing.offers.OfferFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** promplan prices refresh | import | show, in-process, against a local Price List server. */
class PricesCommandTest {
    private static final List<String> PROPS = List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.sharedCredentialsFile", "aws.configFile",
            "aws.disableEc2Metadata");

    @TempDir
    Path tmp;

    private final Map<String, String> saved = new HashMap<>();
    private FakePriceListServer server;

    @BeforeEach
    void setUp() throws Exception {
        PROPS.forEach(p -> saved.put(p, System.getProperty(p)));
        System.setProperty("aws.disableEc2Metadata", "true");
        server = new FakePriceListServer(PriceListFixture.byService(), 5);
    }

    @AfterEach
    void tearDown() {
        server.close();
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    /** Dummy credentials through the default chain's first provider (system properties). */
    private void dummyCredentials() {
        System.setProperty("aws.accessKeyId", RefreshTestSupport.KEY_ID);
        System.setProperty("aws.secretAccessKey", RefreshTestSupport.SECRET);
    }

    @Test
    void refreshPrintsWhatChangedAndPlanUsesTheNewSnapshot() throws Exception {
        dummyCredentials();
        Path dir = RefreshTestSupport.pricesDir(tmp);
        byte[] before = Files.readAllBytes(dir.resolve("prices-2026-11-26.json"));

        Run r = TestSupport.cli("prices", "refresh", "--region", "us-east-1", "--region", "ap-northeast-2", "--endpoint",
                server.endpoint().toString(), "--prices", dir.toString(), "--quiet");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Refreshed us-east-1, ap-northeast-2 from the AWS Price List API (GetProducts) at " + server.endpoint())
                .contains("Publication dates: AWSBackup " + PriceListFixture.PUBLICATION)
                .contains("Kept as they were in shipped-2026-11-26: eu-west-1, us-west-2")
                .contains("Changes against shipped-2026-11-26:")
                .contains("  ap-northeast-2 fargate.ephemeral: 0.000129 (assumed) -> 0.000129 per GB-hour")
                .contains("  ap-northeast-2 efs.ia: 0.027 -> 0.0272 per GB-month")
                .contains("(vanished)")
                .contains("Missing (reported by every plan, never counted as zero):")
                .contains("ap-northeast-2 amp.samples: AmazonPrometheus has no products for ap-northeast-2");
        assertThat(Files.readAllBytes(dir.resolve("prices-2026-11-26.json"))).isEqualTo(before);
        assertThat(PriceSnapshots.list(dir)).hasSize(2);
        String written = Files.readString(PriceSnapshots.list(dir).get(1));
        assertThat(written).doesNotContain(RefreshTestSupport.KEY_ID).doesNotContain(RefreshTestSupport.SECRET);

        Run plan = TestSupport.cli("plan", "scenarios/seed-5-services.yaml", "--prices", dir.toString());
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("refresh-");

        Run show = TestSupport.cli("prices", "show", "--region", "ap-northeast-2", "--prices", dir.toString());
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("AWS Price List API (GetProducts)").contains("2026-11-20").contains("Missing or assumed (3):");
    }

    @Test
    void aFailingServerLeavesThePreviousSnapshotAndExitsOne() throws Exception {
        dummyCredentials();
        server.hang("AmazonEFS");
        Path dir = RefreshTestSupport.pricesDir(tmp);
        byte[] before = Files.readAllBytes(dir.resolve("prices-2026-11-26.json"));

        Run r = TestSupport.cli("prices", "refresh", "--region", "ap-northeast-2", "--endpoint", server.endpoint().toString(),
                "--prices", dir.toString(), "--timeout", "1");

        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("promplan: no answer to GetProducts AmazonEFS regionCode=ap-northeast-2, productFamily=Storage")
                .contains("nothing was written").doesNotContain("Exception:").doesNotContain("\tat ");
        assertThat(Files.readAllBytes(dir.resolve("prices-2026-11-26.json"))).isEqualTo(before);
        assertThat(PriceSnapshots.list(dir)).hasSize(1);
    }

    @Test
    void accessDeniedExitsOneNamingThePermission() throws Exception {
        dummyCredentials();
        server.failWith("AmazonECS", 403);
        Path dir = RefreshTestSupport.pricesDir(tmp);

        Run r = TestSupport.cli("prices", "refresh", "--region", "us-east-1", "--endpoint", server.endpoint().toString(), "--prices", dir.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("pricing:GetProducts").contains("AccessDeniedException");
        assertThat(PriceSnapshots.list(dir)).hasSize(1);
    }

    @Test
    void missingCredentialsExitOneSayingWhatToSetAndSendNothing() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty-credentials"), "");
        System.setProperty("aws.sharedCredentialsFile", empty.toString());
        System.setProperty("aws.configFile", empty.toString());
        Path dir = RefreshTestSupport.pricesDir(tmp);

        Run r = TestSupport.cli("prices", "refresh", "--region", "us-east-1", "--profile", "promplan-no-such-profile", "--endpoint",
                server.endpoint().toString(), "--prices", dir.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("no usable AWS credentials").contains("AWS_PROFILE").contains("pricing:GetProducts")
                .contains("promplan prices import");
        assertThat(server.requests()).isEmpty();
        assertThat(PriceSnapshots.list(dir)).hasSize(1);
    }

    @Test
    void badOptionsExitTwo() throws Exception {
        Path dir = RefreshTestSupport.pricesDir(tmp);
        Run noRegion = TestSupport.cli("prices", "refresh", "--prices", dir.toString());
        assertThat(noRegion.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noRegion.err()).contains("--region");
        Run badRegion = TestSupport.cli("prices", "refresh", "--region", "Seoul", "--prices", dir.toString());
        assertThat(badRegion.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badRegion.err()).contains("--region: 'Seoul' is not an AWS region code");
        Run badEndpoint = TestSupport.cli("prices", "refresh", "--region", "us-east-1", "--endpoint", "ftp://x", "--prices", dir.toString());
        assertThat(badEndpoint.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badEndpoint.err()).contains("--endpoint: 'ftp://x' is not an http(s) URL");
        Run badTimeout = TestSupport.cli("prices", "refresh", "--region", "us-east-1", "--timeout", "0", "--prices", dir.toString());
        assertThat(badTimeout.code()).isEqualTo(ExitCodes.BAD_INPUT);
        Run csv = TestSupport.cli("prices", "show", "--format", "csv");
        assertThat(csv.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(PriceSnapshots.list(dir)).hasSize(1);
    }

    @Test
    void showListsEveryPriceWithKeyUnitTiersSourceAndDate() throws Exception {
        Run t = TestSupport.cli("prices", "show", "--region", "ap-northeast-2");
        assertThat(t.code()).isZero();
        assertThat(t.out()).contains("Price snapshot shipped-2026-11-26").contains("as of 2026-10-31")
                .contains("cloudwatch.metric").contains("0..10000 0.3 | 10000..250000 0.1 | 250000..1000000 0.05 | 1000000.. 0.02")
                .contains("AmazonEFS/Storage/*IATimedStorage-ET-ByteHrs [storageClass=Infrequent Access-ET]")
                .contains("Missing or assumed (")
                .contains("ap-northeast-2 vpc.endpoint.hour missing: no verified public figure")
                .contains("ap-northeast-2 fargate.ephemeral assumed: same as eu-west-2 (0.000129)");

        Run j = TestSupport.cli("prices", "show", "--format", "json");
        assertThat(j.code()).isZero();
        JsonNode root = new ObjectMapper().readTree(j.out());
        assertThat(root.path("asOf").asText()).isEqualTo("2026-10-31");
        assertThat(root.path("prices").size()).isEqualTo(4 * PriceId.values().length);
        JsonNode first = null;
        for (JsonNode n : root.path("prices")) {
            if (n.path("region").asText().equals("us-east-1") && n.path("id").asText().equals("fargate.vcpu.x86")) {
                first = n;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.path("tiers").get(0).path("usd").asText()).isEqualTo("0.04048");
        assertThat(first.path("serviceCode").asText()).isEqualTo("AmazonECS");
    }

    @Test
    void importThroughTheCommandLine() throws Exception {
        Path dir = RefreshTestSupport.pricesDir(tmp);
        Path f = tmp.resolve("AWSELB-ap-northeast-2.json");
        OfferFileWriter.write(f, "AWSELB", List.of("ap-northeast-2"), 100, false);

        Run r = TestSupport.cli("prices", "import", f.toString(), "--prices", dir.toString(), "--quiet");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Imported ap-northeast-2 from 1 offer file").contains("Kept as they were in shipped-2026-11-26: eu-west-1, us-east-1, us-west-2");
        Run bad = TestSupport.cli("prices", "import", tmp.resolve("nope.json").toString(), "--prices", dir.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("nope.json: no such offer file");
    }
}
