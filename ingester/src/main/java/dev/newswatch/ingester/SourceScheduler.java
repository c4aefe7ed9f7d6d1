package dev.newswatch.ingester;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Polls every source at its own interval, the first time at once. Each source gets a thread of its own (up to a
 * bound), so a slow or paced host holds up only its own sources.
 */
final class SourceScheduler implements AutoCloseable {

    private static final int MAX_THREADS = 16;
    private static final long STOP_TIMEOUT_SECONDS = 10;

    private final List<Source> sources;
    private final Consumer<Source> poll;
    private final ScheduledExecutorService executor;

    SourceScheduler(List<Source> sources, Consumer<Source> poll) {
        this.sources = sources;
        this.poll = poll;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(Math.max(1, Math.min(sources.size(), MAX_THREADS)),
                runnable -> {
                    Thread thread = new Thread(runnable, "ingester-poll-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    void start() {
        for (Source source : sources) {
            // Fixed delay, not rate: a poll that overruns its interval is not followed by a burst of catch-up polls.
            executor.scheduleWithFixedDelay(() -> poll.accept(source), 0, source.pollInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    boolean isRunning() {
        return !executor.isShutdown();
    }

    /** Interrupts polls in progress (a paced wait or a request) and waits for them to stop. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
