package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.alerts.AlertsMain;
import dev.newswatch.common.ServiceLauncher;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.CompactedTopicReader;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.testsupport.AlertsSettingsFile;
import dev.newswatch.testsupport.FreePorts;
import dev.newswatch.testsupport.OpenTransactions;
import dev.newswatch.testsupport.RecordFeed;
import dev.newswatch.testsupport.ServiceProcess;
import dev.newswatch.testsupport.ServiceProcesses;
import dev.newswatch.testsupport.TmpfsMount;
import dev.newswatch.testsupport.WatchAlertTally;

/**
 * The alerts service in its own JVM, its state directory on a small file system of the test's own, while enriched
 * articles stream in: a state directory that is read-only at start, or that fills up while the service runs, stops
 * it with one error naming the directory and the cause and exit status 1, never a service that hangs with /health
 * UP; SIGTERM mid-stream stops it with 143 and no transaction left open. Each time, the directory fixed and the
 * service started again, alerts.&lt;id&gt; and news.alerts, read_committed, hold every expected alert once.
 */
class AlertsStateAndStopIT {

    private static final int ARTICLES = 150;
    private static final Duration FEED_INTERVAL = Duration.ofMillis(20);
    private static final int ALERTS_BEFORE_FAULT = 10;
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String watchId = "state-" + run;
    private final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
    private final KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
    @RegisterExtension
    final ServiceProcesses alerts = new ServiceProcesses(AlertsMain.class);
    private final List<String> articleIds = IntStream.range(0, ARTICLES).mapToObj(i -> run + "-" + i).toList();
    private RecordFeed stream;
    private TmpfsMount state;
    private Path config;
    private int metricsPort;

    @AfterEach
    void stopEverything() {
        if (stream != null) {
            stream.close();
        }
        alerts.close();
        if (state != null) {
            state.close();
        }
        broker.close();
    }

    @Test
    void aReadOnlyStateDirectoryAtStartExitsNamingItAndTheServiceStartedOnAFixedOneAlertsOnce() throws Exception {
        state = TmpfsMount.mount(writeConfig(), "64m");
        state.readOnly();

        ServiceProcess refused = ServiceProcess.start(AlertsMain.class, config, metricsPort, log());
        OptionalInt exit = refused.awaitExit(EXIT_TIMEOUT);

        assertThat(exit).as("exit status; log:%n%s", refused.logTail(40)).hasValue(ServiceLauncher.EXIT_FAILED);
        assertThat(refused.stdout()).contains("state directory " + state.directory().toAbsolutePath()
                + " cannot be written: Read-only file system");
        assertThat(alertTopicExists()).as("nothing was created or seeded before the check").isFalse();
        printErrorLine(refused);

        state.writable();
        alerts.startReady(config, metricsPort, log());
        stream = feed();
        assertEveryAlertOnce("read-only state directory at start");
    }

    @Test
    void aStateDirectoryThatFillsUpWhileRunningExitsNamingItAndTheRestartMissesAndDoublesNothing() throws Exception {
        state = TmpfsMount.mount(writeConfig(), "64m");
        ServiceProcess first = alerts.startReady(config, metricsPort, log());
        stream = feed();
        awaitAlertsBeforeFault();

        state.fill();
        OptionalInt exit = first.awaitExit(EXIT_TIMEOUT);

        assertThat(exit).as("exit status; log:%n%s", first.logTail(40)).hasValue(ServiceLauncher.EXIT_FAILED);
        assertThat(first.stdout()).contains("state directory " + state.directory().toAbsolutePath()
                + " cannot be written: No space left on device");
        printErrorLine(first);
        state.drain();
        alerts.startReady(config, metricsPort, log());
        assertEveryAlertOnce("state directory full while running");
    }

