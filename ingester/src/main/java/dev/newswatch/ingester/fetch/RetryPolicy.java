package dev.newswatch.ingester.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a failed request is tried again: 429 and 503 after the server's Retry-After, other 5xx and timeouts after
 * an exponential backoff with full jitter (a random wait between zero and the doubled bound, so that many
 * crawlers failing together do not come back together), and never more than {@code maxAttempts} tries in all.
 *
 * @param maxAttempts   tries in all, the first one included
 * @param baseBackoff   bound of the wait before the first retry; it doubles with each further retry
 * @param maxBackoff    largest bound of a backoff wait
 * @param maxRetryAfter longest Retry-After waited for; a server asking for more is left alone until the next poll
 * @param jitter        a number in [0, 1) per wait; random except in tests
 * @param clock         the time an HTTP-date Retry-After is measured from
 */
public record RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter,
                          DoubleSupplier jitter, Clock clock) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    /** Three tries, backoff from one second up to thirty, Retry-After honoured up to a minute. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1),
                () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
    }

    /** Whether another try may follow try number {@code attempt} (counted from 1). */
    boolean mayRetryAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** Whether a response with this status is worth trying again. */
    static boolean isRetryable(int status) {
        return status == 429 || status / 100 == 5 && status != 501 && status != 505;
    }

    /** Whether this status asks the client to wait for the time in its Retry-After header. */
    static boolean honoursRetryAfter(int status) {
        return status == 429 || status == 503;
    }

    /** The wait before the retry following try number {@code attempt}: full jitter over a doubling bound. */
    Duration backoff(int attempt) {
        long bound = baseBackoff.toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(bound < 0 ? Long.MAX_VALUE : bound, maxBackoff.toMillis());
        return Duration.ofMillis((long) (jitter.getAsDouble() * capped));
    }

    /**
     * The wait a Retry-After header asks for: delay-seconds or an HTTP-date; empty when absent or unreadable. A
     * date in the past asks for no wait.
     */
    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLong) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
            }
        }
        try {
            Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), until);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
