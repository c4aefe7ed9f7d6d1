package dev.newswatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.WebhookFormat;
import dev.newswatch.common.events.WebhookTarget;
import dev.newswatch.common.kafka.CompactedTopicReader;
import dev.newswatch.common.net.AddressGuard;
import dev.newswatch.common.streams.DeadLetterHeaders;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Alert changes on news.alerts, on a real broker, delivered to a real receiver on 127.0.0.1 that fails the first
 * attempts of every change, or every attempt, or is never asked because the watch does not allow a loopback URL.
 * The broker is the class's own, so the alerts written here reach no other test that reads news.alerts.
 */
class WebhookDeliveryIT {

    @AutoClose
    private static final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();

    private static final DeliverySettings QUICK = new DeliverySettings(3, Duration.ofMillis(20),
            Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofHours(1));
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int FAILURES_BEFORE_SUCCESS = 2;

    /** Watch ids unique to each test, as the two share the broker. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String flaky = "flaky-" + run;
    private final String down = "down-" + run;
    private final String guarded = "guarded-" + run;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<WebhookDeliverer> deliverers = new ArrayList<>();
    private final WebhookReceiver receiver = WebhookReceiver.start((key, attempt) ->
            key.startsWith(down) ? 500 : attempt <= FAILURES_BEFORE_SUCCESS ? 503 : 200);

    @AfterEach
    void stop() {
        deliverers.forEach(WebhookDeliverer::close);
        receiver.close();
    }

    @Test
    void eachChangeArrivesOnceThoughTheFirstAttemptsFailAndWhatNeverArrivesIsDeadLettered() throws Exception {
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        startDeliverer(kafka);
        List<String> flakyAlerts = publish(kafka, flaky, 5);
        List<String> downAlerts = publish(kafka, down, 2);
        List<String> guardedAlerts = publish(kafka, guarded, 1);

        await().atMost(TIMEOUT).until(() -> deadLetters(kafka).size() == 3
                && receiver.acceptedByKey().size() == flakyAlerts.size());

        Map<String, Long> accepted = receiver.acceptedByKey();
        System.out.println("WebhookDelivery: " + receiver.requests().size() + " requests, " + accepted.size()
                + " changes accepted, each " + accepted.values().stream().distinct().toList() + " time(s); "
                + deadLetters(kafka).size() + " dead-lettered");
        assertThat(accepted.keySet()).extracting(key -> key.substring(0, key.lastIndexOf('/')))
                .containsExactlyInAnyOrderElementsOf(flakyAlerts);
        assertThat(accepted.values()).containsOnly(1L);
        assertThat(receiver.requests()).filteredOn(request -> request.path().equals("/" + flaky))
                .hasSize(flakyAlerts.size() * (FAILURES_BEFORE_SUCCESS + 1));
        assertThat(receiver.requests()).filteredOn(request -> request.path().equals("/" + down))
                .hasSize(downAlerts.size() * QUICK.maxAttempts());
        assertThat(receiver.requests()).noneMatch(request -> request.path().equals("/" + guarded));

        Map<String, ConsumerRecord<String, byte[]>> deadLetters = deadLetters(kafka);
        assertThat(deadLetters.keySet()).containsExactlyInAnyOrderElementsOf(
                concat(downAlerts, guardedAlerts));
        downAlerts.forEach(alertId -> {
            ConsumerRecord<String, byte[]> deadLetter = deadLetters.get(alertId);
            assertThat(header(deadLetter, DeadLetterHeaders.FAILURE)).isEqualTo("failed");
            assertThat(header(deadLetter, DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("HTTP 500 after 3 attempts");
            assertThat(header(deadLetter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.ALERTS);
            assertThat(Topics.ALL_ALERTS.deserialize(deadLetter.value()).id()).isEqualTo(alertId);
        });
        assertThat(header(deadLetters.get(guardedAlerts.get(0)), DeadLetterHeaders.FAILURE)).isEqualTo("refused");

        assertThat(deliveryLog(kafka)).containsOnlyKeys(concat(concat(flakyAlerts, downAlerts), guardedAlerts))
                .extractingFromEntries(entry -> entry.getValue().outcome())
                .containsOnly(DeliveryOutcome.DELIVERED, DeliveryOutcome.FAILED, DeliveryOutcome.REFUSED);
        assertThat(deliveries(flaky, DeliveryOutcome.DELIVERED)).isEqualTo(flakyAlerts.size());
        assertThat(deliveries(down, DeliveryOutcome.FAILED)).isEqualTo(downAlerts.size());
        assertThat(deliveries(guarded, DeliveryOutcome.REFUSED)).isEqualTo(1);
        assertThat(registry.get("newswatch.alerts.webhook.delivery.duration").tag("outcome", "delivered").timer()
                .count()).isEqualTo(flakyAlerts.size());
    }

    /**
     * Two alerts instances share news.alerts, each delivering with its own transactional id: the second does not
     * fence the first, which delivers everything once the second has gone.
     */
    @Test
    void twoInstancesDeliverSideBySideAndEitherCarriesOnAlone() throws Exception {
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        Map<String, WebhookTarget> targets = Map.of(
                flaky, new WebhookTarget(receiver.url("/" + flaky), WebhookFormat.JSON, true));
        WebhookDeliverer first = startDeliverer(kafka, targets, "instance-1");
        List<String> before = publish(kafka, flaky, 4);
        await().atMost(TIMEOUT).until(() -> receiver.acceptedByKey().size() == before.size());

        WebhookDeliverer second = startDeliverer(kafka, targets, "instance-2");
        List<String> together = publish(kafka, flaky, 4);
        await().atMost(TIMEOUT).until(() -> receiver.acceptedByKey().size() == before.size() + together.size());
        second.close();

        List<String> after = publish(kafka, flaky, 4);
        await().atMost(TIMEOUT).until(() -> receiver.acceptedByKey().size()
                == before.size() + together.size() + after.size());
        assertThat(receiver.acceptedByKey().values()).as("each change accepted once").containsOnly(1L);
        first.close();
    }

