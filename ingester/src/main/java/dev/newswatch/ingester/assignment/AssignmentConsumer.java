package dev.newswatch.ingester.assignment;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.ingester.publish.GroupFence;

/**
 * Membership of the ingesters' consumer group over the assignment topic, whose partitions stand for shares of
 * the sources: Kafka's group coordinator decides which instance owns which partition, and this class tells the
 * ingester as partitions come and go. The topic's records do not matter; its partitions do. A thread of its own
 * polls the group all the time, so a live instance keeps its partitions and a dead one loses them after the
 * session timeout. The cooperative-sticky assignor moves only the partitions that must move, and revokes them
 * before anyone else gets them.
 *
 * <p>It also tells the publisher what fences its transactions ({@link #fence}): the group's metadata and this
 * consumer's positions, read on this consumer's own thread (a KafkaConsumer refuses other threads) after every
 * poll and at every assignment, and kept for the publishing threads to read.
 */
public final class AssignmentConsumer implements AutoCloseable {

    /** Told of partitions gained and given up; called on this consumer's thread. */
    public interface Assignments {
        void assigned(Set<Integer> partitions);

        /** Must return only once nothing more is done for the partitions: then they go to another instance. */
        void revoked(Set<Integer> partitions);

        /** Like {@link #revoked}, but another instance may own them already: stop at once. */
        void lost(Set<Integer> partitions);
    }

    public static final String TOPIC = "newswatch.ingester.assignments";
    /**
     * How long the group waits for a silent instance before handing its partitions to the others; with the
     * rebalance and the crawl state read after it, its sources are polled again well within 30 s.
     */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration HEARTBEAT = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Bounds leaving the group at shutdown, which waits for the coordinator when Kafka is away. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TOPIC_METADATA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TOPIC_METADATA_RETRY = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(AssignmentConsumer.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Assignments assignments;
    private final Thread thread;
    private volatile boolean closing;
    /** The group's metadata of this instance's last valid generation, for {@link #fence}. */
    private volatile ConsumerGroupMetadata groupMetadata;
    /** This consumer's position on each partition it owns, as last read. */
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();

    private AssignmentConsumer(KafkaConsumer<String, byte[]> consumer, Assignments assignments) {
        this.consumer = consumer;
        this.assignments = assignments;
        this.thread = new Thread(this::run, "ingester-assignments");
        thread.setDaemon(true);
    }

    /**
     * Creates the assignment topic with {@code partitions} partitions unless it exists, and returns the count it
     * has: an existing topic keeps its own, so every instance maps sources to partitions alike.
     */
    public static SourcePartitions ensureTopic(KafkaSettings kafka, int partitions) {
        try (Admin admin = Admin.create(kafka.admin("newswatch-ingester-admin"))) {
            try {
                admin.createTopics(List.of(new NewTopic(TOPIC, partitions, kafka.replicationFactor())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all().get();
                log.info("Created topic {} with {} partitions", TOPIC, partitions);
                return new SourcePartitions(partitions);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + TOPIC + " on " + kafka.bootstrapServers()
                            + ": " + e.getCause().getMessage(), e.getCause());
                }
            }
            int existing = existingPartitions(admin, kafka);
            if (existing != partitions) {
                log.warn("Topic {} has {} partitions, not the {} of ingester.assignmentPartitions: sources are shared"
                        + " out over its {}", TOPIC, existing, partitions, existing);
            }
            return new SourcePartitions(existing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + TOPIC, e);
        }
    }

    /** The topic's partition count; an instance that just created it may not have told every broker yet. */
    private static int existingPartitions(Admin admin, KafkaSettings kafka) throws InterruptedException {
        long deadline = System.nanoTime() + TOPIC_METADATA_TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("cannot describe topic " + TOPIC + " on "
                            + kafka.bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
                }
                Thread.sleep(TOPIC_METADATA_RETRY.toMillis());
            }
        }
    }

    /** Joins {@code groupId} as {@code instanceId} and starts telling {@code assignments} what it owns. */
    public static AssignmentConsumer start(KafkaSettings kafka, String groupId, String instanceId,
            Assignments assignments) {
        Map<String, Object> config = kafka.consumer("newswatch-ingester-assignments-" + instanceId, groupId);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) HEARTBEAT.toMillis());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        AssignmentConsumer started = new AssignmentConsumer(new KafkaConsumer<>(config), assignments);
        started.consumer.subscribe(List.of(TOPIC), started.new Listener());
        started.thread.start();
        return started;
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // The new generation, before any publishing for the partitions gained starts.
            readFence();
            if (!partitions.isEmpty()) {
                Set<Integer> numbers = numbers(partitions);
                log.info("Assignment partitions gained: {}", numbers);
                assignments.assigned(numbers);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // A cooperative rebalance revokes once the new generation is in force: polls finishing their sources'
            // work during the revocation, and those of the sources kept, publish under it.
            readFence();
            if (!partitions.isEmpty()) {
                Set<Integer> numbers = numbers(partitions);
                log.info("Assignment partitions given up: {}", numbers);
                assignments.revoked(numbers);
            }
        }

        /** Lost without a rebalance (the session expired): another instance may own them already. */
        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                Set<Integer> numbers = numbers(partitions);
                log.warn("Assignment partitions lost with the group session: {}", numbers);
                assignments.lost(numbers);
            }
        }
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = new TreeSet<>();
        partitions.forEach(partition -> numbers.add(partition.partition()));
        return numbers;
    }

    private void run() {
        try {
            while (!closing) {
                // The records are empty markers nobody needs; polling keeps the membership and runs the callbacks.
                consumer.poll(POLL);
                readFence();
            }
        } catch (WakeupException e) {
            // close() woke the poll up: leave.
        } catch (RuntimeException e) {
            log.error("The ingester's assignment consumer failed: this instance polls no more sources", e);
        } finally {
            // Leaving the group revokes every partition first (the listener stops their sources), then hands them
            // on at once, without waiting for the session timeout.
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT));
        }
    }

    /**
     * Reads the group's metadata and the positions on this consumer's thread. A consumer out of the group reports
     * no generation, and a transaction sent with none is let through as a non-member's: so the last valid
     * generation is kept instead, which the coordinator refuses once it is stale.
     */
    private void readFence() {
        ConsumerGroupMetadata current = consumer.groupMetadata();
        if (current.generationId() >= 0 && !current.memberId().isEmpty()) {
            groupMetadata = current;
        }
        Set<TopicPartition> owned = consumer.assignment();
        positions.keySet().retainAll(numbers(owned));
        for (TopicPartition partition : owned) {
            try {
                positions.put(partition.partition(), consumer.position(partition, Duration.ZERO));
            } catch (TimeoutException notKnownYet) {
                positions.putIfAbsent(partition.partition(), 0L);
            }
        }
    }

    /**
     * What to send with a transaction for the sources of {@code partition}: this consumer's position on it and
     * the group's metadata; empty before this instance ever joined the group. Safe from any thread.
     */
    public Optional<GroupFence> fence(int partition) {
        ConsumerGroupMetadata group = groupMetadata;
        if (group == null) {
            return Optional.empty();
        }
        return Optional.of(new GroupFence(Map.of(new TopicPartition(TOPIC, partition),
                new OffsetAndMetadata(positions.getOrDefault(partition, 0L))), group));
    }

    /** False once the consumer has stopped, whether closed or failed. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
