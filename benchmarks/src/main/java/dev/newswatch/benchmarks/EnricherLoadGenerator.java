package dev.newswatch.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import com.sun.management.OperatingSystemMXBean;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.enricher.EnricherService;
import dev.newswatch.enricher.EnricherSettings;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;

/**
 * The whole enricher through Kafka: starts an embedded broker and the {@link EnricherService} (shipped
 * configuration, exactly-once, one stream thread), produces generated 3-5 KB Korean articles to news.raw at a
 * paced rate, reads news.enriched with read_committed and prints the throughput and the end-to-end latency from
 * send to committed enriched record (p50, p90, p99, max). A warm-up batch at the same rate goes first and is not
 * measured. Run from the repository root:
 *
 * <pre>java -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' \
 *     dev.newswatch.benchmarks.EnricherLoadGenerator [articles=5000] [per-second=500] [warm-up=1000]</pre>
 */
public final class EnricherLoadGenerator {

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private EnricherLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        // Kafka's own start-up chatter would bury the figures; our services still log warnings.
        System.setProperty("NEWSWATCH_LOG_LEVEL", "warn");

        List<RawArticle> generated = new KoreanArticles(7L).next(warmUp + articles);
        Path state = Files.createTempDirectory("newswatch-load-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
            KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
            EnricherSettings settings = EnricherSettings.defaults()
                    .withMetricsPort(0)
                    .withStateDirectory(state)
                    .withApplicationId("newswatch-enricher-load");
            try (EnricherService enricher = new EnricherService(settings, kafka)) {
                enricher.start();
                waitFor("the enricher to run", enricher::isHealthy);
                try (Run run = new Run(kafka)) {
                    run.offer(generated.subList(0, warmUp), perSecond);
                    run.offer(generated.subList(warmUp, generated.size()), perSecond)
                            .print(perSecond, kafka.partitions());
                }
                printStoryCounts(enricher.metricsPort());
            }
        } finally {
            deleteRecursively(state);
        }
    }

    /** How the story index placed the articles, warm-up included, as the enricher's /metrics reports it. */
    private static void printStoryCounts(int metricsPort) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        metrics.body().lines().filter(line -> line.startsWith("newswatch_enricher_stories_total"))
                .forEach(System.out::println);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** One producer and one reader of news.enriched, which notes when each article id comes out. */
    private static final class Run implements AutoCloseable {

        private final KafkaProducer<String, byte[]> producer;
        private final Map<String, Long> received = new ConcurrentHashMap<>();
        private final AtomicBoolean reading = new AtomicBoolean(true);
        private final Thread reader;

        Run(KafkaSettings kafka) {
            this.producer = new KafkaProducer<>(kafka.producer("newswatch-load-producer"));
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer("newswatch-load-reader", null));
            // Assigned, not subscribed: no group rebalance between start and the first record.
            consumer.assign(consumer.partitionsFor(Topics.ENRICHED_ARTICLES).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList());
            this.reader = new Thread(() -> {
                try (consumer) {
                    while (reading.get()) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                            received.putIfAbsent(record.key(), System.nanoTime());
                        }
                    }
                }
            }, "newswatch-load-reader");
            reader.start();
        }

        /** Sends {@code articles} at {@code perSecond} and waits until each has come out enriched. */
        Figures offer(List<RawArticle> articles, int perSecond) {
            byte[][] values = articles.stream().map(Topics.RAW::serialize)
                    .toArray(byte[][]::new);
            long[] sentAt = new long[articles.size()];
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long cpuAtStart = PROCESS.getProcessCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < values.length; i++) {
                long due = start + i * interval;
                for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                    LockSupport.parkNanos(due - now);
                }
                sentAt[i] = System.nanoTime();
                producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, articles.get(i).id(), values[i]));
            }
            producer.flush();
            waitFor("every article to come out enriched",
                    () -> articles.stream().allMatch(article -> received.containsKey(article.id())));
            long[] latencies = new long[articles.size()];
            long last = 0;
            for (int i = 0; i < latencies.length; i++) {
                long out = received.get(articles.get(i).id());
                latencies[i] = out - sentAt[i];
                last = Math.max(last, out);
            }
            return new Figures(articles.size(), last - start, PROCESS.getProcessCpuTime() - cpuAtStart, latencies);
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

    /**
     * @param cpuNanos CPU time of the whole process meanwhile: broker, enricher, producer and reader together,
     *                 which says what the pipeline costs however much of the machine other work takes
     */
    private record Figures(int articles, long elapsedNanos, long cpuNanos, long[] latencies) {

        void print(int perSecond, int partitions) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double seconds = elapsedNanos / 1e9;
            System.out.printf(Locale.ROOT,
                    "enricher through Kafka: %d articles of 3-5 KB offered at %d/s to %d partitions%n",
                    articles, perSecond, partitions);
            System.out.printf(Locale.ROOT, "throughput: %.0f articles/s (%.1f s from first send to last enriched)%n",
                    articles / seconds, seconds);
            System.out.printf(Locale.ROOT, "end-to-end latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                    millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6);
            System.out.printf(Locale.ROOT, "process CPU: %.2f ms per article (%.0f articles per CPU-second, broker "
                    + "included)%n", cpuNanos / 1e6 / articles, articles / (cpuNanos / 1e9));
        }

        private static double millis(long[] sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
