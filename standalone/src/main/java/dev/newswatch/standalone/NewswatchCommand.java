package dev.newswatch.standalone;

import dev.newswatch.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newswatch} command line. */
@Command(name = "newswatch", mixinStandardHelpOptions = true, version = "newswatch 0.1.0",
        description = "News ingestion, enrichment and alerting for the AI-chip race, over Apache Kafka.",
        subcommands = {DemoCommand.class, RunCommand.class, SourcesCommand.class, ExtractCommand.class,
                TagCommand.class, BrokerCommand.class, WatchesCommand.class, AlertsCommand.class})
public final class NewswatchCommand {

    public static void main(String[] args) {
        int exitCode = commandLine().execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * The command line, with bad configuration, a bad NEWSWATCH_KAFKA_* variable and taken ports reported as one
     * line and exit code 2.
     */
    static CommandLine commandLine() {
        return new CommandLine(new NewswatchCommand())
                .setExecutionExceptionHandler((error, line, parsed) -> {
                    if (error instanceof ConfigException || error instanceof LocalPorts.PortInUseException
                            || error instanceof KafkaEnvironment.BadVariable) {
                        line.getErr().println("Cannot start: " + error.getMessage());
                        return 2;
                    }
                    throw error;
                });
    }
}
