package dev.newswatch.alerts;

import static dev.newswatch.alerts.Articles.article;
import static dev.newswatch.alerts.Articles.exportControls;
import static dev.newswatch.alerts.Articles.huawei;
import static dev.newswatch.alerts.Articles.nvidiaH20;
import static dev.newswatch.alerts.TestWatches.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.alerts.watch.WatchTopic;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.Watch;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.kafka.embedded.EmbeddedKafkaExtension;

@ExtendWith(EmbeddedKafkaExtension.class)
class AlertsServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void alertsOnTheSeededWatchesTakesWatchesAddedPausedAndEditedWhileRunningAndDeadLettersPoison(
            EmbeddedKafkaBroker broker, @TempDir Path state) throws Exception {
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        Path watchesFile = Files.copy(TestWatches.SHIPPED_CONFIG.resolve("watches.yml"), state.resolve("watches.yml"));
        AlertsSettings settings = AlertsSettings.defaults()
                .withWatchesFile(watchesFile)
                .withStateDirectory(state)
                .withMetricsPort(0);

        try (AlertsService service = new AlertsService(settings, kafka);
                var producer = new KafkaProducer<String, byte[]>(kafka.producer("alerts-it"));
                WatchTopic watches = new WatchTopic(kafka, "alerts-it-watches")) {
            service.start();
            await().atMost(TIMEOUT).until(service::isHealthy);
            assertThat(watches.watches()).containsKeys("china-ai-chips", "nvidia-china-exports", "ai-infra-capex");
            assertCompacted(kafka, Topics.WATCH_DEFINITIONS);
            assertCompacted(kafka, Topics.watchAlerts("nvidia-china-exports"));

            send(producer, "poison", "not json".getBytes(StandardCharsets.UTF_8));
            send(producer, "it-1", article("it-1", List.of(nvidiaH20()), List.of(exportControls())));
            List<ConsumerRecord<String, byte[]>> received = readUntil(kafka, 2,
                    Topics.watchAlerts("nvidia-china-exports"), Topics.ENRICHED_ARTICLES_DEAD_LETTERS);
            assertThat(received).anySatisfy(record -> {
                assertThat(record.topic()).isEqualTo(Topics.watchAlerts("nvidia-china-exports"));
                assertThat(record.key()).isEqualTo("nvidia-china-exports:it-1");
                Alert alert = Topics.ALL_ALERTS.deserialize(record.value());
                assertThat(alert.watchName()).isEqualTo("Nvidia China exports");
            });
            assertThat(received).anySatisfy(record -> {
                assertThat(record.topic()).isEqualTo(Topics.ENRICHED_ARTICLES_DEAD_LETTERS);
                assertThat(record.value()).isEqualTo("not json".getBytes(StandardCharsets.UTF_8));
            });

            Watch added = watch("huawei-only", "{companies: [huawei], about: true}");
            watches.publish(added);
            // The topic is created when the service sees the watch, so it exists once the watch is in force.
            await().atMost(TIMEOUT).until(() -> topicExists(kafka, Topics.watchAlerts("huawei-only")));
            send(producer, "it-2", article("it-2", List.of(huawei()), List.of()));
            assertThat(readUntil(kafka, 1, Topics.watchAlerts("huawei-only")))
                    .extracting(ConsumerRecord::key).containsExactly("huawei-only:it-2");

            watches.publish(added.withPaused(true));
            await().atMost(TIMEOUT).until(() -> metrics(service).contains(
                    "newswatch_alerts_watches{state=\"paused\"} 1.0"));
            send(producer, "it-3", article("it-3", List.of(huawei()), List.of()));
            send(producer, "it-4", article("it-4", List.of(nvidiaH20()), List.of(exportControls())));
            readUntil(kafka, 2, Topics.watchAlerts("nvidia-china-exports"));
            assertThat(readUntil(kafka, 1, Topics.watchAlerts("huawei-only"))).hasSize(1);

            // An edit of the watches file is written to the topic: a watch it adds, and the removal of one it drops.
            String shipped = Files.readString(watchesFile, StandardCharsets.UTF_8);
            Files.writeString(watchesFile, shipped.replace("  - id: ai-infra-capex\n", "  - id: from-the-file\n"
                    + "    when: {topics: [funding]}\n\n  - id: ai-infra-capex-renamed\n"), StandardCharsets.UTF_8);
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(watches.watches()).containsKeys("from-the-file",
                    "ai-infra-capex-renamed").doesNotContainKey("ai-infra-capex"));

            assertThat(metrics(service))
                    .contains("newswatch_alerts_config_reloads_total{config=\"watches\",outcome=\"reloaded\"} 1.0")
                    .contains("newswatch_alerts_raised_total{watch=\"nvidia-china-exports\"} 2.0")
                    .contains("newswatch_alerts_raised_total{watch=\"huawei-only\"} 1.0")
                    .contains("newswatch_alerts_dead_letters_total{reason=\"invalid-record\"} 1.0")
                    .contains("newswatch_alerts_watches_dead{watch=\"nvidia-china-exports\"} 0.0")
                    .contains("kafka_stream");
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, EnrichedArticle article)
            throws Exception {
        send(producer, key, JsonSerde.of(EnrichedArticle.class).serialize(Topics.ENRICHED_ARTICLES, article));
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, key, value)).get();
    }

    /** Every record of {@code topics}, read from their beginning until there are at least {@code count}. */
    private static List<ConsumerRecord<String, byte[]>> readUntil(KafkaSettings kafka, int count, String... topics) {
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(kafka.consumer("alerts-it", null))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, TIMEOUT).forEach(info ->
                        partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= count;
            });
        }
        return received;
    }

    private static boolean topicExists(KafkaSettings kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.admin("alerts-it-admin"))) {
            return admin.listTopics().names().get().contains(topic);
        }
    }

    private static void assertCompacted(KafkaSettings kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.admin("alerts-it-admin"))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(Set.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(topic).isEqualTo("compact");
        }
    }

    private static String metrics(AlertsService service) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.metricsPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
