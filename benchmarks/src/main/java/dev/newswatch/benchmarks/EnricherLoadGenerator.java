package dev.newswatch.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;


import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.RawArticle;
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

    private EnricherLoadGenerator() {
    }

    public static void main(String[] args) {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        // Kafka's own start-up chatter would bury the figures; our services still log warnings.
        System.setProperty("NEWSWATCH_LOG_LEVEL", "warn");

        List<RawArticle> generated = new KoreanArticles(7L).next(warmUp + articles);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
            KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
            try (InProcessServices enricher = InProcessServices.enricher(kafka, "newswatch-enricher-load");
                    ArticleFlow flow = new ArticleFlow(kafka, Topics.ENRICHED_ARTICLES, key -> key)) {
                flow.offer(generated.subList(0, warmUp), perSecond, DRAIN_TIMEOUT);
                print(flow.offer(generated.subList(warmUp, generated.size()), perSecond, DRAIN_TIMEOUT),
                        perSecond, kafka.partitions());
                // How the story index placed the articles, warm-up included.
                enricher.metricLines("newswatch_enricher_stories_total").forEach(System.out::println);
            }
        }
    }

    private static void print(FlowFigures figures, int perSecond, int partitions) {
        System.out.printf(Locale.ROOT,
                "enricher through Kafka: %d articles of 3-5 KB offered at %d/s to %d partitions%n",
                figures.offered(), perSecond, partitions);
        System.out.printf(Locale.ROOT, "throughput: %.0f articles/s (%.1f s from first send to last enriched)%n",
                figures.throughput(), figures.elapsedSeconds());
        System.out.printf(Locale.ROOT, "end-to-end latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                figures.latencyMillis(0.50), figures.latencyMillis(0.90), figures.latencyMillis(0.99),
                figures.maxLatencyMillis());
        System.out.printf(Locale.ROOT, "process CPU: %.2f ms per article (%.0f articles per CPU-second, broker "
                + "included)%n", figures.cpuMillisPerArticle(), 1e3 / figures.cpuMillisPerArticle());
    }
}
