package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.newswatch.alerts.watch.WatchTopic;
import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.events.Watch;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.kafka.embedded.EmbeddedKafkaExtension;

/** {@code newswatch watches list | add | pause | resume | remove} against a real broker. */
@ExtendWith(EmbeddedKafkaExtension.class)
class WatchesCommandIT {

    private static final Path SHIPPED = Path.of("config").toAbsolutePath();

    private final KafkaSettings kafka;
    @TempDir
    Path directory;
    private Path config;
    private WatchesCommandLine commandLine;

    WatchesCommandIT(EmbeddedKafkaBroker broker) {
        this.kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
    }

    @BeforeEach
    void writeSettingsForTheBroker() throws IOException {
        config = Files.writeString(directory.resolve("newswatch.yml"), """
                kafka:
                  bootstrapServers: %s
                alerts:
                  entitiesFile: %s
                  topicsFile: %s
                """.formatted(kafka.bootstrapServers(), SHIPPED.resolve("entities.yml"), SHIPPED.resolve("topics.yml")),
                StandardCharsets.UTF_8);
        commandLine = new WatchesCommandLine(config);
    }

    private int run(String... args) {
        return commandLine.run(args);
    }

    private List<String> output() {
        return commandLine.output();
    }

    @Test
    void addsListsPausesResumesAndRemovesWatchesAndRefusesAnInvalidOneBeforePublishing() throws IOException {
        Path file = Files.writeString(directory.resolve("hbm.yml"), """
                watches:
                  - id: sk-hynix-hbm
                    severity: high
                    when:
                      companies: [sk-hynix]
                      chips: [hbm]
                      not: {keywords: [주가]}
                """, StandardCharsets.UTF_8);
        Path invalid = Files.writeString(directory.resolve("invalid.yml"), """
                watches:
                  - id: typo
                    when:
                      topics: [capexx]
                """, StandardCharsets.UTF_8);

        assertThat(run("watches", "add", invalid.toString())).isEqualTo(2);
        assertThat(output()).singleElement().asString().startsWith("INVALID " + invalid
                + ", line 4, field watches[0].when.topics[0]: no topic 'capexx' in ");
        assertThat(run("watches", "add", file.toString())).isZero();
        assertThat(output()).containsExactly("Added sk-hynix-hbm");
        assertThat(run("watches", "pause", "sk-hynix-hbm")).as("%s", output()).isZero();

        assertThat(run("watches", "list")).isZero();
        assertThat(output()).containsExactly("sk-hynix-hbm  paused  high  sk-hynix-hbm  when "
                + "{\"not\":{\"keywords\":[\"주가\"]},\"companies\":[\"sk-hynix\"],\"chips\":[\"hbm\"]}",
                "1 watches in newswatch.watches");
        try (WatchTopic topic = new WatchTopic(kafka, "watches-it")) {
            Watch paused = topic.watches().get("sk-hynix-hbm");
            assertThat(paused.paused()).isTrue();
            assertThat(paused.when().chips()).containsExactly("hbm");
            assertThat(run("watches", "resume", "sk-hynix-hbm")).isZero();
            assertThat(topic.watches().get("sk-hynix-hbm").paused()).isFalse();
            assertThat(run("watches", "remove", "sk-hynix-hbm")).isZero();
            assertThat(output()).containsExactly("Removed sk-hynix-hbm");
            assertThat(topic.watches()).isEmpty();
        }
        assertThat(run("watches", "pause", "sk-hynix-hbm")).isEqualTo(1);
        assertThat(output()).containsExactly("No watch 'sk-hynix-hbm'");
    }

    @Test
    void testsAWatchOnTheArticlesNewsEnrichedRetains() throws Exception {
        new TopicCreator(kafka, "watches-it-admin").ensure(List.of(Topics.ENRICHED_ARTICLES));
        try (var producer = new KafkaProducer<String, byte[]>(kafka.producer("watches-it"))) {
            for (String line : List.of(WatchesCommandTest.enriched("first", "h20-event", "칩인사이트"),
                    WatchesCommandTest.enriched("second", "h20-event", "테크브리프"))) {
                producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, "key",
                        line.getBytes(StandardCharsets.UTF_8))).get();
            }
        }

        assertThat(run("watches", "test", "nvidia-china-exports", "--watches", SHIPPED.resolve("watches.yml").toString(),
                "--since", "7d")).as("%s", output()).isZero();

        assertThat(output()).filteredOn(line -> line.startsWith("ALERT ")).singleElement().asString()
                .contains("[nvidia-china-exports] 엔비디아 H20 수출 통제 — 칩인사이트");
        assertThat(output()).filteredOn(line -> line.startsWith("UPDATE ")).singleElement().asString()
                .contains("also reported by 테크브리프");
        assertThat(output()).last().isEqualTo("2 articles read, 1 alerts raised, 1 updated with later reports");
    }
}
