package dev.newswatch.alerts;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import dev.newswatch.alerts.alerting.AlertPerEvent;
import dev.newswatch.alerts.alerting.WatchMatcher;
import dev.newswatch.alerts.watch.WatchCatalog;
import dev.newswatch.alerts.watch.WatchTable;
import dev.newswatch.common.Topics;
import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.streams.DeadLetterRouting;
import dev.newswatch.common.streams.TopicStreams;

/**
 * newswatch.watches, read as a table -> news.enriched, matched against every watch of the table -> one alert per
 * watch and event, updated with later reports -> news.alerts and alerts.&lt;watch-id&gt;, keyed by alert id.
 * Enriched-article records that cannot be read or matched go, untouched, to news.enriched.dlq.
 */
public final class AlertsTopology {

    /** The watches table: each watch's record as written, for the {@link WatchCatalog} to read and check. */
    static final String WATCHES_STORE = "watches";

    /**
     * @param window         how long after an event's first report a later one updates its alert
     * @param updateInterval the least wall-clock time between two writes of one alert
     */
    public record Settings(Duration window, Duration updateInterval) {
    }

    private AlertsTopology() {
    }

    public static Topology build(WatchCatalog catalog, WatchMatcher matcher, AlertsMetrics metrics, Settings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        // Values stay bytes: a record that is no watch is the catalog's to report, and must not stop the service.
        // A global store's changelog is its source topic, so Streams logs nothing of its own for it.
        builder.addGlobalStore(Stores.timestampedKeyValueStoreBuilder(
                        Stores.persistentTimestampedKeyValueStore(WATCHES_STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                Topics.WATCH_DEFINITIONS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-watches"),
                () -> new WatchTable(WATCHES_STORE, catalog));
        AlertPerEvent.stores().forEach(builder::addStateStore);

        KStream<String, List<Alert>> matched = DeadLetterRouting.guardWithContext(
                TopicStreams.readUndecoded(builder, Topics.ENRICHED, "read-enriched-articles"), Topics.ENRICHED,
                "match-watches", context -> matchAgainstTable(context, catalog, matcher), metrics::deadLetter,
                Topics.ENRICHED_DEAD_LETTERS);

        // Reports of one event arrive on any partition (news.enriched is keyed by article id): repartitioning by
        // alert id, which names watch and event, brings them to one task, which keeps the alert.
        KStream<String, Alert> alerts = matched
                .peek((articleId, matches) -> metrics.articleChecked(), Named.as("count-checked-articles"))
                .flatMapValues(matches -> matches, Named.as("one-record-per-alert"))
                .selectKey((articleId, alert) -> alert.id(), Named.as("key-by-alert-id"))
                .repartition(Repartitioned.<String, Alert>as("alerts-by-event")
                        .withKeySerde(Topics.ALL_ALERTS.keySerde()).withValueSerde(Topics.ALL_ALERTS.valueSerde()))
                .process(() -> new AlertPerEvent(settings.window(), settings.updateInterval(), metrics),
                        Named.as("one-alert-per-event"), AlertPerEvent.ALERTS_STORE, AlertPerEvent.PENDING_STORE);
        TopicStreams.write(alerts, Topics.ALL_ALERTS, "write-all-alerts");
        alerts.to((alertId, alert, record) -> Topics.watchAlerts(alert.watchId()),
                TopicStreams.produced(Topics.ALL_ALERTS, "write-watch-alerts"));
        return builder.build();
    }

    /**
     * The matching step of one task: every article against the watches the table holds as it arrives. Changes of
     * the table reach the catalog without articles through {@link WatchTable}.
     */
    private static Function<EnrichedArticle, List<Alert>> matchAgainstTable(ProcessingContext context,
            WatchCatalog catalog, WatchMatcher matcher) {
        KeyValueStore<String, ValueAndTimestamp<byte[]>> table = context.getStateStore(WATCHES_STORE);
        return article -> matcher.match(catalog.matched(WatchTable.rows(table)), article);
    }
}
