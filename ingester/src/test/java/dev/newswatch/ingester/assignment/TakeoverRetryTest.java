package dev.newswatch.ingester.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TakeoverRetryTest {

    private final TakeoverRetry retry = new TakeoverRetry(Duration.ofMillis(1), Duration.ofMillis(4), 3);

    @Test
    void aStepThatFailsForAWhileIsTriedAgainUntilItSucceedsAndIsFailingOnlyFromTheThirdFailureOn() {
        AtomicInteger attempts = new AtomicInteger();
        List<Boolean> failingAtEachAttempt = new ArrayList<>();
        boolean succeeded = retry.run("reading the crawl state", () -> {
            failingAtEachAttempt.add(retry.isFailing());
            if (attempts.incrementAndGet() <= 4) {
                throw new IllegalStateException("broker unreachable");
            }
        }, () -> false);

        assertThat(succeeded).isTrue();
        assertThat(attempts).hasValue(5);
        assertThat(failingAtEachAttempt).containsExactly(false, false, false, true, true);
        assertThat(retry.isFailing()).as("healthy again once it succeeded").isFalse();
    }

    @Test
    void stoppingEndsTheRetriesWithoutSuccess() {
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();
        boolean succeeded = retry.run("reading the crawl state", () -> {
            if (attempts.incrementAndGet() == 2) {
                stopping.set(true);
            }
            throw new IllegalStateException("broker unreachable");
        }, stopping::get);

        assertThat(succeeded).isFalse();
        assertThat(attempts).hasValue(2);
    }
}
