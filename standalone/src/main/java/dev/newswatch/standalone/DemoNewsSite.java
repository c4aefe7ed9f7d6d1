package dev.newswatch.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small Korean news site on 127.0.0.1 for the demo and the tests: two outlets, one with an RSS 2.0 feed and
 * one with an Atom feed, and their article pages, all written for this project (classpath {@code demo-site/}).
 * Pages named {@code *.euc-kr.html} are sent encoded in EUC-KR with no charset in the HTTP header, as some
 * Korean outlets still do, so the ingester has to read the page's own declaration.
 */
public final class DemoNewsSite implements AutoCloseable {

    public static final String RSS_FEED = "/techbrief/rss.xml";
    public static final String ATOM_FEED = "/chipinsight/atom.xml";
    private static final String RESOURCE_ROOT = "demo-site";
    private static final String BASE_PLACEHOLDER = "{{BASE}}";
    private static final Charset EUC_KR = Charset.forName("x-windows-949");

    private final HttpServer server;
    private final String publicHost;
    private final Map<String, AtomicLong> requestsByPath = new ConcurrentHashMap<>();

    private DemoNewsSite(HttpServer server, String publicHost) {
        this.server = server;
        this.publicHost = publicHost;
    }

    /** Serves on 127.0.0.1:{@code port}; port 0 picks a free port. */
    public static DemoNewsSite start(int port) {
        return start("127.0.0.1", port, "127.0.0.1");
    }

    /**
     * Serves on {@code bindAddress}:{@code port} with links naming {@code publicHost}, the name its readers reach
     * it by: containers reach a site on their host through an address and a name of the host's own.
     */
    public static DemoNewsSite start(String bindAddress, int port, String publicHost) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the demo news site on " + bindAddress + ":" + port, e);
        }
        DemoNewsSite site = new DemoNewsSite(server, publicHost);
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "demo-news-site");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", site::serve);
        server.start();
        return site;
    }

    /** {@code http://<public host>:<port>}, the address every link on the site starts with. */
    public String baseUrl() {
        return "http://" + publicHost + ":" + server.getAddress().getPort();
    }

    /** The base URL of the site served on {@code port}, known before it starts. */
    public static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    public String rssFeedUrl() {
        return baseUrl() + RSS_FEED;
    }

    public String atomFeedUrl() {
        return baseUrl() + ATOM_FEED;
    }

    /** How many requests for {@code path} the site has answered, so tests can wait for the ingester to poll. */
    public long requestCount(String path) {
        AtomicLong count = requestsByPath.get(path);
        return count == null ? 0 : count.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requestsByPath.computeIfAbsent(path, counted -> new AtomicLong()).incrementAndGet();
        try (exchange) {
            if (path.equals("/robots.txt")) {
                respond(exchange, 200, "text/plain; charset=utf-8",
                        "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String page = path.contains("..") ? null : readResource(RESOURCE_ROOT + path);
            if (page == null) {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            page = page.replace(BASE_PLACEHOLDER, baseUrl());
            if (path.endsWith(".euc-kr.html")) {
                respond(exchange, 200, "text/html", page.getBytes(EUC_KR));
            } else if (path.endsWith(".xml")) {
                String type = path.endsWith("atom.xml") ? "application/atom+xml" : "application/rss+xml";
                respond(exchange, 200, type + "; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
            } else {
                respond(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String readResource(String name) throws IOException {
        if (name.endsWith("/") || name.toLowerCase(Locale.ROOT).endsWith(".md")) {
            return null;
        }
        try (InputStream in = DemoNewsSite.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
