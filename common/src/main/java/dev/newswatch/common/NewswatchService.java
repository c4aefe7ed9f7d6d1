package dev.newswatch.common;

/** One of the three services: started once, healthy while it works, closed once. */
public interface NewswatchService extends AutoCloseable {

    /** Short lower-case name: ingester, enricher or alerts. */
    String name();

    /** Creates the topics it writes, then starts working in its own threads and returns. */
    void start();

    boolean isHealthy();

    /** Stops working, finishing or abandoning in-flight work without losing or doubling anything. */
    @Override
    void close();
}
