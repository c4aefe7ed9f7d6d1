package dev.newswatch.standalone;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.common.utils.Exit;

import dev.newswatch.alerts.AlertsSettings;
import dev.newswatch.common.ServiceLauncher;
import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.enricher.EnricherSettings;
import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;
import dev.newswatch.standalone.LocalPorts.Port;

/**
 * Runs the embedded broker, the three services and the alert printer until the process is told to stop. Every
 * setting and file is read and checked, and every port found free, before anything starts.
 */
final class SystemRunner {

    private SystemRunner() {
    }

    /**
     * @param sourcesFile the sources the ingester polls
     * @param extraPorts  the ports {@code extra} listens on, checked with the system's
     * @param extra       starts something else to run and stop with the system, such as the demo site
     */
    static int runUntilStopped(SystemOptions options, Path sourcesFile, List<Port> extraPorts,
            Supplier<AutoCloseable> extra, PrintStream out) {
        KafkaSettings kafka = KafkaEnvironment.settings(options.configFile, System.getenv());
        Path streamsState = options.dataDirectory.resolve("streams");
        IngesterSettings ingester = ConfigLoader.loadSection(options.configFile, "ingester", IngesterSettings.class)
                .withSourcesFile(sourcesFile);
        EnricherSettings enricher = ConfigLoader.loadSection(options.configFile, "enricher", EnricherSettings.class)
                .withStateDirectory(streamsState);
        AlertsSettings alerts = AlertsSettings.load(options.configFile)
                .withStateDirectory(streamsState);
        Port brokerPort = options.broker();
        Port controllerPort = options.controller();
        String inConfig = " in " + options.configFile;
        // In the order the services bind them.
        List<Port> metricsPorts = List.of(
                new Port(alerts.metricsPort(), "the alerts service's metrics", "alerts.metricsPort" + inConfig),
                new Port(enricher.metricsPort(), "the enricher's metrics", "enricher.metricsPort" + inConfig),
                new Port(ingester.metricsPort(), "the ingester's metrics", "ingester.metricsPort" + inConfig));
        List<Port> ports = new ArrayList<>(extraPorts);
        ports.addAll(List.of(brokerPort, controllerPort));
        ports.addAll(metricsPorts);

        StandaloneSystem system = StandaloneSystem.prepare("127.0.0.1:" + options.brokerPort, kafka, ingester,
                enricher, alerts);
        List<AutoCloseable> running = new ArrayList<>(List.of(system));
        ServiceLauncher.runUntilStopped("newswatch-shutdown", () -> {
            EmbeddedKafkaBroker broker;
            try {
                LocalPorts.requireFree(ports);
                running.add(LocalPorts.binding(extraPorts, extra));
                broker = startBroker(options.kafkaDirectory(), brokerPort, controllerPort);
                running.add(broker);
                LocalPorts.binding(metricsPorts, system::start);
                AlertPrinter printer = new AlertPrinter(KafkaSettings.forBootstrapServers(broker.bootstrapServers()),
                        out);
                running.add(0, printer);
                printer.start();
            } catch (RuntimeException e) {
                closeAll(running);
                throw e;
            }
            out.printf("Newswatch is running: broker %s, data in %s, metrics on :%d (ingester) :%d (enricher) :%d"
                    + " (alerts). Alerts appear below; Ctrl-C stops.%n", broker.bootstrapServers(),
                    options.dataDirectory, ingester.metricsPort(), enricher.metricsPort(), alerts.metricsPort());
        }, () -> closeAll(running));
        return 0;
    }

    /**
     * Starts the broker; a port taken since the check is a {@link LocalPorts.PortInUseException}. Kafka ends the
     * process when its controller cannot bind (a fatal fault, with a stack trace and no word of the port), so for
     * the start a fatal fault throws instead, and the port is found by probing.
     */
    static EmbeddedKafkaBroker startBroker(Path dataDirectory, Port broker, Port controller) {
        Exit.Procedure failStart = (status, message) -> {
            throw new IllegalStateException("the embedded Kafka broker failed to start (exit status " + status + ")");
        };
        Exit.setExitProcedure(failStart);
        Exit.setHaltProcedure(failStart);
        try {
            // The controller binds first: when it fails the broker's port is still unbound, and when the broker
            // fails its bind error names its port, so the controller's, which this start holds, is not blamed.
            return LocalPorts.binding(List.of(controller, broker),
                    () -> EmbeddedKafkaBroker.startPersistent(dataDirectory, broker.number(), controller.number()));
        } finally {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
    }

    /** Closes what runs, printer first and broker last, once: a failed start closes it, then its exit stops it. */
    private static void closeAll(List<AutoCloseable> running) {
        running.forEach(SystemRunner::closeQuietly);
        running.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("Stopping " + closeable.getClass().getSimpleName() + " failed: " + e.getMessage());
        }
    }
}
