package dev.newswatch.ingester.fetch;

import java.time.Duration;
import java.util.Set;

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

    public FetchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters that go nowhere, for tools and tests that report no metrics. */
    public static FetchMetrics discarding() {
        return new FetchMetrics(new SimpleMeterRegistry());
    }

    /** A fetch ended; {@code status} is the last HTTP status, or 0 when no response came. */
    void fetched(String source, Outcome outcome, int status, Duration took) {
        Counter.builder(FETCHES)
                .description("Fetches of feeds and pages by outcome and final HTTP status (none when no response)")
                .tag("source", source).tag("outcome", MetricTags.of(outcome)).tag("status", statusTag(status))
                .register(registry).increment();
        Timer.builder(DURATION)
                .description("Time a fetch took, including pacing waits, retries and redirects")
                .tag("source", source)
                .serviceLevelObjectives(DURATION_BUCKETS)
                .register(registry).record(took);
    }

    void received(String source, long bytes) {
        Counter.builder(RECEIVED)
                .description("Response body bytes received, as sent on the wire")
                .baseUnit("bytes")
                .tag("source", source)
                .register(registry).increment(bytes);
    }

    void robotsDenied(String source) {
        Counter.builder(ROBOTS_DENIALS)
                .description("Fetches refused because robots.txt disallows them")
                .tag("source", source)
                .register(registry).increment();
    }

    void retried(String source, RetryReason reason) {
        Counter.builder(RETRIES)
                .description("Requests tried again after a 429, a 5xx or a timeout")
                .tag("source", source).tag("reason", MetricTags.of(reason))
                .register(registry).increment();
    }

    /** A fetched body held bytes not valid in its charset; they were read as U+FFFD. */
    void malformedBody(String source) {
        Counter.builder(DECODE_ERRORS)
                .description("Fetched pages with bytes not valid in their charset, each read as U+FFFD")
                .tag("source", source)
                .register(registry).increment();
    }

    static String statusTag(int status) {
        if (status == 0) {
            return "none";
        }
        return NAMED_STATUSES.contains(status) ? Integer.toString(status) : status / 100 + "xx";
    }
}
