package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.alerts.AlertsMain;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.CompactedTopicReader;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.testsupport.FreePorts;
import dev.newswatch.testsupport.ServiceProcess;

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

    private static final Path SHIPPED = Path.of("config").toAbsolutePath();
    private static final String WATCHED_OUTLET = "감시일보";
    private static final String OTHER_OUTLET = "테크브리프";
    private static final int ARTICLES_BEFORE_KILL_PHASE = 20;
    private static final int STREAMED_ARTICLES = 200;
    private static final Duration FEED_INTERVAL = Duration.ofMillis(20);
    private static final int STREAMED_ALERTS_BEFORE_KILL = 15;
    /** A restarted service waits out its killed predecessor's group membership (45 s session) before it resumes. */
    private static final Duration ALL_ALERTS_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 60;

    @TempDir
    Path work;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String watchId = "live-" + run;
    private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
    private final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
    private final KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
    private final List<ServiceProcess> services = new ArrayList<>();
    private int metricsPort;

    @RegisterExtension
    final AfterTestExecutionCallback printServiceLogOnFailure = context -> {
        if (context.getExecutionException().isPresent() && !services.isEmpty()) {
            ServiceProcess last = services.get(services.size() - 1);
            System.out.println("--- last " + LOG_TAIL_LINES + " lines of the alerts service's log " + last.log()
                    + " ---\n" + last.logTail(LOG_TAIL_LINES));
        }
    };

    @AfterEach
    void stopEverything() {
        feeder.shutdownNow();
        services.forEach(ServiceProcess::close);
        broker.close();
    }

    @Test
    void aWatchAddedThroughTheCliWhileTheServiceRunsAlertsExactlyOnceAcrossAKillAndRestart() throws Exception {
        Path config = writeConfig();
        startAlerts(config);

        WatchesCommandLine cli = new WatchesCommandLine(config);
        assertThat(cli.run("watches", "add", writeNewWatch().toString())).as("%s", cli.output()).isZero();
        assertThat(cli.output()).containsExactly("Added " + watchId);
        // The service creates the watch's alert topic once its watches table holds the watch.
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(this::alertTopicExists);

        List<String> firstIds = ids("first", ARTICLES_BEFORE_KILL_PHASE);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer("watch-live-kill-it"))) {
            for (String id : firstIds) {
                producer.send(enriched(id)).get();
            }
        }
        Set<String> firstExpected = expectedAlerts(firstIds);
        AlertTally beforeKill = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(this::tally, tally -> tally.keys().size() >= firstExpected.size());
        assertThat(beforeKill.keys()).as("alerts of the watch added while the service runs")
                .isEqualTo(firstExpected);
        assertThat(beforeKill.duplicates()).isZero();

        List<String> streamedIds = ids("streamed", STREAMED_ARTICLES);
        AtomicInteger fed = stream(streamedIds);
        int alertsAtKill = await().atMost(ALL_ALERTS_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> tally().records(),
                        records -> records >= firstExpected.size() + STREAMED_ALERTS_BEFORE_KILL);
        services.get(0).kill();
        int fedAtKill = fed.get();
        startAlerts(config);

        List<String> allIds = new ArrayList<>(firstIds);
        allIds.addAll(streamedIds);
        Set<String> expected = expectedAlerts(allIds);
        AlertTally tally = awaitAlerts(fed, expected.size());
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
                .isEqualTo(Set.copyOf(allIds.stream().filter(WatchAddedLiveKillIT::watched).toList()));
    }

    private Path writeConfig() throws IOException {
        metricsPort = FreePorts.any();
        // The seeded watch asks for a topic no article carries: only the watch the CLI adds raises alerts.
        Path seeded = Files.writeString(work.resolve("watches.yml"), """
                watches:
                  - id: seeded-%s
                    when: {topics: [capex]}
                """.formatted(run), StandardCharsets.UTF_8);
        return Files.writeString(work.resolve("newswatch.yml"), """
                kafka:
                  bootstrapServers: %s
                alerts:
                  metricsPort: %d
                  watchesFile: "%s"
                  entitiesFile: "%s"
                  topicsFile: "%s"
                  applicationId: watch-live-kill-it-%s
                  stateDirectory: "%s"
                """.formatted(kafka.bootstrapServers(), metricsPort, seeded.toAbsolutePath(),
                SHIPPED.resolve("entities.yml"), SHIPPED.resolve("topics.yml"), run,
                work.resolve("state").toAbsolutePath()), StandardCharsets.UTF_8);
    }

    private Path writeNewWatch() throws IOException {
        return Files.writeString(work.resolve("new-watch.yml"), """
                watches:
                  - id: %s
                    severity: high
                    when: {outlets: [%s]}
                """.formatted(watchId, WATCHED_OUTLET), StandardCharsets.UTF_8);
    }

    /** Starts the service and waits until it is ready, so what it misses is what the kill makes it miss. */
    private void startAlerts(Path config) {
        ServiceProcess alerts = ServiceProcess.start(AlertsMain.class, config, metricsPort, work.resolve("alerts.log"));
        services.add(alerts);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> alerts.readiness().equals(OptionalInt.of(200)));
    }

    private boolean alertTopicExists() throws Exception {
        try (Admin admin = Admin.create(kafka.admin("watch-live-kill-it-admin"))) {
            return admin.listTopics().names().get().contains(Topics.watchAlerts(watchId));
        }
    }

    private List<String> ids(String phase, int count) {
        return IntStream.range(0, count).mapToObj(i -> run + "-" + phase + "-" + i).toList();
    }

    /** Every third article is told by the watched outlet; the others by an outlet the watch does not name. */
    private static boolean watched(String articleId) {
        return Integer.parseInt(articleId.substring(articleId.lastIndexOf('-') + 1)) % 3 == 0;
    }

    /** One alert per matching article, keyed {@code <watch-id>:<event-id>}; each article is its own event. */
    private Set<String> expectedAlerts(List<String> articleIds) {
        return Set.copyOf(articleIds.stream().filter(WatchAddedLiveKillIT::watched)
                .map(id -> watchId + ":" + id).toList());
    }

    private static ProducerRecord<String, byte[]> enriched(String id) {
        try {
            String json = WatchesCommandTest.enriched(id, id, watched(id) ? WATCHED_OUTLET : OTHER_OUTLET);
            return new ProducerRecord<>(Topics.ENRICHED_ARTICLES, id, json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes one article every {@link #FEED_INTERVAL}, on through the kill; counts those sent. */
    private AtomicInteger stream(List<String> articleIds) {
        AtomicInteger fed = new AtomicInteger();
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer("watch-live-kill-it-stream"));
        feeder.scheduleAtFixedRate(() -> {
            if (fed.get() == articleIds.size()) {
                producer.close();
                // Shutting the executor down cancels this periodic task.
                feeder.shutdown();
                return;
            }
            producer.send(enriched(articleIds.get(fed.get())));
            producer.flush();
            fed.incrementAndGet();
        }, 0, FEED_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return fed;
    }

    /** Waits until every article is fed and the expected alerts are there; on timeout returns what is, to report. */
    private AlertTally awaitAlerts(AtomicInteger fed, int expectedAlerts) {
        try {
            return await().atMost(ALL_ALERTS_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(this::tally, tally -> fed.get() == STREAMED_ARTICLES
                            && tally.keys().size() >= expectedAlerts);
        } catch (ConditionTimeoutException timedOut) {
            return tally();
        }
    }

    private AlertTally tally() {
        List<String> keys = new ArrayList<>();
        Set<String> articles = new HashSet<>();
        CompactedTopicReader.readAll(kafka, "watch-live-kill-it", Topics.watchAlerts(watchId), READ_TIMEOUT,
                record -> {
                    keys.add(record.key());
                    articles.add(Topics.ALL_ALERTS.deserialize(record.value()).article().id());
                });
        return new AlertTally(keys.size(), Set.copyOf(keys), articles);
    }

    /** The committed alert records of the watch: how many, their distinct keys, the articles they name. */
    private record AlertTally(int records, Set<String> keys, Set<String> articles) {

        int duplicates() {
            return records - keys.size();
        }
    }
}
