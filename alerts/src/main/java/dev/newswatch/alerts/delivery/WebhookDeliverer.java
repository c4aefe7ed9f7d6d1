package dev.newswatch.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.WebhookTarget;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.common.net.AddressGuard;

/**
 * Sends every alert change of a watch with a webhook to it, once, also across a {@code kill -9}.
 *
 * <p>A consumer group reads {@code news.alerts} read_committed, one record at a time. A change is sent (with
 * retries, see {@link RetryingSender}) before anything about it is committed; then one Kafka transaction writes
 * its delivery-log entry, its dead-letter record if it failed for good, and the consumer's offset past it. So the
 * log and the offsets never disagree, and after a crash the service resumes at the first change whose transaction
 * did not commit. A change is therefore sent until it has an outcome, and a change with a committed outcome is
 * never sent again. The one case of a second request is a crash after the receiver's answer and before the
 * commit: that request carries the same {@code Idempotency-Key} ({@code <alert-id>/<version>}), so a receiver
 * that remembers keys sees each change once. Exactly once end to end needs the receiver's part: HTTP has no
 * transaction to join.
 *
 * <p>One change at a time per partition, in order: a receiver that keeps failing holds the changes behind it
 * for at most its attempts' worth of backoff.
 *
 * <p>Several alerts instances share news.alerts' partitions through the group, each delivering with its own
 * transactional id; each transaction carries the group's metadata, so the broker refuses the commit of an
 * instance whose partitions moved on (KIP-447), and the instance now owning them resumes after the last commit.
 */
