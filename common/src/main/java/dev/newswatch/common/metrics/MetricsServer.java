package dev.newswatch.common.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A service's HTTP endpoint: Prometheus text at {@code /metrics}; {@code /health}, the liveness probe, which
 * answers 200 while the service works or can recover by itself (restarting it would not help) and 503 otherwise;
 * and {@code /ready}, the readiness probe, which answers 200 only while it does its work: its Kafka clients
 * connected and, for a Streams application, the application RUNNING.
 */
public final class MetricsServer implements AutoCloseable {

    /** Where a service serves its endpoint, so that Prometheus on another host or container can scrape it. */
    public static final String ALL_INTERFACES = "0.0.0.0";

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Serves on {@code host:port}; port 0 picks a free port.
     *
     * @param live  whether the service is alive, asked on every {@code /health} request
     * @param ready whether the service is doing its work, asked on every {@code /ready} request
     */
    public static MetricsServer start(String service, String host, int port, PrometheusMeterRegistry registry,
            BooleanSupplier live, BooleanSupplier ready) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve " + service + " metrics on " + host + ":" + port
                    + ": " + e.getMessage(), e);
        }
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, service + "-metrics-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/metrics", exchange -> {
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            String contentType = accept != null && accept.contains("application/openmetrics-text")
                    ? OPEN_METRICS : PROMETHEUS_TEXT;
            respond(exchange, 200, contentType, registry.scrape(contentType));
        });
        server.createContext("/health", exchange -> respondProbe(exchange, service, live));
        server.createContext("/ready", exchange -> respondProbe(exchange, service, ready));
        server.start();
        return new MetricsServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respondProbe(HttpExchange exchange, String service, BooleanSupplier probe) throws IOException {
        boolean up = probe.getAsBoolean();
        respond(exchange, up ? 200 : 503, "application/json",
                "{\"service\":\"" + service + "\",\"status\":\"" + (up ? "UP" : "DOWN") + "\"}\n");
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
