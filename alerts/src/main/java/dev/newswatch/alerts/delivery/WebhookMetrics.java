package dev.newswatch.alerts.delivery;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Webhook deliveries by watch and outcome, and how long each took from its first request to its outcome, backoffs
 * included. Watch ids come from the watches file, so the watch tag is bounded.
 */
public final class WebhookMetrics {

    /** The watch tag of an alert record that could not be read, whose watch is unknown. */
    static final String UNKNOWN_WATCH = "unknown";
    /** From a quick receiver's answer to six attempts with their backoffs. */
    private static final Duration[] DURATION_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5)};

    private final MeterRegistry registry;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Shows every outcome of a watch with a webhook as 0 before its first alert. */
    void watchHasWebhook(String watchId) {
        for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
            deliveries(watchId, outcome);
        }
    }

    void delivered(String watchId, DeliveryOutcome outcome, Duration took) {
        deliveries(watchId, outcome).increment();
        Timer.builder("newswatch.alerts.webhook.delivery.duration")
                .description("Time from the first request of an alert change to its outcome, retries included")
                .tag("outcome", outcome.tag())
                .serviceLevelObjectives(DURATION_BUCKETS)
                .register(registry).record(took);
    }

    private Counter deliveries(String watchId, DeliveryOutcome outcome) {
        return Counter.builder("newswatch.alerts.webhook.deliveries")
                .description("Alert changes handed to a watch's webhook, by outcome")
                .tag("watch", watchId)
                .tag("outcome", outcome.tag())
                .register(registry);
    }
}
