package dev.newswatch.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

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

    private final Path state;
    private final List<StreamsService<?>> services = new ArrayList<>();

    private InProcessServices(Path state) {
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
        InProcessServices started;
        try {
            started = new InProcessServices(Files.createTempDirectory("newswatch-bench-state-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory for the services", e);
        }
        try {
            if (alerts) {
                started.services.add(new AlertsService(AlertsSettings.defaults().withMetricsPort(0)
                        .withStateDirectory(started.state.resolve("alerts")), kafka));
            }
            started.services.add(new EnricherService(EnricherSettings.defaults().withMetricsPort(0)
                    .withStateDirectory(started.state.resolve("enricher"))
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
        List<String> lines = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        for (StreamsService<?> service : services) {
            try {
                HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.metricsPort() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                metrics.body().lines().filter(line -> line.startsWith(prefix)).forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the " + service.name() + " service's metrics", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted reading the " + service.name() + " service's metrics", e);
            }
        }
        return lines;
    }

    /** Stops the services, upstream first, and deletes their state. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        try (Stream<Path> paths = Files.walk(state)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the services' state in " + state, e);
        }
    }
}
