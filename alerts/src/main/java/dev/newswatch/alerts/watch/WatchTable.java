package dev.newswatch.alerts.watch;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps the watches table, each watch's record as written by watch id, and has the {@link WatchCatalog} read it
 * when the service starts and at each change of a record. A watch added, paused or removed thus takes effect (its
 * topic created, its state counted) while no article arrives, with no wall-clock punctuation: a punctuation, even
 * one that writes nothing, makes Kafka Streams commit a transaction, and an idle service would commit every second.
 */
public final class WatchTable implements Processor<String, byte[], Void, Void> {

    private final String storeName;
    private final WatchCatalog catalog;
    private TimestampedKeyValueStore<String, byte[]> table;

    public WatchTable(String storeName, WatchCatalog catalog) {
        this.storeName = storeName;
        this.catalog = catalog;
    }

    /** Kafka Streams restores the table before this, so the catalog starts from the watches as they are. */
    @Override
    public void init(ProcessorContext<Void, Void> context) {
        table = context.getStateStore(storeName);
        catalog.matched(rows(table));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            table.delete(record.key());
        } else {
            table.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
        catalog.matched(rows(table));
    }

    /** Each watch's record as written, by watch id. */
    public static Map<String, byte[]> rows(KeyValueStore<String, ValueAndTimestamp<byte[]>> table) {
        Map<String, byte[]> rows = new HashMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> all = table.all()) {
            all.forEachRemaining(row -> rows.put(row.key, row.value.value()));
        }
        return rows;
    }
}
