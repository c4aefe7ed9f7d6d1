package dev.newswatch.common.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.config.KafkaSettings;

/** Creates the topics a service writes, so nothing depends on the broker creating topics on first use. */
public final class TopicCreator {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    private final KafkaSettings settings;
    private final String clientId;

    public TopicCreator(KafkaSettings settings, String clientId) {
        this.settings = settings;
        this.clientId = clientId;
    }

    /** Creates each topic that does not exist yet, with the configured partitions and replication. */
    public void ensure(Collection<String> topics) {
        create(topics.stream().map(name -> newTopic(name, Map.of())).toList());
    }

    /** Creates a compacted topic, for state where only the latest record per key matters. */
    public void ensureCompacted(String topic) {
        create(List.of(newTopic(topic, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
    }

    private NewTopic newTopic(String name, Map<String, String> config) {
        return new NewTopic(name, settings.partitions(), settings.replicationFactor()).configs(config);
    }

    private void create(List<NewTopic> topics) {
        try (Admin admin = Admin.create(settings.admin(clientId))) {
            List<String> created = new ArrayList<>();
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get();
                    created.add(result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + result.getKey() + " on "
                                + settings.bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            if (!created.isEmpty()) {
                log.info("Created topics {}", created);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
