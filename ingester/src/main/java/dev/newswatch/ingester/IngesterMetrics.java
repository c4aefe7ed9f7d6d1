package dev.newswatch.ingester;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.newswatch.common.config.ReloadOutcome;
import dev.newswatch.common.metrics.MetricTags;
import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.state.GiveUpReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The ingester's own meters, tagged by source id (bounded: it comes from the sources file) and never by URL.
 * Every source's meters exist from the moment it is configured, at start or by a reload, so a dashboard shows a
 * silent source as zero, not as missing; a source removed by a reload takes its meters with it.
 */
public final class IngesterMetrics {

    static final String ARTICLES_DISCOVERED = "newswatch.ingester.articles.discovered";
    static final String ARTICLES_FETCHED = "newswatch.ingester.articles.fetched";
    static final String ARTICLES_PUBLISHED = "newswatch.ingester.articles.published";
    static final String ARTICLES_UPDATED = "newswatch.ingester.articles.updated";
    static final String ARTICLES_UNCHANGED = "newswatch.ingester.articles.unchanged";
    static final String ARTICLES_SKIPPED = "newswatch.ingester.articles.skipped";
    static final String ARTICLES_PENDING = "newswatch.ingester.articles.pending";
    static final String ARTICLES_GIVEN_UP = "newswatch.ingester.articles.given.up";
    static final String SOURCE_POLLS = "newswatch.ingester.source.polls";
    public static final String ERRORS = "newswatch.ingester.errors";
    static final String LAST_SUCCESSFUL_POLL = "newswatch.ingester.source.last.successful.poll";
    static final String POLL_INTERVAL = "newswatch.ingester.source.poll.interval";
    public static final String RELOADS = "newswatch.ingester.sources.reloads";
    private static final Set<String> PER_SOURCE = Set.of(ARTICLES_DISCOVERED, ARTICLES_FETCHED, ARTICLES_PUBLISHED,
            ARTICLES_UPDATED, ARTICLES_UNCHANGED, ARTICLES_SKIPPED, ARTICLES_PENDING, ARTICLES_GIVEN_UP, SOURCE_POLLS,
            ERRORS, LAST_SUCCESSFUL_POLL, POLL_INTERVAL);

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccessEpochSeconds = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> intervalSeconds = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> pendingArticles = new ConcurrentHashMap<>();

    public IngesterMetrics(MeterRegistry registry, List<Source> sources) {
        this.registry = registry;
        sources.forEach(this::register);
        for (ReloadOutcome outcome : ReloadOutcome.values()) {
            reloads(outcome);
        }
    }

    /** How a poll ended. */
    public enum PollOutcome {
        SUCCESS, NOT_MODIFIED, FAILURE;

        String tag() {
            return MetricTags.of(this);
        }
    }

    /** Why a listed link was not fetched. */
    public enum SkipReason {
        /** Published before and not changed since, as far as the source says. */
        KNOWN,
        /** On a host the source does not declare. */
        OUT_OF_SCOPE,
        /** Given up after too many failed reads, and still listed. */
        GIVEN_UP;

        String tag() {
            return MetricTags.of(this);
        }
    }

    /** Creates the source's series at zero. */
    public void register(Source source) {
        String id = source.id();
        discovered(id);
        fetched(id);
        published(id);
        updated(id);
        unchanged(id);
        for (SkipReason reason : SkipReason.values()) {
            skipped(id, reason);
        }
        for (GiveUpReason reason : GiveUpReason.values()) {
            givenUp(id, reason);
        }
        for (PollOutcome outcome : PollOutcome.values()) {
            polls(id, outcome);
        }
        for (ErrorKind kind : ErrorKind.values()) {
            errors(id, kind);
        }
        Gauge.builder(LAST_SUCCESSFUL_POLL, lastSuccessEpochSeconds.computeIfAbsent(id, key -> new AtomicLong()),
                        AtomicLong::doubleValue)
                .description("When the source was last polled successfully, in seconds since the epoch "
                        + "(0 until the first success)")
                .baseUnit("seconds").tag("source", id).register(registry);
        AtomicLong interval = intervalSeconds.computeIfAbsent(id, key -> new AtomicLong());
        interval.set(source.pollInterval().toSeconds());
        Gauge.builder(POLL_INTERVAL, interval, AtomicLong::doubleValue)
                .description("The interval adaptive polling chose for the source's next poll")
                .baseUnit("seconds").tag("source", id).register(registry);
        Gauge.builder(ARTICLES_PENDING, pendingArticles.computeIfAbsent(id, key -> new AtomicLong()),
                        AtomicLong::doubleValue)
                .description("Listed articles not published yet that wait for a later poll: deferred by the "
                        + "per-poll cap, or to be read again after a failure")
                .tag("source", id).register(registry);
    }

