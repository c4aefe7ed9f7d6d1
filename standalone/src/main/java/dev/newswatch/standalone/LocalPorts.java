package dev.newswatch.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Checks, before anything starts, that the ports the one-process system listens on are free. */
final class LocalPorts {

    /** A port the system needs is taken; the message says which option moves it. */
    static final class PortInUseException extends RuntimeException {
        PortInUseException(String message) {
            super(message);
        }
    }

    private LocalPorts() {
    }

    /**
     * @param what   what would listen there, e.g. "the embedded Kafka broker"
     * @param option the command-line option or setting that moves it
     */
    static void requireFree(int port, String what, String option) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new PortInUseException("127.0.0.1:" + port + " is already in use, so " + what
                    + " cannot listen there (is Newswatch or another Kafka already running?); choose another port with "
                    + option);
        }
    }
}
