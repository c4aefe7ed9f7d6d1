package dev.newswatch.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A front for a fixture news site, on a loopback address and an ephemeral port of its own, that can make the
 * site misbehave for a while: per kind of path (the feed, or article pages) it forwards requests to the site, or
 * holds them unanswered, or resets the connection (RST: SO_LINGER 0, then close), or answers 200 with garbage
 * (a feed cut off into binary noise, a page with no article on it). Works at the TCP level, so a reset is a real
 * one; each connection carries one request ({@code Connection: close}), so every request meets the fault in force
 * when it arrives.
 */
public final class FaultySite implements AutoCloseable {

    /** Which requests a fault applies to. */
    public enum PathKind {
        FEED, ARTICLE, OTHER
    }

    /** How the site treats a kind of request. */
    public enum Fault {
        HEALTHY, HANG, RESET, GARBAGE
    }

    private static final int MAX_REQUEST_HEAD_BYTES = 16 * 1024;
    private static final byte[] GARBAGE_FEED = garbageFeed();
    private static final byte[] GARBAGE_PAGE = """
            <!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>점검 중</title></head>
            <body><nav><a href="/">홈</a></nav><div>서비스 점검 중입니다.</div></body></html>
            """.getBytes(StandardCharsets.UTF_8);

    private final ServerSocket server;
    private final InetSocketAddress backend;
    private final Predicate<String> isFeed;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "faulty-site");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<PathKind, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> served = new ConcurrentHashMap<>();
    private final Object faultChanged = new Object();
    private volatile boolean closed;

    private FaultySite(ServerSocket server, InetSocketAddress backend, Predicate<String> isFeed) {
        this.server = server;
        this.backend = backend;
        this.isFeed = isFeed;
        for (PathKind kind : PathKind.values()) {
            faults.put(kind, Fault.HEALTHY);
        }
    }

    /**
     * Fronts the site at {@code siteBase} (http://host:port) on {@code loopbackAddress}; a path is the feed when
     * {@code isFeed} says so, an article page unless it is robots.txt or the site's root.
     */
    public static FaultySite in(String loopbackAddress, URI siteBase, Predicate<String> isFeed) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName(loopbackAddress));
            FaultySite site = new FaultySite(server,
                    new InetSocketAddress(siteBase.getHost(), siteBase.getPort()), isFeed);
            Thread acceptor = new Thread(site::accept, "faulty-site-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + loopbackAddress, e);
        }
    }

    /** The address the crawler is given: http://address:port. */
    public String base() {
        return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    /** From now on, requests of {@code kind} meet {@code fault}; requests held by a hang end when it is lifted. */
    public void set(PathKind kind, Fault fault) {
        faults.put(kind, fault);
        synchronized (faultChanged) {
            faultChanged.notifyAll();
        }
    }

    /** Every kind healthy again. */
    public void heal() {
        for (PathKind kind : PathKind.values()) {
            set(kind, Fault.HEALTHY);
        }
    }

    /** Requests of {@code kind} that met {@code fault}. */
    public long served(PathKind kind, Fault fault) {
        AtomicLong count = served.get(kind + "/" + fault);
        return count == null ? 0 : count.get();
    }

    public PathKind kindOf(String path) {
        if (isFeed.test(path)) {
            return PathKind.FEED;
        }
        return path.equals("/robots.txt") || path.equals("/") ? PathKind.OTHER : PathKind.ARTICLE;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException("faulty site stopped accepting", e);
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            byte[] head = readHead(client.getInputStream());
            if (head == null) {
                return;
            }
            String requestLine = new String(head, 0, indexOf(head, (byte) '\r'), StandardCharsets.ISO_8859_1);
            String[] parts = requestLine.split(" ");
            String path = parts.length > 1 ? URI.create(parts[1]).getRawPath() : "/";
            PathKind kind = kindOf(path);
            Fault fault = faults.get(kind);
            served.computeIfAbsent(kind + "/" + fault, any -> new AtomicLong()).incrementAndGet();
            switch (fault) {
                case HEALTHY -> forward(head, client);
                case HANG -> hang(kind, client);
                case RESET -> reset(client);
                case GARBAGE -> garbage(kind, client.getOutputStream());
            }
        } catch (IOException e) {
            // The crawler gave up on the connection (its timeout), or the site went away: nothing to answer.
        }
    }

    /** Sends the request on to the site with {@code Connection: close}, and its answer back as it comes. */
    private void forward(byte[] head, Socket client) throws IOException {
        try (Socket site = new Socket(backend.getAddress(), backend.getPort())) {
            site.getOutputStream().write(withConnectionClose(head));
            site.getOutputStream().flush();
            site.getInputStream().transferTo(client.getOutputStream());
            client.getOutputStream().flush();
        }
    }

    /** Holds the request unanswered while the hang lasts, then drops the connection without a word. */
    private void hang(PathKind kind, Socket client) {
        synchronized (faultChanged) {
            while (!closed && faults.get(kind) == Fault.HANG && !client.isClosed()) {
                try {
                    faultChanged.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void reset(Socket client) throws SocketException {
        client.setSoLinger(true, 0);
    }

    private static void garbage(PathKind kind, OutputStream out) throws IOException {
        boolean feed = kind == PathKind.FEED;
        byte[] body = feed ? GARBAGE_FEED : GARBAGE_PAGE;
        String head = "HTTP/1.1 200 OK\r\nContent-Type: " + (feed ? "application/rss+xml" : "text/html")
                + "; charset=utf-8\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** The request line and headers, up to the blank line; null when the client sent nothing usable. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length && head.size() < MAX_REQUEST_HEAD_BYTES) {
            int next = in.read();
            if (next < 0) {
                return null;
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : next == '\r' ? 1 : 0;
        }
        byte[] bytes = head.toByteArray();
        return matched == end.length && indexOf(bytes, (byte) '\r') > 0 ? bytes : null;
    }

    private static byte[] withConnectionClose(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        StringBuilder rewritten = new StringBuilder();
        for (String line : text.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                rewritten.append(line).append("\r\n");
            }
        }
        return rewritten.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    /** A feed that starts as RSS and breaks off into bytes no XML parser reads. */
    private static byte[] garbageFeed() {
        byte[] start = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>가상"
                .getBytes(StandardCharsets.UTF_8);
        byte[] garbage = new byte[start.length + 512];
        System.arraycopy(start, 0, garbage, 0, start.length);
        for (int i = start.length; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 131 + 7);
        }
        return garbage;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (faultChanged) {
            faultChanged.notifyAll();
        }
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        connections.shutdownNow();
    }
}
