package dev.newswatch.alerts.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.AlertedArticle;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.streams.DecodedValueCache;

/**
 * One alert per watch and event. Alerts arrive keyed by their id, {@code <watch-id>:<event-id>}, as the matcher
 * made them for each matching article. The first of an event is written; a later one, within {@code window} of
 * the first by the articles' times, is no new alert: its article joins the alert's "also reported by" list, and
 * the alert is written again under the same key, at most once per {@code updateInterval} of wall-clock time.
 * Reports that arrive sooner wait and go out together when the interval has passed.
 *
 * <p>The wall-clock punctuation that writes waiting reports runs only while some wait: a punctuation, even one that
 * writes nothing, makes Kafka Streams commit a transaction, and an idle service would commit every second.
 */
public final class AlertPerEvent implements Processor<String, Alert, String, Alert> {

    public static final String ALERTS_STORE = "alerts-by-event";
    public static final String PENDING_STORE = "alerts-with-unwritten-reports";
    /** Bounds an alert's record: an event reported a hundred times needs no hundred-entry list to be understood. */
    static final int MAX_REPORTS = 50;
    private static final Duration SWEEP_INTERVAL = Duration.ofHours(1);
    private static final Duration MOST_FLUSH_INTERVAL = Duration.ofSeconds(1);
    /**
     * Alerts kept decoded in memory: every later report of an event reads its alert, whose JSON, with up to
     * {@value #MAX_REPORTS} reports, cost more to read than the matching of the article.
     */
    static final int CACHED_ALERTS = 1_024;

    /**
     * What the store keeps of an alert.
     *
     * @param written    the alert as last written
     * @param unwritten  reports that arrived since, oldest first
     * @param raisedAt   the time of the article that raised it, in stream time
     * @param writtenAt  when it was last written, in wall-clock time
     */
    record EventAlert(Alert written, List<AlertedArticle> unwritten, long raisedAt, long writtenAt) {

        EventAlert {
            unwritten = List.copyOf(unwritten);
        }

        boolean knows(String articleId) {
            return written.article().id().equals(articleId)
                    || written.alsoReportedBy().stream().anyMatch(report -> report.id().equals(articleId))
                    || unwritten.stream().anyMatch(report -> report.id().equals(articleId));
        }

        int reports() {
            return written.alsoReportedBy().size() + unwritten.size();
        }
    }

    private final Duration window;
    private final Duration updateInterval;
    private final AlertCounts counts;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, EventAlert> alerts;
    private DecodedValueCache<EventAlert> decodedAlerts;
    private KeyValueStore<String, Long> pending;
    private Duration flushEvery;
    /** The punctuation writing waiting reports while there are any; {@code null} while none wait. */
    private Cancellable flush;

    public AlertPerEvent(Duration window, Duration updateInterval, AlertCounts counts) {
        this.window = window;
        this.updateInterval = updateInterval;
        this.counts = counts;
    }

    public static List<StoreBuilder<?>> stores() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTS_STORE), Serdes.String(),
                        JsonSerde.of(EventAlert.class)),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE), Serdes.String(),
                        Serdes.Long()));
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.alerts = context.getStateStore(ALERTS_STORE);
        this.decodedAlerts = new DecodedValueCache<>(alerts::get, CACHED_ALERTS);
        this.pending = context.getStateStore(PENDING_STORE);
        this.flushEvery = updateInterval.compareTo(MOST_FLUSH_INTERVAL) < 0 ? updateInterval : MOST_FLUSH_INTERVAL;
        // Reports left waiting by the instance before (restored from the changelog) go out as they would have.
        if (anyPending()) {
            scheduleFlush();
        }
        // Stream time, not wall-clock time: replaying old articles forgets events as they would have been then.
        context.schedule(SWEEP_INTERVAL, PunctuationType.STREAM_TIME, this::forgetEventsOlderThanTheWindow);
    }

    @Override
    public void process(Record<String, Alert> record) {
        long now = context.currentSystemTimeMs();
        EventAlert known = decodedAlerts.get(record.key());
        if (known == null || record.timestamp() - known.raisedAt() >= window.toMillis()) {
            keep(record.key(), new EventAlert(record.value(), List.of(), record.timestamp(), now));
            pending.delete(record.key());
            counts.raised(record.value());
            context.forward(record);
            return;
        }
        counts.suppressed(known.written());
        AlertedArticle report = record.value().article();
        if (known.knows(report.id()) || known.reports() >= MAX_REPORTS) {
            return;
        }
        List<AlertedArticle> unwritten = new ArrayList<>(known.unwritten());
        unwritten.add(report);
        EventAlert withReport = new EventAlert(known.written(), unwritten, known.raisedAt(), known.writtenAt());
        if (now - known.writtenAt() >= updateInterval.toMillis()) {
            write(record.key(), withReport, now);
        } else {
            keep(record.key(), withReport);
            pending.put(record.key(), now);
            if (flush == null) {
                scheduleFlush();
            }
        }
    }

    private void scheduleFlush() {
        flush = context.schedule(flushEvery, PunctuationType.WALL_CLOCK_TIME, this::writeDueUpdates);
    }

    private boolean anyPending() {
        try (KeyValueIterator<String, Long> waiting = pending.all()) {
            return waiting.hasNext();
        }
    }

    private void writeDueUpdates(long now) {
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, Long> waiting = pending.all()) {
            waiting.forEachRemaining(entry -> due.add(entry.key));
        }
        for (String key : due) {
            EventAlert known = decodedAlerts.get(key);
            if (known == null || known.unwritten().isEmpty()) {
                pending.delete(key);
            } else if (now - known.writtenAt() >= updateInterval.toMillis()) {
                write(key, known, now);
            }
        }
        if (!anyPending()) {
            flush.cancel();
            flush = null;
        }
    }

    private void write(String key, EventAlert known, long now) {
        List<AlertedArticle> reports = new ArrayList<>(known.written().alsoReportedBy());
        reports.addAll(known.unwritten());
        Alert updated = known.written().updated(reports, Instant.ofEpochMilli(now));
        keep(key, new EventAlert(updated, List.of(), known.raisedAt(), now));
        pending.delete(key);
        counts.updated(updated);
        context.forward(new Record<>(key, updated, now));
    }

    private void forgetEventsOlderThanTheWindow(long streamTime) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, EventAlert> all = alerts.all()) {
            all.forEachRemaining(entry -> {
                if (streamTime - entry.value.raisedAt() >= window.toMillis()) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(key -> {
            keep(key, null);
            pending.delete(key);
        });
    }

    /** Writes the alert to the store, or deletes it ({@code null}), and notes it as the decoded value of its key. */
    private void keep(String key, EventAlert alert) {
        if (alert == null) {
            alerts.delete(key);
        } else {
            alerts.put(key, alert);
        }
        decodedAlerts.written(key, alert);
    }
}
