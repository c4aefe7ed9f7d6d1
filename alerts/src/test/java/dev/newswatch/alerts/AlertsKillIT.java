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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.alerts.delivery.WebhookReceiver;
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

    @TempDir
    Path work;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String watchId = "kill-" + run;
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();

    @RegisterExtension
    final ServiceProcesses services = new ServiceProcesses(AlertsMain.class);
    private RecordFeed feed;
    private int metricsPort;

    @AfterEach
    void stopEverything() {
        if (feed != null) {
            feed.close();
        }
        services.close();
        receiver.close();
        broker.close();
    }

    @Test
    void killingTheAlertsServiceMidStreamAndStartingItAgainDuplicatesAndLosesNoAlert() throws Exception {
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        Path config = writeConfig(broker.bootstrapServers());
        ServiceProcess first = startAlerts(config);
        List<String> articleIds = IntStream.range(0, ARTICLES).mapToObj(i -> run + "-" + i).toList();
        feed = RecordFeed.start(kafka, "alerts-kill-it", articleIds.stream().map(AlertsKillIT::matchingArticle)
                .toList(), FEED_INTERVAL);

        int alertsBeforeKill = await().atMost(ServiceProcess.CATCH_UP_AFTER_KILL).pollInterval(Duration.ofMillis(100))
                .until(() -> tally(kafka).records(), records -> records >= ALERTS_BEFORE_KILL);
        first.kill();
        int fedAtKill = feed.fed();
        assertThat(alertsBeforeKill).as("killed mid-stream").isLessThan(ARTICLES);

        startAlerts(config);
        WatchAlertTally tally = awaitEveryAlert(kafka);

        Map<String, Long> accepted = receiver.acceptedByKey();
        Set<String> deliveredAlerts = accepted.keySet().stream()
                .map(key -> key.substring(0, key.lastIndexOf('/'))).collect(Collectors.toSet());
        long repeatedRequests = accepted.values().stream().mapToLong(count -> count - 1).sum();
        System.out.println("AlertsKill: " + ARTICLES + " articles, kill -9 after " + alertsBeforeKill + " alerts ("
                + fedAtKill + " fed), restart; alerts." + watchId + " read_committed: " + tally.records()
                + " records, " + tally.keys().size() + " distinct alerts, " + tally.duplicates() + " duplicates, "
                + missing(tally, articleIds).size() + " missing; webhook: " + deliveredAlerts.size()
                + " alerts delivered in " + receiver.requests().size() + " requests, " + repeatedRequests
                + " repeated with the same idempotency key");

        assertThat(tally.duplicates()).as("alert records beyond one per alert").isZero();
        assertThat(missing(tally, articleIds)).as("articles without an alert").isEmpty();
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
        return AlertsSettingsFile.write(work, bootstrapServers, metricsPort, watches, "alerts-kill-it-" + run);
    }

    /** Starts the service and waits until it is ready, so what it misses is what the kill makes it miss. */
    private ServiceProcess startAlerts(Path config) {
        return services.startReady(config, metricsPort, work.resolve("alerts.log"));
    }

    private static ProducerRecord<String, byte[]> matchingArticle(String id) {
        return new ProducerRecord<>(Topics.ENRICHED_ARTICLES, id, Topics.ENRICHED.serialize(
                article(id, List.of(nvidiaH20()), List.of(exportControls()))));
    }

    /** Waits until every article is fed and has its alert; on timeout returns what is there, for the report. */
    private WatchAlertTally awaitEveryAlert(KafkaSettings kafka) {
        try {
            await().atMost(ServiceProcess.CATCH_UP_AFTER_KILL).pollInterval(Duration.ofSeconds(1))
                    .until(() -> feed.done() && tally(kafka).keys().size() >= ARTICLES
                            && receiver.acceptedByKey().size() >= ARTICLES);
        } catch (ConditionTimeoutException timedOut) {
            return tally(kafka);
        }
        return tally(kafka);
    }

    private WatchAlertTally tally(KafkaSettings kafka) {
        return WatchAlertTally.read(kafka, "alerts-kill-it", watchId);
    }

    private static List<String> missing(WatchAlertTally tally, List<String> articleIds) {
        return articleIds.stream().filter(id -> !tally.articles().contains(id)).toList();
    }
}
