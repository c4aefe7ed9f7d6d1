package dev.newswatch.ingester.publish;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What ties a transaction to this instance's membership of the ingesters' group (KIP-447): the assignment
 * consumer's position on the source's partition and the group's metadata as that consumer last saw it, sent with
 * the transaction. The group coordinator refuses the transaction of a member whose generation is stale (one that
 * was paused or cut off while the group gave its partitions to another), so two instances never both publish
 * for a source, whatever either believes it owns.
 */
public record GroupFence(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {

    public GroupFence {
        offsets = Map.copyOf(offsets);
    }
}