public final class WebhookDeliverer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Offsets of changes with nothing to send are committed together at most this long after. */
    private static final Duration OFFSET_FLUSH_INTERVAL = Duration.ofSeconds(1);
    private static final Duration LOG_READ_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaSettings kafka;
    private final String clientId;
    private final String transactionalId;
    private final DeliverySettings settings;
    private final WebhookTargets targets;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final RetryingSender sender;
    private final Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;

    /**
     * @param applicationId the alerts service's; names the consumer group the alerts instances share news.alerts in
     * @param instanceId    this instance's, in its transactional id: a restart fences its killed predecessor, and
     *                      the group's metadata in each transaction fences an instance that lost its partitions
     * @param targets       the webhooks of the watches
     */
    public WebhookDeliverer(KafkaSettings kafka, String applicationId, String instanceId, DeliverySettings settings,
            WebhookTargets targets, WebhookMetrics metrics, AddressGuard guard,
            Clock clock) {
        this.kafka = kafka;
        this.clientId = applicationId + "-webhooks";
        this.transactionalId = clientId + "-" + instanceId;
        this.settings = settings;
        this.targets = targets;
        this.metrics = metrics;
        this.clock = clock;
        this.sender = new RetryingSender(new WebhookClient(guard, settings.requestTimeout()), settings, stopping,
                clock);
        this.thread = new Thread(this::deliverUntilStopped, clientId);
    }

    /** Creates the delivery-log and dead-letter topics, then delivers on its own thread until closed. */
    public void start(List<String> watchesWithWebhooks) {
        TopicCreator topics = new TopicCreator(kafka, clientId + "-admin");
        topics.ensureCompacted(Topics.WEBHOOK_DELIVERIES);
        topics.ensure(List.of(Topics.ALL_ALERTS.name(), Topics.WEBHOOK_DEAD_LETTERS.name()));
        watchesWithWebhooks.forEach(metrics::watchHasWebhook);
        thread.start();
    }

    private void deliverUntilStopped() {
        while (stopping.getCount() > 0) {
            Map<String, Object> consumerConfig = new HashMap<>(kafka.consumer(clientId, clientId));
            // One change per poll: a change may take its attempts' worth of backoff, far below max.poll.interval.ms.
            consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    kafka.transactionalProducer(clientId, transactionalId));
                    KafkaConsumer<String, byte[]> alerts = new KafkaConsumer<>(consumerConfig)) {
                consumer = alerts;
                // Aborts whatever transaction a killed predecessor left open, before the log is read past it.
                producer.initTransactions();
                DeliveryLog deliveryLog = DeliveryLog.read(kafka, clientId + "-log", LOG_READ_TIMEOUT);
                log.info("Webhook delivery log read: {} alerts dealt with", deliveryLog.size());
                alerts.subscribe(List.of(Topics.ALL_ALERTS.name()));
                deliver(alerts, producer, deliveryLog);
            } catch (WakeupException | InterruptException | InterruptedException stopped) {
                return;
            } catch (ProducerFencedException fenced) {
                log.error("Webhook delivery stops: another process took over transactional id {} (two alerts instances"
                        + " with one alerts.instanceId?)", transactionalId);
                return;
            } catch (RuntimeException e) {
                log.error("Webhook delivery failed; starting again from the last commit in {}", RESTART_PAUSE, e);
                if (pause(RESTART_PAUSE)) {
                    return;
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void deliver(KafkaConsumer<String, byte[]> alerts, KafkaProducer<String, byte[]> producer,
            DeliveryLog deliveryLog) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
        Instant lastCommit = clock.instant();
        while (stopping.getCount() > 0) {
            var records = alerts.poll(POLL);
            for (ConsumerRecord<String, byte[]> record : records) {
                Optional<Handled> handled = handle(record, deliveryLog);
                if (handled.isEmpty()) {
                    return;
                }
                uncommitted.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
                if (!handled.get().records().isEmpty()) {
                    commit(producer, alerts, handled.get().records(), uncommitted);
                    uncommitted.clear();
                    lastCommit = clock.instant();
                    handled.get().logged().ifPresent(deliveryLog::remember);
                    metrics.delivered(handled.get().watchId(), handled.get().outcome(), handled.get().took());
                }
            }
            if (!uncommitted.isEmpty() && (records.isEmpty()
                    || Duration.between(lastCommit, clock.instant()).compareTo(OFFSET_FLUSH_INTERVAL) >= 0)) {
                commit(producer, alerts, List.of(), uncommitted);
                uncommitted.clear();
                lastCommit = clock.instant();
            }
        }
    }

    /** What to commit for one change, and what to count once it is committed. */
    private record Handled(String watchId, DeliveryOutcome outcome, Duration took,
            List<ProducerRecord<String, byte[]>> records, Optional<DeliveryRecord> logged) {

        static final Handled NOTHING_TO_SEND = new Handled(null, null, Duration.ZERO, List.of(), Optional.empty());
    }

    /** @return empty when the service stopped before the change had an outcome */
    private Optional<Handled> handle(ConsumerRecord<String, byte[]> record, DeliveryLog deliveryLog)
            throws InterruptedException {
        // Reading every alert costs more than all else the deliverer does with a change it has nothing to send.
        if (record.value() == null || !targets.any()) {
            return Optional.of(Handled.NOTHING_TO_SEND);
        }
        Alert alert;
        try {
            alert = Topics.ALL_ALERTS.deserialize(record.value());
        } catch (SerializationException e) {
            log.warn("Unreadable alert at {}-{} offset {} goes to {}: {}", record.topic(), record.partition(),
                    record.offset(), Topics.WEBHOOK_DEAD_LETTERS.name(), e.getMessage());
            return Optional.of(new Handled(WebhookMetrics.UNKNOWN_WATCH, DeliveryOutcome.INVALID, Duration.ZERO,
                    List.of(WebhookDeadLetters.of(record, DeliveryOutcome.INVALID, e.getMessage(), null, 0)),
                    Optional.empty()));
        }
        String alertId = record.key() == null ? alert.id() : record.key();
        Optional<WebhookTarget> target = targets.of(alert.watchId());
        if (target.isEmpty() || deliveryLog.handled(alertId, record.offset())) {
            return Optional.of(Handled.NOTHING_TO_SEND);
        }
        String idempotencyKey = alertId + "/" + record.offset();
        RetryingSender.Sent sent;
        if (Duration.between(alert.alertedAt(), clock.instant()).compareTo(settings.maxAlertAge()) > 0) {
            sent = new RetryingSender.Sent(DeliveryOutcome.EXPIRED, 0, "alerted at " + alert.alertedAt()
                    + ", more than " + settings.maxAlertAge() + " ago", Duration.ZERO);
        } else {
            Optional<RetryingSender.Sent> outcome = sender.send(alert.watchId(), target.get(), idempotencyKey,
                    WebhookBody.of(target.get().format(), alert, record.value()));
            if (outcome.isEmpty()) {
                return Optional.empty();
            }
            sent = outcome.get();
        }
        DeliveryRecord entry = new DeliveryRecord(DeliveryRecord.SCHEMA_VERSION, alertId, alert.watchId(),
                record.offset(), idempotencyKey, sent.outcome(), sent.attempts(), sent.detail(), clock.instant());
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(List.of(DeliveryLog.entry(entry)));
        if (sent.outcome().deadLettered()) {
            log.warn("Webhook of watch '{}' gave up on {}: {} ({}); the alert goes to {}", alert.watchId(),
                    idempotencyKey, sent.outcome().tag(), sent.detail(), Topics.WEBHOOK_DEAD_LETTERS.name());
            records.add(WebhookDeadLetters.of(record, sent.outcome(), sent.detail(), idempotencyKey,
                    sent.attempts()));
        }
        return Optional.of(new Handled(alert.watchId(), sent.outcome(), sent.took(), records, Optional.of(entry)));
    }

    /** Writes {@code records} and moves the group's offsets to {@code offsets} in one transaction. */
    private static void commit(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> alerts,
            List<ProducerRecord<String, byte[]>> records, Map<TopicPartition, OffsetAndMetadata> offsets) {
        producer.beginTransaction();
        try {
            records.forEach(producer::send);
            producer.sendOffsetsToTransaction(offsets, alerts.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException fenced) {
            throw fenced;
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    /** @return whether the service is stopping */
    private boolean pause(Duration wait) {
        try {
            return stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Stops between changes or during a backoff; a change without a committed outcome is sent again next start. */
    @Override
    public void close() {
        stopping.countDown();
        KafkaConsumer<String, byte[]> polling = consumer;
        if (polling != null) {
            polling.wakeup();
        }
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
