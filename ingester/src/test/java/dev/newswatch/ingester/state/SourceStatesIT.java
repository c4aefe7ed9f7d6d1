package dev.newswatch.ingester.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.kafka.embedded.EmbeddedKafkaExtension;

/**
 * The crawl state read back at start as the latest value of each source: a tombstone removes a source's state, and
 * a record that cannot be read is passed over without stopping the start. The topic is shared by every test of this
 * JVM, so only this test's own source ids are looked at.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class SourceStatesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void theLatestStateOfEachSourceCountsATombstoneRemovesItAndAnUnreadableRecordIsPassedOver(
            EmbeddedKafkaBroker broker) throws Exception {
        KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
        new TopicCreator(kafka, "source-states-it-admin").ensureCompacted(Topics.INGESTER_SOURCES);
        String run = UUID.randomUUID().toString();
        String kept = run + "-kept";
        String removed = run + "-removed";
        String unreadable = run + "-unreadable";
        JsonSerde<SourceState> serde = JsonSerde.of(SourceState.class);
        SourceState first = state(Instant.parse("2026-11-30T10:00:00Z"));
        SourceState latest = state(Instant.parse("2026-11-30T11:00:00Z"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer("source-states-it"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INGESTER_SOURCES, kept, serde.serialize(null, first)));
            producer.send(new ProducerRecord<>(Topics.INGESTER_SOURCES, unreadable,
                    "{not json".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topics.INGESTER_SOURCES, removed, serde.serialize(null, first)));
            producer.send(new ProducerRecord<>(Topics.INGESTER_SOURCES, kept, serde.serialize(null, latest)));
            producer.send(new ProducerRecord<>(Topics.INGESTER_SOURCES, removed, null));
            producer.flush();
        }

        SourceStates states = new SourceStates();
        states.load(kafka, TIMEOUT);

        assertThat(states.get(kept)).contains(latest);
        assertThat(states.get(removed)).isEmpty();
        assertThat(states.get(unreadable)).isEmpty();
    }

    private static SourceState state(Instant lastSuccessAt) {
        return new SourceState(null, Duration.ofMinutes(5), lastSuccessAt.plus(Duration.ofMinutes(5)), lastSuccessAt,
                null, null);
    }
}
