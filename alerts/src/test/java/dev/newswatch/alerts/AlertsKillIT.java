package dev.newswatch.alerts;

import static dev.newswatch.alerts.Articles.article;
import static dev.newswatch.alerts.Articles.exportControls;
import static dev.newswatch.alerts.Articles.nvidiaH20;
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
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.alerts.delivery.WebhookReceiver;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.CompactedTopicReader;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.testsupport.FreePorts;
import dev.newswatch.testsupport.ServiceProcess;

/**
 * The alerts service in its own JVM, as in production, killed with {@code kill -9} while enriched articles stream
 * in, then started again: alerts.&lt;watch-id&gt;, read as a subscriber reads it (read_committed), holds one alert
 * per article, none twice and none missing, and the watch's webhook took every alert, a repeated request at most
 * for the one change in flight at the kill. Every article is an event of its own, so one record per alert key is
 * right whatever the key's shape; the counts compare alert keys and the articles the alerts name. The broker is
 * the test's own, so the killed service's open transactions and its 300 alerts stay out of the other tests' way.
 */
class AlertsKillIT {

    private static final int ARTICLES = 300;
    private static final Duration FEED_INTERVAL = Duration.ofMillis(20);
    private static final int ALERTS_BEFORE_KILL = 40;
    /** A restarted service waits out its killed predecessor's group membership (45 s session) before it resumes. */
    private static final Duration ALL_ALERTS_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 60;

    @TempDir
    Path work;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String watchId = "kill-" + run;
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
    private final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
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
        receiver.close();
        broker.close();
    }

    @Test
    void killingTheAlertsServiceMidStreamAndStartingItAgainDuplicatesAndLosesNoAlert() throws Exception {
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        Path config = writeConfig(broker.bootstrapServers());
        ServiceProcess first = startAlerts(config);
        List<String> articleIds = IntStream.range(0, ARTICLES).mapToObj(i -> run + "-" + i).toList();
        AtomicInteger fed = feed(kafka, articleIds);

        int alertsBeforeKill = await().atMost(ALL_ALERTS_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> tally(kafka).records(), records -> records >= ALERTS_BEFORE_KILL);
        first.kill();
        int fedAtKill = fed.get();
        assertThat(alertsBeforeKill).as("killed mid-stream").isLessThan(ARTICLES);

        startAlerts(config);
        AlertTally tally = awaitEveryAlert(kafka, fed);

        Map<String, Long> accepted = receiver.acceptedByKey();
        Set<String> deliveredAlerts = accepted.keySet().stream()
                .map(key -> key.substring(0, key.lastIndexOf('/'))).collect(Collectors.toSet());
        long repeatedRequests = accepted.values().stream().mapToLong(count -> count - 1).sum();
        System.out.println("AlertsKill: " + ARTICLES + " articles, kill -9 after " + alertsBeforeKill + " alerts ("
                + fedAtKill + " fed), restart; alerts." + watchId + " read_committed: " + tally.records()
                + " records, " + tally.keys().size() + " distinct alerts, " + tally.duplicates() + " duplicates, "
                + tally.missing(articleIds).size() + " missing; webhook: " + deliveredAlerts.size()
                + " alerts delivered in " + receiver.requests().size() + " requests, " + repeatedRequests
                + " repeated with the same idempotency key");

        assertThat(tally.duplicates()).as("alert records beyond one per alert").isZero();
        assertThat(tally.missing(articleIds)).as("articles without an alert").isEmpty();
        assertThat(deliveredAlerts).as("alerts the webhook took").isEqualTo(tally.keys());
        assertThat(repeatedRequests).as("changes sent again: only the one in flight at the kill may be")
                .isLessThanOrEqualTo(1);
    }

    private Path writeConfig(String bootstrapServers) throws IOException {
        metricsPort = FreePorts.any();
        Path watches = work.resolve("watches.yml");
        Files.writeString(watches, """
                watches:
                  - id: %s
                    when: {topics: [export-controls]}
                    webhook:
                      url: %s
                      allowPrivateAddress: true
                """.formatted(watchId, receiver.url("/" + watchId)), StandardCharsets.UTF_8);
        Path config = work.resolve("newswatch.yml");
        Path shippedConfig = Path.of("config").toAbsolutePath();
        Files.writeString(config, """
                kafka:
                  bootstrapServers: %s
                alerts:
                  metricsPort: %d
                  watchesFile: "%s"
                  entitiesFile: "%s"
                  topicsFile: "%s"
                  applicationId: alerts-kill-it-%s
                  stateDirectory: "%s"
                """.formatted(bootstrapServers, metricsPort, watches.toAbsolutePath(),
                shippedConfig.resolve("entities.yml"), shippedConfig.resolve("topics.yml"), run,
                work.resolve("state").toAbsolutePath()), StandardCharsets.UTF_8);
        return config;
    }

    /** Starts the service and waits until it is ready, so what it misses is what the kill makes it miss. */
    private ServiceProcess startAlerts(Path config) {
        ServiceProcess alerts = ServiceProcess.start(AlertsMain.class, config, metricsPort, work.resolve("alerts.log"));
        services.add(alerts);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> alerts.readiness().equals(OptionalInt.of(200)));
        return alerts;
    }

    /** Publishes one matching article every {@link #FEED_INTERVAL}, on through the kill; counts those sent. */
    private AtomicInteger feed(KafkaSettings kafka, List<String> articleIds) {
        AtomicInteger fed = new AtomicInteger();
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer("alerts-kill-it"));
        feeder.scheduleAtFixedRate(() -> {
            int next = fed.get();
            if (next == articleIds.size()) {
                producer.close();
                // Shutting the executor down cancels this periodic task.
                feeder.shutdown();
                return;
            }
            String id = articleIds.get(next);
            producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, id, Topics.ENRICHED.serialize(
                    article(id, List.of(nvidiaH20()), List.of(exportControls())))));
            producer.flush();
            fed.incrementAndGet();
        }, 0, FEED_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return fed;
    }

    /** Waits until every article is fed and has its alert; on timeout returns what is there, for the report. */
    private AlertTally awaitEveryAlert(KafkaSettings kafka, AtomicInteger fed) {
        try {
            await().atMost(ALL_ALERTS_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> fed.get() == ARTICLES && tally(kafka).keys().size() >= ARTICLES
                            && receiver.acceptedByKey().size() >= ARTICLES);
        } catch (ConditionTimeoutException timedOut) {
            return tally(kafka);
        }
        return tally(kafka);
    }

    private AlertTally tally(KafkaSettings kafka) {
        List<String> keys = new ArrayList<>();
        Set<String> articles = new HashSet<>();
        CompactedTopicReader.readAll(kafka, "alerts-kill-it", Topics.watchAlerts(watchId), READ_TIMEOUT, record -> {
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

        List<String> missing(List<String> articleIds) {
            return articleIds.stream().filter(id -> !articles.contains(id)).toList();
        }
    }
}
