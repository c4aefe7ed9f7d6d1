package dev.newswatch.common.streams;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

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
 *
 * <p>A fault of its local state (a state directory that became read-only or full, a store that cannot be written)
 * stops it for good: it is logged with its cause, the instance shuts down (its open transaction is aborted, so
 * nothing half-done reaches the output), /health turns DOWN and the service is told it failed, for its process
 * to exit. Any other thread failure is taken to be passing and the thread is replaced.
 */
public final class StreamsApplication implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsApplication.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STATE_DIRECTORY_CHECK_INTERVAL = Duration.ofSeconds(5);

    private final String service;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final MetricsServer metricsServer;
    private final StateDirectoryGuard stateDirectory;
    private final AtomicBoolean stateFault;

    private StreamsApplication(String service, KafkaStreams streams, KafkaStreamsMetrics streamsMetrics,
            MetricsServer metricsServer, StateDirectoryGuard stateDirectory, AtomicBoolean stateFault) {
        this.service = service;
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.metricsServer = metricsServer;
        this.stateDirectory = stateDirectory;
        this.stateFault = stateFault;
    }

    /**
     * Starts {@code topology} and serves {@code metrics} on {@code metricsPort} (0: any free port).
     *
     * @param stateDirectory the {@code state.dir} of {@code config}, checked while the application runs
     * @param failed         told once, with the reason, when the application has stopped for good on its own
     */
    public static StreamsApplication start(String service, Topology topology, Properties config, ServiceMetrics metrics,
            int metricsPort, StateDirectoryGuard stateDirectory, Consumer<String> failed) {
        KafkaStreams streams = new KafkaStreams(topology, config);
        AtomicBoolean stateFault = new AtomicBoolean();
        Consumer<String> failedOnce = reason -> {
            if (stateFault.compareAndSet(false, true)) {
                log.error("{}: {}; this instance stops and its process exits", service, reason);
                failed.accept(reason);
            }
        };
        streams.setStateListener((now, before) -> log.info("{}: Kafka Streams {} -> {}", service, before, now));
        streams.setUncaughtExceptionHandler(error -> {
            if (StateDirectoryGuard.isLocalStateFault(error)) {
                // A fresh thread would restore into the same directory and fail again, forever, while /health
                // says UP; stopping aborts the open transaction, and the changelogs keep what was committed.
                log.error("{}: a stream thread failed on its local state in {}", service, stateDirectory.directory(),
                        error);
                failedOnce.accept("local state in " + stateDirectory.directory() + " failed: "
                        + StateDirectoryGuard.reason(error) + stateDirectory.problem().map(now -> "; " + now).orElse(""));
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            // Poison records never get here (GuardedStage routes them to a dead-letter topic), so what does is a
            // passing fault such as a fenced producer: a fresh thread resumes from the last commit.
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
        stateDirectory.watch(STATE_DIRECTORY_CHECK_INTERVAL, service, failedOnce);
        MetricsServer server = MetricsServer.start(service, MetricsServer.ALL_INTERFACES, metricsPort,
                metrics.registry(), () -> isWorking(streams, stateFault), () -> isRunning(streams));
        return new StreamsApplication(service, streams, streamsMetrics, server, stateDirectory, stateFault);
    }

    public boolean isHealthy() {
        return isWorking(streams, stateFault);
    }

    private static boolean isWorking(KafkaStreams streams, AtomicBoolean stateFault) {
        return !stateFault.get() && streams.state().isRunningOrRebalancing();
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
        stateDirectory.close();
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
