package dev.newswatch.alerts.delivery;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import dev.newswatch.common.Topics;
import dev.newswatch.common.streams.DeadLetterHeaders;

/**
 * A dead-letter record of an alert change no webhook took: the alert record's key and bytes, untouched, with the
 * usual dead-letter headers (source topic, partition and offset; stage {@code webhook-delivery}; failure, the
 * outcome's tag; the reason as error message) and the request's idempotency key and attempt count.
 */
final class WebhookDeadLetters {

    static final String STAGE = "webhook-delivery";
    static final String IDEMPOTENCY_KEY = "newswatch.dlq.webhook.idempotency.key";
    static final String ATTEMPTS = "newswatch.dlq.webhook.attempts";

    private WebhookDeadLetters() {
    }

    static ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> alert, DeliveryOutcome outcome,
            String reason, String idempotencyKey, int attempts) {
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(Topics.WEBHOOK_DEAD_LETTERS.name(),
                alert.key(), alert.value());
        Headers headers = deadLetter.headers();
        put(headers, DeadLetterHeaders.SOURCE_TOPIC, alert.topic());
        put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(alert.partition()));
        put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(alert.offset()));
        put(headers, DeadLetterHeaders.STAGE, STAGE);
        put(headers, DeadLetterHeaders.FAILURE, outcome.tag());
        put(headers, DeadLetterHeaders.ERROR_MESSAGE, reason);
        if (idempotencyKey != null) {
            put(headers, IDEMPOTENCY_KEY, idempotencyKey);
        }
        put(headers, ATTEMPTS, Integer.toString(attempts));
        return deadLetter;
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
