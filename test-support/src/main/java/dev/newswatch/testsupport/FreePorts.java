package dev.newswatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports free right now, for a server another process or a later restart must bind to a known port. */
public final class FreePorts {

    private FreePorts() {
    }

    /** An ephemeral port nothing listens on at this moment, on any interface. */
    public static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
