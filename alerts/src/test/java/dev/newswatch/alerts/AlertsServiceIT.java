package dev.newswatch.alerts;

import static dev.newswatch.alerts.Articles.article;
import static dev.newswatch.alerts.Articles.exportControls;
import static dev.newswatch.alerts.Articles.nvidiaH20;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.kafka.embedded.EmbeddedKafkaExtension;

@ExtendWith(EmbeddedKafkaExtension.class)
class AlertsServiceIT {

    @Test
    void publishesAlertsOfTheProjectWatchesAndDeadLettersPoison(EmbeddedKafkaBroker broker, @TempDir Path state)
            throws Exception {
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        AlertsSettings settings = AlertsSettings.defaults()
                .withStateDirectory(state)
                .withMetricsPort(0);
        EnrichedArticle article = article("it-1", List.of(nvidiaH20()), List.of(exportControls()));

        try (AlertsService service = new AlertsService(settings, kafka)) {
            service.start();
            await().atMost(Duration.ofSeconds(60)).until(service::isHealthy);

            try (var producer = new KafkaProducer<String, byte[]>(kafka.producer("alerts-it"))) {
                producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, "poison",
                        "not json".getBytes(StandardCharsets.UTF_8))).get();
                producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, "it-1",
                        JsonSerde.of(EnrichedArticle.class).serialize(Topics.ENRICHED_ARTICLES, article))).get();
            }

            List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
            try (var consumer = new KafkaConsumer<String, byte[]>(kafka.consumer("alerts-it", "alerts-it"))) {
                consumer.subscribe(Set.of(Topics.watchAlerts("nvidia-china-exports"), Topics.ENRICHED_ARTICLES_DEAD_LETTERS));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                    return received.size() >= 2;
                });
            }
            assertThat(received).anySatisfy(record -> {
                assertThat(record.topic()).isEqualTo(Topics.watchAlerts("nvidia-china-exports"));
                assertThat(record.key()).isEqualTo("nvidia-china-exports:it-1");
                Alert alert = JsonSerde.of(Alert.class).deserialize(record.topic(), record.value());
                assertThat(alert.watchName()).isEqualTo("Nvidia China exports");
            });
            assertThat(received).anySatisfy(record -> {
                assertThat(record.topic()).isEqualTo(Topics.ENRICHED_ARTICLES_DEAD_LETTERS);
                assertThat(record.value()).isEqualTo("not json".getBytes(StandardCharsets.UTF_8));
            });

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + service.metricsPort();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics)
                    .contains("newswatch_alerts_alerts_emitted_total{watch=\"nvidia-china-exports\"} 1.0")
                    .contains("newswatch_alerts_dead_letters_total{reason=\"invalid-record\"} 1.0")
                    .contains("newswatch_alerts_watches_dead{watch=\"nvidia-china-exports\"} 0.0")
                    .contains("kafka_stream");
        }
    }
}
