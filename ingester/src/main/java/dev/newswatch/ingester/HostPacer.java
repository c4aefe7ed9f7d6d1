package dev.newswatch.ingester;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps requests to one host apart: one at a time, and each starting at least the host's delay after the
 * previous one ended. Measuring from the end, not the start, keeps the gap even when a response is slow. Hosts
 * do not wait for each other.
 */
final class HostPacer {

    private final Map<String, HostSlot> slots = new ConcurrentHashMap<>();

    /** Runs {@code request} when the host is free and its delay has passed since its last request ended. */
    <T, E extends Exception> T paced(String host, Duration delay, PacedRequest<T, E> request)
            throws E, InterruptedException {
        HostSlot slot = slots.computeIfAbsent(host, key -> new HostSlot());
        slot.lock.lockInterruptibly();
        try {
            if (slot.used) {
                long wait = slot.lastEndNanos + delay.toNanos() - System.nanoTime();
                if (wait > 0) {
                    // Sleeping with the host's lock held is the point: nobody else may reach this host meanwhile.
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
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

    @FunctionalInterface
    interface PacedRequest<T, E extends Exception> {
        T run() throws E, InterruptedException;
    }

    private static final class HostSlot {
        final ReentrantLock lock = new ReentrantLock(true);
        boolean used;
        long lastEndNanos;
    }
}
