package dev.newswatch.ingester.fetch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps requests to one host apart: one request at a time, each starting at least the host's delay after the
 * previous one ended (measuring from the end keeps the gap even when a response is slow), and none while the host
 * has asked for a pause (Retry-After). Requests take their turn in the order they asked, so a source waiting for a
 * host waits for at most the request in progress and those that asked before it, never for another request's
 * retries: the slot is taken for one request and given back when it ends, and whoever waits for a backoff does so
 * without it. Hosts do not wait for each other.
 */
final class HostPacer {

    private final Map<String, HostSlot> slots = new ConcurrentHashMap<>();

    /** Runs {@code request} when its turn at the host has come, the delay has passed and any pause is over. */
    <T, E extends Exception> T paced(String host, Duration delay, PacedRequest<T, E> request)
            throws E, InterruptedException {
        HostSlot slot = slot(host);
        slot.take(delay);
        try {
            return request.run();
        } finally {
            slot.giveBack();
        }
    }

    /** Keeps every request to {@code host} back until {@code pause} from now has passed. */
    void pause(String host, Duration pause) {
        slot(host).pauseFor(pause);
    }

    private HostSlot slot(String host) {
        return slots.computeIfAbsent(host.toLowerCase(Locale.ROOT), key -> new HostSlot());
    }

    @FunctionalInterface
    interface PacedRequest<T, E extends Exception> {
        T run() throws E, InterruptedException;
    }

    /**
     * One host's turns. The lock guards only this bookkeeping and is never held while a request runs, so that a
     * pause can be set and a waiting request can give up (interrupted) while another request is in progress.
     */
    private static final class HostSlot {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        /** Requests waiting for their turn, first come first served. */
        private final Deque<Object> waiting = new ArrayDeque<>();
        private boolean busy;
        private boolean used;
        private long lastEndNanos;
        private long pausedUntilNanos = System.nanoTime();

        void take(Duration delay) throws InterruptedException {
            Object turn = new Object();
            lock.lock();
            try {
                waiting.addLast(turn);
                try {
                    while (true) {
                        if (busy || waiting.peekFirst() != turn) {
                            changed.await();
                            continue;
                        }
                        long now = System.nanoTime();
                        long wait = Math.max(used ? lastEndNanos + delay.toNanos() - now : 0, pausedUntilNanos - now);
                        if (wait <= 0) {
                            waiting.removeFirst();
                            busy = true;
                            return;
                        }
                        changed.awaitNanos(wait);
                    }
                } catch (InterruptedException e) {
                    waiting.remove(turn);
                    // The next in line may have been waiting for this one to go first.
                    changed.signalAll();
                    throw e;
                }
            } finally {
                lock.unlock();
            }
        }

        void giveBack() {
            lock.lock();
            try {
                busy = false;
                used = true;
                lastEndNanos = System.nanoTime();
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void pauseFor(Duration pause) {
            lock.lock();
            try {
                pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + pause.toNanos());
            } finally {
                lock.unlock();
            }
        }
    }
}
