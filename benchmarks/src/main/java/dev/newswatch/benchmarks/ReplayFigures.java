package dev.newswatch.benchmarks;

/**
 * What one replay came to: archived articles in news.raw, how fast they went in, and when each enriched record
 * came out after a fresh enricher started reading from the beginning.
 *
 * @param archived      articles written to news.raw
 * @param archivedBytes their serialised size, before compression
 * @param fillNanos     from the first send to the last acknowledged
 * @param startNanos    {@link System#nanoTime()} when the enricher was started
 * @param arrivals      {@link System#nanoTime()} of each enriched record read, in order
 */
record ReplayFigures(int archived, long archivedBytes, long fillNanos, long startNanos, long[] arrivals) {

    static final int ONE_MILLION = 1_000_000;

    ReplayFigures {
        if (archived < 1 || fillNanos <= 0) {
            throw new IllegalArgumentException("a replay needs archived articles and the time they took to write");
        }
    }

    int enriched() {
        return arrivals.length;
    }

    boolean complete() {
        return enriched() >= archived;
    }

    double fillRate() {
        return archived / (fillNanos / 1e9);
    }

    double fillMegabytesPerSecond() {
        return archivedBytes / 1e6 / (fillNanos / 1e9);
    }

    /** From the enricher's start to its first enriched record: start-up, state, group join. */
    double startSeconds() {
        requireArrivals();
        return (arrivals[0] - startNanos) / 1e9;
    }

    /** From the enricher's start to the last enriched record read. */
    double elapsedSeconds() {
        requireArrivals();
        return (arrivals[arrivals.length - 1] - startNanos) / 1e9;
    }

    /** Enriched articles per second over the whole replay, start included. */
    double rate() {
        return enriched() / elapsedSeconds();
    }

    /** Enriched articles per second without the start and the draining (middle 80 % of the records). */
    double sustainedRate() {
        double rate = FlowFigures.sustainedRate(arrivals);
        return Double.isNaN(rate) ? rate() : rate;
    }

    /** Seconds to re-enrich {@code articles}: this run's start-up, then the rest at the sustained rate. */
    double projectedSeconds(int articles) {
        return startSeconds() + articles / sustainedRate();
    }

    private void requireArrivals() {
        if (arrivals.length == 0) {
            throw new IllegalStateException("no enriched record came out of the replay");
        }
    }
}
