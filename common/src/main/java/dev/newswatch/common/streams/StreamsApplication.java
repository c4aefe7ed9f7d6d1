package dev.newswatch.common.streams;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.metrics.MetricsServer;
import dev.newswatch.common.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

/**
 * One running Kafka Streams application of a service, with its Kafka metrics bound and its /metrics, /health and
 * /ready endpoint served. Alive while the application is running or rebalancing; ready only while it is RUNNING,
 * which it reaches once its clients are connected and its tasks assigned and restored.
 */
public final class StreamsApplication implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsApplication.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String service;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final MetricsServer metricsServer;

    private StreamsApplication(String service, KafkaStreams streams, KafkaStreamsMetrics streamsMetrics,
            MetricsServer metricsServer) {
        this.service = service;
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.metricsServer = metricsServer;
    }

    /** Starts {@code topology} and serves {@code metrics} on {@code metricsPort} (0: any free port). */
    public static StreamsApplication start(String service, Topology topology, Properties config, ServiceMetrics metrics,
            int metricsPort) {
        KafkaStreams streams = new KafkaStreams(topology, config);
        streams.setStateListener((now, before) -> log.info("{}: Kafka Streams {} -> {}", service, before, now));
        // Poison records never get here (GuardedStage routes them to a dead-letter topic), so what does is a
        // passing fault such as a fenced producer: a fresh thread resumes from the last commit.
        streams.setUncaughtExceptionHandler(error -> {
            log.error("{}: a stream thread failed; replacing it", service, error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
        // Kafka's own state metric is a string, which Prometheus cannot hold: alerting rules watch this one.
        Gauge.builder("newswatch." + service + ".streams.running", streams, s -> isRunning(s) ? 1 : 0)
                .description("1 while the Kafka Streams application is RUNNING, 0 in any other state")
                .register(metrics.registry());
        streams.start();
        MetricsServer server = MetricsServer.start(service, MetricsServer.ALL_INTERFACES, metricsPort,
                metrics.registry(), () -> isWorking(streams), () -> isRunning(streams));
        return new StreamsApplication(service, streams, streamsMetrics, server);
    }

    public boolean isHealthy() {
        return isWorking(streams);
    }

    private static boolean isWorking(KafkaStreams streams) {
        return streams.state().isRunningOrRebalancing();
    }

    private static boolean isRunning(KafkaStreams streams) {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** The port /metrics, /health and /ready are served on. */
    public int metricsPort() {
        return metricsServer.port();
    }

    @Override
    public void close() {
        metricsServer.close();
        // Leaving the group lets the next start (or another instance) take the partitions over at once, instead
        // of waiting for this member's session to time out.
        CloseOptions leave = CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT);
        if (!streams.close(leave)) {
            log.warn("{}: Kafka Streams did not stop within {}", service, CLOSE_TIMEOUT);
        }
        streamsMetrics.close();
    }
}
