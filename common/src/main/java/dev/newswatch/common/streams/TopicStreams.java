package dev.newswatch.common.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

import dev.newswatch.common.Topic;

/** Reads and writes a {@link Topic} in a Kafka Streams topology with the topic's own serdes. */
public final class TopicStreams {

    private TopicStreams() {
    }

    /**
     * The topic's records with their values left as bytes, for a {@link GuardedStage} to decode, so that a record
     * that is no value of the topic is dead-lettered instead of stopping the application.
     */
    public static <K> KStream<K, byte[]> readUndecoded(StreamsBuilder builder, Topic<K, ?> topic, String processor) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), Serdes.ByteArray()).withName(processor));
    }

    public static <K, V> void write(KStream<K, V> records, Topic<K, V> topic, String processor) {
        records.to(topic.name(), produced(topic, processor));
    }

    /** How records are written with the topic's serdes, also to topics named per record that share them. */
    public static <K, V> Produced<K, V> produced(Topic<K, V> topic, String processor) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(processor);
    }
}
