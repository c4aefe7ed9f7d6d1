package dev.newswatch.alerts.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;

import dev.newswatch.common.Topic;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.CompactedTopicReader;

/**
 * Which change of each alert the webhooks are done with, read at start from the compacted delivery log and kept
 * up to date as entries are committed. The consumer's offsets say the same in the normal course; the log also
 * holds when those offsets are gone (the group expired or was reset, a replay from the beginning), so a change
 * once delivered is never sent again.
 */
final class DeliveryLog {

    static final Topic<String, DeliveryRecord> TOPIC = Topic.json(Topics.WEBHOOK_DELIVERIES, DeliveryRecord.class);

    private final Map<String, Long> lastVersion = new HashMap<>();

    private DeliveryLog() {
    }

    /** Reads the whole log, read_committed: an entry of a transaction a killed process left open never counts. */
    static DeliveryLog read(KafkaSettings kafka, String clientId, Duration timeout) {
        DeliveryLog deliveryLog = new DeliveryLog();
        CompactedTopicReader.readLatest(kafka, clientId, TOPIC.name(), timeout, TOPIC.valueSerde().deserializer(),
                (alertId, entry) -> deliveryLog.remember(entry), deliveryLog.lastVersion::remove);
        return deliveryLog;
    }

    /** Whether the change of {@code alertId} at {@code version} was dealt with already. */
    boolean handled(String alertId, long version) {
        Long last = lastVersion.get(alertId);
        return last != null && last >= version;
    }

    /** To be called once the entry is committed. */
    void remember(DeliveryRecord entry) {
        lastVersion.merge(entry.alertId(), entry.version(), Math::max);
    }

    int size() {
        return lastVersion.size();
    }

    static ProducerRecord<String, byte[]> entry(DeliveryRecord entry) {
        return new ProducerRecord<>(TOPIC.name(), entry.alertId(), TOPIC.serialize(entry));
    }
}
