package dev.newswatch.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

import dev.newswatch.common.config.KafkaSettings;

/** The bytes each topic holds on the brokers' disks, as the admin client's describeLogDirs reports them. */
final class BrokerLogSizes {

    private BrokerLogSizes() {
    }

    /** Bytes per topic, summed over partitions, replicas and log directories; internal topics included. */
    static Map<String, Long> of(KafkaSettings kafka) {
        try (Admin admin = Admin.create(kafka.admin("newswatch-bench-log-sizes"))) {
            var brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
            Map<String, Long> bytes = new TreeMap<>();
            for (Map<String, LogDirDescription> directories : admin.describeLogDirs(brokers).allDescriptions().get()
                    .values()) {
                for (LogDirDescription directory : directories.values()) {
                    for (Map.Entry<TopicPartition, ReplicaInfo> replica
                            : directory.replicaInfos().entrySet()) {
                        bytes.merge(replica.getKey().topic(), replica.getValue().size(), Long::sum);
                    }
                }
            }
            return bytes;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the brokers' log directories", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted describing the brokers' log directories", e);
        }
    }

    /** What each topic grew by from {@code before} to {@code after}; topics that did not grow are left out. */
    static Map<String, Long> growth(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> grown = new TreeMap<>();
        after.forEach((topic, bytes) -> {
            long growth = bytes - before.getOrDefault(topic, 0L);
            if (growth > 0) {
                grown.put(topic, growth);
            }
        });
        return grown;
    }
}
