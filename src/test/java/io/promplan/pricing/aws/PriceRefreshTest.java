package io.promplan.pricing.aws;

import static io.promplan.pricing.aws.RefreshTestSupport.KEY_ID;
import static io.promplan.pricing.aws.RefreshTestSupport.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promplan.TestSupport;
import io.promplan.core.price.Price;
import io.promplan.core.price.PriceCatalog;
import io.promplan.core.price.PriceId;
import io.promplan.core.price.PriceStatus;
import io.promplan.core.price.Tier;
import io.promplan.pricing.PriceSnapshots;
import io.promplan.pricing.SnapshotDiff;
import io.promplan.service.PriceRefreshException;
import io.promplan.service.PriceRefreshService;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/** The real SDK client against a local Price List server: exact prices, paging, throttling, failures, cancel. */
class PriceRefreshTest {
    @TempDir
    Path tmp;

    private final List<FakePriceListServer> servers = new ArrayList<>();

    private FakePriceListServer server() throws Exception {
        FakePriceListServer s = new FakePriceListServer(PriceListFixture.byService(), 4);
        servers.add(s);
        return s;
    }

    @AfterEach
    void stop() {
        servers.forEach(FakePriceListServer::close);
    }

    private static final List<String> REGIONS = List.of("us-east-1", "ap-northeast-2");

