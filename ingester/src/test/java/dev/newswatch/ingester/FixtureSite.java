package dev.newswatch.ingester;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A news site on 127.0.0.1 serving fixtures, with a log of every request it received and when. */
final class FixtureSite implements AutoCloseable {

    /** One request as the server saw it: path with query, and System.nanoTime() on arrival. */
    record Hit(String pathAndQuery, long receivedNanos, String userAgent) {
    }

    private record Page(int status, Map<String, String> headers, byte[] body, Duration stall) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private FixtureSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FixtureSite start() {
        try {
            return new FixtureSite();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    URI uri(String pathAndQuery) {
        return URI.create(base() + pathAndQuery);
    }

    FixtureSite serve(String pathAndQuery, int status, Map<String, String> headers, byte[] body) {
        pages.put(pathAndQuery, new Page(status, headers, body, Duration.ZERO));
        return this;
    }

    /** Sends the headers and the first bytes at once, then holds the rest back for {@code stall} (or until close). */
    FixtureSite serveSlowly(String pathAndQuery, Duration stall) {
        pages.put(pathAndQuery, new Page(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                "<p>느린 기사</p>".getBytes(StandardCharsets.UTF_8), stall));
        return this;
    }

    FixtureSite serve(String pathAndQuery, String contentType, byte[] body) {
        return serve(pathAndQuery, 200, Map.of("Content-Type", contentType), body);
    }

    FixtureSite serveText(String pathAndQuery, String contentType, String text) {
        return serve(pathAndQuery, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves a UTF-8 fixture from src/test/resources/fixtures with {base} replaced by this site's address. */
    FixtureSite serveFixture(String pathAndQuery, String contentType, String fixture) {
        return serveText(pathAndQuery, contentType, fixture(fixture).replace("{base}", base()));
    }

    static String fixture(String name) {
        try (InputStream in = FixtureSite.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    List<Hit> hitsStartingWith(String prefix) {
        return hits.stream().filter(hit -> hit.pathAndQuery().startsWith(prefix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        hits.add(new Hit(pathAndQuery, System.nanoTime(), exchange.getRequestHeaders().getFirst("User-Agent")));
        Page page = pages.getOrDefault(pathAndQuery,
                new Page(404, Map.of("Content-Type", "text/plain"), "없는 페이지".getBytes(StandardCharsets.UTF_8),
                        Duration.ZERO));
        page.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (page.stall().isZero()) {
            exchange.sendResponseHeaders(page.status(), page.body().length == 0 ? -1 : page.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page.body());
            }
            return;
        }
        exchange.sendResponseHeaders(page.status(), 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page.body(), 0, 1);
            out.flush();
            closed.await(page.stall().toMillis(), TimeUnit.MILLISECONDS);
            out.write(page.body(), 1, page.body().length - 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
