package dev.newswatch.systemtests.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.awaitility.core.ConditionTimeoutException;

import dev.newswatch.alerts.AlertsMain;
import dev.newswatch.enricher.EnricherMain;
import dev.newswatch.ingester.IngesterMain;
import dev.newswatch.testsupport.FreePorts;
import dev.newswatch.testsupport.ServiceProcess;

/**
 * Two instances of each service, each a JVM of its own ({@link ServiceProcess}) with a newswatch.yml of its own
 * under {@code work/<service>-<n>/}: its metrics port, state directory, ingester instance id, and its log
 * ({@code work/<service>-<n>/service.log}, appended to across restarts). Instance 1 of each service reaches the
 * cluster directly; instance 2 through a {@link ProxiedRoute} of its own, so a test can cut it off alone
 * ({@link #route}). Topics are made with replication factor 3; consumer groups notice a dead member after 10 s.
 */
public final class ServiceFleet implements AutoCloseable {

    public static final int INSTANCES = 2;

    /** A service and the main class that runs it. */
    public enum Service {
        INGESTER(IngesterMain.class), ENRICHER(EnricherMain.class), ALERTS(AlertsMain.class);

        private final Class<?> main;

        Service(Class<?> main) {
            this.main = main;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Path SHIPPED_CONFIG = Path.of("config").toAbsolutePath();

    private final ThreeBrokerCluster cluster;
    private final Path sourcesFile;
    private final Path work;
    private final Map<Service, Instance[]> instances = new EnumMap<>(Service.class);

    private record Instance(Path config, int metricsPort, Path log, ServiceProcess[] run) {
    }

    private ServiceFleet(ThreeBrokerCluster cluster, Path sourcesFile, Path work) {
        this.cluster = cluster;
        this.sourcesFile = sourcesFile;
        this.work = work;
    }

    /**
     * Starts two instances of each service crawling {@code sourcesFile}, and waits until all six are ready.
     *
     * @param cluster started with at least {@link Service#values()}.length routes: route i serves instance 2 of
     *                the i-th service
     */
    public static ServiceFleet start(ThreeBrokerCluster cluster, Path sourcesFile, Path work) {
        ServiceFleet fleet = new ServiceFleet(cluster, sourcesFile, work);
        fleet.copyShippedConfig();
        for (Service service : Service.values()) {
            Instance[] pair = new Instance[INSTANCES];
            for (int n = 1; n <= INSTANCES; n++) {
                pair[n - 1] = fleet.configure(service, n);
            }
            fleet.instances.put(service, pair);
        }
        fleet.instances.forEach((service, pair) -> {
            for (Instance instance : pair) {
                fleet.launch(service, instance);
            }
        });
        for (Service service : Service.values()) {
            for (int n = 1; n <= INSTANCES; n++) {
                fleet.awaitReady(service, n);
            }
        }
        return fleet;
    }

    /**
     * A configuration file every instance reads and reloads when it changes: {@code sources.yml} (the suite's) or a
     * copy of the shipped {@code entities.yml}, {@code topics.yml} or {@code watches.yml}, which a case may edit.
     */
    public Path configFile(String name) {
        return (name.equals("sources.yml") ? sourcesFile : work.resolve("config").resolve(name)).toAbsolutePath();
    }

    /** The Kafka Streams state directory of instance {@code n} of the enricher or alerts. */
    public Path stateDirectory(Service service, int n) {
        return work.resolve(service.id() + "-" + n).resolve("state").toAbsolutePath();
    }

    private void copyShippedConfig() {
        try {
            Files.createDirectories(work.resolve("config"));
            for (String name : List.of("entities.yml", "topics.yml", "watches.yml")) {
                Files.copy(SHIPPED_CONFIG.resolve(name), configFile(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the shipped configuration into " + work, e);
        }
    }

    /** The route instance {@code n} of {@code service} reaches the cluster by; only instance 2 has one. */
    public ProxiedRoute route(Service service, int n) {
        if (n != 2) {
            throw new IllegalArgumentException("instance " + n + " of the " + service.id()
                    + " reaches the cluster directly; instance 2 has a route of its own");
        }
        return cluster.route(service.ordinal());
    }

    /** {@code kill -9} of instance {@code n} (1 or 2) of {@code service}. */
    public void kill9(Service service, int n) {
        process(service, n).kill();
    }

    /** SIGTERM to instance {@code n} of {@code service}, waiting for its shutdown. */
    public void stop(Service service, int n) {
        process(service, n).stop();
    }

    /** Starts instance {@code n} of {@code service} again, with its config and state, and waits until ready. */
    public void restart(Service service, int n) {
        if (process(service, n).isAlive()) {
            throw new IllegalStateException(service.id() + "-" + n + " still runs: kill or stop it first");
        }
        launch(service, instance(service, n));
        awaitReady(service, n);
    }

    /**
     * Waits up to {@code grace} for every instance to be ready, then restarts (kill -9, start) each that is not:
     * one left stuck by the case before, so that the next case measures its own fault. Returns their names.
     */
    public List<String> restartUnready(Duration grace) {
        try {
            await("every instance ready").atMost(grace).pollInterval(Duration.ofMillis(500))
                    .until(() -> unready().isEmpty());
            return List.of();
        } catch (ConditionTimeoutException e) {
            List<String> restarted = new ArrayList<>();
            for (Map.Entry<Service, Integer> instance : unready()) {
                kill9(instance.getKey(), instance.getValue());
                restart(instance.getKey(), instance.getValue());
                restarted.add(instance.getKey().id() + "-" + instance.getValue());
            }
            return restarted;
        }
    }

    private List<Map.Entry<Service, Integer>> unready() {
        List<Map.Entry<Service, Integer>> unready = new ArrayList<>();
        for (Service service : Service.values()) {
            for (int n = 1; n <= INSTANCES; n++) {
                if (!process(service, n).readiness().equals(OptionalInt.of(200))) {
                    unready.add(Map.entry(service, n));
                }
            }
        }
        return unready;
    }

    public ServiceProcess process(Service service, int n) {
        return instance(service, n).run()[0];
    }

    /** The log of instance {@code n} of {@code service}, every run of it appended. */
    public Path log(Service service, int n) {
        return instance(service, n).log();
    }

    /** The last {@code lines} lines of every instance's log, headed by its file: what a failing test prints. */
    public String logTails(int lines) {
        return instances.entrySet().stream().flatMap(entry -> IntStream.rangeClosed(1, INSTANCES).mapToObj(n ->
                        "--- " + entry.getKey().id() + "-" + n + ": " + log(entry.getKey(), n) + " ---\n"
                                + process(entry.getKey(), n).logTail(lines)))
                .collect(Collectors.joining("\n"));
    }

    private Instance instance(Service service, int n) {
        return instances.get(service)[n - 1];
    }

    private void launch(Service service, Instance instance) {
        instance.run()[0] = ServiceProcess.start(service.main, instance.config(), instance.metricsPort(),
                instance.log());
    }

    private void awaitReady(Service service, int n) {
        ServiceProcess process = process(service, n);
        await(service.id() + "-" + n + " ready").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .failFast(service.id() + "-" + n + " exited; see " + log(service, n), () -> !process.isAlive())
                .until(() -> process.readiness().equals(OptionalInt.of(200)));
    }

    private Instance configure(Service service, int n) {
        Path directory = work.resolve(service.id() + "-" + n);
        int metricsPort = FreePorts.any();
        String bootstrap = n == 2 ? route(service, n).bootstrapServers() : cluster.bootstrapServers();
        String section = switch (service) {
            case INGESTER -> """
                    ingester:
                      metricsPort: %d
                      sourcesFile: "%s"
                      hostDelay: PT0.05S
                      instanceId: ingester-%d
                    """.formatted(metricsPort, sourcesFile.toAbsolutePath(), n);
            case ENRICHER -> """
                    enricher:
                      metricsPort: %d
                      entitiesFile: "%s"
                      topicsFile: "%s"
                      stateDirectory: "%s"
                      standbyReplicas: 1
                    """.formatted(metricsPort, configFile("entities.yml"), configFile("topics.yml"),
                    stateDirectory(service, n));
            case ALERTS -> """
                    alerts:
                      metricsPort: %d
                      watchesFile: "%s"
                      entitiesFile: "%s"
                      topicsFile: "%s"
                      stateDirectory: "%s"
                      updateInterval: PT1S
                    """.formatted(metricsPort, configFile("watches.yml"), configFile("entities.yml"),
                    configFile("topics.yml"), stateDirectory(service, n));
        };
        // A dead member leaves its group after 10 s instead of 45 s: a fault case's takeover comes sooner.
        String kafka = """
                kafka:
                  bootstrapServers: %s
                  partitions: 3
                  replicationFactor: 3
                  properties:
                    session.timeout.ms: "10000"
                    heartbeat.interval.ms: "2000"
                """.formatted(bootstrap);
        try {
            Files.createDirectories(directory);
            Path config = Files.writeString(directory.resolve("newswatch.yml"), kafka + section,
                    StandardCharsets.UTF_8);
            return new Instance(config, metricsPort, directory.resolve("service.log"), new ServiceProcess[1]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the config of " + service.id() + "-" + n, e);
        }
    }

    @Override
    public void close() {
        instances.values().forEach(pair -> {
            for (Instance instance : pair) {
                if (instance.run()[0] != null) {
                    instance.run()[0].close();
                }
            }
        });
    }
}
