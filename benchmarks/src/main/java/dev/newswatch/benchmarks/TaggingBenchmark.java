package dev.newswatch.benchmarks;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.RawArticle;
import dev.newswatch.enricher.grouping.ArticleSigner;
import dev.newswatch.enricher.grouping.SignedArticle;
import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.EntityDictionary;
import dev.newswatch.enricher.tagging.TopicRules;

/**
 * Articles per second one thread (so one core) tags with the shipped dictionary and topic rules, and signs for
 * the story index, over 1,000 generated 3-5 KB Korean articles taken in turn. Run from the repository root so
 * {@code config/} is the project's configuration (or pass {@code -jvmArgs -Dnewswatch.config=DIR}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TaggingBenchmark {

    private static final int ARTICLES = 1_000;

    private ArticleEnricher enricher;
    private ArticleSigner signature;
    private RawArticle[] articles;
    private EnrichedArticle[] enriched;
    private int next;

    @Setup
    public void setUp() {
        Path config = Path.of(System.getProperty("newswatch.config", "config"));
        enricher = ArticleEnricher.of(EntityDictionary.load(config.resolve("entities.yml")),
                TopicRules.load(config.resolve("topics.yml")), Clock.systemUTC());
        signature = new ArticleSigner();
        List<RawArticle> generated = new KoreanArticles(20261122L).next(ARTICLES);
        articles = generated.toArray(RawArticle[]::new);
        enriched = generated.stream().map(enricher::enrich).toArray(EnrichedArticle[]::new);
    }

    /** Entity and topic tagging with evidence: the enricher's work per article. */
    @Benchmark
    public EnrichedArticle enrich() {
        return enricher.enrich(articles[advance()]);
    }

    /** The MinHash story signature and event terms the enricher adds before the story and event indexes. */
    @Benchmark
    public SignedArticle signStory() {
        return signature.sign(enriched[advance()]);
    }

    private int advance() {
        int current = next;
        next = current + 1 == ARTICLES ? 0 : current + 1;
        return current;
    }
}
