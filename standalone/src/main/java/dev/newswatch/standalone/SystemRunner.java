package dev.newswatch.standalone;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import dev.newswatch.alerts.AlertsSettings;
import dev.newswatch.common.ServiceLauncher;
import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.enricher.EnricherSettings;
import dev.newswatch.ingester.IngesterSettings;
import dev.newswatch.kafka.embedded.EmbeddedKafkaBroker;

/** Runs the embedded broker, the three services and the alert printer until the process is told to stop. */
final class SystemRunner {

    private SystemRunner() {
    }

    /**
     * @param sourcesFile the sources the ingester polls
     * @param extra       something else to stop with the system, such as the demo site
     */
    static int runUntilStopped(SystemOptions options, Path sourcesFile, AutoCloseable extra, PrintStream out) {
        KafkaSettings kafka = ServiceLauncher.kafkaSettings(options.configFile);
        Path streamsState = options.dataDirectory.resolve("streams");
        IngesterSettings ingester = ConfigLoader.loadSection(options.configFile, "ingester", IngesterSettings.class)
                .withSourcesFile(sourcesFile);
        EnricherSettings enricher = ConfigLoader.loadSection(options.configFile, "enricher", EnricherSettings.class)
                .withStateDirectory(streamsState);
        AlertsSettings alerts = AlertsSettings.load(options.configFile)
                .withStateDirectory(streamsState);

        LocalPorts.requireFree(options.brokerPort, "the embedded Kafka broker", "--broker-port");
        LocalPorts.requireFree(options.controllerPort, "the broker's KRaft controller", "--controller-port");
        String inConfig = " in " + options.configFile;
        LocalPorts.requireFree(ingester.metricsPort(), "the ingester's metrics", "ingester.metricsPort" + inConfig);
        LocalPorts.requireFree(enricher.metricsPort(), "the enricher's metrics", "enricher.metricsPort" + inConfig);
        LocalPorts.requireFree(alerts.metricsPort(), "the alerts service's metrics", "alerts.metricsPort" + inConfig);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startPersistent(options.dataDirectory.resolve("kafka"),
                options.brokerPort, options.controllerPort);
        StandaloneSystem system;
        try {
            system = StandaloneSystem.start(broker, kafka, ingester, enricher, alerts);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        AlertPrinter printer = new AlertPrinter(KafkaSettings.forBootstrapServers(broker.bootstrapServers()), out);
        printer.start();
        out.printf("Newswatch is running: broker %s, data in %s, metrics on :%d (ingester) :%d (enricher) :%d (alerts)."
                + " Alerts appear below; Ctrl-C stops.%n", broker.bootstrapServers(), options.dataDirectory,
                ingester.metricsPort(), enricher.metricsPort(), alerts.metricsPort());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(printer);
            closeQuietly(system);
            closeQuietly(extra);
            closeQuietly(broker);
            stopped.countDown();
        }, "newswatch-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("Stopping " + closeable.getClass().getSimpleName() + " failed: " + e.getMessage());
        }
    }
}
