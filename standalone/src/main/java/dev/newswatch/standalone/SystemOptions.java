package dev.newswatch.standalone;

import java.nio.file.Path;

import dev.newswatch.common.ServiceLauncher;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the whole system in this process. */
final class SystemOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Service settings (default: ${DEFAULT-VALUE}).")
    Path configFile = ServiceLauncher.DEFAULT_CONFIG;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the embedded broker and the Streams state keep their data between runs "
                    + "(default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port of the embedded broker on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "9093",
            description = "Port of the embedded broker's KRaft controller on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int controllerPort;
}