    @Test
    void aRefreshWritesExactlyTheServedPricesAndKeepsTheOtherRegions() throws Exception {
        FakePriceListServer srv = server().throttleEvery(5);
        Path dir = RefreshTestSupport.pricesDir(tmp);
        byte[] before = Files.readAllBytes(dir.resolve("prices-2026-11-26.json"));
        List<String> progress = new ArrayList<>();

        PriceRefreshService.Outcome o = RefreshTestSupport.service(dir, srv.endpoint()).refresh(REGIONS, (f, m) -> progress.add(m), () -> false);

        Path written = dir.resolve("prices-2026-11-26T120000Z.json");
        assertThat(o.written().file()).isEqualTo(written);
        assertThat(Files.readAllBytes(dir.resolve("prices-2026-11-26.json"))).isEqualTo(before);
        PriceCatalog c = PriceSnapshots.load(dir).catalog();
        assertThat(c.snapshotName()).isEqualTo("refresh-2026-11-26T120000Z");
        assertThat(c.retrievedAt()).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(c.asOf()).isEqualTo("2026-11-26");

        Map<String, Map<PriceId, List<String[]>>> expected = PriceListFixture.expected();
        for (String r : REGIONS) {
            for (PriceId id : PriceId.values()) {
                Price p = c.price(r, id);
                List<String[]> want = expected.get(r).get(id);
                if (want == null) {
                    assertThat(p.status()).as(r + " " + id.id()).isEqualTo(PriceStatus.MISSING);
                    assertThat(p.note()).as(r + " " + id.id()).contains("not offered in this region");
                    continue;
                }
                assertThat(p.status()).as(r + " " + id.id()).isEqualTo(PriceStatus.VERIFIED);
                assertThat(p.source()).isEqualTo("AWS Price List API (GetProducts)");
                assertThat(p.sourceDate()).isEqualTo("2026-11-20");
                assertThat(p.unit()).isEqualTo(id.unit());
                assertThat(p.tiers()).as(r + " " + id.id()).hasSize(want.size());
                for (int i = 0; i < want.size(); i++) {
                    Tier t = p.tiers().get(i);
                    assertThat(t.from()).as(r + " " + id.id() + " tier " + i).isEqualByComparingTo(want.get(i)[0]);
                    if (want.get(i)[1] == null) {
                        assertThat(t.to()).isNull();
                    } else {
                        assertThat(t.to()).isEqualByComparingTo(want.get(i)[1]);
                    }
                    assertThat(t.usd()).as(r + " " + id.id() + " tier " + i).isEqualByComparingTo(want.get(i)[2]);
                }
            }
        }
        assertThat(c.price("ap-northeast-2", PriceId.AMP_SAMPLES).note()).contains("AmazonPrometheus has no products for ap-northeast-2");
        // tiers in Promplan units: the first 40M samples free, written as a 0-priced tier
        assertThat(c.price("us-east-1", PriceId.AMP_SAMPLES).costOf(new BigDecimal("10"))).isEqualByComparingTo("5.4");
        // the regions not refreshed are kept as they were
        PriceCatalog shipped = PriceSnapshots.read(RefreshTestSupport.SHIPPED).catalog();
        for (String r : List.of("eu-west-1", "us-west-2")) {
            assertThat(c.prices(r)).isEqualTo(shipped.prices(r));
        }
        // observed SKU, usage type and publication date are recorded
        var observed = PriceSnapshots.observed(written);
        assertThat(observed.get("ap-northeast-2/fargate.vcpu.x86").usageType()).isEqualTo("APN2-Fargate-vCPU-Hours:perCPU");
        assertThat(observed.get("us-east-1/fargate.vcpu.x86").usageType()).isEqualTo("USE1-Fargate-vCPU-Hours:perCPU");
        assertThat(observed.get("us-east-1/alb.hour").publicationDate()).isEqualTo(PriceListFixture.PUBLICATION);
        // what changed against the shipped snapshot
        List<String> lines = o.written().changes().stream().map(SnapshotDiff.Change::line).toList();
        assertThat(lines).contains("ap-northeast-2 fargate.ephemeral: 0.000129 (assumed) -> 0.000129 per GB-hour",
                "ap-northeast-2 vpc.endpoint.hour: missing -> 0.01 per hour (appeared)",
                "ap-northeast-2 efs.ia: 0.027 -> 0.0272 per GB-month",
                "ap-northeast-2 cloudwatch.logs.insights: 0.005 (assumed) -> 0.005 per GB");
        assertThat(lines).anyMatch(l -> l.startsWith("ap-northeast-2 amp.samples: 0..4 0 | 4..200 0.9 | 200.. 0.35 (assumed) -> missing"
                + " per 10M samples (vanished)"));
        assertThat(lines).noneMatch(l -> l.startsWith("eu-west-1") || l.startsWith("us-west-2"));
        assertThat(o.written().keptRegions()).containsExactly("eu-west-1", "us-west-2");
        // the protocol: JSON 1.1, signed for us-east-1 / pricing with the given key, paged, throttled and retried
        List<FakePriceListServer.Request> reqs = srv.requests();
        assertThat(srv.throttledCount()).isPositive();
        assertThat(reqs.size()).isGreaterThan(o.calls() + srv.throttledCount());
        assertThat(o.pages()).isGreaterThan(o.calls());
        for (FakePriceListServer.Request q : reqs) {
            assertThat(q.target()).isEqualTo("AWSPriceListService.GetProducts");
            assertThat(q.contentType()).startsWith("application/x-amz-json-1.1");
            assertThat(q.authorization()).contains("Credential=" + KEY_ID + "/").contains("/us-east-1/pricing/aws4_request");
            assertThat(q.body().path("FormatVersion").asText()).isEqualTo("aws_v1");
            List<String> fields = new ArrayList<>();
            q.body().path("Filters").forEach(f -> {
                assertThat(f.path("Type").asText()).isEqualTo("TERM_MATCH");
                fields.add(f.path("Field").asText());
            });
            assertThat(fields).containsAnyOf("regionCode", "fromRegionCode").contains("productFamily");
        }
        // credentials are never written anywhere
        String text = Files.readString(written);
        assertThat(text).doesNotContain(KEY_ID).doesNotContain(SECRET);
        assertThat(progress).isNotEmpty();
        assertThat(o.missing()).allMatch(m -> m.startsWith("ap-northeast-2 amp."));
    }

