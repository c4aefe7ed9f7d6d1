package dev.newswatch.ingester.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");

    private static RetryPolicy policy(double jitter) {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1),
                () -> jitter, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void backoffDoublesUpToItsCapAndIsJitteredBelowTheBound() {
        RetryPolicy top = policy(1.0);
        assertThat(top.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(top.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(top.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(top.backoff(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(top.backoff(80)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy(0.25).backoff(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy(0.0).backoff(3)).isZero();
    }

    @Test
    void attemptsAreBounded() {
        RetryPolicy policy = policy(1.0);
        assertThat(policy.mayRetryAfter(4)).isTrue();
        assertThat(policy.mayRetryAfter(5)).isFalse();
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        RetryPolicy policy = policy(1.0);
        assertThat(policy.retryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(policy.retryAfter(" 0 ")).contains(Duration.ZERO);
        assertThat(policy.retryAfter("Fri, 20 Nov 2026 01:00:30 GMT")).contains(Duration.ofSeconds(30));
        assertThat(policy.retryAfter("Fri, 20 Nov 2026 00:59:00 GMT")).contains(Duration.ZERO);
        assertThat(policy.retryAfter("99999999999999999999999")).hasValueSatisfying(wait ->
                assertThat(wait).isGreaterThan(Duration.ofDays(365)));
        assertThat(policy.retryAfter("soon")).isEmpty();
        assertThat(policy.retryAfter("-5")).isEmpty();
        assertThat(policy.retryAfter(null)).isEmpty();
    }

    @Test
    void onlyThrottlingAndTransientServerErrorsAreRetried() {
        assertThat(RetryPolicy.isRetryable(429)).isTrue();
        assertThat(RetryPolicy.isRetryable(500)).isTrue();
        assertThat(RetryPolicy.isRetryable(503)).isTrue();
        assertThat(RetryPolicy.isRetryable(501)).isFalse();
        assertThat(RetryPolicy.isRetryable(404)).isFalse();
        assertThat(RetryPolicy.isRetryable(403)).isFalse();
        assertThat(RetryPolicy.honoursRetryAfter(503)).isTrue();
        assertThat(RetryPolicy.honoursRetryAfter(500)).isFalse();
    }
}
