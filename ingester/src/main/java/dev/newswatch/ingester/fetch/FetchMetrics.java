package dev.newswatch.ingester.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.newswatch.common.metrics.MetricTags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The fetcher's meters, tagged by source id (from the sources file) and by outcome, status and retry reason,
 * each from a small fixed set; never by URL or host.
 */
public final class FetchMetrics {

    static final String FETCHES = "newswatch.ingester.fetches";
    static final String RECEIVED = "newswatch.ingester.fetch.received";
    static final String DURATION = "newswatch.ingester.fetch.duration";
    static final String ROBOTS_DENIALS = "newswatch.ingester.robots.denials";
    static final String RETRIES = "newswatch.ingester.fetch.retries";
    static final String DECODE_ERRORS = "newswatch.ingester.decode.errors";

    /**
     * Buckets of the fetch duration histogram, from a fast page to a slow one with retries and pacing waits, so
     * quantiles can be aggregated across sources and instances.
     */
    private static final Duration[] DURATION_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    /** Statuses common enough to tell apart; any other is counted by its class, such as 4xx. */
    private static final Set<Integer> NAMED_STATUSES = Set.of(200, 304, 401, 403, 404, 410, 429, 500, 502, 503, 504);

    /** How one fetch ended: the {@code outcome} tag. */
    enum Outcome {
        OK,
        NOT_MODIFIED,
        HTTP_ERROR,
        TIMEOUT,
        UNREACHABLE,
        TOO_LARGE,
        BROKEN,
        TOO_MANY_REDIRECTS,
        UNSUPPORTED_CONTENT,
        ROBOTS_DENIED,
        ROBOTS_UNAVAILABLE,
        BLOCKED_ADDRESS
    }

    /** Why a request was tried again: the {@code reason} tag. */
    enum RetryReason {
        /** 429 or 503: the server asked for fewer requests. */
        THROTTLED,
        /** Another 5xx. */
        SERVER_ERROR,
        /** No response within the fetch timeout. */
        TIMEOUT
    }

    private final MeterRegistry registry;
    /** Every meter, registered at its first use and kept: by name and tags, in that order. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();

    public FetchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters that go nowhere, for tools and tests that report no metrics. */
    public static FetchMetrics discarding() {
        return new FetchMetrics(new SimpleMeterRegistry());
    }

    /** A fetch ended; {@code status} is the last HTTP status, or 0 when no response came. */
    void fetched(String source, Outcome outcome, int status, Duration took) {
        counter(FETCHES, "Fetches of feeds and pages by outcome and final HTTP status (none when no response)",
                null, source, "outcome", MetricTags.of(outcome), "status", statusTag(status)).increment();
        durations.computeIfAbsent(source, id -> Timer.builder(DURATION)
                .description("Time a fetch took, including pacing waits, retries and redirects")
                .tag("source", id)
                .serviceLevelObjectives(DURATION_BUCKETS)
                .register(registry)).record(took);
    }

    void received(String source, long bytes) {
        counter(RECEIVED, "Response body bytes received, as sent on the wire", "bytes", source).increment(bytes);
    }

    void robotsDenied(String source) {
        counter(ROBOTS_DENIALS, "Fetches refused because robots.txt disallows them", null, source).increment();
    }

    void retried(String source, RetryReason reason) {
        counter(RETRIES, "Requests tried again after a 429, a 5xx or a timeout", null, source,
                "reason", MetricTags.of(reason)).increment();
    }

    /** A fetched body held bytes not valid in its charset; they were read as U+FFFD. */
    void malformedBody(String source) {
        counter(DECODE_ERRORS, "Fetched pages with bytes not valid in their charset, each read as U+FFFD", null,
                source)
                .increment();
    }

    /**
     * The counter {@code name} of {@code source} with {@code tags} (name, value, ...), registered at its first use.
     *
     * @param baseUnit the unit counted, or null for events
     */
    private Counter counter(String name, String description, String baseUnit, String source, String... tags) {
        List<String> key = new ArrayList<>(List.of(name, source));
        key.addAll(List.of(tags));
        return counters.computeIfAbsent(key, k -> Counter.builder(name).description(description)
                .baseUnit(baseUnit)
                .tag("source", source).tags(tags).register(registry));
    }

    static String statusTag(int status) {
        if (status == 0) {
            return "none";
        }
        return NAMED_STATUSES.contains(status) ? Integer.toString(status) : status / 100 + "xx";
    }
}
