package dev.newswatch.alerts.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 and an ephemeral port, as a user would run one: it records every request and
 * answers each with the status its policy gives for the request's idempotency key and attempt number.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and the status it was answered with. */
    public record Request(String path, String idempotencyKey, String contentType, byte[] body, int answered) {
    }

    /** The status to answer the {@code attempt}-th request (1 for the first) carrying an idempotency key. */
    @FunctionalInterface
    public interface Policy {
        int status(String idempotencyKey, int attempt);
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsByKey = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** Answers every request with 204. */
    public static WebhookReceiver start() {
        return start((key, attempt) -> 204);
    }

    public static WebhookReceiver start(Policy policy) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> receiver.answer(exchange, policy));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook receiver", e);
        }
    }

    private void answer(HttpExchange exchange, Policy policy) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readAllBytes();
            String key = exchange.getRequestHeaders().getFirst(WebhookClient.IDEMPOTENCY_KEY_HEADER);
            int attempt = attemptsByKey.computeIfAbsent(String.valueOf(key), k -> new AtomicInteger()).incrementAndGet();
            int status = policy.status(key, attempt);
            requests.add(new Request(exchange.getRequestURI().getPath(), key,
                    exchange.getRequestHeaders().getFirst("Content-Type"), bytes, status));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many 2xx answers each idempotency key got. */
    public Map<String, Long> acceptedByKey() {
        return requests.stream().filter(request -> request.answered() / 100 == 2)
                .collect(Collectors.groupingBy(Request::idempotencyKey, Collectors.counting()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