    @Test
    void planThenUsesTheRefreshedPrices() throws Exception {
        FakePriceListServer srv = server();
        Path dir = RefreshTestSupport.pricesDir(tmp);
        RefreshTestSupport.service(dir, srv.endpoint()).refresh(REGIONS, (f, m) -> { }, () -> false);

        TestSupport.Run run = TestSupport.cli("plan", "scenarios/seed-5-services.yaml", "--prices", dir.toString(), "--format", "json");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"snapshot\" : \"refresh-2026-11-26T120000Z\"", "\"asOf\" : \"2026-11-26\"")
                .contains("\"priceSource\" : \"AWS Price List API (GetProducts), 2026-11-20\"");
    }

    @Test
    void aSloppyServerThatIgnoresTheFamilyFilterStillGivesExactPrices() throws Exception {
        FakePriceListServer srv = server().ignoreFamilyFilter();
        Path dir = RefreshTestSupport.pricesDir(tmp);
        RefreshTestSupport.service(dir, srv.endpoint()).refresh(List.of("us-east-1"), (f, m) -> { }, () -> false);
        PriceCatalog c = PriceSnapshots.load(dir).catalog();
        // NLB, Gateway and Classic load balancers share LoadBalancerUsage / LCUUsage; only the Application family counts
        assertThat(c.price("us-east-1", PriceId.ALB_LCU).firstTierUsd()).isEqualByComparingTo("0.008");
        assertThat(c.price("us-east-1", PriceId.ALB_HOUR).firstTierUsd()).isEqualByComparingTo("0.0225");
        // CloudWatch Logs storage (TimedStorage-ByteHrs) and EFS Standard (the same ending) stay apart
        assertThat(c.price("us-east-1", PriceId.CW_LOGS_STORAGE).firstTierUsd()).isEqualByComparingTo("0.03");
        assertThat(c.price("us-east-1", PriceId.EFS_STANDARD).firstTierUsd()).isEqualByComparingTo("0.3");
    }

    @Test
    void twoItemsForOnePriceStopTheRefreshNamingTheKeyAndTheCandidates() throws Exception {
        FakePriceListServer srv = server();
        srv.addItem("AWSELB", new PriceListFixture.Item("DUPLICATEALB0001", "AWSELB", "Load Balancer-Application", "us-east-1",
                "LoadBalancerUsage", Map.of(), List.of(PriceListFixture.Dim.flat("Hrs", "0.0252000000"))).json());
        Path dir = RefreshTestSupport.pricesDir(tmp);
        byte[] before = Files.readAllBytes(dir.resolve("prices-2026-11-26.json"));

        assertThatThrownBy(() -> RefreshTestSupport.service(dir, srv.endpoint()).refresh(REGIONS, (f, m) -> { }, () -> false))
                .isInstanceOf(PriceRefreshException.class)
                .hasMessageContaining("price alb.hour in us-east-1 (AWSELB/Load Balancer-Application/*LoadBalancerUsage")
                .hasMessageContaining("matches 2 on-demand terms")
                .hasMessageContaining("SKU DUPLICATEALB0001")
                .hasMessageContaining("0.0252000000 per Hrs")
                .hasMessageContaining("nothing was written");
        assertUnchanged(dir, before);
    }

    @Test
    void aServerErrorLeavesThePreviousSnapshotByteIdentical() throws Exception {
        FakePriceListServer srv = server().failWith("AmazonCloudWatch", 500);
        Path dir = RefreshTestSupport.pricesDir(tmp);
        byte[] before = Files.readAllBytes(dir.resolve("prices-2026-11-26.json"));

        assertThatThrownBy(() -> RefreshTestSupport.service(dir, srv.endpoint()).refresh(REGIONS, (f, m) -> { }, () -> false))
                .isInstanceOfSatisfying(PriceRefreshException.class, e -> assertThat(e.kind()).isEqualTo(PriceRefreshException.Kind.FAILURE))
                .hasMessageContaining("GetProducts AmazonCloudWatch")
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("after 4 attempts")
                .hasMessageContaining("prices-2026-11-26.json stays in use as it was");
        assertUnchanged(dir, before);
    }

    @Test
    void throttlingThatNeverStopsFailsAfterTheRetries() throws Exception {
        FakePriceListServer srv = server().throttleEvery(1);
        Path dir = RefreshTestSupport.pricesDir(tmp);
        byte[] before = Files.readAllBytes(dir.resolve("prices-2026-11-26.json"));

        assertThatThrownBy(() -> RefreshTestSupport.service(dir, srv.endpoint()).refresh(REGIONS, (f, m) -> { }, () -> false))
                .hasMessageContaining("still throttled GetProducts AmazonECS")
                .hasMessageContaining("after 4 attempts with backoff (ThrottlingException)");
        assertThat(srv.requests()).hasSize(4);
        assertUnchanged(dir, before);
    }

    @Test
    void aRegionThePriceListDoesNotKnowIsRefusedAsBadInput() throws Exception {
        FakePriceListServer srv = server();
        Path dir = RefreshTestSupport.pricesDir(tmp);

        assertThatThrownBy(() -> RefreshTestSupport.service(dir, srv.endpoint()).refresh(List.of("ap-northeast-9"), (f, m) -> { }, () -> false))
                .isInstanceOfSatisfying(PriceRefreshException.class, e -> assertThat(e.kind()).isEqualTo(PriceRefreshException.Kind.BAD_INPUT))
                .hasMessageContaining("--region ap-northeast-9: the AWS Price List has no product");
        assertThat(PriceSnapshots.list(dir)).hasSize(1);
    }

    @Test
    void aCallThatNeverAnswersTimesOut() throws Exception {
        FakePriceListServer srv = server().hang("AWSELB");
        Path dir = RefreshTestSupport.pricesDir(tmp);
        byte[] before = Files.readAllBytes(dir.resolve("prices-2026-11-26.json"));

        assertThatThrownBy(() -> RefreshTestSupport.service(dir, srv.endpoint()).refresh(REGIONS, (f, m) -> { }, () -> false))
                .isInstanceOf(PriceRefreshException.class)
                .hasMessageContaining("no answer to GetProducts AWSELB")
                .hasMessageContaining("nothing was written");
        assertUnchanged(dir, before);
    }

    @Test
    void aMalformedItemStopsTheRefresh() throws Exception {
        FakePriceListServer srv = server();
        srv.addItem("AmazonEFS", "{\"product\": {\"productFamily\": \"Storage\", \"attributes\": {\"regionCode\": ");
        Path dir = RefreshTestSupport.pricesDir(tmp);
        byte[] before = Files.readAllBytes(dir.resolve("prices-2026-11-26.json"));

        assertThatThrownBy(() -> RefreshTestSupport.service(dir, srv.endpoint()).refresh(REGIONS, (f, m) -> { }, () -> false))
                .isInstanceOf(PriceRefreshException.class)
                .hasMessageContaining("an item of AmazonEFS is not valid JSON");
        assertUnchanged(dir, before);
    }

    @Test
    void aPriceThatIsNotANumberStopsTheRefresh() throws Exception {
        FakePriceListServer srv = server();
        String bad = new PriceListFixture.Item("BADPRICE00000001", "AmazonEFS", "Storage", "us-east-1", "TimedStorage-ByteHrs",
                Map.of("storageClass", "General Purpose"), List.of(PriceListFixture.Dim.flat("GB-Mo", "0.30USD"))).json();
        srv.addItem("AmazonEFS", bad);
        Path dir = RefreshTestSupport.pricesDir(tmp);
        byte[] before = Files.readAllBytes(dir.resolve("prices-2026-11-26.json"));

        assertThatThrownBy(() -> RefreshTestSupport.service(dir, srv.endpoint()).refresh(REGIONS, (f, m) -> { }, () -> false))
                .isInstanceOf(PriceRefreshException.class)
                .hasMessageContaining("SKU BADPRICE00000001")
                .hasMessageContaining("pricePerUnit.USD is '0.30USD', not a decimal number");
        assertUnchanged(dir, before);
    }

    @Test
    void accessDeniedNamesThePermission() throws Exception {
        FakePriceListServer srv = server().failWith("AmazonECS", 403);
        Path dir = RefreshTestSupport.pricesDir(tmp);
        byte[] before = Files.readAllBytes(dir.resolve("prices-2026-11-26.json"));

        assertThatThrownBy(() -> RefreshTestSupport.service(dir, srv.endpoint()).refresh(REGIONS, (f, m) -> { }, () -> false))
                .hasMessageContaining("AccessDeniedException")
                .hasMessageContaining("the identity needs the IAM permission pricing:GetProducts");
        assertThat(srv.requests()).hasSize(1);
        assertUnchanged(dir, before);
    }

    @Test
    void missingCredentialsSayWhatToConfigure() throws Exception {
        FakePriceListServer srv = server();
        Path dir = RefreshTestSupport.pricesDir(tmp);
        Path empty = Files.writeString(tmp.resolve("credentials"), "");
        ProfileFile none = ProfileFile.builder().content(empty).type(ProfileFile.Type.CREDENTIALS).build();
        var settings = RefreshTestSupport.settings(srv.endpoint())
                .withCredentials(ProfileCredentialsProvider.builder().profileFile(none).profileName("promplan-test").build());
        PriceRefreshService svc = new PriceRefreshService(dir, settings, Clock.fixed(RefreshTestSupport.NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> svc.refresh(REGIONS, (f, m) -> { }, () -> false))
                .hasMessageContaining("no usable AWS credentials")
                .hasMessageContaining("AWS_PROFILE")
                .hasMessageContaining("aws configure")
                .hasMessageContaining("pricing:GetProducts");
        assertThat(srv.requests()).isEmpty();
        assertThat(PriceSnapshots.list(dir)).hasSize(1);
    }

    @Test
    void cancellingBetweenPagesWritesNothing() throws Exception {
        FakePriceListServer srv = server();
        Path dir = RefreshTestSupport.pricesDir(tmp);
        byte[] before = Files.readAllBytes(dir.resolve("prices-2026-11-26.json"));
        PriceRefreshService.Task task = RefreshTestSupport.service(dir, srv.endpoint()).start(REGIONS, (f, m) -> { });
        boolean[] cancelled = {false};
        PriceRefreshService.Task[] holder = {null};
        PriceRefreshService.Task t2 = RefreshTestSupport.service(dir, srv.endpoint()).start(REGIONS, (f, m) -> {
            if (f > 0.1 && !cancelled[0]) {
                cancelled[0] = true;
                holder[0].cancel();
            }
        });
        holder[0] = t2;
        task.cancel();

        assertThatThrownBy(() -> task.await(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(PriceRefreshException.class,
                e -> assertThat(e.kind()).isEqualTo(PriceRefreshException.Kind.CANCELLED));
        assertThatThrownBy(() -> t2.await(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(PriceRefreshException.class,
                e -> assertThat(e.kind()).isEqualTo(PriceRefreshException.Kind.CANCELLED));
        assertUnchanged(dir, before);
    }

    @Test
    void cancellingACallInFlightStopsItAndWritesNothing() throws Exception {
        FakePriceListServer srv = server().hang("AmazonECS");
        Path dir = RefreshTestSupport.pricesDir(tmp);
        byte[] before = Files.readAllBytes(dir.resolve("prices-2026-11-26.json"));
        PriceRefreshService.Task task = RefreshTestSupport.service(dir, srv.endpoint()).start(REGIONS, (f, m) -> { });
        assertThat(srv.awaitRequests(1, 10, TimeUnit.SECONDS)).isTrue();

        task.cancel();

        assertThatThrownBy(() -> task.await(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(PriceRefreshException.class,
                e -> assertThat(e.kind()).isEqualTo(PriceRefreshException.Kind.CANCELLED));
        assertUnchanged(dir, before);
    }

    static void assertUnchanged(Path dir, byte[] before) throws Exception {
        assertThat(Files.readAllBytes(dir.resolve("prices-2026-11-26.json"))).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("prices-2026-11-26.json");
        }
    }
}
