package dev.newswatch.enricher.grouping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.newswatch.common.streams.DecodedValueCache;

/**
 * The few operations the story and event indexes need from a key-value store, so that the same index code runs
 * over the topology's changelogged stores and, for {@code newswatch tag}, over a map.
 */
public interface IndexStore<V> {

    V get(String key);

    void put(String key, V value);

    void delete(String key);

    /** Every entry, copied, so the caller may change the store while going through them. */
    List<KeyValue<String, V>> all();

    static <V> IndexStore<V> of(KeyValueStore<String, V> store) {
        return new IndexStore<>() {
            @Override
            public V get(String key) {
                return store.get(key);
            }

            @Override
            public void put(String key, V value) {
                store.put(key, value);
            }

            @Override
            public void delete(String key) {
                store.delete(key);
            }

            @Override
            public List<KeyValue<String, V>> all() {
                List<KeyValue<String, V>> entries = new ArrayList<>();
                try (KeyValueIterator<String, V> iterator = store.all()) {
                    iterator.forEachRemaining(entries::add);
                }
                return entries;
            }
        };
    }

    /**
     * {@code store} behind a cache of the values last read or written, decoded, and of keys found absent: an article
     * reads its candidates' entries and the same bands twice, and decoding a stored value (an event entry's hundred
     * and more terms) cost more than the look-up. Writes go through to the store at once, so the store, its changelog
     * and the transaction stay as they were; the cache belongs to one index of one task and goes with it.
     *
     * @param capacity the most keys kept; the least recently used goes first
     */
    static <V> IndexStore<V> cached(IndexStore<V> store, int capacity) {
        DecodedValueCache<V> cache = new DecodedValueCache<>(store::get, capacity);
        return new IndexStore<>() {
            @Override
            public V get(String key) {
                return cache.get(key);
            }

            @Override
            public void put(String key, V value) {
                store.put(key, value);
                cache.written(key, value);
            }

            @Override
            public void delete(String key) {
                store.delete(key);
                cache.written(key, null);
            }

            @Override
            public List<KeyValue<String, V>> all() {
                return store.all();
            }
        };
    }

    static <V> IndexStore<V> inMemory() {
        Map<String, V> map = new HashMap<>();
        return new IndexStore<>() {
            @Override
            public V get(String key) {
                return map.get(key);
            }

            @Override
            public void put(String key, V value) {
                map.put(key, value);
            }

            @Override
            public void delete(String key) {
                map.remove(key);
            }

            @Override
            public List<KeyValue<String, V>> all() {
                return map.entrySet().stream().map(entry -> KeyValue.pair(entry.getKey(), entry.getValue())).toList();
            }
        };
    }
}
