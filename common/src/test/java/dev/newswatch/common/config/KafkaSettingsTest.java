package dev.newswatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

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
}
