package dev.newswatch.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    @Test
    void keepsTopicsAndRecordsAcrossARestartOnTheSameDirectory(@TempDir Path dataDirectory) throws Exception {
        int brokerPort = freePort();
        int controllerPort = freePort();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startPersistent(dataDirectory, brokerPort, controllerPort)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                    "enable.idempotence", true, "acks", "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "key", "서울에서 보낸 레코드")).get();
            }
        }
        assertThat(Files.exists(dataDirectory.resolve("kraft").resolve("meta.properties"))).isTrue();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startPersistent(dataDirectory, brokerPort, controllerPort);
                var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                        "auto.offset.reset", "earliest", "group.id", "reader"),
                        new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of("kept"));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("key");
                assertThat(record.value().getBytes(StandardCharsets.UTF_8))
                        .isEqualTo("서울에서 보낸 레코드".getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
