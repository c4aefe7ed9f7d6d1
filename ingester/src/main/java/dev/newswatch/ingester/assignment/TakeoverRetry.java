package dev.newswatch.ingester.assignment;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a step of taking sources over (reading their crawl state as the last owner left it) until it succeeds,
 * waiting between tries from {@code firstWait}, doubling up to {@code longestWait}: a broker that cannot be read
 * for a while must not stop the assignment thread for good. Every failure is logged with its attempt and the
 * next try; from the {@code failuresBeforeDown}-th in a row the step {@linkplain #isFailing is failing}, which
 * makes the instance's health DOWN until it succeeds.
 */
public final class TakeoverRetry {

    private static final Logger log = LoggerFactory.getLogger(TakeoverRetry.class);
    private static final Duration STOP_CHECK = Duration.ofMillis(100);

    private final Duration firstWait;
    private final Duration longestWait;
    private final int failuresBeforeDown;
    private volatile int failuresInARow;

    public TakeoverRetry(Duration firstWait, Duration longestWait, int failuresBeforeDown) {
        this.firstWait = firstWait;
        this.longestWait = longestWait;
        this.failuresBeforeDown = failuresBeforeDown;
    }

    /**
     * Runs {@code step} until it succeeds or {@code stopping} says the instance is stopping.
     *
     * @param what the step in words, for the log: "reading the crawl state of 3 sources of partitions [1]"
     * @return whether the step succeeded
     */
    public boolean run(String what, Runnable step, BooleanSupplier stopping) {
        Duration wait = firstWait;
        for (int attempt = 1; !stopping.getAsBoolean(); attempt++) {
            try {
                step.run();
                if (failuresInARow > 0) {
                    log.info("Succeeded {} at attempt {}", what, attempt);
                }
                failuresInARow = 0;
                return true;
            } catch (RuntimeException e) {
                failuresInARow++;
                if (failuresInARow == failuresBeforeDown) {
                    log.error("Failed {} {} times in a row: health DOWN until it succeeds; trying again in {} s: {}",
                            what, failuresInARow, wait.toSeconds(), e.toString());
                } else {
                    log.warn("Failed {} (attempt {}); trying again in {} ms: {}", what, attempt, wait.toMillis(),
                            e.toString());
                }
            }
            if (!sleep(wait, stopping)) {
                break;
            }
            wait = wait.multipliedBy(2).compareTo(longestWait) > 0 ? longestWait : wait.multipliedBy(2);
        }
        log.info("Stopped {}: the instance is stopping", what);
        return false;
    }

    /** True once the step has failed {@code failuresBeforeDown} times in a row, until it succeeds. */
    public boolean isFailing() {
        return failuresInARow >= failuresBeforeDown;
    }

    /** Waits {@code wait}, in short slices so that stopping is not held up; false when stopping or interrupted. */
    private static boolean sleep(Duration wait, BooleanSupplier stopping) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (deadline - System.nanoTime() > 0) {
                if (stopping.getAsBoolean()) {
                    return false;
                }
                Thread.sleep(Math.min(STOP_CHECK.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
