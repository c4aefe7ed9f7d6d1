package dev.newswatch.systemtests.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Forwards a port on 127.0.0.1 to another, with real sockets, and can cut the line: {@link #disconnect} resets
 * every connection it carries and leaves new ones hanging unanswered (accepted, never forwarded, as packets to a
 * host that went away); {@link #reconnect} closes those and forwards again. A client sees what a pulled cable or a
 * dead route does: its requests time out, its reconnects get nowhere, until the line is back.
 */
final class TcpProxy implements AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final ServerSocket server;
    private final int targetPort;
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy-pump");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> open = new ArrayList<>();
    private boolean cut;

    private TcpProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    /** A proxy on a free port of 127.0.0.1 to {@code targetPort} of 127.0.0.1. */
    static TcpProxy to(int targetPort) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(server, targetPort);
            Thread acceptor = new Thread(proxy::acceptUntilClosed, "tcp-proxy-" + server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1 for a proxy to port " + targetPort, e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Resets every connection and leaves new ones unanswered until {@link #reconnect}. */
    synchronized void disconnect() {
        cut = true;
        open.forEach(TcpProxy::reset);
        open.clear();
    }

    synchronized boolean isCut() {
        return cut;
    }

    /** Closes the connections left hanging while cut (their clients connect again) and forwards new ones. */
    synchronized void reconnect() {
        cut = false;
        open.forEach(TcpProxy::reset);
        open.clear();
    }

    private void acceptUntilClosed() {
        while (!server.isClosed()) {
            try {
                accepted(server.accept());
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("proxy on port " + port() + ": " + e);
                }
            }
        }
    }

    private synchronized void accepted(Socket client) throws IOException {
        open.add(client);
        if (cut) {
            return;
        }
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2_000);
        } catch (IOException e) {
            // As a route to a broker that is down: the client's connection fails at once.
            open.remove(client);
            reset(client);
            return;
        }
        open.add(upstream);
        pumps.execute(() -> pump(client, upstream));
        pumps.execute(() -> pump(upstream, client));
    }

    /** Copies until either side ends, then closes both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // The other pump, or disconnect(), closed a socket: this pair is done.
        } finally {
            forget(from);
            forget(to);
        }
    }

    private synchronized void forget(Socket socket) {
        open.remove(socket);
        reset(socket);
    }

    /** Closes with a reset rather than an orderly end, as a broken connection ends. */
    private static void reset(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    @Override
    public synchronized void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        open.forEach(TcpProxy::reset);
        open.clear();
        pumps.shutdownNow();
    }
}
