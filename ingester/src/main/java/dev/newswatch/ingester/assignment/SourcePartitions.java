package dev.newswatch.ingester.assignment;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Utils;

import dev.newswatch.ingester.source.Source;

/**
 * Which partition of the assignment topic a source belongs to: its {@linkplain Source#site() site}'s hash modulo
 * the partition count, the same hash Kafka's default partitioner gives a record keyed by the site. All sources
 * of one site share a partition, so one instance keeps that site's pacing.
 */
public record SourcePartitions(int count) {

    public SourcePartitions {
        if (count < 1) {
            throw new IllegalArgumentException("an assignment topic needs at least one partition, not " + count);
        }
    }

    public int of(Source source) {
        return Utils.toPositive(Utils.murmur2(source.site().getBytes(StandardCharsets.UTF_8))) % count;
    }
}
