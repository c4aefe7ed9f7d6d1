package dev.newswatch.standalone;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;

/**
 * Prints every alert on {@code news.alerts} as one line the moment it arrives. It commits what it printed,
 * so a second start prints only new alerts.
 */
final class AlertPrinter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertPrinter.class);
    private static final String GROUP_ID = "newswatch-alert-printer";

    private final KafkaConsumer<String, byte[]> consumer;
    private final PrintStream out;
    private final Thread thread;

    AlertPrinter(KafkaSettings kafka, PrintStream out) {
        this.consumer = new KafkaConsumer<>(kafka.consumer("newswatch-alert-printer", GROUP_ID));
        this.out = out;
        this.thread = new Thread(this::printUntilClosed, "alert-printer");
    }

    void start() {
        consumer.subscribe(List.of(Topics.ALL_ALERTS.name()));
        thread.start();
    }

    private void printUntilClosed() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    print(record);
                }
                consumer.commitSync();
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer up to stop it.
        } finally {
            consumer.close();
        }
    }

    private void print(ConsumerRecord<String, byte[]> record) {
        try {
            out.println(AlertLine.format(Topics.ALL_ALERTS.deserialize(record.value())));
        } catch (RuntimeException e) {
            log.warn("Cannot print alert at {}-{} offset {}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
