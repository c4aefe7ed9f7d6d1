package dev.newswatch.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.kafka.TopicCreator;

/**
 * Re-enriching an archive: news.raw filled first (generated articles in large batches compressed with zstd, as
 * fast as the producer goes), then an enricher under an application id of its own, which reads news.raw from the
 * beginning, until news.enriched holds as many records (read with read_committed) or none has come for a while.
 */
final class ReplayBench {

    static final String APPLICATION_ID = "newswatch-bench-replay";
    private static final Duration STALL = Duration.ofMinutes(2);

    private ReplayBench() {
    }

    static ReplayFigures replay(KafkaSettings kafka, int articles, KoreanArticles generator) {
        new TopicCreator(kafka, "newswatch-bench-admin").ensure(List.of(Topics.RAW_ARTICLES,
                Topics.ENRICHED_ARTICLES));
        Map<String, Object> archiving = new HashMap<>(kafka.producer("newswatch-bench-archive"));
        // An archive is written in bulk: large batches (compressed with zstd, as every producer of ours), not the
        // services' low-latency ones.
        archiving.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        archiving.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        long bytes = 0;
        long fillStart = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(archiving)) {
            for (int i = 0; i < articles; i++) {
                RawArticle article = generator.next();
                byte[] value = Topics.RAW.serialize(article);
                bytes += value.length;
                producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, article.id(), value));
            }
            producer.flush();
        }
        long fillNanos = System.nanoTime() - fillStart;

        long[] arrivals = new long[articles];
        int read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                kafka.consumer("newswatch-bench-replay-reader", null))) {
            consumer.assign(consumer.partitionsFor(Topics.ENRICHED_ARTICLES).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList());
            long start = System.nanoTime();
            try (InProcessServices enricher = InProcessServices.enricher(kafka, APPLICATION_ID)) {
                long lastArrival = System.nanoTime();
                while (read < articles && System.nanoTime() - lastArrival < STALL.toNanos()) {
                    for (ConsumerRecord<String, byte[]> ignored : consumer.poll(Duration.ofMillis(100))) {
                        lastArrival = System.nanoTime();
                        if (read < articles) {
                            arrivals[read++] = lastArrival;
                        }
                    }
                }
            }
            return new ReplayFigures(articles, bytes, fillNanos, start, Arrays.copyOf(arrivals, read));
        }
    }
}
