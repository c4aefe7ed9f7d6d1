package dev.newswatch.common;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import dev.newswatch.common.json.JsonSerde;

/**
 * A Kafka topic with the serdes of its keys and values, so that every client reading or writing it agrees on
 * them without naming them again. The topics are declared in {@link Topics}.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    /** A topic of JSON records of {@code type}, keyed by a string id. */
    public static <V> Topic<String, V> json(String name, Class<V> type) {
        return new Topic<>(name, Serdes.String(), JsonSerde.of(type));
    }

    /** A topic of records kept as bytes, keyed by a string id, such as a dead-letter topic. */
    public static Topic<String, byte[]> bytes(String name) {
        return new Topic<>(name, Serdes.String(), Serdes.ByteArray());
    }

    public byte[] serialize(V value) {
        return valueSerde.serializer().serialize(name, value);
    }

    /** @throws org.apache.kafka.common.errors.SerializationException when {@code bytes} are no value of this topic */
    public V deserialize(byte[] bytes) {
        return valueSerde.deserializer().deserialize(name, bytes);
    }
}
