package dev.newswatch.common;

import java.util.function.Consumer;

/** One of the three services: started once, healthy while it works, closed once. */
public interface NewswatchService extends AutoCloseable {

    /** Short lower-case name: ingester, enricher or alerts. */
    String name();

    /** Creates the topics it writes, then starts working in its own threads and returns. */
    void start();

    boolean isHealthy();

    /**
     * Has {@code failed} told, once and with the reason, when the service stops working for good on its own, such
     * as when its state directory can no longer be written; its process should then exit. Set before
     * {@link #start}. A service that cannot fail that way ignores it.
     */
    default void onFailure(Consumer<String> failed) {
    }

    /** Stops working, finishing or abandoning in-flight work without losing or doubling anything. */
    @Override
    void close();
}
