package dev.newswatch.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import dev.newswatch.common.config.KafkaSettings;

/**
 * Whether a transaction is left open on a topic: a partition whose end for a read_committed reader (the last stable
 * offset) is short of its written end. A service stopped cleanly leaves none; a killed one may, until it is fenced
 * or the transaction times out.
 */
public final class OpenTransactions {

    private OpenTransactions() {
    }

    /** The partitions of {@code topic} with records in a transaction not yet committed or aborted. */
    public static List<TopicPartition> on(KafkaSettings kafka, String topic) throws InterruptedException {
        try (Admin admin = Admin.create(kafka.admin("open-transactions-check"))) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition.partition()),
                            partition -> OffsetSpec.latest()));
            Map<TopicPartition, Long> committed = ends(admin, latest, IsolationLevel.READ_COMMITTED);
            Map<TopicPartition, Long> written = ends(admin, latest, IsolationLevel.READ_UNCOMMITTED);
            return written.keySet().stream().filter(partition -> committed.get(partition) < written.get(partition))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the ends of " + topic, e.getCause());
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, Map<TopicPartition, OffsetSpec> latest,
            IsolationLevel isolation) throws InterruptedException, ExecutionException {
        return admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
    }
}
