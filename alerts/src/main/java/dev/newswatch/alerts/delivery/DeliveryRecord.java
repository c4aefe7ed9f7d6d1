package dev.newswatch.alerts.delivery;

import java.time.Instant;

/**
 * One entry of the delivery log, {@code newswatch.alerts.webhook.deliveries}, keyed by alert id: the last change
 * of that alert the webhook was done with, delivered or not. Compaction keeps the last entry per alert.
 *
 * @param version        the offset of the change on {@code news.alerts}, where every change of an alert lands
 *                       in one partition, in order: a change at or below it was dealt with
 * @param idempotencyKey what the request carried, {@code <alert-id>/<version>}
 * @param attempts       requests made; 0 for an alert not sent (expired)
 */
public record DeliveryRecord(int schemaVersion, String alertId, String watchId, long version, String idempotencyKey,
        DeliveryOutcome outcome, int attempts, String detail, Instant at) {

    public static final int SCHEMA_VERSION = 1;
}
