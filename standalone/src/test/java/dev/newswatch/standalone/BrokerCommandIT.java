package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.testsupport.FreePorts;
import dev.newswatch.testsupport.ServiceProcess;

/**
 * {@code newswatch broker} as an operator runs it: its own JVM, logging JSON lines. A record produced through it
 * is consumed back, SIGTERM stops it cleanly, and a broker started again on the same data directory still has it.
 */
class BrokerCommandIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String TOPIC = "broker-command-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void aRecordGoesThroughTheBrokerProcessWhichStopsCleanlyOnSigtermAndKeepsItsData() throws Exception {
        int brokerPort = FreePorts.any();
        int controllerPort = FreePorts.any();
        List<String> arguments = List.of("broker", "--broker-port", Integer.toString(brokerPort),
                "--controller-port", Integer.toString(controllerPort), "--data-dir", directory.resolve("data").toString());
        KafkaSettings kafka = KafkaSettings.forBootstrapServers("127.0.0.1:" + brokerPort);

        try (ServiceProcess broker = startBroker(arguments)) {
            try (Admin admin = Admin.create(kafka.admin("test-admin"));
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer("test-producer"))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
                producer.send(new ProducerRecord<>(TOPIC, "key-1", "through the broker".getBytes(StandardCharsets.UTF_8)))
                        .get();
            }
            assertThat(readAll(kafka)).containsExactly("key-1=through the broker");

            assertThat(broker.terminate(STOP_TIMEOUT)).as("exit status after SIGTERM; stderr:%n%s", broker.stderr())
                    .isEqualTo(ServiceProcess.EXIT_AFTER_SIGTERM);
            assertThat(broker.stdout()).contains("Kafka broker stopped.");
            assertCleanJsonLog(broker.stderr());
        }

        try (ServiceProcess again = startBroker(arguments)) {
            assertThat(readAll(kafka)).as("read again from the broker restarted on the same data directory")
                    .containsExactly("key-1=through the broker");
            assertThat(again.terminate(STOP_TIMEOUT)).isEqualTo(ServiceProcess.EXIT_AFTER_SIGTERM);
        }
    }

    private ServiceProcess startBroker(List<String> arguments) {
        ServiceProcess broker = ServiceProcess.start("broker", NewswatchCommand.class, arguments,
                Map.of("NEWSWATCH_LOG_FORMAT", "json"), directory);
        await().atMost(START_TIMEOUT).until(() -> broker.stdout().contains("Kafka broker ready at") || !broker.isAlive());
        assertThat(broker.isAlive()).as("broker running; stderr:%n%s", broker.stderr()).isTrue();
        return broker;
    }

    private static List<String> readAll(KafkaSettings kafka) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer("test-consumer", null))) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> read = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(record.key() + "=" + new String(record.value(), StandardCharsets.UTF_8));
                }
                return !read.isEmpty();
            });
            return read;
        }
    }

    /** Every line one JSON object of a log event; none an error, and none a warning from the network client. */
    private static void assertCleanJsonLog(String log) throws Exception {
        assertThat(log.lines()).isNotEmpty();
        for (String line : log.lines().toList()) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.path("level").asText()).as(line).isIn("INFO", "WARN");
            assertThat(event.path("formattedMessage").asText()).as(line).isNotEmpty();
            assertThat(event.path("loggerName").asText()).as(line).doesNotEndWith("NetworkClient");
        }
        assertThat(log).contains("Embedded Kafka broker listening on 127.0.0.1:");
    }
}
