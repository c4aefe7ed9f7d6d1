package dev.newswatch.enricher.grouping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

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
