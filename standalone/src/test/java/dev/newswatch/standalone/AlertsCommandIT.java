package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.AlertedArticle;
import dev.newswatch.common.events.Severity;
import dev.newswatch.common.json.Json;
import dev.newswatch.common.kafka.CompactedTopicReader;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import picocli.CommandLine;

/**
 * {@code newswatch alerts tail} against a real broker named by a settings file. The broker is the class's own: the
 * alerts written here must not reach the pipeline test, which counts every alert on news.alerts.
 */
class AlertsCommandIT {

    @AutoClose
    private static final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();

    private final String watchId = "tail-" + UUID.randomUUID().toString().substring(0, 8);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final String otherWatchId = "other-" + UUID.randomUUID().toString().substring(0, 8);
    private KafkaSettings kafka;
    private Path config;
    private List<Alert> alerts;

    @BeforeEach
    void publishTwoAlertsOfTheWatchAndOneOfAnother(@TempDir Path directory) throws Exception {
        config = directory.resolve("newswatch.yml");
        Files.writeString(config, "kafka:\n  bootstrapServers: " + broker.bootstrapServers() + "\n",
                StandardCharsets.UTF_8);
        kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        new TopicCreator(kafka, "alerts-tail-it").ensure(List.of(Topics.ALERTS, Topics.watchAlerts(watchId)));
        alerts = List.of(alert(watchId, "a1", "화웨이, 어센드 950 양산 돌입"), alert(watchId, "a2", "캠브리콘 실적 발표"),
                alert(otherWatchId, "a3", "엔비디아 H20 수출 재개"));
        try (var producer = new KafkaProducer<String, byte[]>(kafka.producer("alerts-tail-it"))) {
            for (Alert alert : alerts) {
                byte[] value = Topics.ALL_ALERTS.serialize(alert);
                producer.send(new ProducerRecord<>(Topics.ALERTS, alert.id(), value)).get();
                if (alert.watchId().equals(watchId)) {
                    producer.send(new ProducerRecord<>(Topics.watchAlerts(watchId), alert.id(), value)).get();
                }
            }
        }
    }

    @Test
    void printsTheWatchsAlertsAsReadableLines() {
        int exitCode = tail("--watch", watchId, "--from-beginning", "--limit", "2");

        assertThat(exitCode).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(lines()).containsExactlyInAnyOrder(AlertLine.format(alerts.get(0)), AlertLine.format(alerts.get(1)));
    }

    @Test
    void printsEachAlertRecordAsOneJsonLine() throws Exception {
        int exitCode = tail("--watch", watchId, "--from-beginning", "--limit", "2", "--json");

        assertThat(exitCode).isZero();
        assertThat(lines()).hasSize(2);
        for (String line : lines()) {
            assertThat(Json.mapper().readValue(line, Alert.class)).isIn(alerts.get(0), alerts.get(1));
        }
    }

    @Test
    void withoutAWatchEveryWatchsAlertsArePrinted() throws Exception {
        AtomicInteger kept = new AtomicInteger();
        CompactedTopicReader.readAll(kafka, "alerts-tail-it", Topics.ALERTS, Duration.ofSeconds(30),
                record -> kept.incrementAndGet());

        int exitCode = tail("--from-beginning", "--limit", Integer.toString(kept.get()), "--json");

        assertThat(exitCode).isZero();
        List<String> watches = new ArrayList<>();
        for (String line : lines()) {
            watches.add(Json.mapper().readValue(line, Alert.class).watchId());
        }
        assertThat(watches).hasSize(kept.get()).contains(watchId, otherWatchId);
    }

    @Test
    void aWatchWithoutATopicIsNamedInTheError() {
        int exitCode = tail("--watch", "no-such-watch-" + watchId, "--from-beginning");

        assertThat(exitCode).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("No topic alerts.no-such-watch-" + watchId);
    }

    private int tail(String... options) {
        AlertsCommand.Tail tail = new AlertsCommand.Tail();
        tail.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        tail.err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("--config", config.toString()));
        return new CommandLine(tail).execute(arguments.toArray(String[]::new));
    }

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static Alert alert(String watchId, String articleId, String title) {
        Instant now = Instant.now();
        AlertedArticle article = new AlertedArticle(articleId, "https://www.example.kr/news/" + articleId, title,
                "테크브리프", "techbrief", now.minusSeconds(60), now.minusSeconds(30), now.minusSeconds(20));
        return new Alert(Alert.SCHEMA_VERSION, Alert.idFor(watchId, articleId), watchId, "Watch " + watchId,
                Severity.MEDIUM, articleId, articleId, article, List.of(), List.of(), List.of(), List.of(), List.of(),
                1, now, now);
    }
}
