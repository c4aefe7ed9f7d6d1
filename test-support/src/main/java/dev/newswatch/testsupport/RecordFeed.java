package dev.newswatch.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import dev.newswatch.common.config.KafkaSettings;

/**
 * Publishes records one at a time at a fixed interval, each flushed before the next, on through whatever the test
 * does to the services meanwhile (a kill, a restart); counts those sent. Closing stops it.
 */
public final class RecordFeed implements AutoCloseable {

    private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger fed = new AtomicInteger();
    private final int total;

    private RecordFeed(int total) {
        this.total = total;
    }

    public static RecordFeed start(KafkaSettings kafka, String clientId, List<ProducerRecord<String, byte[]>> records,
            Duration interval) {
        RecordFeed feed = new RecordFeed(records.size());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer(clientId));
        feed.feeder.scheduleAtFixedRate(() -> {
            int next = feed.fed.get();
            if (next == records.size()) {
                producer.close();
                // Shutting the executor down cancels this periodic task.
                feed.feeder.shutdown();
                return;
            }
            producer.send(records.get(next));
            producer.flush();
            feed.fed.incrementAndGet();
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return feed;
    }

    /** How many records are sent and flushed so far. */
    public int fed() {
        return fed.get();
    }

    public boolean done() {
        return fed.get() == total;
    }

    @Override
    public void close() {
        feeder.shutdownNow();
    }
}
