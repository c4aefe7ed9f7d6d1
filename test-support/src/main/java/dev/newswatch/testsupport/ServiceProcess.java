package dev.newswatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A service in its own JVM, started as an operator starts it ({@code IngesterMain <config>}, {@code AlertsMain
 * <config>}) on the test's class path, with its output appended to a log file. {@link #stop} sends SIGTERM and
 * waits for the shutdown; {@link #kill} is {@code kill -9}. Closing stops it if it still runs; the end of the test
 * JVM kills it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int metricsPort;

    private ServiceProcess(Process process, Path log, int metricsPort) {
        this.process = process;
        this.log = log;
        this.metricsPort = metricsPort;
    }

    /**
     * @param main        the service's main class, which takes the config file as its argument
     * @param config      the newswatch.yml to run with; the service's {@code metricsPort} must be {@code metricsPort}
     * @param log         where stdout and stderr go, appended, so a restart continues the same story
     */
    public static ServiceProcess start(Class<?> main, Path config, int metricsPort, Path log) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                main.getName(), config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(config.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Only the config file speaks: no NEWSWATCH_KAFKA_* or NEWSWATCH_CONFIG of the machine running the build.
        builder.environment().keySet().removeIf(name -> name.startsWith("NEWSWATCH_"));
        try {
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly,
                    main.getSimpleName() + "-child-reaper"));
            return new ServiceProcess(process, log, metricsPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + main.getSimpleName() + " in its own JVM", e);
        }
    }

    /** SIGTERM, then waits for the shutdown hook to close the service; SIGKILL if it takes too long. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    /** SIGKILL: no shutdown hook, no flush, an open transaction left behind. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The status of {@code /ready} (200 UP, 503 DOWN); empty when it does not answer within two seconds. */
    public OptionalInt readiness() {
        try {
            return OptionalInt.of(HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + metricsPort + "/ready"))
                            .timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** The last {@code lines} lines of the log, which every run of the service on it appended to. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
