package dev.newswatch.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real Apache Kafka broker in this JVM: one KRaft node that is both broker and controller, listening on
 * 127.0.0.1. Its data directory is formatted on first use and kept, so a broker started again on the same
 * directory has every topic, offset and transaction of the last run.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private final int brokerPort;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path dataDirectory, boolean deleteOnClose, int brokerPort) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.deleteOnClose = deleteOnClose;
        this.brokerPort = brokerPort;
    }

    /** A broker that keeps its data in {@code dataDirectory} across runs, on fixed ports. */
    public static EmbeddedKafkaBroker startPersistent(Path dataDirectory, int brokerPort, int controllerPort) {
        return start(dataDirectory, brokerPort, controllerPort, false);
    }

    /** A throw-away broker on free ports whose data is deleted when it closes; for tests. */
    public static EmbeddedKafkaBroker startTemporary() {
        try {
            Path directory = Files.createTempDirectory("newswatch-kafka-");
            return start(directory, freePort(), freePort(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for the embedded broker", e);
        }
    }

    private static EmbeddedKafkaBroker start(Path dataDirectory, int brokerPort, int controllerPort,
            boolean deleteOnClose) {
        Path logDirectory = dataDirectory.toAbsolutePath().resolve("kraft");
        Properties config = brokerConfig(logDirectory, brokerPort, controllerPort);
        try {
            if (!Files.exists(logDirectory.resolve("meta.properties"))) {
                Files.createDirectories(logDirectory);
                format(logDirectory);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the embedded broker's storage in " + logDirectory, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            // A start that failed half-way (a port taken) leaves the controller running; it must not outlive it.
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        log.info("Embedded Kafka broker listening on 127.0.0.1:{}, data in {}", brokerPort, logDirectory);
        return new EmbeddedKafkaBroker(server, dataDirectory, deleteOnClose, brokerPort);
    }

    private static Properties brokerConfig(Path logDirectory, int brokerPort, int controllerPort) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", logDirectory.toString());
        // A single node cannot hold more than one replica of the internal topics; without these a consumer
        // group or a transaction waits forever for its coordinator.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "10");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "10");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        // The default is a 128 MB on-heap buffer; a demo broker's compacted topics need a sliver of that.
        config.put("log.cleaner.dedupe.buffer.size", "2097152");
        return config;
    }

    private static void format(Path logDirectory) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(NODE_ID)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDirectory.toString())
                .setDirectories(List.of(logDirectory.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            deleteRecursively(dataDirectory);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the embedded broker's data in {}: {}", directory, e.getMessage());
        }
    }
}