    /** Removes the series of a source no longer configured. */
    public void unregister(String sourceId) {
        for (Meter meter : registry.getMeters()) {
            if (PER_SOURCE.contains(meter.getId().getName()) && sourceId.equals(meter.getId().getTag("source"))) {
                registry.remove(meter);
            }
        }
        lastSuccessEpochSeconds.remove(sourceId);
        intervalSeconds.remove(sourceId);
        pendingArticles.remove(sourceId);
    }

    public void articlesDiscovered(String sourceId, int count) {
        discovered(sourceId).increment(count);
    }

    public void articleFetched(String sourceId) {
        fetched(sourceId).increment();
    }

    public void articlePublished(String sourceId) {
        published(sourceId).increment();
    }

    public void articleUpdated(String sourceId) {
        updated(sourceId).increment();
    }

    public void articleUnchanged(String sourceId) {
        unchanged(sourceId).increment();
    }

    public void articleSkipped(String sourceId, SkipReason reason) {
        skipped(sourceId, reason).increment();
    }

    public void articleGivenUp(String sourceId, GiveUpReason reason) {
        givenUp(sourceId, reason).increment();
    }

    public void pendingArticles(String sourceId, int count) {
        pendingArticles.computeIfAbsent(sourceId, id -> new AtomicLong()).set(count);
    }

    public void polled(String sourceId, PollOutcome outcome, Instant at) {
        polls(sourceId, outcome).increment();
        if (outcome != PollOutcome.FAILURE) {
            lastSuccessEpochSeconds.computeIfAbsent(sourceId, id -> new AtomicLong()).set(at.getEpochSecond());
        }
    }

    public void nextInterval(String sourceId, Duration interval) {
        intervalSeconds.computeIfAbsent(sourceId, id -> new AtomicLong()).set(interval.toSeconds());
    }

    public void error(String sourceId, ErrorKind kind) {
        errors(sourceId, kind).increment();
    }

    public void reloaded(ReloadOutcome outcome) {
        reloads(outcome).increment();
    }

    private Counter discovered(String sourceId) {
        return Counter.builder(ARTICLES_DISCOVERED).description("Article links the source listed, counted per poll")
                .tag("source", sourceId).register(registry);
    }

    private Counter fetched(String sourceId) {
        return Counter.builder(ARTICLES_FETCHED).description("Article pages fetched and extracted")
                .tag("source", sourceId).register(registry);
    }

    private Counter published(String sourceId) {
        return Counter.builder(ARTICLES_PUBLISHED).description("Articles published to news.raw for the first time")
                .tag("source", sourceId).register(registry);
    }

    private Counter updated(String sourceId) {
        return Counter.builder(ARTICLES_UPDATED)
                .description("Edited articles published again to news.raw as an update of the same id")
                .tag("source", sourceId).register(registry);
    }

    private Counter unchanged(String sourceId) {
        return Counter.builder(ARTICLES_UNCHANGED)
                .description("Fetched articles not published because exactly that version was published before")
                .tag("source", sourceId).register(registry);
    }

    private Counter skipped(String sourceId, SkipReason reason) {
        return Counter.builder(ARTICLES_SKIPPED)
                .description("Listed links not fetched: known and unchanged, outside the source's hosts, or given up")
                .tag("source", sourceId).tag("reason", reason.tag()).register(registry);
    }

    private Counter givenUp(String sourceId, GiveUpReason reason) {
        return Counter.builder(ARTICLES_GIVEN_UP)
                .description("Listed articles never published: given up after too many failed reads or too long")
                .tag("source", sourceId).tag("reason", MetricTags.of(reason)).register(registry);
    }

    private Counter polls(String sourceId, PollOutcome outcome) {
        return Counter.builder(SOURCE_POLLS).description("Source polls by outcome: success, not-modified, failure")
                .tag("source", sourceId).tag("outcome", MetricTags.of(outcome)).register(registry);
    }

    private Counter errors(String sourceId, ErrorKind kind) {
        return Counter.builder(ERRORS).description("Failures by kind; kind=extract counts extraction failures")
                .tag("source", sourceId).tag("kind", kind.tag()).register(registry);
    }

    private Counter reloads(ReloadOutcome outcome) {
        return Counter.builder(RELOADS).description("Edits of the sources file, by whether they were reloaded or rejected")
                .tag("outcome", MetricTags.of(outcome)).register(registry);
    }
}
