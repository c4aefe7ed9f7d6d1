package dev.newswatch.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
            try (var producer = new KafkaProducer<String, byte[]>(kafka.producer("enricher-it-producer"))) {
                producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, raw.id(),
                        JsonSerde.of(RawArticle.class).serialize(Topics.RAW_ARTICLES, raw))).get();
            }

            List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
            try (var consumer = new KafkaConsumer<String, byte[]>(kafka.consumer("enricher-it-reader", "enricher-it-reader"))) {
                consumer.subscribe(List.of(Topics.ENRICHED_ARTICLES));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                    return !received.isEmpty();
                });
            }
            EnrichedArticle enriched = JsonSerde.of(EnrichedArticle.class)
                    .deserialize(Topics.ENRICHED_ARTICLES, received.get(0).value());
            assertThat(received.get(0).key()).isEqualTo("it-1");
            assertThat(enriched.entities()).extracting(EntityTag::id).containsExactly("nvidia", "nvidia-h20");

            await().atMost(Duration.ofSeconds(30)).until(service::isHealthy);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.metricsPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.metricsPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("newswatch_enricher_articles_enriched_total 1.0")
                    .contains("newswatch_enricher_entity_tags_total{kind=\"chip\"} 1.0")
                    .contains("kafka_stream");
        }
    }
}
