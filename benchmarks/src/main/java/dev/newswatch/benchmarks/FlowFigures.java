package dev.newswatch.benchmarks;

import java.util.Arrays;

/**
 * What one {@link ArticleFlow#offer} saw: when each article was sent and when it came out (0 for one that never
 * did), and the process CPU time meanwhile. Times are {@link System#nanoTime()} readings.
 *
 * @param cpuNanos CPU time of the whole process meanwhile: broker, services, producer and reader together, which
 *                 says what the pipeline costs however much of the machine other work takes
 */
record FlowFigures(long[] sentAt, long[] outAt, long cpuNanos) {

    /** Share of the arrivals, at each end, left out of the sustained rate: start-up and draining. */
    private static final double EDGE = 0.1;

    FlowFigures {
        if (sentAt.length != outAt.length || sentAt.length == 0) {
            throw new IllegalArgumentException("one send and one arrival time per article, and at least one article");
        }
    }

    int offered() {
        return sentAt.length;
    }

    int delivered() {
        return (int) Arrays.stream(outAt).filter(out -> out != 0).count();
    }

    /** Seconds from the first send to the last arrival. */
    double elapsedSeconds() {
        long last = Arrays.stream(outAt).max().orElseThrow();
        return (last - Arrays.stream(sentAt).min().orElseThrow()) / 1e9;
    }

    /** Delivered articles per second from the first send to the last arrival. */
    double throughput() {
        return delivered() / elapsedSeconds();
    }

    /**
     * Articles per second between the arrival of the first tenth and of the last tenth of the delivered ones:
     * the rate the pipeline keeps up once it runs, without its start and its draining.
     */
    double sustainedRate() {
        long[] arrivals = Arrays.stream(outAt).filter(out -> out != 0).sorted().toArray();
        double rate = sustainedRate(arrivals);
        return Double.isNaN(rate) ? throughput() : rate;
    }

    /**
     * Arrivals per second between the first tenth and the last tenth of {@code sortedArrivals}
     * ({@link System#nanoTime()} readings, in order); NaN when there are too few to leave the edges out.
     */
    static double sustainedRate(long[] sortedArrivals) {
        int from = (int) (sortedArrivals.length * EDGE);
        int to = sortedArrivals.length - 1 - from;
        if (to <= from || sortedArrivals[to] == sortedArrivals[from]) {
            return Double.NaN;
        }
        return (to - from) / ((sortedArrivals[to] - sortedArrivals[from]) / 1e9);
    }

    /** The delay from send to arrival below which {@code quantile} of the delivered articles came, in ms. */
    double latencyMillis(double quantile) {
        long[] sorted = latencies();
        int rank = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] / 1e6;
    }

    double maxLatencyMillis() {
        return latencyMillis(1.0);
    }

    /** Process CPU milliseconds per delivered article. */
    double cpuMillisPerArticle() {
        return cpuNanos / 1e6 / delivered();
    }

    private long[] latencies() {
        long[] latencies = new long[delivered()];
        int next = 0;
        for (int i = 0; i < outAt.length; i++) {
            if (outAt[i] != 0) {
                latencies[next++] = outAt[i] - sentAt[i];
            }
        }
        if (latencies.length == 0) {
            throw new IllegalStateException("no article came out, so there is no delay to report");
        }
        Arrays.sort(latencies);
        return latencies;
    }
}
