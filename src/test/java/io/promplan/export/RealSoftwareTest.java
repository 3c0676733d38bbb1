package io.promplan.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.promplan.TestSupport;
import io.promplan.core.plan.Plan;
import io.promplan.core.workload.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed export and a fresh export of the seed scenario, checked by the real promtool 3.5 and amtool 0.33
 * (Debian sid builds; see {@link RealSoftware} for where they are looked up). Each server's prometheus.yml is laid out
 * as its config loader lays it out in the task ({@code /etc/prometheus/prometheus.yml} beside
 * {@code /etc/prometheus/rules/}); nothing in the files is changed: the rule files are named relative to the config and
 * Alertmanager's {@code slack_api_url_file} is not opened by {@code amtool check-config}.
 */
class RealSoftwareTest {
    static List<RealSoftware.Export> exports() {
        return RealSoftware.exports();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void promtoolAcceptsEveryPrometheusConfigWithItsRules(RealSoftware.Export e, @TempDir Path tmp) throws IOException {
        Path promtool = RealSoftware.require("promtool");
        List<Path> configs = e.prometheusConfigs();
        assertThat(configs).isNotEmpty();
        for (Path c : configs) {
            Path cfg = RealSoftware.containerLayout(e, c, tmp.resolve(c.getFileName().toString()));
            RealSoftware.Result r = RealSoftware.run(cfg.getParent(), 60, promtool.toString(), "check", "config", "--lint=all", "--lint-fatal", "prometheus.yml");
            System.out.println("promtool check config " + e.name() + "/configs/" + c.getFileName() + ": exit " + r.code());
            assertThat(r.code()).as(e.name() + "/" + c.getFileName() + ":\n" + r.output()).isZero();
            assertThat(r.output()).contains("SUCCESS: prometheus.yml is valid prometheus config file syntax");
            // every rule file the config names was found and loaded
            int named = RealSoftware.ruleFilesOf(e, c).size();
            assertThat(r.output()).contains("SUCCESS: " + named + " rule files found");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void promtoolAcceptsEveryRuleFile(RealSoftware.Export e) {
        Path promtool = RealSoftware.require("promtool");
        for (Path rules : e.ruleFiles()) {
            RealSoftware.Result r = RealSoftware.run(rules.getParent(), 60, promtool.toString(), "check", "rules", "--lint=all", "--lint-fatal",
                    rules.getFileName().toString());
            assertThat(r.code()).as(e.name() + "/configs/rules/" + rules.getFileName() + ":\n" + r.output()).isZero();
            assertThat(r.output()).contains("SUCCESS: ");
        }
        System.out.println("promtool check rules " + e.name() + ": " + e.ruleFiles().size() + " files accepted");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void amtoolAcceptsTheAlertmanagerConfig(RealSoftware.Export e) {
        Path amtool = RealSoftware.require("amtool");
        if (e.alertmanagerConfig().isEmpty()) {
            // no Alertmanager: prometheus.yml must say the alerts go nowhere
            for (Path c : e.prometheusConfigs()) {
                assertThat(read(c)).contains(ConfigFiles.NO_ALERTMANAGER).doesNotContain("alerting:");
            }
            return;
        }
        Path am = e.alertmanagerConfig().get();
        RealSoftware.Result r = RealSoftware.run(am.getParent(), 60, amtool.toString(), "check-config", am.getFileName().toString());
        System.out.println("amtool check-config " + e.name() + "/configs/alertmanager.yml: exit " + r.code());
        assertThat(r.code()).as(e.name() + ":\n" + r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS").contains("2 receivers");
        assertThat(read(am)).contains("group_interval: 5m").doesNotContain("group_interval: 10s");
    }

    /** alertmanager: false (only reachable with alertsReachPeople: false): the configs say that alerts reach nobody, and promtool still accepts them. */
    @Test
    void withoutAlertmanagerTheConfigsSayAlertsGoNowhere(@TempDir Path tmp) throws Exception {
        Scenario base = ExportTestSupport.read("scenarios/seed-5-services.yaml");
        Scenario s = base.withWorkload(base.workload().toBuilder().alertmanager(false).build());
        Plan p = TestSupport.service().plan(s);
        ExportBundle b = ExportTestSupport.export(p);
        assertThat(b.files()).doesNotContainKey("configs/alertmanager.yml");
        assertThat(b.file("configs/prometheus.yml")).contains("NO ALERTMANAGER").contains("sends the alerts NOWHERE").doesNotContain("alerting:");
        for (String f : List.of("configs/rules/services.yml", "configs/rules/prometheus-services.yml", "configs/rules/prometheus-self.yml", "configs/rules/ecs.yml")) {
            assertThat(b.file(f)).as(f).contains("NO ALERTMANAGER").contains("sent nowhere");
        }
        Path root = tmp.resolve("no-am");
        for (var f : b.files().entrySet()) {
            Path p2 = root.resolve(f.getKey());
            Files.createDirectories(p2.getParent());
            Files.writeString(p2, f.getValue());
        }
        if (RealSoftware.find("promtool").isPresent()) {
            Path promtool = RealSoftware.require("promtool");
            RealSoftware.Result r = RealSoftware.run(root.resolve("configs"), 60, promtool.toString(), "check", "config", "prometheus.yml");
            assertThat(r.code()).as(r.output()).isZero();
        }
    }

    /** The storage alert fires before retention.size deletes blocks, and above what the plan expects on disk. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void storageAlertSitsBetweenThePlannedSizeAndRetentionSize(RealSoftware.Export e) {
        Matcher size = Pattern.compile("--storage\\.tsdb\\.retention\\.size=(\\d+)(GB|MB)").matcher(read(e.prometheusConfigs().get(0)));
        assertThat(size.find()).isTrue();
        long retentionBytes = Long.parseLong(size.group(1)) * (size.group(2).equals("GB") ? 1L << 30 : 1L << 20);
        for (Path c : e.prometheusConfigs()) {
            String key = c.getFileName().toString().replace(".yml", "");
            String self = read(e.configs().resolve("rules/" + key + "-self.yml"));
            Matcher t = Pattern.compile("prometheus_tsdb_head_chunks_storage_size_bytes\\{job=\"prometheus\"}\\) > (\\d+)").matcher(self);
            assertThat(t.find()).as(key + ": PrometheusStorageFilling counts blocks, WAL and head chunks").isTrue();
            long threshold = Long.parseLong(t.group(1));
            assertThat(threshold).as("fires before retention.size (" + retentionBytes + " bytes) deletes blocks").isLessThan(retentionBytes);
            Matcher planned = Pattern.compile("The plan\\s+# expects ([0-9.]+) GiB").matcher(self.replace("\n", " "));
            assertThat(planned.find()).isTrue();
            assertThat(Double.parseDouble(planned.group(1)) * (1L << 30)).as("stays silent at the planned steady state").isLessThan(threshold);
            assertThat(self).contains("increase(prometheus_tsdb_size_retentions_total{job=\"prometheus\"}[1h]) > 0");
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
