package dev.newswatch.ingester;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import dev.newswatch.common.config.KafkaSettings;

/**
 * Every committed record of a topic, as a downstream service sees it: read {@code read_committed} with no
 * consumer group from the start of each partition up to its last stable offset, so nothing of an open or
 * aborted transaction counts.
 */
final class CommittedRecords {

    private static final Duration POLL = Duration.ofMillis(200);
    /** A broker that does not answer fails the read within this, rather than the client's minute. */
    private static final int CLIENT_TIMEOUT_MS = 15_000;

    private CommittedRecords() {
    }

    /** The records of {@code topic} now; none while the topic does not exist. */
    static List<ConsumerRecord<String, byte[]>> of(KafkaSettings kafka, String topic) {
        Map<String, Object> config = new HashMap<>(kafka.consumer("it-committed-records", null));
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CLIENT_TIMEOUT_MS);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, CLIENT_TIMEOUT_MS);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed, the last stable offsets.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(POLL).forEach(records::add);
            }
        }
        return records;
    }
}
