package dev.newswatch.standalone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.json.JsonSerde;

/** Everything committed to one topic so far, read from the beginning of every partition without a group. */
final class TopicRecords<T> implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final JsonSerde<T> serde;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    TopicRecords(KafkaSettings kafka, String topic, Class<T> type) {
        this.consumer = new KafkaConsumer<>(kafka.consumer("test-reader-" + topic, null));
        this.serde = JsonSerde.of(type);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads up to the current end of every partition and returns all values read so far. */
    List<T> values() {
        readToEnd();
        return records.stream().map(record -> serde.deserialize(record.topic(), record.value())).toList();
    }

    List<ConsumerRecord<String, byte[]>> records() {
        readToEnd();
        return List.copyOf(records);
    }

    private void readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (end.entrySet().stream().anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())
                && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
