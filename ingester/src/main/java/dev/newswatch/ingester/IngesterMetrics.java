package dev.newswatch.ingester;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The ingester's own meters, tagged by source id (bounded: it comes from the sources file) and never by URL.
 * Every source's meters exist from the start, so a dashboard shows a silent source as zero, not as missing.
 */
public final class IngesterMetrics {

    static final String ARTICLES_FETCHED = "newswatch.ingester.articles.fetched";
    static final String ARTICLES_PUBLISHED = "newswatch.ingester.articles.published";
    static final String ARTICLES_UNCHANGED = "newswatch.ingester.articles.unchanged";
    static final String FEED_POLLS = "newswatch.ingester.feed.polls";
    static final String ERRORS = "newswatch.ingester.errors";
    static final String LAST_SUCCESSFUL_POLL = "newswatch.ingester.source.last.successful.poll";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccessEpochSeconds = new ConcurrentHashMap<>();

    public IngesterMetrics(MeterRegistry registry, List<Source> sources) {
        this.registry = registry;
        for (Source source : sources) {
            fetched(source.id());
            published(source.id());
            unchanged(source.id());
            for (PollOutcome outcome : PollOutcome.values()) {
                polls(source.id(), outcome);
            }
            for (ErrorKind kind : ErrorKind.values()) {
                errors(source.id(), kind);
            }
            AtomicLong lastSuccess = lastSuccessEpochSeconds.computeIfAbsent(source.id(), id -> new AtomicLong());
            Gauge.builder(LAST_SUCCESSFUL_POLL, lastSuccess, AtomicLong::doubleValue)
                    .description("When the source's feed was last read successfully, in seconds since the epoch "
                            + "(0 until the first success)")
                    .baseUnit("seconds")
                    .tag("source", source.id())
                    .register(registry);
        }
    }

    /** How a feed poll ended. */
    public enum PollOutcome {
        SUCCESS, FAILURE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public void articleFetched(String sourceId) {
        fetched(sourceId).increment();
    }

    public void articlePublished(String sourceId) {
        published(sourceId).increment();
    }

    public void articleUnchanged(String sourceId) {
        unchanged(sourceId).increment();
    }

    public void feedPolled(String sourceId, PollOutcome outcome, Instant at) {
        polls(sourceId, outcome).increment();
        if (outcome == PollOutcome.SUCCESS) {
            lastSuccessEpochSeconds.computeIfAbsent(sourceId, id -> new AtomicLong()).set(at.getEpochSecond());
        }
    }

    public void error(String sourceId, ErrorKind kind) {
        errors(sourceId, kind).increment();
    }

    private Counter fetched(String sourceId) {
        return Counter.builder(ARTICLES_FETCHED).description("Article pages fetched and extracted")
                .tag("source", sourceId).register(registry);
    }

    private Counter published(String sourceId) {
        return Counter.builder(ARTICLES_PUBLISHED).description("Articles published to news.raw")
                .tag("source", sourceId).register(registry);
    }

    private Counter unchanged(String sourceId) {
        return Counter.builder(ARTICLES_UNCHANGED)
                .description("Fetched articles not published because exactly that version was published before")
                .tag("source", sourceId).register(registry);
    }

    private Counter polls(String sourceId, PollOutcome outcome) {
        return Counter.builder(FEED_POLLS).description("Feed polls by outcome")
                .tag("source", sourceId).tag("outcome", outcome.tag()).register(registry);
    }

    private Counter errors(String sourceId, ErrorKind kind) {
        return Counter.builder(ERRORS).description("Failures by kind: feed-fetch, feed-parse, page-fetch, extract, "
                + "robots-denied, publish").tag("source", sourceId).tag("kind", kind.tag()).register(registry);
    }
}
