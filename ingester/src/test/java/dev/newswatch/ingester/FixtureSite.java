package dev.newswatch.ingester;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A news site on 127.0.0.1 (or another loopback address) serving fixtures, with a log of every request it
 * received and when. Like a real server it answers a conditional GET with 304 when a page's ETag or
 * Last-Modified header matches.
 */
public final class FixtureSite implements AutoCloseable {

    /**
     * One request as the server saw it: path with query, System.nanoTime() on arrival, and the request's headers
     * (first values, names in lower case).
     */
    public record Hit(String pathAndQuery, long receivedNanos, String userAgent, Map<String, String> headers) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** One scripted answer for {@link #serveInTurn}. */
    public record Reply(int status, Map<String, String> headers, String body) {
    }

    /** @param silent whether the stall comes before the headers (a server that never answers) or after the first byte */
    private record Page(int status, Map<String, String> headers, byte[] body, Duration stall, boolean silent) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Map<String, Queue<Page>> scripts = new ConcurrentHashMap<>();
    private final Map<String, FirstFetchFailure> firstFetchFailures = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private final String address;

    private FixtureSite(String address) throws IOException {
        this.address = address;
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FixtureSite start() {
        return startOn("127.0.0.1");
    }

    /** A site on another loopback address, such as 127.0.0.2: to the crawler, another host. */
    public static FixtureSite startOn(String loopbackAddress) {
        try {
            return new FixtureSite(loopbackAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String base() {
        return "http://" + address + ":" + server.getAddress().getPort();
    }

    public URI uri(String pathAndQuery) {
        return URI.create(base() + pathAndQuery);
    }

    public FixtureSite serve(String pathAndQuery, int status, Map<String, String> headers, byte[] body) {
        pages.put(pathAndQuery, new Page(status, headers, body, Duration.ZERO, false));
        return this;
    }

    /** Answers {@code pathAndQuery} with each reply in turn, then with the last one for good. */
    public FixtureSite serveInTurn(String pathAndQuery, Reply... replies) {
        Queue<Page> script = new ConcurrentLinkedQueue<>();
        for (Reply reply : replies) {
            script.add(new Page(reply.status(), reply.headers(), reply.body().getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO, false));
        }
        scripts.put(pathAndQuery, script);
        return this;
    }

    /**
     * Answers {@code status} to the whole first fetch of {@code pathAndQuery}, its retries included: to every
     * request for it until the site is asked for another page (robots.txt aside). Later fetches get the page
     * served there, so only a crawler that comes back for the page gets it.
     */
    FixtureSite failFirstFetch(String pathAndQuery, int status) {
        firstFetchFailures.put(pathAndQuery, new FirstFetchFailure(status));
        return this;
    }

    /** How many requests for {@code pathAndQuery} were answered with the error of {@link #failFirstFetch}. */
    int failuresServed(String pathAndQuery) {
        FirstFetchFailure failure = firstFetchFailures.get(pathAndQuery);
        return failure == null ? 0 : failure.served.get();
    }

    /** Sends nothing at all, not even headers, for {@code silence} (or until close); then a page. */
    public FixtureSite serveAfterSilence(String pathAndQuery, Duration silence) {
        pages.put(pathAndQuery, new Page(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                "<p>늦은 기사</p>".getBytes(StandardCharsets.UTF_8), silence, true));
        return this;
    }

    /** Sends the headers and the first bytes at once, then holds the rest back for {@code stall} (or until close). */
    public FixtureSite serveSlowly(String pathAndQuery, Duration stall) {
        pages.put(pathAndQuery, new Page(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                "<p>느린 기사</p>".getBytes(StandardCharsets.UTF_8), stall, false));
        return this;
    }

    public FixtureSite serve(String pathAndQuery, String contentType, byte[] body) {
        return serve(pathAndQuery, 200, Map.of("Content-Type", contentType), body);
    }

    public FixtureSite serveText(String pathAndQuery, String contentType, String text) {
        return serve(pathAndQuery, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves a UTF-8 fixture from src/test/resources/fixtures with {base} replaced by this site's address. */
    public FixtureSite serveFixture(String pathAndQuery, String contentType, String fixture) {
        return serveText(pathAndQuery, contentType, fixture(fixture).replace("{base}", base()));
    }

    public static String fixture(String name) {
        try (InputStream in = FixtureSite.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    public List<Hit> hitsStartingWith(String prefix) {
        return hits.stream().filter(hit -> hit.pathAndQuery().startsWith(prefix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        Map<String, String> requestHeaders = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                requestHeaders.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        Hit hit = new Hit(pathAndQuery, System.nanoTime(), exchange.getRequestHeaders().getFirst("User-Agent"),
                Map.copyOf(requestHeaders));
        hits.add(hit);
        FirstFetchFailure failure = firstFetchFailure(pathAndQuery);
        if (failure != null) {
            failure.served.incrementAndGet();
            exchange.sendResponseHeaders(failure.status, -1);
            exchange.close();
            return;
        }
        Page page = next(pathAndQuery);
        if (page.silent()) {
            try {
                closed.await(page.stall().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        page.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (page.status() == 200 && unchangedSince(hit, page)) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        if (page.stall().isZero() || page.silent()) {
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

    /** The failure {@code pathAndQuery} gets now; null once its first fetch is over, or when it has none. */
    private FirstFetchFailure firstFetchFailure(String pathAndQuery) {
        if (!pathAndQuery.equals("/robots.txt")) {
            firstFetchFailures.forEach((failingPage, failure) -> {
                if (!failingPage.equals(pathAndQuery) && failure.served.get() > 0) {
                    failure.over = true;
                }
            });
        }
        FirstFetchFailure failure = firstFetchFailures.get(pathAndQuery);
        return failure == null || failure.over ? null : failure;
    }

    private static final class FirstFetchFailure {
        private final int status;
        private final AtomicInteger served = new AtomicInteger();
        private volatile boolean over;

        private FirstFetchFailure(int status) {
            this.status = status;
        }
    }

    private Page next(String pathAndQuery) {
        Queue<Page> script = scripts.get(pathAndQuery);
        if (script != null) {
            // Keeps the last reply for every later request.
            Page page = script.size() > 1 ? script.poll() : script.peek();
            if (page != null) {
                return page;
            }
        }
        return pages.getOrDefault(pathAndQuery,
                new Page(404, Map.of("Content-Type", "text/plain"), "없는 페이지".getBytes(StandardCharsets.UTF_8),
                        Duration.ZERO, false));
    }

    private static boolean unchangedSince(Hit hit, Page page) {
        String etag = page.headers().get("ETag");
        String lastModified = page.headers().get("Last-Modified");
        return etag != null && etag.equals(hit.header("If-None-Match"))
                || etag == null && lastModified != null && lastModified.equals(hit.header("If-Modified-Since"));
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
