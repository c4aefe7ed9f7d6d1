package dev.newswatch.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.newswatch.alerts.AlertsService;
import dev.newswatch.alerts.AlertsSettings;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.streams.StreamsService;
import dev.newswatch.enricher.EnricherService;
import dev.newswatch.enricher.EnricherSettings;

/**
 * The stream services a benchmark runs in its own process against its broker, with the shipped configuration
 * (files under {@code config/}, read from the working directory) and their state in one temporary directory,
 * deleted when they stop. Started downstream first, as the standalone system starts them.
 */
final class InProcessServices implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final TemporaryDirectory state;
    private final List<StreamsService<?>> services = new ArrayList<>();

    private InProcessServices(TemporaryDirectory state) {
        this.state = state;
    }

    /** The enricher alone, under {@code applicationId}. */
    static InProcessServices enricher(KafkaSettings kafka, String applicationId) {
        return start(kafka, applicationId, false);
    }

    /** Alerts and enricher, under their shipped application ids, as the standalone system runs them. */
    static InProcessServices enricherAndAlerts(KafkaSettings kafka) {
        return start(kafka, EnricherSettings.defaults().applicationId(), true);
    }

    private static InProcessServices start(KafkaSettings kafka, String enricherApplicationId, boolean alerts) {
        InProcessServices started = new InProcessServices(new TemporaryDirectory("newswatch-bench-state-"));
        try {
            if (alerts) {
                started.services.add(new AlertsService(AlertsSettings.defaults().withMetricsPort(0)
                        .withStateDirectory(started.state.path().resolve("alerts")), kafka));
            }
            started.services.add(new EnricherService(EnricherSettings.defaults().withMetricsPort(0)
                    .withStateDirectory(started.state.path().resolve("enricher"))
                    .withApplicationId(enricherApplicationId), kafka));
            for (StreamsService<?> service : started.services) {
                service.start();
            }
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!started.services.stream().allMatch(StreamsService::isHealthy)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the services did not become healthy within " + START_TIMEOUT);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** The lines of every service's /metrics that start with {@code prefix}. */
    List<String> metricLines(String prefix) {
        return services.stream().flatMap(service -> MetricsText.read(service.metricsPort()).stream())
                .filter(line -> line.startsWith(prefix)).toList();
    }

    /** Stops the services, upstream first, and deletes their state. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        state.close();
    }
}
