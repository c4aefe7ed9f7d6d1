package dev.newswatch.standalone;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ports the one-process system listens on: checked before anything starts, and, when one is taken between
 * the check and the start (a previous run still stopping, another program), reported the same way: one line
 * naming the option that moves it.
 */
final class LocalPorts {

    /** A port the system needs is taken; the message says which option moves it. */
    static final class PortInUseException extends RuntimeException {
        PortInUseException(String message) {
            super(message);
        }
    }

    /**
     * @param number where it listens on 127.0.0.1; 0 means any free port, never taken
     * @param what   what listens there, e.g. "the embedded Kafka broker"
     * @param option the command-line option or setting that moves it
     */
    record Port(int number, String what, String option) {
    }

    private LocalPorts() {
    }

    static void requireFree(List<Port> ports) {
        for (Port port : ports) {
            if (isTaken(port)) {
                throw inUse(port, "is already in use");
            }
        }
    }

    /**
     * Starts something that listens on {@code ports}. When the start fails because one of them was taken after
     * {@link #requireFree} passed, that is reported as a {@link PortInUseException}; any other failure as it is.
     *
     * @param ports in the order they are bound, so that one the failed start itself still holds is not blamed
     */
    static <T> T binding(List<Port> ports, Supplier<T> start) {
        try {
            return start.get();
        } catch (RuntimeException failure) {
            throw explained(failure, ports);
        }
    }

    static RuntimeException explained(RuntimeException failure, List<Port> ports) {
        // A bind failure usually names its address; where it does not (Kafka's controller ends with a fatal
        // fault that carries no cause), the first port that is taken now is the one the start could not bind.
        Optional<Port> taken = ports.stream().filter(port -> namedInBindFailure(failure, port)).findFirst()
                .or(() -> ports.stream().filter(LocalPorts::isTaken).findFirst());
        return taken.<RuntimeException>map(port -> inUse(port, "was taken while Newswatch started")).orElse(failure);
    }

    private static boolean namedInBindFailure(Throwable failure, Port port) {
        boolean bind = false;
        boolean named = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            bind |= cause instanceof BindException;
            named |= cause.getMessage() != null && cause.getMessage().contains(":" + port.number());
        }
        return bind && named && port.number() != 0;
    }

    private static boolean isTaken(Port port) {
        if (port.number() == 0) {
            return false;
        }
        try (ServerSocket probe = new ServerSocket(port.number(), 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static PortInUseException inUse(Port port, String how) {
        return new PortInUseException("127.0.0.1:" + port.number() + " " + how + ", so " + port.what()
                + " cannot listen there (is Newswatch or another Kafka already running, or still stopping?); "
                + "choose another port with " + port.option());
    }
}
