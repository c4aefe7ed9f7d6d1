package dev.newswatch.ingester;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.newswatch.common.config.ConfigReloads;
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
 * Every source's meters are registered once, when it is configured at start or by a reload, so a dashboard shows
 * a silent source as zero, not as missing; a source removed by a reload takes its meters with it. Stages get a
 * method of this class as a callback, never the registry.
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
    public static final String RELOADS = "newswatch.ingester.config.reloads";

    private final MeterRegistry registry;
    private final Map<String, SourceMeters> bySource = new ConcurrentHashMap<>();
    private final ConfigReloads reloads;

    public IngesterMetrics(MeterRegistry registry, List<Source> sources) {
        this.registry = registry;
        sources.forEach(this::register);
        this.reloads = new ConfigReloads(registry, "ingester", "sources");
    }

    /** How a poll ended. */
    public enum PollOutcome {
        SUCCESS, NOT_MODIFIED, FAILURE
    }

    /** Why a listed link was not fetched. */
    public enum SkipReason {
        /** Published before and not changed since, as far as the source says. */
        KNOWN,
        /** On a host the source does not declare. */
        OUT_OF_SCOPE,
        /** Given up after too many failed reads, and still listed. */
        GIVEN_UP
    }

    /** Creates the source's series at zero; a source configured again keeps its series. */
    public void register(Source source) {
        meters(source.id()).interval.set(source.pollInterval().toSeconds());
    }

    /** Removes the series of a source no longer configured. */
    public void unregister(String sourceId) {
        SourceMeters removed = bySource.remove(sourceId);
        if (removed != null) {
            removed.all.forEach(registry::remove);
        }
    }

    public void articlesDiscovered(String sourceId, int count) {
        meters(sourceId).discovered.increment(count);
    }

    public void articleFetched(String sourceId) {
        meters(sourceId).fetched.increment();
    }

    public void articlePublished(String sourceId) {
        meters(sourceId).published.increment();
    }

    public void articleUpdated(String sourceId) {
        meters(sourceId).updated.increment();
    }

    public void articleUnchanged(String sourceId) {
        meters(sourceId).unchanged.increment();
    }

    public void articleSkipped(String sourceId, SkipReason reason) {
        meters(sourceId).skipped.get(reason).increment();
    }

    public void articleGivenUp(String sourceId, GiveUpReason reason) {
        meters(sourceId).givenUp.get(reason).increment();
    }

    public void pendingArticles(String sourceId, int count) {
        meters(sourceId).pending.set(count);
    }

    public void polled(String sourceId, PollOutcome outcome, Instant at) {
        SourceMeters meters = meters(sourceId);
        meters.polls.get(outcome).increment();
        if (outcome != PollOutcome.FAILURE) {
            meters.lastSuccessEpochSeconds.set(at.getEpochSecond());
        }
    }

    public void nextInterval(String sourceId, Duration interval) {
        meters(sourceId).interval.set(interval.toSeconds());
    }

    public void error(String sourceId, ErrorKind kind) {
        meters(sourceId).errors.get(kind).increment();
    }

    public void reloaded(ReloadOutcome outcome) {
        reloads.accept(outcome);
    }

    private SourceMeters meters(String sourceId) {
        return bySource.computeIfAbsent(sourceId, SourceMeters::new);
    }

    /** The meters of one source, registered together when the source is configured. */
    private final class SourceMeters {

        final List<Meter> all = new ArrayList<>();
        final AtomicLong lastSuccessEpochSeconds = new AtomicLong();
        final AtomicLong interval = new AtomicLong();
        final AtomicLong pending = new AtomicLong();
        final Counter discovered;
        final Counter fetched;
        final Counter published;
        final Counter updated;
        final Counter unchanged;
        final Map<SkipReason, Counter> skipped = new EnumMap<>(SkipReason.class);
        final Map<GiveUpReason, Counter> givenUp = new EnumMap<>(GiveUpReason.class);
        final Map<PollOutcome, Counter> polls = new EnumMap<>(PollOutcome.class);
        final Map<ErrorKind, Counter> errors = new EnumMap<>(ErrorKind.class);
        private final String sourceId;

        SourceMeters(String sourceId) {
            this.sourceId = sourceId;
            discovered = counter(ARTICLES_DISCOVERED, "Article links the source listed, counted per poll");
            fetched = counter(ARTICLES_FETCHED, "Article pages fetched and extracted");
            published = counter(ARTICLES_PUBLISHED, "Articles published to news.raw for the first time");
            updated = counter(ARTICLES_UPDATED, "Edited articles published again to news.raw as an update of the same id");
            unchanged = counter(ARTICLES_UNCHANGED,
                    "Fetched articles not published because exactly that version was published before");
            for (SkipReason reason : SkipReason.values()) {
                skipped.put(reason, counter(ARTICLES_SKIPPED,
                        "Listed links not fetched: known and unchanged, outside the source's hosts, or given up",
                        "reason", MetricTags.of(reason)));
            }
            for (GiveUpReason reason : GiveUpReason.values()) {
                givenUp.put(reason, counter(ARTICLES_GIVEN_UP,
                        "Listed articles never published: given up after too many failed reads or too long",
                        "reason", MetricTags.of(reason)));
            }
            for (PollOutcome outcome : PollOutcome.values()) {
                polls.put(outcome, counter(SOURCE_POLLS, "Source polls by outcome: success, not-modified, failure",
                        "outcome", MetricTags.of(outcome)));
            }
            for (ErrorKind kind : ErrorKind.values()) {
                errors.put(kind, counter(ERRORS, "Failures by kind; kind=extract counts extraction failures",
                        "kind", kind.tag()));
            }
            all.add(Gauge.builder(LAST_SUCCESSFUL_POLL, lastSuccessEpochSeconds, AtomicLong::doubleValue)
                    .description("When the source was last polled successfully, in seconds since the epoch "
                            + "(0 until the first success)")
                    .baseUnit("seconds").tag("source", sourceId).register(registry));
            all.add(Gauge.builder(POLL_INTERVAL, interval, AtomicLong::doubleValue)
                    .description("The interval adaptive polling chose for the source's next poll")
                    .baseUnit("seconds").tag("source", sourceId).register(registry));
            all.add(Gauge.builder(ARTICLES_PENDING, pending, AtomicLong::doubleValue)
                    .description("Listed articles not published yet that wait for a later poll: deferred by the "
                            + "per-poll cap, or to be read again after a failure")
                    .tag("source", sourceId).register(registry));
        }

        private Counter counter(String name, String description, String... tags) {
            Counter counter = Counter.builder(name).description(description).tag("source", sourceId).tags(tags)
                    .register(registry);
            all.add(counter);
            return counter;
        }
    }
}
