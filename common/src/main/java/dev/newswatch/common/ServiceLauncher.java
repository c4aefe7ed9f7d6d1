package dev.newswatch.common;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.config.ConfigException;
import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.KafkaSettings;

/**
 * Runs one service as its own process: reads the configuration file named by the first argument (or
 * {@code NEWSWATCH_CONFIG}, or {@code config/newswatch.yml}), starts the service and keeps it running until the
 * process is told to stop.
 */
public final class ServiceLauncher {

    public static final Path DEFAULT_CONFIG = Path.of("config", "newswatch.yml");
    private static final Logger log = LoggerFactory.getLogger(ServiceLauncher.class);

    private ServiceLauncher() {
    }

    /** The configuration file a service process reads. */
    public static Path configFile(String[] args) {
        if (args.length > 0) {
            return Path.of(args[0]);
        }
        String fromEnvironment = System.getenv("NEWSWATCH_CONFIG");
        return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_CONFIG : Path.of(fromEnvironment);
    }

    /** The {@code kafka} section of the configuration file, with environment overrides applied. */
    public static KafkaSettings kafkaSettings(Path configFile) {
        return ConfigLoader.loadSection(configFile, "kafka", KafkaSettings.class).withEnvironment(System.getenv());
    }

    /**
     * @param factory builds the service from the configuration file and the Kafka settings
     */
    public static void run(String[] args, BiFunction<Path, KafkaSettings, NewswatchService> factory) {
        Path configFile = configFile(args);
        NewswatchService service;
        try {
            service = factory.apply(configFile, kafkaSettings(configFile));
        } catch (ConfigException e) {
            log.error("Cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        runUntilStopped(service.name() + "-shutdown", () -> {
            service.start();
            log.info("{} started", service.name());
        }, () -> {
            log.info("Stopping {}", service.name());
            service.close();
        });
    }

    /**
     * Runs {@code start}, then waits until the process is told to stop and {@code stop} has run; {@code stop}
     * runs even when the signal comes while {@code start} still runs.
     *
     * @param threadName names the thread that runs {@code stop}
     */
    public static void runUntilStopped(String threadName, Runnable start, Runnable stop) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, threadName));
        start.run();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
