package dev.newswatch.standalone;

import java.nio.file.Path;

import dev.newswatch.standalone.LocalPorts.Port;
import picocli.CommandLine.Option;

/** Where the embedded broker listens and keeps its data: {@code newswatch broker}'s options, and the system's. */
class BrokerOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the embedded broker (DIR/kafka) and the Streams state (DIR/streams) keep their data "
                    + "between runs (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port of the embedded broker on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "9093",
            description = "Port of the embedded broker's KRaft controller on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    Path kafkaDirectory() {
        return dataDirectory.resolve("kafka");
    }

    Port broker() {
        return new Port(brokerPort, "the embedded Kafka broker", "--broker-port");
    }

    Port controller() {
        return new Port(controllerPort, "the broker's KRaft controller", "--controller-port");
    }
}