    @Test
    void aRestartedDelivererSendsOnlyWhatCameAfter() throws Exception {
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        WebhookDeliverer first = startDeliverer(kafka);
        List<String> before = publish(kafka, flaky, 3);
        await().atMost(TIMEOUT).until(() -> receiver.acceptedByKey().size() == before.size());
        first.close();
        int requestsBefore = receiver.requests().size();

        startDeliverer(kafka);
        List<String> after = publish(kafka, flaky, 2);
        await().atMost(TIMEOUT).until(() -> receiver.acceptedByKey().size() == before.size() + after.size());

        assertThat(receiver.acceptedByKey().values()).containsOnly(1L);
        assertThat(receiver.requests().size() - requestsBefore).as("requests after the restart")
                .isEqualTo(after.size() * (FAILURES_BEFORE_SUCCESS + 1));
    }

    @Test
    void whileNoWatchHasAWebhookAlertsAreNotReadAndAWebhookAddedLaterGetsTheAlertsAfter() throws Exception {
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        Map<String, WebhookTarget> targets = new ConcurrentHashMap<>();
        startDeliverer(kafka, targets);
        // Unread, this record is no dead letter: the deliverer only passes it.
        try (var producer = new KafkaProducer<String, byte[]>(kafka.producer("webhook-it"))) {
            producer.send(new ProducerRecord<>(Topics.ALERTS, flaky + ":unreadable",
                    "not an alert".getBytes(StandardCharsets.UTF_8))).get();
        }
        List<String> unsent = publish(kafka, flaky, 1);
        await().atMost(TIMEOUT).until(() -> passedEveryAlert(kafka));

        targets.put(flaky, new WebhookTarget(receiver.url("/" + flaky), WebhookFormat.JSON, true));
        List<String> sent = publish(kafka, flaky, 1);
        await().atMost(TIMEOUT).until(() -> receiver.acceptedByKey().size() == 1);

        assertThat(receiver.acceptedByKey().keySet()).extracting(key -> key.substring(0, key.lastIndexOf('/')))
                .containsExactlyElementsOf(sent).doesNotContainAnyElementsOf(unsent);
        assertThat(deadLetters(kafka)).isEmpty();
        assertThat(deliveryLog(kafka)).containsOnlyKeys(sent);
    }

