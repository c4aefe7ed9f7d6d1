package dev.newswatch.alerts.delivery;

import dev.newswatch.common.metrics.MetricTags;

/** What became of one alert change on its way to a webhook; also the bounded {@code outcome} tag of the metrics. */
public enum DeliveryOutcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed with a network error, a timeout, 408, 425, 429 or 5xx: dead-lettered. */
    FAILED,
    /** The receiver answered a status that retrying cannot change (a redirect, 4xx): dead-lettered. */
    REJECTED,
    /** The URL resolves to a private or loopback address the watch does not allow: dead-lettered, never sent. */
    REFUSED,
    /** The alert was older than the delivery settings' maxAlertAge when read: recorded, never sent. */
    EXPIRED,
    /** The alert record could not be read: dead-lettered. */
    INVALID;

    public String tag() {
        return MetricTags.of(this);
    }

    /** Whether the alert goes to the dead-letter topic. */
    boolean deadLettered() {
        return this == FAILED || this == REJECTED || this == REFUSED || this == INVALID;
    }
}
