package dev.newswatch.ingester;

import java.nio.file.Path;

import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.testsupport.FreePorts;

/**
 * An embedded broker in the test JVM that can be stopped and started again at the same address with the same
 * data, as an outage looks to its clients. Its ports are picked free once, at the first start.
 */
public final class RestartableBroker implements AutoCloseable {

    private final Path dataDirectory;
    private final int brokerPort = FreePorts.any();
    private final int controllerPort = FreePorts.any();
    private EmbeddedKafkaBroker running;

    private RestartableBroker(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public static RestartableBroker start(Path dataDirectory) {
        RestartableBroker broker = new RestartableBroker(dataDirectory);
        broker.startAgain();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Shuts the broker down; its clients see it gone until {@link #startAgain}. */
    public void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    public void startAgain() {
        if (running == null) {
            running = EmbeddedKafkaBroker.startPersistent(dataDirectory, brokerPort, controllerPort);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
