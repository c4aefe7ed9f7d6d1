package dev.newswatch.ingester.failure;

/** Where a stage counts a failure of one source; the service's metrics, so no stage holds a meter registry. */
@FunctionalInterface
public interface ErrorCounter {

    void count(String sourceId, ErrorKind kind);
}
