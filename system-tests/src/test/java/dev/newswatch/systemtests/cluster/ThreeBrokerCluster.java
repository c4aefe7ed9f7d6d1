package dev.newswatch.systemtests.cluster;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;

import com.github.dockerjava.api.DockerClient;

import dev.newswatch.testsupport.FreePorts;

/**
 * Three Kafka brokers in containers, each its own KRaft controller too, from the local image named by the system
 * property {@code newswatch.kafka.image} (.ci/containers builds it; KAFKA_* variables configure it), on a network
 * of their own where they find each other as kafka-1..kafka-3. Topics default to replication factor 3 and
 * min.insync.replicas 2, the offsets and transaction-state topics too, and 3 partitions.
 *
 * <p>The test reaches broker i on a fixed host port chosen free at start, which the broker advertises, so a
 * broker killed and started again comes back where its clients look for it, with its data. Each
 * {@link ProxiedRoute} is one more listener per broker, reached through a proxy in this JVM, for a client the test
 * wants to cut off the cluster on its own.
 */
public final class ThreeBrokerCluster implements AutoCloseable {

    public static final int BROKERS = 3;
    private static final String IMAGE_PROPERTY = "newswatch.kafka.image";
    private static final int CLIENT_PORT = 9092;
    private static final int CONTROLLER_PORT = 9093;
    private static final int INTERNAL_PORT = 9094;
    /** Container port of the first proxied route's listener; route r listens on this + r. */
    private static final int FIRST_ROUTE_PORT = 9100;
    private static final Duration BROKER_START_TIMEOUT = Duration.ofMinutes(3);

    private final Network network;
    private final List<GenericContainer<?>> brokers;
    private final int[] hostPorts;
    private final List<ProxiedRoute> routes;
    private final Admin admin;

