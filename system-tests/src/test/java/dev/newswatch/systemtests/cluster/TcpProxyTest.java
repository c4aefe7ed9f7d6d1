package dev.newswatch.systemtests.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy forwards real connections, cuts them and hangs new ones while disconnected, and forwards again. */
class TcpProxyTest {

    private static final int READ_TIMEOUT_MILLIS = 1_000;

    private final ExecutorService echoes = Executors.newCachedThreadPool();
    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void startEchoServerBehindProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        echoes.execute(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket client = echo.accept();
                    echoes.execute(() -> echoUntilClosed(client));
                } catch (IOException e) {
                    return;
                }
            }
        });
        proxy = TcpProxy.to(echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
        echoes.shutdownNow();
    }

    @Test
    void forwardsCutsAndForwardsAgain() throws IOException {
        try (Socket before = connect()) {
            assertThat(roundTrip(before, "one")).isEqualTo("one");
            proxy.disconnect();
            assertThatThrownBy(() -> roundTrip(before, "two")).as("a connection open when cut")
                    .isInstanceOf(IOException.class);
        }
        try (Socket during = connect()) {
            assertThatThrownBy(() -> roundTrip(during, "three")).as("a connection made while cut")
                    .isInstanceOf(SocketTimeoutException.class);
            proxy.reconnect();
            assertThatThrownBy(() -> roundTrip(during, "four")).as("a connection made while cut, once back")
                    .isInstanceOf(IOException.class);
        }
        try (Socket after = connect()) {
            assertThat(roundTrip(after, "five")).isEqualTo("five");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    /** Sends a line and reads what comes back; an ended stream is an error as well. */
    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        byte[] buffer = new byte[text.length()];
        int read = socket.getInputStream().readNBytes(buffer, 0, buffer.length);
        if (read < buffer.length) {
            throw new IOException("connection ended after " + read + " bytes");
        }
        return new String(buffer, StandardCharsets.UTF_8);
    }

    private static void echoUntilClosed(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // The proxy reset the connection.
        }
    }
}
