package dev.newswatch.common.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Names one instance of a service among those sharing its work: part of its Kafka transactional id, so it must
 * be unique among live instances and stable across restarts (a restart then fences its own killed predecessor).
 */
public final class InstanceId {

    private InstanceId() {
    }

    /** {@code configured} when set, otherwise {@code <host name>-<metricsPort>}: two instances on one host cannot share a port. */
    public static String resolve(String configured, int metricsPort) {
        return configured == null || configured.isBlank() ? localHostName() + "-" + metricsPort : configured.strip();
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            // The name is all that is wanted, and the exception's message carries it where the address is missing.
            String message = e.getMessage() == null ? "" : e.getMessage();
            int colon = message.indexOf(':');
            return colon > 0 ? message.substring(0, colon).toLowerCase(Locale.ROOT) : "localhost";
        }
    }
}
