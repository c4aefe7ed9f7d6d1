package dev.newswatch.alerts;

import static dev.newswatch.alerts.Articles.article;
import static dev.newswatch.alerts.Articles.exportControls;
import static dev.newswatch.alerts.Articles.nvidiaH20;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;

/**
 * An alerts service with no article to read writes nothing to the broker: no transaction, no committed offset.
 * Wall-clock punctuations would make Kafka Streams commit a transaction each time they run. The broker is the
 * class's own, so no other test writes to its bookkeeping or reads the alerts written here.
 */
class AlertsIdleIT {

    @AutoClose
    private static final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Longer than the punctuations' second and the 100 ms commit interval many times over. */
    private static final Duration IDLE = Duration.ofSeconds(6);
    private static final List<String> BOOKKEEPING = List.of("__transaction_state", "__consumer_offsets");

    @Test
    void anIdleServiceCommitsNothingAndAnArticleStillCommits(@TempDir Path state) throws Exception {
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        Path watchesFile = Files.copy(TestWatches.SHIPPED_CONFIG.resolve("watches.yml"), state.resolve("watches.yml"));
        AlertsSettings settings = AlertsSettings.defaults().withWatchesFile(watchesFile).withStateDirectory(state)
                .withMetricsPort(0);

        try (AlertsService service = new AlertsService(settings, kafka);
                Admin admin = Admin.create(kafka.admin("alerts-idle-it-admin"));
                var producer = new KafkaProducer<String, byte[]>(kafka.producer("alerts-idle-it"))) {
            service.start();
            await().atMost(TIMEOUT).until(service::isHealthy);
            // Once its tasks have read an article, each punctuation would commit their offsets again in a transaction.
            send(producer, "idle-1");
            await().atMost(TIMEOUT).until(() -> endOffsets(admin, List.of(Topics.ALERTS)).values().stream()
                    .mapToLong(Long::longValue).sum() > 0);
            // Start-up writes (group joins, producer ids) settle; a service committing every second never does.
            AtomicReference<Map<TopicPartition, Long>> last = new AtomicReference<>(Map.of());
            await("bookkeeping topics unchanged for 3 s after start-up").atMost(TIMEOUT)
                    .pollInterval(Duration.ofSeconds(3))
                    .until(() -> last.getAndSet(endOffsets(admin, BOOKKEEPING)).equals(last.get()));
            Map<TopicPartition, Long> settled = last.get();

            await("bookkeeping topics unchanged while idle").during(IDLE).atMost(IDLE.plusSeconds(5))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> endOffsets(admin, BOOKKEEPING).equals(settled));
            System.out.printf("idle alerts service: %s log end offsets unchanged over %s%n", BOOKKEEPING, IDLE);

            send(producer, "idle-2");
            await().atMost(TIMEOUT).untilAsserted(() -> {
                Map<TopicPartition, Long> now = endOffsets(admin, BOOKKEEPING);
                assertThat(grewOn(settled, now, "__transaction_state")).as("transactions committed").isPositive();
                assertThat(grewOn(settled, now, "__consumer_offsets")).as("offsets committed").isPositive();
            });
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String articleId) throws Exception {
        byte[] article = JsonSerde.of(EnrichedArticle.class).serialize(Topics.ENRICHED_ARTICLES,
                article(articleId, List.of(nvidiaH20()), List.of(exportControls())));
        producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, articleId, article)).get();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                description.partitions().forEach(partition ->
                        latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static long grewOn(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after, String topic) {
        return after.entrySet().stream().filter(entry -> entry.getKey().topic().equals(topic))
                .mapToLong(entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0L)).sum();
    }
}