    private ThreeBrokerCluster(Network network, List<GenericContainer<?>> brokers, int[] hostPorts,
            List<ProxiedRoute> routes) {
        this.network = network;
        this.brokers = brokers;
        this.hostPorts = hostPorts;
        this.routes = routes;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "three-broker-cluster"));
    }

    /** Starts the three brokers, with {@code routeCount} proxied routes, and waits until all three serve. */
    public static ThreeBrokerCluster start(int routeCount) {
        String image = System.getProperty(IMAGE_PROPERTY);
        if (image == null || image.isBlank()) {
            throw new IllegalStateException("system property " + IMAGE_PROPERTY + " names no Kafka image");
        }
        String name = "nw-cluster-" + UUID.randomUUID().toString().substring(0, 8);
        Network network = Network.newNetwork();
        int[] hostPorts = IntStream.range(0, BROKERS).map(broker -> FreePorts.any()).toArray();
        int[][] routeHostPorts = new int[routeCount][BROKERS];
        List<ProxiedRoute> routes = new ArrayList<>();
        for (int route = 0; route < routeCount; route++) {
            List<TcpProxy> proxies = new ArrayList<>();
            for (int broker = 0; broker < BROKERS; broker++) {
                routeHostPorts[route][broker] = FreePorts.any();
                proxies.add(TcpProxy.to(routeHostPorts[route][broker]));
            }
            routes.add(new ProxiedRoute(proxies));
        }
        String voters = IntStream.rangeClosed(1, BROKERS)
                .mapToObj(id -> id + "@" + alias(id - 1) + ":" + CONTROLLER_PORT).collect(Collectors.joining(","));
        List<GenericContainer<?>> brokers = new ArrayList<>();
        for (int broker = 0; broker < BROKERS; broker++) {
            List<String> listeners = new ArrayList<>(List.of("EXTERNAL://:" + CLIENT_PORT,
                    "CONTROLLER://:" + CONTROLLER_PORT, "INTERNAL://:" + INTERNAL_PORT));
            List<String> advertised = new ArrayList<>(List.of("EXTERNAL://127.0.0.1:" + hostPorts[broker],
                    "INTERNAL://" + alias(broker) + ":" + INTERNAL_PORT));
            List<String> protocols = new ArrayList<>(List.of("EXTERNAL:PLAINTEXT", "CONTROLLER:PLAINTEXT",
                    "INTERNAL:PLAINTEXT"));
            List<String> bindings = new ArrayList<>(List.of(hostPorts[broker] + ":" + CLIENT_PORT));
            for (int route = 0; route < routeCount; route++) {
                String listener = "ROUTE" + route;
                listeners.add(listener + "://:" + (FIRST_ROUTE_PORT + route));
                advertised.add(listener + "://127.0.0.1:" + routes.get(route).proxyPort(broker));
                protocols.add(listener + ":PLAINTEXT");
                bindings.add(routeHostPorts[route][broker] + ":" + (FIRST_ROUTE_PORT + route));
            }
            String containerName = name + "-kafka-" + (broker + 1);
            GenericContainer<?> container = new GenericContainer<>(image)
                    .withNetwork(network)
                    .withNetworkAliases(alias(broker))
                    .withCreateContainerCmdModifier(command -> command.withName(containerName))
                    .withEnv(brokerSettings(broker + 1, voters, listeners, advertised, protocols))
                    .waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1)
                            .withStartupTimeout(BROKER_START_TIMEOUT));
            container.setPortBindings(bindings);
            brokers.add(container);
        }
        // Together: a controller quorum of three needs two voters up before any broker finishes starting.
        Startables.deepStart(brokers).join();
        ThreeBrokerCluster cluster = new ThreeBrokerCluster(network, brokers, hostPorts, routes);
        cluster.awaitBrokersServing(Set.of(1, 2, 3));
        return cluster;
    }

    private static Map<String, String> brokerSettings(int nodeId, String voters, List<String> listeners,
            List<String> advertised, List<String> protocols) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_HEAP_OPTS", "-Xms128m -Xmx384m");
        env.put("KAFKA_NODE_ID", Integer.toString(nodeId));
        env.put("KAFKA_PROCESS_ROLES", "broker,controller");
        env.put("KAFKA_CONTROLLER_QUORUM_VOTERS", voters);
        env.put("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER");
        env.put("KAFKA_INTER_BROKER_LISTENER_NAME", "INTERNAL");
        env.put("KAFKA_LISTENERS", String.join(",", listeners));
        env.put("KAFKA_ADVERTISED_LISTENERS", String.join(",", advertised));
        env.put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", String.join(",", protocols));
        env.put("KAFKA_NUM_PARTITIONS", "3");
        env.put("KAFKA_DEFAULT_REPLICATION_FACTOR", "3");
        env.put("KAFKA_MIN_INSYNC_REPLICAS", "2");
        env.put("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3");
        env.put("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "6");
        env.put("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3");
        env.put("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2");
        env.put("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "6");
        env.put("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "3");
        env.put("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "2");
        env.put("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        return env;
    }

    private static String alias(int broker) {
        return "kafka-" + (broker + 1);
    }

    /** Every broker's host address, for a client the test never cuts off. */
    public String bootstrapServers() {
        return IntStream.of(hostPorts).mapToObj(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** The {@code route}-th proxied route (0-based), as many as {@link #start} was asked for. */
    public ProxiedRoute route(int route) {
        return routes.get(route);
    }

    /** SIGKILL of broker {@code broker} (1-3): its container stops at once, its data stays. */
    public void kill(int broker) {
        docker().killContainerCmd(container(broker).getContainerId()).withSignal("KILL").exec();
        await("broker " + broker + " stopped").atMost(Duration.ofSeconds(30))
                .until(() -> !Boolean.TRUE.equals(docker().inspectContainerCmd(container(broker).getContainerId())
                        .exec().getState().getRunning()));
    }

    /** Starts a killed broker's container again, on its ports and with its data, and waits until it serves. */
    public void restart(int broker) {
        docker().startContainerCmd(container(broker).getContainerId()).exec();
        awaitBrokersServing(Set.of(broker));
    }

    /** Freezes every process of broker {@code broker}'s container ({@code podman pause}). */
    public void pause(int broker) {
        docker().pauseContainerCmd(container(broker).getContainerId()).exec();
    }

    public boolean isPaused(int broker) {
        return Boolean.TRUE.equals(docker().inspectContainerCmd(container(broker).getContainerId()).exec().getState()
                .getPaused());
    }

    public void unpause(int broker) {
        docker().unpauseContainerCmd(container(broker).getContainerId()).exec();
    }

    /** The node id (1-3) of the broker leading {@code partition} of {@code topic} now. */
    public int leader(String topic, int partition) {
        try {
            TopicPartitionInfo info = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().get(partition);
            Node leader = info.leader();
            if (leader == null || leader.isEmpty()) {
                throw new IllegalStateException(topic + "-" + partition + " has no leader now");
            }
            return leader.id();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe " + topic, e.getCause());
        }
    }

    /** Waits until {@code brokers} are among the brokers the cluster lists as alive. */
    public void awaitBrokersServing(Set<Integer> expected) {
        await("brokers " + expected + " serving").atMost(BROKER_START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> admin.describeCluster().nodes().get().stream().map(Node::id)
                        .collect(Collectors.toSet()).containsAll(expected));
    }

    /** The last {@code lines} lines of broker {@code broker}'s log, for a failing test to show. */
    public String logTail(int broker, int lines) {
        String[] all = container(broker).getLogs().split("\n");
        return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }

    private GenericContainer<?> container(int broker) {
        if (broker < 1 || broker > BROKERS) {
            throw new IllegalArgumentException("brokers are 1 to " + BROKERS + ", not " + broker);
        }
        return brokers.get(broker - 1);
    }

    private DockerClient docker() {
        return brokers.get(0).getDockerClient();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        for (GenericContainer<?> broker : brokers) {
            try {
                if (broker.getContainerId() != null && isPaused(brokers.indexOf(broker) + 1)) {
                    docker().unpauseContainerCmd(broker.getContainerId()).exec();
                }
            } catch (RuntimeException e) {
                // Stopping it anyway.
            }
            broker.stop();
        }
        routes.forEach(ProxiedRoute::close);
        network.close();
    }
}
