package dev.newswatch.alerts;

import static dev.newswatch.alerts.Articles.article;
import static dev.newswatch.alerts.Articles.copyInStory;
import static dev.newswatch.alerts.Articles.exportControls;
import static dev.newswatch.alerts.Articles.huawei;
import static dev.newswatch.alerts.Articles.nvidiaH20;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.newswatch.common.Topics;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.streams.DeadLetterHeaders;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AlertsTopologyTest {

    private static final List<Watch> WATCHES = List.of(
            new Watch("china-ai-chips", "China AI chips", "", List.of("huawei", "huawei-ascend-910c"), List.of()),
            new Watch("nvidia-china-exports", "Nvidia China exports", "", List.of("nvidia", "nvidia-h20"),
                    List.of("export-controls")),
            new Watch("ai-infra-capex", "AI infrastructure capex", "", List.of(), List.of("capex")));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> enriched;
    private TestOutputTopic<String, Alert> allAlerts;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        WatchMatcher matcher = new WatchMatcher(WATCHES, Clock.fixed(Instant.parse("2026-11-22T07:00:00Z"), ZoneOffset.UTC));
        AlertsMetrics metrics = new AlertsMetrics(registry, WATCHES.stream().map(Watch::id).toList());
        Properties config = new Properties();
        config.put("application.id", "alerts-topology-test");
        config.put("bootstrap.servers", "unused:9092");
        driver = new TopologyTestDriver(AlertsTopology.build(matcher, metrics, Duration.ofHours(72)), config);
        enriched = driver.createInputTopic(Topics.ENRICHED_ARTICLES, Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        allAlerts = alertsOn(Topics.ALERTS);
        deadLetters = driver.createOutputTopic(Topics.ENRICHED_ARTICLES_DEAD_LETTERS, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void articleMatchingTwoWatchesGivesTwoAlertsKeyedByAlertIdAndOneOnEachWatchTopic() {
        pipe(article("art-1", List.of(huawei(), nvidiaH20()), List.of(exportControls())));

        assertThat(allAlerts.readKeyValuesToList()).satisfiesExactly(
                first -> {
                    assertThat(first.key).isEqualTo("china-ai-chips:art-1");
                    assertThat(first.value.watchId()).isEqualTo("china-ai-chips");
                    assertThat(first.value.article().id()).isEqualTo("art-1");
                },
                second -> {
                    assertThat(second.key).isEqualTo("nvidia-china-exports:art-1");
                    assertThat(second.value.entities().get(0).evidence().get(0).sentence())
                            .isEqualTo(Articles.EXPORT_SENTENCE);
                });
        assertThat(alertsOn(Topics.watchAlerts("china-ai-chips")).readKeyValuesToList())
                .singleElement().satisfies(alert -> assertThat(alert.key).isEqualTo("china-ai-chips:art-1"));
        assertThat(alertsOn(Topics.watchAlerts("nvidia-china-exports")).readKeyValuesToList())
                .singleElement().satisfies(alert -> assertThat(alert.key).isEqualTo("nvidia-china-exports:art-1"));
        assertThat(alertsOn(Topics.watchAlerts("ai-infra-capex")).isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(alertsEmitted("china-ai-chips")).isEqualTo(1.0);
        assertThat(alertsEmitted("nvidia-china-exports")).isEqualTo(1.0);
        assertThat(alertsEmitted("ai-infra-capex")).isZero();
    }

    @Test
    void eachAlertRecordsItsDelaysFromPublicationAndFetchBySource() {
        pipe(article("art-1", List.of(huawei(), nvidiaH20()), List.of(exportControls())));

        // Articles.copyInStory: published 01:00, fetched 01:05 on 2026-11-20; the matcher's clock says 07:00 on the 22nd.
        Timer fromPublication = registry.get("newswatch.alerts.publication.to.alert").tag("source", "test-source").timer();
        Timer fromFetch = registry.get("newswatch.alerts.fetch.to.alert").tag("source", "test-source").timer();
        assertThat(fromPublication.count()).isEqualTo(2);
        assertThat(fromPublication.totalTime(TimeUnit.SECONDS)).isEqualTo(2 * Duration.ofHours(54).toSeconds());
        assertThat(fromFetch.count()).isEqualTo(2);
        assertThat(fromFetch.totalTime(TimeUnit.SECONDS)).isEqualTo(2 * Duration.ofHours(54).minusMinutes(5).toSeconds());
    }

    @Test
    void poisonRecordGoesToDeadLettersUntouchedAndTheNextRecordIsStillProcessed() {
        byte[] poison = "{\"schemaVersion\": 1, \"article\": 엉망".getBytes(StandardCharsets.UTF_8);
        enriched.pipeInput("broken-article", poison);
        pipe(article("art-2", List.of(huawei()), List.of()));

        TestRecord<String, byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.key()).isEqualTo("broken-article");
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(DeadLetterHeaders.read(deadLetter.headers(), DeadLetterHeaders.SOURCE_TOPIC))
                .isEqualTo(Topics.ENRICHED_ARTICLES);
        assertThat(DeadLetterHeaders.read(deadLetter.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(DeadLetterHeaders.read(deadLetter.headers(), DeadLetterHeaders.STAGE)).isEqualTo("match-watches");
        assertThat(DeadLetterHeaders.read(deadLetter.headers(), DeadLetterHeaders.FAILURE)).isEqualTo("invalid-record");
        assertThat(deadLetters.isEmpty()).isTrue();

        assertThat(allAlerts.readKeyValuesToList()).singleElement()
                .satisfies(alert -> assertThat(alert.key).isEqualTo("china-ai-chips:art-2"));
        assertThat(registry.get("newswatch.alerts.dead.letters").tag("reason", "invalid-record").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("newswatch.alerts.articles.checked").counter().count()).isEqualTo(1.0);
    }

    @Test
    void anArticleOfANewerSchemaVersionGoesToDeadLettersAndIsNotMatchedAsTheVersionThisCodeKnows() {
        String current = new String(JsonSerde.of(EnrichedArticle.class).serialize(Topics.ENRICHED_ARTICLES,
                article("art-3", List.of(huawei()), List.of())), StandardCharsets.UTF_8);
        byte[] newer = current.replaceFirst("\"schemaVersion\":1,", "\"schemaVersion\":999,")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(newer).isNotEqualTo(current.getBytes(StandardCharsets.UTF_8));
        enriched.pipeInput("art-3", newer);
        pipe(article("art-4", List.of(huawei()), List.of()));

        TestRecord<String, byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.value()).isEqualTo(newer);
        assertThat(DeadLetterHeaders.read(deadLetter.headers(), DeadLetterHeaders.FAILURE))
                .isEqualTo("unknown-schema-version");
        assertThat(DeadLetterHeaders.read(deadLetter.headers(), DeadLetterHeaders.ERROR_MESSAGE))
                .contains("EnrichedArticle schemaVersion 999 is newer than this service reads (1)");
        assertThat(allAlerts.readKeyValuesToList()).extracting(alert -> alert.key)
                .containsExactly("china-ai-chips:art-4");
        assertThat(registry.get("newswatch.alerts.dead.letters").tag("reason", "unknown-schema-version").counter()
                .count()).isEqualTo(1.0);
    }

    @Test
    void aWatchAlertsOnceForEachStoryNotForEachCopyOrReEdit() {
        Instant start = Instant.parse("2026-11-22T01:00:00Z");
        pipe(copyInStory("wire", "story-1", List.of(huawei()), List.of()), start);
        pipe(copyInStory("portal-copy", "story-1", List.of(huawei()), List.of()), start.plus(Duration.ofMinutes(5)));
        pipe(copyInStory("wire", "story-1", List.of(huawei()), List.of()), start.plus(Duration.ofMinutes(30)));
        pipe(copyInStory("other-story", "story-2", List.of(huawei()), List.of()), start.plus(Duration.ofMinutes(40)));

        assertThat(allAlerts.readKeyValuesToList()).extracting(alert -> alert.key)
                .containsExactly("china-ai-chips:wire", "china-ai-chips:other-story");
        assertThat(registry.get("newswatch.alerts.copies.suppressed").tag("watch", "china-ai-chips").counter().count())
                .isEqualTo(2.0);
    }

    @Test
    void aCopyArrivingAfterTheStoryWindowAlertsAgain() {
        Instant start = Instant.parse("2026-11-22T01:00:00Z");
        pipe(copyInStory("first", "story-1", List.of(huawei()), List.of()), start);
        pipe(copyInStory("much-later", "story-1", List.of(huawei()), List.of()), start.plus(Duration.ofHours(80)));

        assertThat(allAlerts.readKeyValuesToList()).extracting(alert -> alert.key)
                .containsExactly("china-ai-chips:first", "china-ai-chips:much-later");
    }

    private void pipe(EnrichedArticle article) {
        pipe(article, Instant.parse("2026-11-22T01:00:00Z"));
    }

    private void pipe(EnrichedArticle article, Instant at) {
        enriched.pipeInput(article.article().id(),
                JsonSerde.of(EnrichedArticle.class).serialize(Topics.ENRICHED_ARTICLES, article), at);
    }

    private TestOutputTopic<String, Alert> alertsOn(String topic) {
        return driver.createOutputTopic(topic, Serdes.String().deserializer(), JsonSerde.of(Alert.class));
    }

    private double alertsEmitted(String watchId) {
        return registry.get("newswatch.alerts.alerts.emitted").tag("watch", watchId).counter().count();
    }
}
