package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.alerts.AlertsSettings;
import dev.newswatch.common.ServiceLauncher;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.Evidence;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.events.Severity;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.enricher.EnricherSettings;
import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.kafka.embedded.EmbeddedKafkaExtension;
import dev.newswatch.testsupport.FreePorts;

/**
 * The whole system on a real broker: the sample news site, crawled by the ingester, tagged by the enricher,
 * matched by the alerts service, with the project's own config/ files.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class NewswatchPipelineIT {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);

    /**
     * Each story on the sample site: the paths of its copies, and the watches it must raise one alert for
     * (demo-site/EXPECTED.md). 1002 and 2003 are one story told by two outlets: the later one updates the alerts
     * the first raised, after the update interval.
     */
    private static final Map<Set<String>, Set<String>> EXPECTED_ALERTS_PER_STORY = Map.of(
            Set.of("/techbrief/news/1001.html"), Set.of("china-ai-chips", "huawei-ascend", "china-chip-launches"),
            Set.of("/techbrief/news/1002.html", "/chipinsight/news/2003.html"),
            Set.of("china-ai-chips", "ai-infra-capex", "china-cloud-capex"),
            Set.of("/techbrief/news/1003.html"), Set.of("china-ai-chips"),
            Set.of("/techbrief/news/1004.html"), Set.of(),
            Set.of("/chipinsight/news/2001.euc-kr.html"), Set.of("nvidia-china-exports"),
            Set.of("/chipinsight/news/2002.html"), Set.of("china-ai-chips", "huawei-ascend"));
    private static final int ARTICLE_COUNT = 7;
    private static final int EXPECTED_ALERT_COUNT = (int) EXPECTED_ALERTS_PER_STORY.values().stream()
            .mapToLong(Set::size).sum();

    private final EmbeddedKafkaBroker broker;
    private final KafkaSettings kafka;
    private DemoNewsSite site;
    private StandaloneSystem system;
    private IngesterSettings ingester;
    private EnricherSettings enricher;
    private AlertsSettings alerts;

    NewswatchPipelineIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        this.kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
    }

    @BeforeEach
    void startSystem(@TempDir Path work) throws IOException {
        site = DemoNewsSite.start(0);
        Path sources = work.resolve("sources.yml");
        Files.writeString(sources, DemoCommand.demoSources(site.baseUrl(), Duration.ofSeconds(1)), StandardCharsets.UTF_8);
        Path config = ServiceLauncher.DEFAULT_CONFIG;
        ingester = ConfigLoader.loadSection(config, "ingester", IngesterSettings.class)
                .withSourcesFile(sources).withMetricsPort(FreePorts.any()).withHostDelay(Duration.ofMillis(50));
        enricher = ConfigLoader.loadSection(config, "enricher", EnricherSettings.class)
                .withStateDirectory(work.resolve("streams")).withMetricsPort(FreePorts.any());
        alerts = AlertsSettings.load(config)
                .withStateDirectory(work.resolve("streams")).withMetricsPort(FreePorts.any());
        system = StandaloneSystem.start(broker, KafkaSettings.defaults(), ingester, enricher, alerts);
    }

    @AfterEach
    void stopSystem() {
        system.close();
        site.close();
    }

    @Test
    void sampleArticlesRaiseTheExpectedAlertsWithEvidenceAndARestartRepeatsNothing() throws Exception {
        try (var alertTopic = new TopicRecords<>(kafka, Topics.ALERTS, Alert.class);
                var enrichedTopic = new TopicRecords<>(kafka, Topics.ENRICHED_ARTICLES, EnrichedArticle.class)) {
            await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> {
                assertThat(fromSite(enrichedTopic.values(), article -> article.article().url())).hasSize(ARTICLE_COUNT);
                assertThat(raised(alertTopic)).extracting(alert -> alert.watchId() + " " + path(alert.article().url()))
                        .hasSize(EXPECTED_ALERT_COUNT);
            });
            List<Alert> alertsRaised = raised(alertTopic);
            assertThat(alertsRaised).extracting(Alert::id).doesNotHaveDuplicates();

            for (Map.Entry<Set<String>, Set<String>> story : EXPECTED_ALERTS_PER_STORY.entrySet()) {
                assertThat(alertsRaised.stream().filter(alert -> story.getKey().contains(path(alert.article().url()))))
                        .as("alerts for the story told at %s", story.getKey())
                        .extracting(Alert::watchId)
                        .containsExactlyInAnyOrderElementsOf(story.getValue());
            }
            assertCopiesShareOneStoryId(fromSite(enrichedTopic.values(), article -> article.article().url()));
            assertEveryAlertIsOnItsWatchTopic(alertsRaised);
            assertExportControlAlertFromTheEucKrPage(alertsRaised);
            assertMonitoringUsesOnlyRealMetrics(Map.of("ingester", ingester.metricsPort(),
                    "enricher", enricher.metricsPort(), "alerts", alerts.metricsPort()));
        }

        system.close();
        long feedPollsBefore = site.requestCount(DemoNewsSite.RSS_FEED);
        system = StandaloneSystem.start(broker, KafkaSettings.defaults(), ingester, enricher, alerts);
        // Two more polls of the feed: the first after the restart has been completed, with every item seen.
        await().atMost(PIPELINE_TIMEOUT).until(() -> site.requestCount(DemoNewsSite.RSS_FEED) >= feedPollsBefore + 2);

        try (var rawTopic = new TopicRecords<>(kafka, Topics.RAW_ARTICLES, RawArticle.class);
                var alertTopic = new TopicRecords<>(kafka, Topics.ALERTS, Alert.class)) {
            assertThat(fromSite(rawTopic.values(), RawArticle::url)).hasSize(ARTICLE_COUNT);
            assertThat(raised(alertTopic)).hasSize(EXPECTED_ALERT_COUNT);
        }
    }

    /** The alerts raised, leaving out the updates that later reports of their event may have written since. */
    private List<Alert> raised(TopicRecords<Alert> alertTopic) {
        return fromSite(alertTopic.values(), alert -> alert.article().url()).stream()
                .filter(alert -> alert.revision() == 1).toList();
    }

    /** The records about the sample site's articles: other tests may share the broker and its topics. */
    private <T> List<T> fromSite(List<T> records, Function<T, String> url) {
        return records.stream().filter(record -> url.apply(record).startsWith(site.baseUrl())).toList();
    }

    private static void assertCopiesShareOneStoryId(List<EnrichedArticle> enriched) {
        Map<String, String> storyByPath = enriched.stream().collect(Collectors.toMap(
                article -> path(article.article().url()), EnrichedArticle::storyId));
        assertThat(storyByPath.get("/chipinsight/news/2003.html")).isEqualTo(storyByPath.get("/techbrief/news/1002.html"));
        assertThat(Set.copyOf(storyByPath.values())).hasSize(EXPECTED_ALERTS_PER_STORY.size());
    }

    private void assertEveryAlertIsOnItsWatchTopic(List<Alert> alertsRaised) {
        Map<String, List<Alert>> byWatch = alertsRaised.stream().collect(Collectors.groupingBy(Alert::watchId));
        for (Map.Entry<String, List<Alert>> watch : byWatch.entrySet()) {
            try (var watchTopic = new TopicRecords<>(kafka, Topics.watchAlerts(watch.getKey()), Alert.class)) {
                assertThat(raised(watchTopic)).extracting(Alert::id)
                        .containsExactlyInAnyOrderElementsOf(watch.getValue().stream().map(Alert::id).toList());
            }
        }
    }

    private static void assertExportControlAlertFromTheEucKrPage(List<Alert> alertsRaised) {
        Alert exportControls = alertsRaised.stream()
                .filter(alert -> alert.watchId().equals("nvidia-china-exports"))
                .findFirst().orElseThrow();
        assertThat(exportControls.article().title()).isEqualTo("미 상무부, 엔비디아 H20 대중국 수출 통제 강화 검토");
        assertThat(exportControls.article().outlet()).isEqualTo("칩인사이트");
        assertThat(exportControls.severity()).isEqualTo(Severity.HIGH);
        assertThat(exportControls.id()).isEqualTo("nvidia-china-exports:" + exportControls.eventId());
        assertThat(exportControls.matched()).anySatisfy(clause -> assertThat(clause).startsWith("when.topics: export-controls"))
                .anySatisfy(clause -> assertThat(clause).isEqualTo("when.any[1].chipsOf: nvidia-h20"));
        assertThat(exportControls.article().enrichedAt()).isAfterOrEqualTo(exportControls.article().fetchedAt());
        assertThat(exportControls.alertedAt()).isAfterOrEqualTo(exportControls.article().enrichedAt());
        assertThat(exportControls.entities()).extracting(EntityTag::id).contains("nvidia-h20");
        Evidence chip = exportControls.entities().stream().filter(entity -> entity.id().equals("nvidia-h20"))
                .findFirst().orElseThrow().evidence().get(0);
        assertThat(chip.matched()).isEqualTo("H20");
        assertThat(chip.sentence()).contains("H20");
        assertThat(exportControls.topics()).extracting(TopicTag::id).containsExactly("export-controls");
        assertThat(exportControls.topics().get(0).evidence())
                .anySatisfy(evidence -> assertThat(evidence.sentence()).contains("수출 통제"));
    }

    /**
     * Every service is ready, and every Newswatch and Kafka metric the Prometheus rules and the Grafana dashboards under
     * ops/ query is in the services' real /metrics output, which is saved for .ci/check-metrics to lint.
     */
    private static void assertMonitoringUsesOnlyRealMetrics(Map<String, Integer> portByService) throws Exception {
        Set<String> exposed = new TreeSet<>();
        for (Map.Entry<String, Integer> service : portByService.entrySet()) {
            assertThat(get(service.getValue(), "/ready").statusCode()).as("%s /ready", service.getKey()).isEqualTo(200);
            String scrape = metrics(service.getValue());
            assertThat(scrape).contains("newswatch_" + service.getKey() + "_");
            MonitoringFiles.saveScrape(service.getKey(), scrape);
            exposed.addAll(MonitoringFiles.sampleNames(scrape));
        }
        Set<String> used = new TreeSet<>(MonitoringFiles.metricsUsed());
        used.removeAll(MonitoringFiles.ONLY_AFTER_THEIR_EVENT);
        assertThat(used).as("metrics the rules and dashboards use, against those the services expose")
                .isNotEmpty().isSubsetOf(exposed);
    }

    private static String metrics(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = get(port, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }
}
