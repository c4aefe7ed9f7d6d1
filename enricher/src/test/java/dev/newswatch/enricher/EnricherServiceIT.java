package dev.newswatch.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.streams.DeadLetterHeaders;
import dev.newswatch.enricher.grouping.StoryFixtures;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.kafka.embedded.EmbeddedKafkaExtension;

@ExtendWith(EmbeddedKafkaExtension.class)
class EnricherServiceIT {

    @Test
    void enrichesRawArticlesFromTheBrokerAndReportsHealthAndMetrics(EmbeddedKafkaBroker broker,
            @TempDir Path stateDirectory) throws Exception {
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        EnricherSettings settings = EnricherSettings.defaults()
                .withMetricsPort(0)
                .withStateDirectory(stateDirectory)
                .withApplicationId("enricher-it");
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, "it-1", "demo", "데모뉴스",
                "https://news.example/it-1", "엔비디아 H20 수출 통제 강화", Instant.parse("2026-11-22T06:00:00Z"), null,
                Instant.parse("2026-11-22T06:01:00Z"), "ko", null, null, "미국 상무부가 엔비디아의 H20 수출 통제를 강화했다.", "fp");

        try (EnricherService service = new EnricherService(settings, kafka)) {
            service.start();
            send(kafka, raw.id(), JsonSerde.of(RawArticle.class).serialize(Topics.RAW_ARTICLES, raw));

            EnrichedArticle enriched = enriched(awaitRecord(kafka, Topics.ENRICHED_ARTICLES, "it-1"));
            assertThat(enriched.entities()).extracting(EntityTag::id).containsExactly("nvidia", "nvidia-h20");
            assertThat(enriched.storyId()).isEqualTo("it-1");

            await().atMost(Duration.ofSeconds(30)).until(service::isHealthy);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.metricsPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.metricsPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // Other tests of this class share news.raw, so counts are at least, not exactly, this test's.
            assertThat(metrics.body()).containsPattern("newswatch_enricher_articles_enriched_total [1-9]")
                    .containsPattern("newswatch_enricher_entity_tags_total\\{kind=\"chip\"} [1-9]")
                    .contains("newswatch_enricher_stories_total{outcome=\"too-short\"}")
                    .contains("kafka_stream");
        }
    }

    @Test
    void sendsInvalidJsonToTheDeadLetterTopicAndEnrichesTheNextRecord(EmbeddedKafkaBroker broker,
            @TempDir Path stateDirectory) throws Exception {
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        EnricherSettings settings = EnricherSettings.defaults()
                .withMetricsPort(0)
                .withStateDirectory(stateDirectory)
                .withApplicationId("enricher-it-dead-letters");
        byte[] poison = "{\"id\": \"poison-1\", \"title\": 화웨이".getBytes(StandardCharsets.UTF_8);

        try (EnricherService service = new EnricherService(settings, kafka)) {
            service.start();
            send(kafka, "poison-1", poison);
            send(kafka, StoryFixtures.EXPORT_REVIEW.id(), json(StoryFixtures.EXPORT_REVIEW));

            ConsumerRecord<String, byte[]> dead = awaitRecord(kafka, Topics.RAW_ARTICLES_DEAD_LETTERS, "poison-1");
            assertThat(dead.value()).isEqualTo(poison);
            assertThat(DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.SOURCE_TOPIC))
                    .isEqualTo(Topics.RAW_ARTICLES);
            assertThat(DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.FAILURE)).isEqualTo("invalid-record");
            assertThat(DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.STAGE)).isEqualTo("enrich");
            assertThat(DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isNotBlank();

            EnrichedArticle next = enriched(
                    awaitRecord(kafka, Topics.ENRICHED_ARTICLES, StoryFixtures.EXPORT_REVIEW.id()));
            assertThat(next.entities()).extracting(EntityTag::id).contains("nvidia", "nvidia-h20");
            assertThat(service.isHealthy()).isTrue();
        }
    }

    @Test
    void keepsTheStoryIndexAcrossARestartThatLostItsLocalState(EmbeddedKafkaBroker broker,
            @TempDir Path firstStateDirectory, @TempDir Path secondStateDirectory) throws Exception {
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        EnricherSettings settings = EnricherSettings.defaults()
                .withMetricsPort(0)
                .withApplicationId("enricher-it-stories");

        try (EnricherService service = new EnricherService(settings.withStateDirectory(firstStateDirectory), kafka)) {
            service.start();
            send(kafka, StoryFixtures.WIRE.id(), json(StoryFixtures.WIRE));
            assertThat(enriched(awaitRecord(kafka, Topics.ENRICHED_ARTICLES, StoryFixtures.WIRE.id())).storyId())
                    .isEqualTo(StoryFixtures.WIRE.id());
        }

        // A new state directory: the index can only come back from its changelog topics.
        try (EnricherService service = new EnricherService(settings.withStateDirectory(secondStateDirectory), kafka)) {
            service.start();
            send(kafka, StoryFixtures.AGENCY_REWRITE.id(), json(StoryFixtures.AGENCY_REWRITE));
            send(kafka, StoryFixtures.PHONE_LAUNCH.id(), json(StoryFixtures.PHONE_LAUNCH));

            assertThat(enriched(awaitRecord(kafka, Topics.ENRICHED_ARTICLES, StoryFixtures.AGENCY_REWRITE.id()))
                    .storyId()).isEqualTo(StoryFixtures.WIRE.id());
            assertThat(enriched(awaitRecord(kafka, Topics.ENRICHED_ARTICLES, StoryFixtures.PHONE_LAUNCH.id()))
                    .storyId()).isEqualTo(StoryFixtures.PHONE_LAUNCH.id());
        }
    }

    private static byte[] json(RawArticle article) {
        return JsonSerde.of(RawArticle.class).serialize(Topics.RAW_ARTICLES, article);
    }

    private static EnrichedArticle enriched(ConsumerRecord<String, byte[]> record) {
        return JsonSerde.of(EnrichedArticle.class).deserialize(Topics.ENRICHED_ARTICLES, record.value());
    }

    private static void send(KafkaSettings kafka, String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(kafka.producer("enricher-it-producer"))) {
            producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, key, value)).get();
        }
    }

    /** The first committed record with {@code key} on {@code topic}, read by a reader of its own. */
    private static ConsumerRecord<String, byte[]> awaitRecord(KafkaSettings kafka, String topic, String key) {
        String reader = "enricher-it-reader-" + UUID.randomUUID();
        AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(kafka.consumer(reader, reader))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key()) && found.get() == null) {
                        found.set(record);
                    }
                }
                return found.get() != null;
            });
        }
        return found.get();
    }
}
