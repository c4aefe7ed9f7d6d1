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
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.alerts.AlertsMain;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.testsupport.AlertsSettingsFile;
import dev.newswatch.testsupport.FreePorts;
import dev.newswatch.testsupport.RecordFeed;
import dev.newswatch.testsupport.ServiceProcess;
import dev.newswatch.testsupport.ServiceProcesses;
import dev.newswatch.testsupport.WatchAlertTally;

/**
 * A watch added with {@code newswatch watches add} while the alerts service runs in its own JVM: the articles that
 * follow raise exactly the alerts the watch asks for on alerts.&lt;watch-id&gt;; the service is then killed with
 * {@code kill -9} while articles stream in and started again, and the topic, read as a subscriber reads it
 * (read_committed), holds every expected alert once, none twice, none missing, none unexpected. The new watch
 * matches by outlet, so every article carries the same tags and only the outlet decides; every article is an event
 * of its own, so each matching one is one alert. The broker is the test's own: the killed service's open
 * transactions stay out of the other tests' way.
 */
class WatchAddedLiveKillIT {

    private static final int ARTICLES_BEFORE_KILL_PHASE = 20;
    private static final int STREAMED_ARTICLES = 200;
    private static final Duration FEED_INTERVAL = Duration.ofMillis(20);
    private static final int STREAMED_ALERTS_BEFORE_KILL = 15;

    @TempDir
    Path work;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String watchId = "live-" + run;
    private final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
    private final KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
    @RegisterExtension
    final ServiceProcesses alerts = new ServiceProcesses(AlertsMain.class);
    private RecordFeed stream;
    private int metricsPort;

    @AfterEach
    void stopEverything() {
        if (stream != null) {
            stream.close();
        }
        alerts.close();
        broker.close();
    }

    @Test
    void aWatchAddedThroughTheCliWhileTheServiceRunsAlertsExactlyOnceAcrossAKillAndRestart() throws Exception {
        Path config = writeConfig();
        ServiceProcess first = startAlerts(config);

        WatchesCommandLine cli = new WatchesCommandLine(config);
        assertThat(cli.run("watches", "add", writeNewWatch().toString())).as("%s", cli.output()).isZero();
        assertThat(cli.output()).containsExactly("Added " + watchId);
        // The service creates the watch's alert topic once its watches table holds the watch.
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(this::alertTopicExists);

        List<String> firstIds = ids("first", ARTICLES_BEFORE_KILL_PHASE);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer("watch-live-kill-it"))) {
            for (String id : firstIds) {
                producer.send(OutletArticles.enriched(id)).get();
            }
        }
        Set<String> firstExpected = expectedAlerts(firstIds);
        WatchAlertTally beforeKill = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(this::tally, tally -> tally.keys().size() >= firstExpected.size());
        assertThat(beforeKill.keys()).as("alerts of the watch added while the service runs")
                .isEqualTo(firstExpected);
        assertThat(beforeKill.duplicates()).isZero();

        List<String> streamedIds = ids("streamed", STREAMED_ARTICLES);
        stream = RecordFeed.start(kafka, "watch-live-kill-it-stream",
                streamedIds.stream().map(OutletArticles::enriched).toList(), FEED_INTERVAL);
        int alertsAtKill = await().atMost(ServiceProcess.CATCH_UP_AFTER_KILL).pollInterval(Duration.ofMillis(100))
                .until(() -> tally().records(),
                        records -> records >= firstExpected.size() + STREAMED_ALERTS_BEFORE_KILL);
        first.kill();
        int fedAtKill = stream.fed();
        startAlerts(config);

        List<String> allIds = new ArrayList<>(firstIds);
        allIds.addAll(streamedIds);
        Set<String> expected = expectedAlerts(allIds);
        WatchAlertTally tally = awaitAlerts(expected.size());
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(tally.keys());
        Set<String> unexpected = new HashSet<>(tally.keys());
        unexpected.removeAll(expected);
        System.out.println("WatchAddedLiveKill: watch " + watchId + " added through the CLI while alerts ran; "
                + firstIds.size() + " articles -> " + beforeKill.keys().size() + " alerts (" + firstExpected.size()
                + " expected); then " + streamedIds.size() + " streamed, kill -9 at " + alertsAtKill + " alerts ("
                + fedAtKill + " fed), restart; alerts." + watchId + " read_committed: " + tally.records()
                + " records, " + tally.keys().size() + " distinct alerts of " + expected.size() + " expected, "
                + tally.duplicates() + " duplicates, " + missing.size() + " missing, " + unexpected.size()
                + " unexpected");

        assertThat(alertsAtKill).as("killed mid-stream").isLessThan(expected.size());
        assertThat(tally.duplicates()).as("alert records beyond one per alert").isZero();
        assertThat(missing).as("expected alerts not on the topic").isEmpty();
        assertThat(unexpected).as("alerts no article asked for").isEmpty();
        assertThat(tally.articles()).as("articles the alerts name")
                .isEqualTo(Set.copyOf(allIds.stream().filter(OutletArticles::watched).toList()));
    }

    private Path writeConfig() throws IOException {
        metricsPort = FreePorts.any();
        // The seeded watch asks for a topic no article carries: only the watch the CLI adds raises alerts.
        Path seeded = Files.writeString(work.resolve("watches.yml"), """
                watches:
                  - id: seeded-%s
                    when: {topics: [capex]}
                """.formatted(run), StandardCharsets.UTF_8);
        return AlertsSettingsFile.write(work, kafka.bootstrapServers(), metricsPort, seeded,
                "watch-live-kill-it-" + run);
    }

    private Path writeNewWatch() throws IOException {
        return Files.writeString(work.resolve("new-watch.yml"), """
                watches:
                  - id: %s
                    severity: high
                    when: {outlets: [%s]}
                """.formatted(watchId, OutletArticles.WATCHED), StandardCharsets.UTF_8);
    }

    /** Starts the service and waits until it is ready, so what it misses is what the kill makes it miss. */
    private ServiceProcess startAlerts(Path config) {
        return alerts.startReady(config, metricsPort, work.resolve("alerts.log"));
    }

    private boolean alertTopicExists() throws Exception {
        try (Admin admin = Admin.create(kafka.admin("watch-live-kill-it-admin"))) {
            return admin.listTopics().names().get().contains(Topics.watchAlerts(watchId));
        }
    }

    private List<String> ids(String phase, int count) {
        return IntStream.range(0, count).mapToObj(i -> run + "-" + phase + "-" + i).toList();
    }

    /** One alert per matching article, keyed {@code <watch-id>:<event-id>}; each article is its own event. */
    private Set<String> expectedAlerts(List<String> articleIds) {
        return Set.copyOf(articleIds.stream().filter(OutletArticles::watched)
                .map(id -> watchId + ":" + id).toList());
    }

    /** Waits until every article is fed and the expected alerts are there; on timeout returns what is, to report. */
    private WatchAlertTally awaitAlerts(int expectedAlerts) {
        try {
            return await().atMost(ServiceProcess.CATCH_UP_AFTER_KILL).pollInterval(Duration.ofSeconds(1))
                    .until(this::tally, tally -> stream.done() && tally.keys().size() >= expectedAlerts);
        } catch (ConditionTimeoutException timedOut) {
            return tally();
        }
    }

    private WatchAlertTally tally() {
        return WatchAlertTally.read(kafka, "watch-live-kill-it", watchId);
    }
}
