package dev.newswatch.ingester.source;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.newswatch.ingester.failure.ErrorCounter;
import dev.newswatch.ingester.failure.ErrorKind;

/**
 * Polls every configured source, each at the interval its last poll chose. The set of sources can change while
 * running ({@link #apply}): a new source is polled at once, a removed one is never polled again (a poll in
 * progress finishes), a changed one is polled at once with its new settings. Each source polls on a thread of
 * its own: with a shared bound, sources waiting on one slow host could take every thread from the others, and a
 * poll mostly waits on the network, so a thread per configured source is cheap. Whatever a poll throws is caught
 * here, counted as an internal error and logged, and the source is polled again: no source ever stops. When
 * several ingesters share the sources, an instance {@linkplain #take takes} and {@linkplain #release releases}
 * the ones its share gains and loses.
 */
public final class SourceScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourceScheduler.class);

    private static final long STOP_TIMEOUT_SECONDS = 10;
    /** The key of the polled source's id in the logging MDC. */
    public static final String MDC_SOURCE = "source";

    private final Function<Source, Duration> poll;
    private final Function<Source, Duration> firstDelay;
    private final ErrorCounter errors;
    private final ScheduledThreadPoolExecutor executor;
    private final Map<String, Slot> slots = new HashMap<>();

    /** One configured source and its next scheduled poll; cancelled once the source is removed or changed. */
    private static final class Slot {
        final Source source;
        ScheduledFuture<?> next;
        boolean cancelled;
        /** The thread polling the source now, or null between polls. */
        Thread polling;

        Slot(Source source) {
            this.source = source;
        }
    }

    /**
     * @param poll       polls a source and returns the delay before its next poll
     * @param firstDelay the delay before a source's first poll at start-up (its state may say it is not due yet)
     * @param errors     where a poll that failed unexpectedly is counted
     */
    public SourceScheduler(Function<Source, Duration> poll, Function<Source, Duration> firstDelay, ErrorCounter errors) {
        this.poll = poll;
        this.firstDelay = firstDelay;
        this.errors = errors;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "ingester-poll-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Adds {@code sources} not polled yet, each first polled once its state says it is due. */
    public synchronized void take(List<Source> sources) {
        sources.stream().filter(source -> !slots.containsKey(source.id()))
                .forEach(source -> schedule(new Slot(source), firstDelay.apply(source)));
        resize();
    }

    /**
     * Stops polling the sources with {@code sourceIds}: none is polled again, a poll in progress may finish
     * within {@code grace}, and one that does not is interrupted and waited for as long again. Returns the ids of
     * those whose poll did not end even then.
     */
    public synchronized List<String> release(Collection<String> sourceIds, Duration grace) {
        List<Slot> released = sourceIds.stream().map(slots::get).filter(slot -> slot != null).toList();
        released.forEach(this::cancel);
        resize();
        awaitPollsEnded(released, grace);
        released.stream().filter(slot -> slot.polling != null).forEach(slot -> slot.polling.interrupt());
        awaitPollsEnded(released, grace);
        return released.stream().filter(slot -> slot.polling != null).map(slot -> slot.source.id()).toList();
    }

    private void awaitPollsEnded(List<Slot> released, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        try {
            while (released.stream().anyMatch(slot -> slot.polling != null) && deadline - System.nanoTime() > 0) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes {@code sources} the configured set: adds, removes and reschedules as needed. */
    public synchronized void apply(List<Source> sources) {
        Map<String, Source> wanted = new HashMap<>();
        sources.forEach(source -> wanted.put(source.id(), source));
        for (Slot slot : List.copyOf(slots.values())) {
            Source replacement = wanted.get(slot.source.id());
            if (replacement == null || !replacement.equals(slot.source)) {
                cancel(slot);
            }
        }
        for (Source source : sources) {
            if (!slots.containsKey(source.id())) {
                schedule(new Slot(source), Duration.ZERO);
            }
        }
        resize();
    }

    private void schedule(Slot slot, Duration delay) {
        slots.put(slot.source.id(), slot);
        slot.next = executor.schedule(() -> run(slot), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(Slot slot) {
        synchronized (this) {
            if (slot.cancelled) {
                return;
            }
            slot.polling = Thread.currentThread();
        }
        Duration delay;
        // JSON log lines carry the source in their mdc, whichever stage of the poll writes them.
        try (MDC.MDCCloseable sourceInLogs = MDC.putCloseable(MDC_SOURCE, slot.source.id())) {
            delay = poll.apply(slot.source);
        } catch (RuntimeException | Error e) {
            // A bug in some stage must cost one poll of one source, not the source's schedule.
            delay = slot.source.pollInterval();
            log.error("Source {}: poll failed unexpectedly [{}]; polled again in {}", slot.source.id(),
                    ErrorKind.INTERNAL.tag(), delay, e);
            errors.count(slot.source.id(), ErrorKind.INTERNAL);
        }
        synchronized (this) {
            slot.polling = null;
            notifyAll();
            // Fixed delay after each poll, not a rate: a poll that overruns is not followed by catch-up polls.
            if (!slot.cancelled && !executor.isShutdown()) {
                slot.next = executor.schedule(() -> run(slot), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void cancel(Slot slot) {
        slot.cancelled = true;
        slot.next.cancel(false);
        slots.remove(slot.source.id());
    }

    private void resize() {
        executor.setCorePoolSize(Math.max(1, slots.size()));
    }

    public boolean isRunning() {
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
