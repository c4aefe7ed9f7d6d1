package dev.newswatch.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import com.sun.management.OperatingSystemMXBean;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.RawArticle;

/**
 * Raw articles in, one topic out: a producer to news.raw and a read_committed reader of the topic the benchmark
 * waits for (news.enriched, news.alerts), which notes when each article id first comes out. The reader maps a
 * record key to the article's id: news.enriched is keyed by it, an alert by {@code <watch-id>:<article-id>}.
 */
final class ArticleFlow implements AutoCloseable {

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Long> received = new ConcurrentHashMap<>();
    private final AtomicLong lastArrival = new AtomicLong(System.nanoTime());
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final Thread reader;

    ArticleFlow(KafkaSettings kafka, String outputTopic, UnaryOperator<String> articleIdOfKey) {
        this.producer = new KafkaProducer<>(kafka.producer("newswatch-bench-producer"));
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer("newswatch-bench-reader", null));
        // Assigned, not subscribed: no group rebalance between start and the first record.
        consumer.assign(consumer.partitionsFor(outputTopic).stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList());
        this.reader = new Thread(() -> {
            try (consumer) {
                while (reading.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        if (received.putIfAbsent(articleIdOfKey.apply(record.key()), now) == null) {
                            lastArrival.set(now);
                        }
                    }
                }
            }
        }, "newswatch-bench-reader");
        reader.start();
    }

    /** An alert's key is {@code <watch-id>:<article-id>}. */
    static String articleIdOfAlertKey(String key) {
        return key.substring(key.lastIndexOf(':') + 1);
    }

    /**
     * Sends {@code articles} at {@code perSecond} (0: as fast as the producer goes) and waits until each has come
     * out, or until none has for {@code stall}; those that never came out count as not delivered.
     */
    FlowFigures offer(List<RawArticle> articles, int perSecond, Duration stall) {
        byte[][] values = articles.stream().map(Topics.RAW::serialize).toArray(byte[][]::new);
        long[] sentAt = new long[articles.size()];
        long interval = perSecond == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / perSecond;
        long cpuAtStart = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        lastArrival.set(start);
        for (int i = 0; i < values.length; i++) {
            long due = start + i * interval;
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                LockSupport.parkNanos(due - now);
            }
            sentAt[i] = System.nanoTime();
            producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, articles.get(i).id(), values[i]));
        }
        producer.flush();
        while (!articles.stream().allMatch(article -> received.containsKey(article.id()))
                && System.nanoTime() - lastArrival.get() < stall.toNanos()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        long cpu = PROCESS.getProcessCpuTime() - cpuAtStart;
        long[] outAt = articles.stream().mapToLong(article -> received.getOrDefault(article.id(), 0L)).toArray();
        return new FlowFigures(sentAt, outAt, cpu);
    }

    @Override
    public void close() {
        reading.set(false);
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