    private WebhookDeliverer startDeliverer(KafkaSettings kafka) {
        return startDeliverer(kafka, Map.of(
                flaky, new WebhookTarget(receiver.url("/" + flaky), WebhookFormat.JSON, true),
                down, new WebhookTarget(receiver.url("/" + down), WebhookFormat.SLACK, true),
                guarded, new WebhookTarget(receiver.url("/" + guarded), WebhookFormat.JSON, false)));
    }

    private WebhookDeliverer startDeliverer(KafkaSettings kafka, Map<String, WebhookTarget> targets) {
        return startDeliverer(kafka, targets, "instance-1");
    }

    private WebhookDeliverer startDeliverer(KafkaSettings kafka, Map<String, WebhookTarget> targets,
            String instanceId) {
        WebhookDeliverer deliverer = new WebhookDeliverer(kafka, "webhook-it-" + run, instanceId, QUICK,
                new WebhookTargets() {
                @Override
                public Optional<WebhookTarget> of(String watchId) {
                    return Optional.ofNullable(targets.get(watchId));
                }

                @Override
                public boolean any() {
                    return !targets.isEmpty();
                }
            }, new WebhookMetrics(registry), new AddressGuard(), Clock.systemUTC());
        deliverer.start(List.copyOf(targets.keySet()));
        deliverers.add(deliverer);
        return deliverer;
    }

    /** Whether this run's deliverer has committed its group's offsets up to the end of news.alerts. */
    private boolean passedEveryAlert(KafkaSettings kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.admin("webhook-it-admin"))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                    "webhook-it-" + run + "-webhooks").partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(Topics.ALERTS)).allTopicNames().get().get(Topics.ALERTS).partitions()
                    .forEach(partition -> latest.put(new TopicPartition(Topics.ALERTS, partition.partition()),
                            OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> end.getValue().offset()
                    == 0 || committed.containsKey(end.getKey())
                    && committed.get(end.getKey()).offset() >= end.getValue().offset());
        }
    }

    /** Publishes {@code count} alerts of {@code watchId} as the alerts topology would; returns their ids. */
    private static List<String> publish(KafkaSettings kafka, String watchId, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (var producer = new KafkaProducer<String, byte[]>(kafka.producer("webhook-it"))) {
            for (int i = 0; i < count; i++) {
                Alert alert = Alerts.alert(watchId, UUID.randomUUID().toString().substring(0, 16),
                        "화웨이, 어센드 신제품 공개 " + i, Instant.now());
                producer.send(new ProducerRecord<>(Topics.ALERTS, alert.id(), Topics.ALL_ALERTS.serialize(alert))).get();
                ids.add(alert.id());
            }
        }
        return ids;
    }

    private Map<String, ConsumerRecord<String, byte[]>> deadLetters(KafkaSettings kafka) {
        Map<String, ConsumerRecord<String, byte[]>> ours = new HashMap<>();
        CompactedTopicReader.readAll(kafka, "webhook-it", Topics.ALERT_WEBHOOK_DEAD_LETTERS, TIMEOUT, record -> {
            if (record.key() != null && record.key().contains(run)) {
                ours.put(record.key(), record);
            }
        });
        return ours;
    }

    private Map<String, DeliveryRecord> deliveryLog(KafkaSettings kafka) {
        Map<String, DeliveryRecord> ours = new HashMap<>();
        CompactedTopicReader.readAll(kafka, "webhook-it", Topics.WEBHOOK_DELIVERIES, TIMEOUT, record -> {
            if (record.key().contains(run)) {
                ours.put(record.key(), DeliveryLog.TOPIC.deserialize(record.value()));
            }
        });
        return ours;
    }

    private double deliveries(String watchId, DeliveryOutcome outcome) {
        return registry.get("newswatch.alerts.webhook.deliveries").tag("watch", watchId).tag("outcome", outcome.tag())
                .counter().count();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return DeadLetterHeaders.read(record.headers(), name);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
