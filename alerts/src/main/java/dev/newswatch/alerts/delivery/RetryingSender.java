package dev.newswatch.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.events.WebhookTarget;

/**
 * Sends one alert change until the receiver takes it, refuses it for good, or {@code maxAttempts} requests
 * have failed, waiting an exponentially growing backoff between attempts.
 */
final class RetryingSender {

    private static final Logger log = LoggerFactory.getLogger(RetryingSender.class);

    /** What became of one alert change: its outcome, after how many requests, why, and in how long. */
    record Sent(DeliveryOutcome outcome, int attempts, String detail, Duration took) {
    }

    private final WebhookClient client;
    private final DeliverySettings settings;
    private final CountDownLatch stopping;
    private final Clock clock;

    /** @param stopping counted down when the service stops, which ends a backoff at once */
    RetryingSender(WebhookClient client, DeliverySettings settings, CountDownLatch stopping, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.stopping = stopping;
        this.clock = clock;
    }

    /** @return empty when the service stopped before an outcome: the change is sent again after the restart */
    Optional<Sent> send(String watchId, WebhookTarget target, String idempotencyKey, byte[] body)
            throws InterruptedException {
        Instant start = clock.instant();
        WebhookClient.Attempt attempt = client.post(target, idempotencyKey, body);
        int attempts = 1;
        while (attempt.outcome() == DeliveryOutcome.FAILED && attempts < settings.maxAttempts()) {
            Duration wait = settings.backoffBefore(attempts + 1, attempt.retryAfter());
            log.info("Webhook of watch '{}' failed ({}) for {}; attempt {} of {} in {}", watchId, attempt.detail(),
                    idempotencyKey, attempts + 1, settings.maxAttempts(), wait);
            if (stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            attempt = client.post(target, idempotencyKey, body);
            attempts++;
        }
        String detail = attempt.outcome() == DeliveryOutcome.FAILED
                ? attempt.detail() + " after " + attempts + " attempts" : attempt.detail();
        return Optional.of(new Sent(attempt.outcome(), attempts, detail, Duration.between(start, clock.instant())));
    }
}
