package dev.newswatch.standalone;

import java.nio.file.Path;

import dev.newswatch.common.ServiceLauncher;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the whole system in this process. */
final class SystemOptions extends BrokerOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Service settings (default: ${DEFAULT-VALUE}).")
    Path configFile = ServiceLauncher.DEFAULT_CONFIG;
}
