package dev.newswatch.common.streams;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Headers of a dead-letter record: where the original record came from and why it could not be processed.
 * The record's key and value are the original bytes, untouched.
 */
public final class DeadLetterHeaders {

    public static final String SOURCE_TOPIC = "newswatch.dlq.source.topic";
    public static final String SOURCE_PARTITION = "newswatch.dlq.source.partition";
    public static final String SOURCE_OFFSET = "newswatch.dlq.source.offset";
    public static final String STAGE = "newswatch.dlq.stage";
    public static final String FAILURE = "newswatch.dlq.failure";
    public static final String ERROR_CLASS = "newswatch.dlq.error.class";
    public static final String ERROR_MESSAGE = "newswatch.dlq.error.message";

    private DeadLetterHeaders() {
    }

    static void describe(Headers headers, String topic, int partition, long offset, String stage, FailureKind failure,
            Throwable error) {
        put(headers, SOURCE_TOPIC, topic);
        put(headers, SOURCE_PARTITION, Integer.toString(partition));
        put(headers, SOURCE_OFFSET, Long.toString(offset));
        put(headers, STAGE, stage);
        put(headers, FAILURE, failure.tag());
        put(headers, ERROR_CLASS, error.getClass().getName());
        put(headers, ERROR_MESSAGE, String.valueOf(error.getMessage()));
    }

    /** The value of header {@code name} as text, or {@code null} when absent. */
    public static String read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
