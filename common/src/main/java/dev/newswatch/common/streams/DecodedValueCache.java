package dev.newswatch.common.streams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The values of one task's key-value store last read or written, decoded, and the keys last found absent, so that a
 * value read again and again is decoded once. The store stays the truth: the owner writes to it first and then tells
 * the cache ({@link #written}), so the store, its changelog and the transaction are what they would be without the
 * cache. The cache belongs to one processor of one task and is made again when the processor is initialised.
 *
 * @param <V> the decoded value
 */
public final class DecodedValueCache<V> {

    private final Map<String, Optional<V>> recent;
    private final Function<String, V> read;

    /**
     * @param read     reads and decodes a key's value from the store; {@code null} when it holds none
     * @param capacity the most keys kept; the least recently used goes first
     */
    public DecodedValueCache(Function<String, V> read, int capacity) {
        this.read = read;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The key's value, from memory when it was read or written lately; {@code null} when the store holds none. */
    public V get(String key) {
        Optional<V> known = recent.get(key);
        if (known != null) {
            return known.orElse(null);
        }
        V value = read.apply(key);
        recent.put(key, Optional.ofNullable(value));
        return value;
    }

    /** The owner has just written {@code value} to the store under {@code key}, or deleted it ({@code null}). */
    public void written(String key, V value) {
        recent.put(key, Optional.ofNullable(value));
    }
}
