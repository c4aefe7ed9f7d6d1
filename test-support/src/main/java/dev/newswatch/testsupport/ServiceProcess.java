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
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A main class of the test's class path run as an operator runs it, in a JVM of its own: a service
 * ({@code IngesterMain <config>}, {@code AlertsMain <config>}) with stdout and stderr in one log, or any command
 * ({@code newswatch broker ...}) with stdout and stderr each in a file. Logs are appended to, so a restart continues
 * the same story. The machine's {@code NEWSWATCH_} variables never reach the process. {@link #stop} sends SIGTERM
 * and waits for the shutdown; {@link #kill} is {@code kill -9}. Closing stops it if it still runs; the end of the
 * test JVM kills it.
 */
public final class ServiceProcess implements AutoCloseable {

    /** What a JVM exits with once its shutdown hooks have run after SIGTERM: 128 + 15. */
    public static final int EXIT_AFTER_SIGTERM = 143;

    /**
     * How long a service started again after {@link #kill} may take to catch up: it waits out its killed
     * predecessor's group membership (45 s session) before it resumes.
     */
    public static final Duration CATCH_UP_AFTER_KILL = Duration.ofMinutes(3);

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path out;
    private final Path err;
    private final OptionalInt metricsPort;

    private ServiceProcess(Process process, Path out, Path err, OptionalInt metricsPort) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.metricsPort = metricsPort;
    }

    /**
     * A service with stdout and stderr both in {@code log}, run in the config file's directory.
     *
     * @param main        the service's main class, which takes the config file as its argument
     * @param config      the newswatch.yml to run with; the service's {@code metricsPort} must be {@code metricsPort}
     */
    public static ServiceProcess start(Class<?> main, Path config, int metricsPort, Path log) {
        ProcessBuilder builder = builder(main, List.of(config.toString()), Map.of())
                .directory(config.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ServiceProcess(launch(builder, main.getSimpleName()), log, log, OptionalInt.of(metricsPort));
    }

    /**
     * A command with stdout in {@code <logs>/<name>.out} and stderr in {@code <logs>/<name>.err}.
     *
     * @param environment set for the process, on top of the test JVM's environment less its NEWSWATCH_ variables
     */
    public static ServiceProcess start(String name, Class<?> main, List<String> arguments,
            Map<String, String> environment, Path logs) {
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder builder = builder(main, arguments, environment)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        return new ServiceProcess(launch(builder, name), out, err, OptionalInt.empty());
    }

    private static ProcessBuilder builder(Class<?> main, List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        // Only the test speaks: no NEWSWATCH_KAFKA_* or NEWSWATCH_CONFIG of the machine running the build.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("NEWSWATCH_"));
        builder.environment().putAll(environment);
        return builder;
    }

    private static Process launch(ProcessBuilder builder, String name) {
        try {
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-child-reaper"));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " in its own JVM", e);
        }
    }

    /** SIGTERM, then waits for the shutdown hook to close the service; SIGKILL if it takes too long. */
    public void stop() {
        try {
            terminate(EXIT_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGTERM; returns the exit status, or -1 when the process had not ended within {@code timeout} (then it is
     * killed).
     */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly().waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return -1;
    }

    /** Waits for the process to end on its own; its exit status, or empty when it still runs after {@code timeout}. */
    public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    /** SIGKILL: no shutdown hook, no flush, an open transaction left behind. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The status of {@code /ready} (200 UP, 503 DOWN); empty when it does not answer within two seconds.
     *
     * @throws IllegalStateException for a process started without a metrics port
     */
    public OptionalInt readiness() {
        int port = metricsPort.orElseThrow(() -> new IllegalStateException("started without a metrics port"));
        try {
            return OptionalInt.of(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                            .timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /**
     * The sum of the series of {@code name} on {@code /metrics} whose labels contain {@code labels}
     * ({@code outcome="rejected"}); 0 when there is none or the endpoint does not answer.
     */
    public double metric(String name, String labels) {
        int port = metricsPort.orElseThrow(() -> new IllegalStateException("started without a metrics port"));
        String scrape;
        try {
            scrape = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        Matcher series = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        double sum = 0;
        while (series.find()) {
            if (series.group(1).contains(labels)) {
                sum += Double.parseDouble(series.group(2));
            }
        }
        return sum;
    }

    /** Everything written to stdout so far (with stderr, for a service started with one log). */
    public String stdout() {
        return read(out);
    }

    /** Everything written to stderr so far (with stdout, for a service started with one log). */
    public String stderr() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines of stdout, which every run of the service on it appended to. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(out, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public Path log() {
        return out;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
