package dev.newswatch.common;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;

import dev.newswatch.common.config.ConfigException;
import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.logging.LogFormat;

/**
 * Runs one service as its own process: reads the configuration file named by the first argument (or
 * {@code NEWSWATCH_CONFIG}, or {@code config/newswatch.yml}), starts the service and keeps it running until the
 * process is told to stop.
 */
public final class ServiceLauncher {

    public static final Path DEFAULT_CONFIG = Path.of("config", "newswatch.yml");
    /** The exit status of a service that failed while it ran, e.g. on a state directory it can no longer write. */
    public static final int EXIT_FAILED = 1;
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
        KafkaSettings kafka;
        try {
            LogFormat.current();
            kafka = kafkaSettings(configFile);
            service = factory.apply(configFile, kafka);
        } catch (ConfigException | IllegalArgumentException e) {
            log.error("Cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        // Every line this process logs names its service (the JSON format's context.properties.service).
        ((LoggerContext) LoggerFactory.getILoggerFactory()).putProperty("service", service.name());
        log.info("Starting {} with {}, Kafka at {}", service.name(), configFile, kafka.bootstrapServers());
        service.onFailure(reason -> exitFailed(service.name(), reason));
        try {
            runUntilStopped(service.name() + "-shutdown", () -> {
                service.start();
                log.info("{} started", service.name());
            }, () -> {
                log.info("Stopping {}", service.name());
                service.close();
                log.info("{} stopped", service.name());
            });
        } catch (RuntimeException e) {
            // Exiting runs the shutdown hook, which closes whatever the start had opened.
            log.error("Cannot start {}: {}", service.name(), e.getMessage(), e);
            System.exit(EXIT_FAILED);
        }
    }

    /**
     * Exits from a thread of its own: the thread that reports the failure may be one that closing the service
     * waits for. Exiting runs the shutdown hook, which closes the service.
     */
    private static void exitFailed(String service, String reason) {
        Thread exit = new Thread(() -> {
            log.error("{} failed and exits with status {}: {}", service, EXIT_FAILED, reason);
            System.exit(EXIT_FAILED);
        }, service + "-exit");
        exit.start();
    }

    /**
     * Runs {@code start}, then waits until the process is told to stop (SIGTERM, Ctrl-C) and {@code stop} has run.
     * A signal that comes while {@code start} runs waits for it, so what it started is stopped too, never left
     * half-open; one that comes before it skips it. The JVM then exits with status 143 (128 + SIGTERM), as it does
     * after any signal that ran the shutdown hooks. A {@code start} that throws has the exception thrown here; the
     * process should then exit, which runs {@code stop}.
     *
     * @param threadName names the thread that runs {@code stop}
     */
    public static void runUntilStopped(String threadName, Runnable start, Runnable stop) {
        Object lifecycle = new Object();
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                synchronized (lifecycle) {
                    stopping.set(true);
                    stop.run();
                }
            } catch (RuntimeException e) {
                log.error("Did not stop cleanly: {}", e.getMessage(), e);
            } finally {
                stopped.countDown();
            }
        }, threadName));
        synchronized (lifecycle) {
            if (!stopping.get()) {
                start.run();
            }
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
