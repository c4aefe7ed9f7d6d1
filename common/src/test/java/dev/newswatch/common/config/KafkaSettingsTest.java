package dev.newswatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {

    @TempDir
    Path directory;

    @Test
    void environmentVariablesSetClientPropertiesAndTheCluster() {
        KafkaSettings settings = KafkaSettings.defaults().withEnvironment(Map.of(
                "NEWSWATCH_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093,kafka-2:9093",
                "NEWSWATCH_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "NEWSWATCH_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "HOME", "/root"));

        assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9093,kafka-2:9093");
        assertThat(settings.properties())
                .containsExactlyInAnyOrderEntriesOf(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"));
    }

    @Test
    void everyClientGetsTheUserPropertiesOverOurs() {
        KafkaSettings settings = new KafkaSettings("kafka:9092", 3, (short) 3,
                Map.of("security.protocol", "SSL", "linger.ms", "20"));

        assertThat(settings.producer("p")).containsEntry("security.protocol", "SSL").containsEntry("linger.ms", "20")
                .containsEntry("enable.idempotence", true).containsEntry("acks", "all")
                .containsEntry("bootstrap.servers", "kafka:9092");
        assertThat(settings.consumer("c", "g")).containsEntry("security.protocol", "SSL")
                .containsEntry("isolation.level", "read_committed");
        assertThat(settings.admin("a")).containsEntry("security.protocol", "SSL");
        assertThat(settings.streams("app", Path.of("state"), Duration.ofMillis(100)))
                .containsEntry("security.protocol", "SSL")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("commit.interval.ms", "100")
                .containsEntry("replication.factor", "3");
    }

    @Test
    void securitySettingsInTheFileReachEveryClientThatKnowsThem() throws IOException {
        KafkaSettings settings = load("""
                kafka:
                  bootstrapServers: kafka-1:9093
                  properties:
                    security.protocol: SASL_SSL
                    sasl.mechanism: SCRAM-SHA-512
                    ssl.truststore.location: /etc/newswatch/truststore.p12
                    linger.ms: "20"
                    max.poll.records: "100"
                """);

        assertThat(settings.producer("p")).containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/newswatch/truststore.p12")
                .containsEntry("linger.ms", "20").doesNotContainKey("max.poll.records");
        assertThat(settings.consumer("c", "g")).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("max.poll.records", "100").doesNotContainKey("linger.ms");
        assertThat(settings.admin("a")).containsEntry("security.protocol", "SASL_SSL")
                .doesNotContainKeys("linger.ms", "max.poll.records");
        assertThat(settings.streams("app", Path.of("state"), Duration.ofMillis(100)))
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("max.poll.records", "100")
                .containsEntry("linger.ms", "20");
    }

    @Test
    void producersCompressAndStreamsProducersHoldACommitsRecordsTogether() {
        KafkaSettings settings = KafkaSettings.forBootstrapServers("127.0.0.1:9092");

        assertThat(settings.producer("p")).containsEntry("compression.type", "zstd");
        assertThat(settings.streams("app", Path.of("state"), Duration.ofMillis(250)))
                .containsEntry("compression.type", "zstd").containsEntry("linger.ms", "250")
                .containsEntry("batch.size", Integer.toString(256 * 1024));
    }

    @Test
    void aPropertyNoClientKnowsIsRefusedAtItsLine() throws IOException {
        assertThatThrownBy(() -> load("""
                kafka:
                  properties:
                    security.protocol: SSL
                    sasl.mechanizm: PLAIN
                """)).isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("kafka.properties.sasl.mechanizm");
                    assertThat(e.getMessage()).endsWith(
                            "'sasl.mechanizm' is not a property of Kafka's producer, consumer or admin client");
                });
    }

    @Test
    void aPropertyTheGuaranteesDependOnIsRefused() throws IOException {
        assertThatThrownBy(() -> load("""
                kafka:
                  properties:
                    enable.idempotence: "false"
                """)).isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("kafka.properties.enable.idempotence");
                    assertThat(e.getMessage()).contains("'enable.idempotence' is set by Newswatch");
                });
    }

    @Test
    void anEnvironmentVariableSettingAnUnknownOrReservedPropertyIsRefusedByName() {
        assertThatThrownBy(() -> KafkaSettings.defaults().withEnvironment(Map.of("NEWSWATCH_KAFKA_SASL_MECHANIZM", "PLAIN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("environment variable NEWSWATCH_KAFKA_SASL_MECHANIZM: 'sasl.mechanizm' is not a property"
                        + " of Kafka's producer, consumer or admin client");
        assertThatThrownBy(() -> KafkaSettings.defaults().withEnvironment(Map.of("NEWSWATCH_KAFKA_ACKS", "1")))
                .hasMessageStartingWith("environment variable NEWSWATCH_KAFKA_ACKS: 'acks' is set by Newswatch");
    }

    private KafkaSettings load(String yaml) throws IOException {
        Path file = directory.resolve("newswatch.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return ConfigLoader.loadSection(file, "kafka", KafkaSettings.class);
    }
}