    @Test
    void sigtermMidStreamExitsWith143LeavingNoOpenTransactionAndTheRestartMissesAndDoublesNothing()
            throws Exception {
        writeConfig();
        ServiceProcess first = alerts.startReady(config, metricsPort, log());
        stream = feed();
        awaitAlertsBeforeFault();

        int exit = first.terminate(EXIT_TIMEOUT);

        assertThat(exit).as("exit status; log:%n%s", first.logTail(40)).isEqualTo(ServiceProcess.EXIT_AFTER_SIGTERM);
        assertThat(first.stdout()).contains("alerts stopped");
        for (String topic : List.of(Topics.ALERTS, Topics.watchAlerts(watchId))) {
            assertThat(OpenTransactions.on(kafka, topic)).as("partitions of %s with a transaction open", topic)
                    .isEmpty();
        }
        alerts.startReady(config, metricsPort, log());
        assertEveryAlertOnce("SIGTERM mid-stream");
    }

    private static void printErrorLine(ServiceProcess stopped) {
        System.out.println("AlertsStateAndStopIT: " + stopped.stdout().lines()
                .filter(line -> line.contains("cannot be written")).findFirst().orElse("(no error line)"));
    }

    /** Writes the settings with the state directory under {@code work} and returns that directory. */
    private Path writeConfig() throws IOException {
        metricsPort = FreePorts.any();
        Path watches = Files.writeString(work.resolve("watches.yml"), """
                watches:
                  - id: %s
                    severity: high
                    when: {outlets: [%s]}
                """.formatted(watchId, OutletArticles.WATCHED), StandardCharsets.UTF_8);
        config = AlertsSettingsFile.write(work, kafka.bootstrapServers(), metricsPort, watches,
                "alerts-state-it-" + run);
        return work.resolve("state");
    }

    private Path log() {
        return work.resolve("alerts.log");
    }

    private RecordFeed feed() {
        return RecordFeed.start(kafka, "alerts-state-it-feed",
                articleIds.stream().map(OutletArticles::enriched).toList(), FEED_INTERVAL);
    }

    private void awaitAlertsBeforeFault() {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> tally().records() >= ALERTS_BEFORE_FAULT);
    }


    private void assertEveryAlertOnce(String fault) {
        Set<String> expected = Set.copyOf(articleIds.stream().filter(OutletArticles::watched)
                .map(id -> watchId + ":" + id).toList());
        WatchAlertTally tally;
        try {
            tally = await().atMost(ServiceProcess.CATCH_UP_AFTER_KILL).pollInterval(Duration.ofSeconds(1))
                    .until(this::tally, now -> stream.done() && now.keys().size() >= expected.size());
        } catch (ConditionTimeoutException timedOut) {
            tally = tally();
        }
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(tally.keys());
        List<String> allAlerts = allAlertKeys();
        long doubledOnAllAlerts = allAlerts.size() - allAlerts.stream().distinct().count();
        System.out.printf("AlertsStateAndStopIT [%s]: %d articles in, %d alerts expected; alerts.%s %d records, %d"
                + " duplicates, %d missing; news.alerts %d records, %d duplicates%n", fault, articleIds.size(),
                expected.size(), watchId, tally.records(), tally.duplicates(), missing.size(), allAlerts.size(),
                doubledOnAllAlerts);
        assertThat(missing).as("expected alerts not on alerts.%s", watchId).isEmpty();
        assertThat(tally.keys()).isEqualTo(expected);
        assertThat(tally.duplicates()).as("alert records beyond one per alert").isZero();
        assertThat(allAlerts).as("news.alerts").containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The keys of news.alerts, read_committed, one per record. */
    private List<String> allAlertKeys() {
        List<String> keys = new ArrayList<>();
        CompactedTopicReader.readAll(kafka, "alerts-state-it-all", Topics.ALERTS, Duration.ofSeconds(30),
                record -> keys.add(record.key()));
        return keys;
    }

    private WatchAlertTally tally() {
        return WatchAlertTally.read(kafka, "alerts-state-it", watchId);
    }

    private boolean alertTopicExists() throws Exception {
        try (Admin admin = Admin.create(kafka.admin("alerts-state-it-admin"))) {
            return admin.listTopics().names().get().contains(Topics.watchAlerts(watchId));
        }
    }
}
