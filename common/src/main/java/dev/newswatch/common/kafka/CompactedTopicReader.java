package dev.newswatch.common.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.config.KafkaSettings;

/**
 * Reads a compacted state topic from its start to its end, with no consumer group: the whole topic is the
 * state, every time. read_committed, so what an aborted transaction wrote does not count.
 */
public final class CompactedTopicReader {

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private CompactedTopicReader() {
    }

    /** @param clientId names the reading client in the broker's logs and metrics */
    public static void readAll(KafkaSettings kafka, String clientId, String topic, Duration timeout,
            Consumer<ConsumerRecord<String, byte[]>> apply) {
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer(clientId, null))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, timeout) < end.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("cannot read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    apply.accept(record);
                }
            }
        }
    }

    /**
     * Reads a compacted topic of values keyed by id as the latest value of each key, in topic order:
     * {@code put} gets each value, {@code remove} the key of each tombstone. A record without a key means nothing
     * and is passed over; a value that cannot be read is logged with where it lies and passed over, so that one bad
     * record does not stop a start.
     */
    public static <V> void readLatest(KafkaSettings kafka, String clientId, String topic, Duration timeout,
            Deserializer<V> values, BiConsumer<String, V> put, Consumer<String> remove) {
        readAll(kafka, clientId, topic, timeout, record -> {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                remove.accept(record.key());
                return;
            }
            try {
                put.accept(record.key(), values.deserialize(record.topic(), record.value()));
            } catch (SerializationException e) {
                log.warn("Ignoring unreadable record {} at {}-{}@{}: {}", record.key(), record.topic(),
                        record.partition(), record.offset(), e.getMessage());
            }
        });
    }
}
