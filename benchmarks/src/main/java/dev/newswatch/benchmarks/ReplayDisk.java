package dev.newswatch.benchmarks;

/** How many archived articles a replay may write to the broker's disk. */
final class ReplayDisk {

    /**
     * Bytes on the broker's disk per article replayed, at most: the pipeline's own runs measured up to 95 KB per
     * article over every topic, the alerts' included, which a replay does not write.
     */
    static final long BYTES_PER_ARTICLE = 100_000;

    private ReplayDisk() {
    }

    /** {@code wanted}, or fewer so that the replay fills at most half of {@code freeBytes}. */
    static int articlesThatFit(int wanted, long freeBytes) {
        long fit = freeBytes / 2 / BYTES_PER_ARTICLE;
        return (int) Math.max(0, Math.min(wanted, fit));
    }
}
