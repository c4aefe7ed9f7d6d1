package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.ServiceLauncher;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.CompactedTopicReader;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.testsupport.FreePorts;
import dev.newswatch.testsupport.OpenTransactions;
import dev.newswatch.testsupport.RecordFeed;
import dev.newswatch.testsupport.ServiceProcess;
import dev.newswatch.testsupport.ServiceProcesses;
import dev.newswatch.testsupport.TmpfsMount;

/**
 * A Streams service in its own JVM, its state directory on a small file system of the test's own, while its input
 * streams in: a state directory that is read-only at start, or that fills up while the service runs, stops it with
 * one error naming the directory and the cause and exit status 1, never a service that hangs with /health UP;
 * SIGTERM mid-stream stops it with 143 and no transaction left open. Each time, the directory fixed and the service
 * started again, every output topic, read_committed, holds each expected record once.
 */
abstract class StreamsServiceFaults {

    private static final int RECORDS = 150;
    private static final Duration FEED_INTERVAL = Duration.ofMillis(20);
    private static final int OUTPUT_BEFORE_FAULT = 10;
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
    final KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
    @RegisterExtension
    final ServiceProcesses service = new ServiceProcesses(main());
    final List<String> ids = IntStream.range(0, RECORDS).mapToObj(i -> run + "-" + i).toList();
    private RecordFeed stream;
    private TmpfsMount state;
    private Path config;
    private int metricsPort;

    abstract Class<?> main();

    /** Writes newswatch.yml with the service's state directory {@code stateDirectory} and returns it. */
    abstract Path writeConfig(Path directory, int metricsPort, Path stateDirectory) throws IOException;

    /** The input record of each id. */
    abstract ProducerRecord<String, byte[]> input(String id);

    /** The topics the service writes what the test counts, each to hold {@link #expectedKeys} once. */
    abstract List<String> outputs();

    abstract Set<String> expectedKeys();

    /** A topic the service creates only once it got past its start-up checks. */
    abstract String createdAtStart();

    @AfterEach
    void stopEverything() {
        if (stream != null) {
            stream.close();
        }
        service.close();
        if (state != null) {
            state.close();
        }
        broker.close();
    }

    @Test
    void aReadOnlyStateDirectoryAtStartExitsNamingItAndTheServiceStartedOnAFixedOneMissesAndDoublesNothing()
            throws Exception {
        state = TmpfsMount.mount(configure(), "64m");
        state.readOnly();

        ServiceProcess refused = ServiceProcess.start(main(), config, metricsPort, log());
        OptionalInt exit = refused.awaitExit(EXIT_TIMEOUT);

        assertThat(exit).as("exit status; log:%n%s", refused.logTail(40)).hasValue(ServiceLauncher.EXIT_FAILED);
        assertErrorLine(refused, "Read-only file system");
        assertThat(topicExists(createdAtStart())).as("nothing created or seeded before the check").isFalse();

        state.writable();
        service.startReady(config, metricsPort, log());
        stream = feed();
        assertEachOnce("read-only state directory at start");
    }

    @Test
    void aStateDirectoryThatFillsUpWhileRunningExitsNamingItAndTheRestartMissesAndDoublesNothing() throws Exception {
        state = TmpfsMount.mount(configure(), "64m");
        ServiceProcess first = service.startReady(config, metricsPort, log());
        stream = feed();
        awaitOutputBeforeFault();

        state.fill();
        OptionalInt exit = first.awaitExit(EXIT_TIMEOUT);

        assertThat(exit).as("exit status; log:%n%s", first.logTail(40)).hasValue(ServiceLauncher.EXIT_FAILED);
        assertErrorLine(first, "No space left on device");
        state.drain();
        service.startReady(config, metricsPort, log());
        assertEachOnce("state directory full while running");
    }

    @Test
    void sigtermMidStreamExitsWith143LeavingNoOpenTransactionAndTheRestartMissesAndDoublesNothing()
            throws Exception {
        configure();
        ServiceProcess first = service.startReady(config, metricsPort, log());
        stream = feed();
        awaitOutputBeforeFault();

        int exit = first.terminate(EXIT_TIMEOUT);

        assertThat(exit).as("exit status; log:%n%s", first.logTail(40)).isEqualTo(ServiceProcess.EXIT_AFTER_SIGTERM);
        assertThat(first.stdout()).contains(main().getSimpleName().replace("Main", "").toLowerCase(Locale.ROOT)
                + " stopped");
        for (String topic : outputs()) {
            assertThat(OpenTransactions.on(kafka, topic)).as("partitions of %s with a transaction open", topic)
                    .isEmpty();
        }
        service.startReady(config, metricsPort, log());
        assertEachOnce("SIGTERM mid-stream");
    }

    /** Writes the settings with the state directory under {@code work} and returns that directory. */
    private Path configure() throws IOException {
        metricsPort = FreePorts.any();
        Path stateDirectory = work.resolve("state");
        config = writeConfig(work, metricsPort, stateDirectory);
        return stateDirectory;
    }

    private void assertErrorLine(ServiceProcess stopped, String cause) {
        String expected = "state directory " + state.directory().toAbsolutePath() + " cannot be written: " + cause;
        assertThat(stopped.stdout()).contains(expected);
        System.out.println(getClass().getSimpleName() + ": " + stopped.stdout().lines()
                .filter(line -> line.contains(expected)).findFirst().orElseThrow());
    }

    private Path log() {
        return work.resolve("service.log");
    }

    private RecordFeed feed() {
        return RecordFeed.start(kafka, run + "-feed", ids.stream().map(this::input).toList(), FEED_INTERVAL);
    }

    private void awaitOutputBeforeFault() {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> keys(outputs().get(0)).size() >= OUTPUT_BEFORE_FAULT);
    }

    private void assertEachOnce(String fault) {
        Set<String> expected = expectedKeys();
        try {
            await().atMost(ServiceProcess.CATCH_UP_AFTER_KILL).pollInterval(Duration.ofSeconds(1))
                    .until(() -> stream.done() && outputs().stream()
                            .allMatch(topic -> Set.copyOf(keys(topic)).containsAll(expected)));
        } catch (ConditionTimeoutException timedOut) {
            // Reported below, topic by topic.
        }
        for (String topic : outputs()) {
            List<String> keys = keys(topic);
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(keys);
            System.out.printf("%s [%s]: %d records in, %s read_committed: %d records, %d expected, %d duplicates,"
                    + " %d missing%n", getClass().getSimpleName(), fault, ids.size(), topic, keys.size(),
                    expected.size(), keys.size() - Set.copyOf(keys).size(), missing.size());
            assertThat(keys).as("keys on %s", topic).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** The keys of a topic's committed records, one per record. */
    private List<String> keys(String topic) {
        List<String> keys = new ArrayList<>();
        CompactedTopicReader.readAll(kafka, run + "-reader", topic, Duration.ofSeconds(30),
                record -> keys.add(record.key()));
        return keys;
    }

    private boolean topicExists(String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.admin(run + "-admin"))) {
            return admin.listTopics().names().get().contains(topic);
        }
    }
}
