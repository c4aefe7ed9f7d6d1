package dev.newswatch.ingester;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps requests to one host apart: one at a time, and each starting at least the host's delay after the
 * previous one ended. Measuring from the end, not the start, keeps the gap even when a response is slow. A host
 * that asked for a pause (Retry-After, or a backoff after its errors) is left alone until the pause is over. Hosts
 * do not wait for each other.
 */
final class HostPacer {

    private final Map<String, HostSlot> slots = new ConcurrentHashMap<>();

    /** Runs {@code request} when the host is free, its delay has passed since its last request and any pause is over. */
    <T, E extends Exception> T paced(String host, Duration delay, PacedRequest<T, E> request)
            throws E, InterruptedException {
        HostSlot slot = slot(host);
        slot.lock.lockInterruptibly();
        try {
            long now = System.nanoTime();
            long wait = Math.max(slot.used ? slot.lastEndNanos + delay.toNanos() - now : 0, slot.pausedUntilNanos - now);
            if (wait > 0) {
                // Sleeping with the host's lock held is the point: nobody else may reach this host meanwhile.
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            try {
                return request.run();
            } finally {
                slot.used = true;
                slot.lastEndNanos = System.nanoTime();
            }
        } finally {
            slot.lock.unlock();
        }
    }

    /** Keeps every request to {@code host} back until {@code pause} from now has passed. */
    void pause(String host, Duration pause) {
        HostSlot slot = slot(host);
        slot.lock.lock();
        try {
            slot.pausedUntilNanos = Math.max(slot.pausedUntilNanos, System.nanoTime() + pause.toNanos());
        } finally {
            slot.lock.unlock();
        }
    }

    private HostSlot slot(String host) {
        return slots.computeIfAbsent(host.toLowerCase(Locale.ROOT), key -> new HostSlot());
    }

    @FunctionalInterface
    interface PacedRequest<T, E extends Exception> {
        T run() throws E, InterruptedException;
    }

    private static final class HostSlot {
        final ReentrantLock lock = new ReentrantLock(true);
        boolean used;
        long lastEndNanos;
        long pausedUntilNanos = System.nanoTime();
    }
}
