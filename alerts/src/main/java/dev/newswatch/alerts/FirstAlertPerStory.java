package dev.newswatch.alerts;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import dev.newswatch.common.events.Alert;

/**
 * Lets through the first alert of each watch for each story and drops the alerts for later copies of it (wire
 * copies on other outlets, portal copies, re-edits), so a reader hears of a story once. Records arrive keyed by
 * {@link #storyKey}; the store remembers when each watch first alerted each story, for {@code window}, the
 * same span within which the enricher gives copies one story id.
 */
final class FirstAlertPerStory implements FixedKeyProcessor<String, Alert, Alert> {

    static final String STORE = "alerted-stories";
    private static final Duration SWEEP_INTERVAL = Duration.ofHours(1);

    private final Duration window;
    private final AlertsMetrics metrics;
    private FixedKeyProcessorContext<String, Alert> context;
    private KeyValueStore<String, Long> alerted;

    FirstAlertPerStory(Duration window, AlertsMetrics metrics) {
        this.window = window;
        this.metrics = metrics;
    }

    /** The key alerts are grouped by: one watch, one story. */
    static String storyKey(Alert alert) {
        return alert.watchId() + ":" + alert.storyId();
    }

    static StoreBuilder<KeyValueStore<String, Long>> store() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.Long());
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.alerted = context.getStateStore(STORE);
        // Stream time, not wall-clock time: replaying old articles forgets stories as they would have been then.
        context.schedule(SWEEP_INTERVAL, PunctuationType.STREAM_TIME, this::forgetStoriesOlderThanTheWindow);
    }

    @Override
    public void process(FixedKeyRecord<String, Alert> record) {
        Long firstAlertedAt = alerted.get(record.key());
        if (firstAlertedAt != null && record.timestamp() - firstAlertedAt < window.toMillis()) {
            metrics.copySuppressed(record.value());
            return;
        }
        alerted.put(record.key(), record.timestamp());
        context.forward(record);
    }

    private void forgetStoriesOlderThanTheWindow(long streamTime) {
        try (KeyValueIterator<String, Long> stories = alerted.all()) {
            while (stories.hasNext()) {
                var story = stories.next();
                if (streamTime - story.value >= window.toMillis()) {
                    alerted.delete(story.key);
                }
            }
        }
    }
}
