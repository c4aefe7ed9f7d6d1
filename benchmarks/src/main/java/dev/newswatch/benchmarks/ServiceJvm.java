package dev.newswatch.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A service run as an operator runs it, in a JVM of its own (its main class and a config file, this process's
 * class path), and what Linux and its /metrics say of its memory and CPU time.
 */
final class ServiceJvm implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on every Linux we run on). */
    static final long TICKS_PER_SECOND = 100;

    private final String name;
    private final Process process;
    private final int metricsPort;

    private ServiceJvm(String name, Process process, int metricsPort) {
        this.name = name;
        this.process = process;
        this.metricsPort = metricsPort;
    }

    /**
     * Starts {@code mainClass} with {@code config} from the working directory, its output in {@code log}; its
     * config must serve metrics on {@code metricsPort}.
     */
    static ServiceJvm start(String name, String mainClass, Path config, int metricsPort, List<String> javaOptions,
            Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass, config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("NEWSWATCH_"));
        builder.environment().put("NEWSWATCH_LOG_LEVEL", "warn");
        try {
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-reaper"));
            return new ServiceJvm(name, process, metricsPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " in a JVM of its own", e);
        }
    }

    /** A port free now, for a service to serve its metrics on. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    String name() {
        return name;
    }

    /** Waits until /ready answers 200. */
    void awaitReady(Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not serving yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the " + name, e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        throw new IllegalStateException("the " + name + " was not ready within " + timeout + "; see " + log);
    }

    /** The lines of /proc/<pid>/status. */
    List<String> status() {
        return proc("status");
    }

    /** CPU time the JVM has used so far, user and system, from /proc/<pid>/stat. */
    long cpuNanos() {
        return cpuNanos(String.join(" ", proc("stat")));
    }

    /** The metrics the service serves now. */
    List<String> metrics() {
        return MetricsText.read(metricsPort);
    }

    /** utime + stime (fields 14 and 15) of a /proc/<pid>/stat line, in nanoseconds. */
    static long cpuNanos(String stat) {
        // The command name, field 2, is in parentheses and may hold spaces: count the fields after it.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    private List<String> proc(String file) {
        Path path = Path.of("/proc", Long.toString(process.pid()), file);
        try {
            return Files.readAllLines(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " of the " + name
                    + " (the memory figures need Linux)", e);
        }
    }

    /** SIGTERM, as an operator stops it; SIGKILL if it has not ended within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
