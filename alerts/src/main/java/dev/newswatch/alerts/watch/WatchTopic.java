package dev.newswatch.alerts.watch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.Watch;
import dev.newswatch.common.kafka.TopicCreator;

/**
 * The compacted topic {@code newswatch.watches} as its writers see it: what it holds now, read to its end, and
 * writes that wait until the broker has them. The alerts service seeds it; {@code newswatch watches} manages it.
 */
public final class WatchTopic implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaSettings kafka;
    private final String clientId;
    private KafkaProducer<String, byte[]> producer;

    public WatchTopic(KafkaSettings kafka, String clientId) {
        this.kafka = kafka;
        this.clientId = clientId;
    }

    /** Creates the topic, compacted, unless it exists. */
    public void create() {
        new TopicCreator(kafka, clientId + "-admin").ensureCompacted(Topics.WATCH_DEFINITIONS);
    }

    /** What a record of the topic holds: a watch, or why it holds none that can be read. */
    public record Row(Watch watch, String unreadable) {
    }

    /** Every watch the topic holds now, by id; a record that cannot be read is a row saying why. */
    public Map<String, Row> read() {
        Map<String, Row> rows = new TreeMap<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(kafka.consumer(clientId + "-reader", null))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.WATCH_DEFINITIONS, READ_TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.WATCH_DEFINITIONS + " to its end within "
                            + READ_TIMEOUT + " from " + kafka.bootstrapServers());
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        rows.remove(record.key());
                    } else {
                        rows.put(record.key(), row(record.value()));
                    }
                }
            }
        }
        return rows;
    }

    /** The watches the topic holds now that can be read, by id. */
    public Map<String, Watch> watches() {
        Map<String, Watch> watches = new LinkedHashMap<>();
        read().forEach((id, row) -> {
            if (row.watch() != null) {
                watches.put(id, row.watch());
            }
        });
        return watches;
    }

    private static Row row(byte[] value) {
        try {
            return new Row(Topics.WATCHES.deserialize(value), null);
        } catch (SerializationException e) {
            return new Row(null, e.getMessage());
        }
    }

    /** Adds the watch, or replaces the one of the same id. */
    public void publish(Watch watch) {
        send(watch.id(), Topics.WATCHES.serialize(watch));
    }

    /** Removes the watch: a tombstone, which compaction keeps until every reader has seen it. */
    public void remove(String watchId) {
        send(watchId, null);
    }

    private synchronized void send(String watchId, byte[] value) {
        if (producer == null) {
            producer = new KafkaProducer<>(kafka.producer(clientId));
        }
        try {
            producer.send(new ProducerRecord<>(Topics.WATCH_DEFINITIONS, watchId, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write watch '" + watchId + "' to " + Topics.WATCH_DEFINITIONS
                    + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing watch '" + watchId + "'", e);
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
