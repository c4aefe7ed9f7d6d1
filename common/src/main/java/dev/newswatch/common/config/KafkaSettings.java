package dev.newswatch.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How every service reaches Kafka: the {@code kafka} section of {@code config/newswatch.yml}.
 *
 * @param bootstrapServers  where the cluster is
 * @param partitions        partition count of the topics a service creates
 * @param replicationFactor replication factor of those topics (1 suits a single broker)
 * @param properties        Kafka client settings (security.protocol, sasl.*, ssl.*, timeouts, ...), each given to
 *                          every producer, consumer and admin client that knows it and to the Streams applications;
 *                          a name no client knows is refused, and so are the few Newswatch sets itself because its
 *                          delivery guarantees depend on them ({@link #RESERVED_PROPERTIES})
 */
public record KafkaSettings(
        String bootstrapServers,
        int partitions,
        short replicationFactor,
        Map<String, String> properties) {

    /** Environment variables with this prefix set Kafka client properties: NEWSWATCH_KAFKA_SASL_MECHANISM=... */
    public static final String ENVIRONMENT_PREFIX = "NEWSWATCH_KAFKA_";

    /** Client properties Newswatch sets itself, each with what to do instead or why it cannot change. */
    public static final Map<String, String> RESERVED_PROPERTIES = Map.ofEntries(
            Map.entry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "set kafka.bootstrapServers instead"),
            Map.entry(CommonClientConfigs.CLIENT_ID_CONFIG, "each client's id names it in metrics and logs"),
            Map.entry(CommonClientConfigs.GROUP_ID_CONFIG, "set the service's applicationId instead"),
            Map.entry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "set ingester.transactionalId instead"),
            Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "an article is published exactly once only with it"),
            Map.entry(ProducerConfig.ACKS_CONFIG, "a record counts as written only once every in-sync replica has it"),
            Map.entry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "only committed transactions may be read"),
            Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "offsets are committed with the work they record"),
            Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "the records' format is Newswatch's"),
            Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "the records' format is Newswatch's"),
            Map.entry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "the records' format is Newswatch's"),
            Map.entry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "the records' format is Newswatch's"));

    /**
     * How every producer compresses what it writes: Korean text as JSON shrinks to about a third, and the broker
     * keeps a batch as the producer compressed it. zstd rather than lz4 because it shrinks such text further for a
     * little more CPU in the producer.
     */
    private static final String COMPRESSION = "zstd";
    /**
     * Largest batch a Streams producer sends to one partition: a commit's articles on the enricher's story-index
     * repartition topic at some 400 articles/s and 100 ms (40 records of about 7 KB) fit in one.
     */
    private static final int STREAMS_BATCH_BYTES = 256 * 1024;
    private static final Set<String> CLIENT_PROPERTIES = Stream.of(ProducerConfig.configNames(),
            ConsumerConfig.configNames(), AdminClientConfig.configNames())
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    public KafkaSettings {
        bootstrapServers = bootstrapServers == null || bootstrapServers.isBlank() ? "127.0.0.1:9092" : bootstrapServers;
        partitions = partitions == 0 ? 3 : partitions;
        replicationFactor = replicationFactor == 0 ? 1 : replicationFactor;
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        if (partitions < 1) {
            throw new InvalidConfigValue("partitions", "must be at least 1, not " + partitions);
        }
        if (replicationFactor < 1) {
            throw new InvalidConfigValue("replicationFactor", "must be at least 1, not " + replicationFactor);
        }
        for (Map.Entry<String, String> property : properties.entrySet()) {
            problem(property.getKey(), property.getValue()).ifPresent(problem -> {
                throw new InvalidConfigValue(List.of("properties", property.getKey()), problem);
            });
        }
    }

    /** What is wrong with setting client property {@code name} to {@code value}; empty when nothing is. */
    private static Optional<String> problem(String name, String value) {
        if (RESERVED_PROPERTIES.containsKey(name)) {
            return Optional.of("'" + name + "' is set by Newswatch: " + RESERVED_PROPERTIES.get(name));
        }
        if (!CLIENT_PROPERTIES.contains(name)) {
            return Optional.of("'" + name + "' is not a property of Kafka's producer, consumer or admin client");
        }
        if (value == null || value.isBlank()) {
            return Optional.of("'" + name + "' has no value");
        }
        return Optional.empty();
    }

    public static KafkaSettings defaults() {
        return new KafkaSettings(null, 0, (short) 0, null);
    }

    public static KafkaSettings forBootstrapServers(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, 0, (short) 0, null);
    }

    /**
     * These settings with every {@code NEWSWATCH_KAFKA_<NAME>} variable applied as client property
     * {@code <name>} (lower case, '_' read as '.'); {@code NEWSWATCH_KAFKA_BOOTSTRAP_SERVERS} sets the cluster.
     *
     * @throws IllegalArgumentException naming the variable, when it sets a property {@code properties} refuses
     */
    public KafkaSettings withEnvironment(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(properties);
        String servers = bootstrapServers;
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (!variable.getKey().startsWith(ENVIRONMENT_PREFIX)) {
                continue;
            }
            String property = variable.getKey().substring(ENVIRONMENT_PREFIX.length())
                    .toLowerCase(Locale.ROOT).replace('_', '.');
            if (property.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                servers = variable.getValue();
            } else {
                String name = variable.getKey();
                problem(property, variable.getValue()).ifPresent(problem -> {
                    throw new IllegalArgumentException("environment variable " + name + ": " + problem);
                });
                merged.put(property, variable.getValue());
            }
        }
        return new KafkaSettings(servers, partitions, replicationFactor, merged);
    }

    /** Settings for an admin client. */
    public Map<String, Object> admin(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return withOverrides(config, AdminClientConfig.configNames());
    }

    /** An idempotent producer of string keys and byte values that waits for every in-sync replica. */
    public Map<String, Object> producer(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return withOverrides(config, ProducerConfig.configNames());
    }

    /** Like {@link #producer} but transactional, so several records are written together or not at all. */
    public Map<String, Object> transactionalProducer(String clientId, String transactionalId) {
        Map<String, Object> config = new HashMap<>(producer(clientId));
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return config;
    }

    /** A consumer of string keys and byte values that sees only committed transactions. */
    public Map<String, Object> consumer(String clientId, String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return withOverrides(config, ConsumerConfig.configNames());
    }

    /**
     * An exactly-once Streams application. A short commit interval bounds how long a record waits in an open
     * transaction, and so how soon the next service sees it. Its producers hold a commit's records until the commit
     * (which flushes them anyway, and before which no read_committed reader sees them), so that they compress
     * together. Producer settings are given unprefixed, so that the user's properties replace them.
     */
    public Properties streams(String applicationId, Path stateDirectory, Duration commitInterval) {
        Properties config = new Properties();
        config.put("application.id", applicationId);
        config.put("processing.guarantee", "exactly_once_v2");
        config.put("commit.interval.ms", Long.toString(commitInterval.toMillis()));
        config.put("state.dir", stateDirectory.toString());
        config.put("replication.factor", Short.toString(replicationFactor));
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        config.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(commitInterval.toMillis()));
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(STREAMS_BATCH_BYTES));
        config.put("consumer." + ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Streams hands each of its clients only the properties that client knows.
        config.putAll(withOverrides(new HashMap<>(), CLIENT_PROPERTIES));
        return config;
    }

    /**
     * {@code config} with the cluster and the user's properties among {@code known}: a client warns about every
     * property it does not know, so each gets only its own.
     */
    private Map<String, Object> withOverrides(Map<String, Object> config, Set<String> known) {
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.forEach((name, value) -> {
            if (known.contains(name)) {
                config.put(name, value);
            }
        });
        return config;
    }
}
