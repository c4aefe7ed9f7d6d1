package dev.newswatch.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.enricher.grouping.ArticleSigner;
import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.EntityDictionary;
import dev.newswatch.enricher.tagging.TopicRules;

/**
 * The work of {@link TaggingBenchmark} measured in the CPU time of the measuring thread rather than in wall-clock
 * time: on a machine shared with other work, wall-clock throughput says how much of a core the benchmark got,
 * CPU time what one core does. Prints, per round over the same 1,000 generated articles, the CPU microseconds
 * per article and the articles per CPU-second; the first rounds warm the JIT up. Run from the repository root:
 *
 * <pre>java -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' \
 *     dev.newswatch.benchmarks.TaggingCpuTime [rounds=10]</pre>
 */
public final class TaggingCpuTime {

    private TaggingCpuTime() {
    }

    /** One round over the articles: CPU microseconds per article of tagging and of signing (story and event). */
    record Round(double enrichMicros, double signMicros) {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Round> measured = measure(rounds, Path.of(System.getProperty("newswatch.config", "config")));
        for (int round = 1; round <= measured.size(); round++) {
            Round figures = measured.get(round - 1);
            System.out.printf(Locale.ROOT, "round %2d: enrich %6.1f us/article (%5.0f articles per CPU-second), "
                    + "sign (story + event) %6.1f us/article (%5.0f per CPU-second)%n", round, figures.enrichMicros(),
                    1e6 / figures.enrichMicros(), figures.signMicros(), 1e6 / figures.signMicros());
        }
    }

    /** {@code rounds} rounds over the same 1,000 generated articles, dictionary and rules from {@code config}. */
    static List<Round> measure(int rounds, Path config) {
        ArticleEnricher enricher = ArticleEnricher.of(EntityDictionary.load(config.resolve("entities.yml")),
                TopicRules.load(config.resolve("topics.yml")), Clock.systemUTC());
        ArticleSigner signature = new ArticleSigner();
        List<RawArticle> articles = new KoreanArticles(20261122L).next(1_000);
        List<EnrichedArticle> enriched = articles.stream().map(enricher::enrich).toList();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Round> measured = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            measured.add(new Round(cpuMicros(threads, articles, article -> enricher.enrich(article).entities().size()),
                    cpuMicros(threads, enriched, article -> signature.sign(article).signature()[0])));
        }
        return measured;
    }

    /** CPU microseconds of this thread per item; the sum of the results keeps the JIT from dropping the work. */
    private static <T> double cpuMicros(ThreadMXBean threads, List<T> items, ToIntFunction<T> work) {
        long start = threads.getCurrentThreadCpuTime();
        long sink = 0;
        for (T item : items) {
            sink += work.applyAsInt(item);
        }
        long used = threads.getCurrentThreadCpuTime() - start;
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        return used / 1e3 / items.size();
    }
}
