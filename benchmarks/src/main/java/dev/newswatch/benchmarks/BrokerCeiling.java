package dev.newswatch.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.TopicCreator;

/**
 * The broker's own ceiling for records of an article's size: one producer with the services' settings
 * ({@link KafkaSettings#producer}, idempotent, acks=all, linger 5 ms) sends as fast as it can to a topic of its
 * own while one read_committed consumer reads it; the rate is records from the first send to the last one read.
 * The transactional variant commits every {@code perTransaction} records, as a stream thread commits its batch.
 * A first run on a fresh broker pays for its JIT compilation and first segments: measure after a warm-up run.
 */
final class BrokerCeiling {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /**
     * @param records the records sent and read
     * @param bytes   their values' bytes
     */
    record Result(String mode, int records, long bytes, double seconds) {

        double recordsPerSecond() {
            return records / seconds;
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    private final KafkaSettings kafka;
    /** Each run writes a topic of its own, so that its reader, starting at the beginning, reads its records only. */
    private int runs;

    BrokerCeiling(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    /** Partitions of the topics written, as of every topic the services create. */
    int partitions() {
        return kafka.partitions();
    }

    Result idempotent(List<byte[]> values, int records) {
        String topic = "bench.ceiling.idempotent." + ++runs;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer("newswatch-bench-ceiling"))) {
            return measure("idempotent", topic, values, records, () -> {
                for (int i = 0; i < records; i++) {
                    producer.send(record(topic, values, i));
                }
                producer.flush();
            });
        }
    }

    Result transactional(List<byte[]> values, int records, int perTransaction) {
        String topic = "bench.ceiling.transactional." + ++runs;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                kafka.transactionalProducer("newswatch-bench-ceiling-tx", "newswatch-bench-ceiling"))) {
            producer.initTransactions();
            return measure("transactional, " + perTransaction + " records per transaction", topic, values, records,
                    () -> {
                        for (int i = 0; i < records; i += perTransaction) {
                            producer.beginTransaction();
                            for (int j = i; j < Math.min(records, i + perTransaction); j++) {
                                producer.send(record(topic, values, j));
                            }
                            producer.commitTransaction();
                        }
                    });
        }
    }

    private static ProducerRecord<String, byte[]> record(String topic, List<byte[]> values, int i) {
        return new ProducerRecord<>(topic, "record-" + i, values.get(i % values.size()));
    }

    private Result measure(String mode, String topic, List<byte[]> values, int records, Runnable send) {
        new TopicCreator(kafka, "newswatch-bench-admin").ensure(List.of(topic));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                kafka.consumer("newswatch-bench-ceiling-reader", null))) {
            consumer.assign(consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList());
            CompletableFuture<Long> lastRead = CompletableFuture.supplyAsync(() -> {
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                int read = 0;
                while (read < records && System.nanoTime() < deadline) {
                    read += consumer.poll(Duration.ofMillis(50)).count();
                }
                if (read < records) {
                    throw new IllegalStateException("read " + read + " of " + records + " records of " + topic);
                }
                return System.nanoTime();
            });
            long start = System.nanoTime();
            send.run();
            long bytes = 0;
            for (int i = 0; i < records; i++) {
                bytes += values.get(i % values.size()).length;
            }
            long end = lastRead.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(mode, records, bytes, (end - start) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException("the broker ceiling run (" + mode + ") failed", e);
        }
    }
}
