package dev.newswatch.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;

/**
 * How many bytes the enricher makes the broker store per article: runs the enricher on a broker of its own over
 * the real Korean articles of {@code ../shared/data/korean-dev}, waits until every one is on news.enriched, then
 * sums the log sizes of every topic (the admin client's describeLogDirs) and prints them per article, by topic
 * kind, beside the raw record's size (as the test sends it, uncompressed).
 */
class EnricherBytesPerArticleIT {

    private static final String APPLICATION = "enricher-bytes";
    /**
     * A guard, not a goal: measured 3.0 with compressed, commit-long batches and cached index stores (8.0 before);
     * the pipeline's budget is 4 times the raw size, the alerts service's topics included.
     */
    private static final double MOST_ENRICHER_BYTES_PER_RAW_BYTE = 3.5;

    @Test
    void printsTheBytesWrittenToTheBrokerPerArticle(@TempDir Path state) throws Exception {
        List<RawArticle> articles = KoreanDevArticles.load("EnricherBytesPerArticleIT", Instant.now());
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
            KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
            EnricherSettings settings = EnricherSettings.defaults().withMetricsPort(0).withStateDirectory(state)
                    .withApplicationId(APPLICATION);
            long rawBytes;
            try (EnricherService service = new EnricherService(settings, kafka)) {
                service.start();
                rawBytes = send(kafka, articles);
                awaitEnriched(kafka, articles.size());
            }
            Map<String, Long> bytes = bytesByKind(kafka);
            // The raw article as its JSON record, before the producer compresses it on news.raw.
            double raw = rawBytes / (double) articles.size();
            System.out.printf(Locale.ROOT, "bytes per article over %d korean-dev articles of %.0f bytes as JSON:%n",
                    articles.size(), raw);
            bytes.forEach((kind, total) -> System.out.printf(Locale.ROOT, "  %-32s %8.0f  (%.2fx raw)%n", kind,
                    total / (double) articles.size(), total / (double) articles.size() / raw));
            long enricher = bytes.entrySet().stream()
                    .filter(kind -> !kind.getKey().equals("news.raw") && !kind.getKey().startsWith("internal"))
                    .mapToLong(Map.Entry::getValue).sum();
            double perArticle = enricher / (double) articles.size();
            System.out.printf(Locale.ROOT, "  %-32s %8.0f  (%.2fx raw)%n", "enricher, without internal topics",
                    perArticle, perArticle / raw);
            assertThat(perArticle / raw).as("bytes the enricher writes per raw byte")
                    .isLessThanOrEqualTo(MOST_ENRICHER_BYTES_PER_RAW_BYTE);
        }
    }

    /** Sends the articles; returns their records' bytes, uncompressed. */
    private static long send(KafkaSettings kafka, List<RawArticle> articles) {
        JsonSerde<RawArticle> serde = JsonSerde.of(RawArticle.class);
        long bytes = 0;
        try (var producer = new KafkaProducer<String, byte[]>(kafka.producer("enricher-bytes-producer"))) {
            for (RawArticle article : articles) {
                byte[] value = serde.serialize(Topics.RAW_ARTICLES, article);
                bytes += value.length;
                producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, article.id(), value));
            }
        }
        return bytes;
    }

    private static void awaitEnriched(KafkaSettings kafka, int count) {
        Set<String> seen = new HashSet<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(kafka.consumer("enricher-bytes-reader", "enricher-bytes-reader"))) {
            consumer.subscribe(List.of(Topics.ENRICHED_ARTICLES));
            await().atMost(Duration.ofMinutes(3)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key());
                }
                return seen.size() == count;
            });
        }
    }

    /** Bytes in the broker's logs, summed by topic, with Streams' internal topics by kind. */
    private static Map<String, Long> bytesByKind(KafkaSettings kafka) throws Exception {
        Map<String, Long> bytes = new TreeMap<>();
        try (Admin admin = Admin.create(kafka.admin("enricher-bytes-admin"))) {
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
            for (Map<String, LogDirDescription> directories : admin.describeLogDirs(brokers).allDescriptions().get()
                    .values()) {
                for (LogDirDescription directory : directories.values()) {
                    directory.replicaInfos().forEach((partition, replica) ->
                            bytes.merge(kind(partition.topic()), replica.size(), Long::sum));
                }
            }
        }
        return bytes;
    }

    private static String kind(String topic) {
        if (topic.startsWith("__")) {
            return "internal: offsets, transactions";
        }
        if (topic.startsWith(APPLICATION + "-")) {
            return topic.substring(APPLICATION.length() + 1);
        }
        return topic;
    }
}
