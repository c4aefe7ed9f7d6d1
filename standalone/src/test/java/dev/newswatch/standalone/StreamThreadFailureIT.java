package dev.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.kafka.CompactedTopicReader;
import dev.newswatch.common.kafka.TopicCreator;
import dev.newswatch.common.metrics.ServiceMetrics;
import dev.newswatch.common.streams.StateDirectoryGuard;
import dev.newswatch.common.streams.StreamsApplication;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;

/**
 * How a running {@link StreamsApplication} answers a stream thread that fails: on its local state (a store that
 * cannot be flushed to a full disk) it shuts down for good, /health DOWN, and tells its service so that the process
 * exits, instead of replacing the thread forever while /health says UP; on anything else (a passing fault) it
 * replaces the thread and goes on.
 */
class StreamThreadFailureIT {

    private static final String IN = "thread-failure-in";
    private static final String OUT = "thread-failure-out";

    @TempDir
    Path state;

    private final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
    private final KafkaSettings kafka = KafkaSettings.forBootstrapServers(broker.bootstrapServers());
    private final ServiceMetrics metrics = new ServiceMetrics();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(1);
    private StreamsApplication application;

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
        metrics.close();
        broker.close();
    }

    @Test
    void aFailureOfLocalStateStopsTheApplicationAndReportsItOnce() {
        application = start(new ProcessorStateException("Error while executing flush from store test",
                new RocksDBException("IO error: No space left on device")));
        send("first");

        await().atMost(Duration.ofMinutes(1)).until(() -> !failures.isEmpty() && !application.isHealthy());
        assertThat(failures).singleElement().asString().startsWith("local state in " + state.toAbsolutePath()
                + " failed: IO error: No space left on device (RocksDBException)");
    }

    @Test
    void anyOtherFailureReplacesTheThreadAndTheApplicationGoesOn() {
        application = start(new IllegalStateException("a passing fault"));
        send("first");
        send("second");

        await().atMost(Duration.ofMinutes(1)).until(() -> copied().size() == 2);
        assertThat(copied()).containsExactlyInAnyOrder("first", "second");
        assertThat(failuresLeft.get()).as("the first record failed once, then went through").isNegative();
        assertThat(application.isHealthy()).isTrue();
        assertThat(failures).isEmpty();
    }

    /** Copies {@link #IN} to {@link #OUT}, failing the first record with {@code failure}. */
    private StreamsApplication start(RuntimeException failure) {
        new TopicCreator(kafka, "thread-failure-admin").ensure(List.of(IN, OUT));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(IN, Consumed.with(Serdes.String(), Serdes.String()))
                .peek((key, value) -> {
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw failure;
                    }
                })
                .to(OUT, Produced.with(Serdes.String(), Serdes.String()));
        Topology topology = builder.build();
        return StreamsApplication.start("test", topology, kafka.streams("thread-failure-it", state,
                Duration.ofMillis(100)), metrics, 0, new StateDirectoryGuard(state), failures::add);
    }

    private List<String> copied() {
        List<String> values = new ArrayList<>();
        CompactedTopicReader.readAll(kafka, "thread-failure-reader", OUT, Duration.ofSeconds(10),
                record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
        return values;
    }

    private void send(String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producer("thread-failure-feed"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(IN, value, value));
        }
    }
}
