package dev.newswatch.alerts.watch;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.Topics;
import dev.newswatch.common.events.Watch;

/**
 * The watches of the watches table as the service runs them. The table holds each watch's record as written;
 * the catalog reads and checks a record once, when it first sees it or its bytes change, or when the enricher's
 * dictionary changes, and reports every change of a watch's {@link WatchState}: one log line and the listener.
 * One catalog serves every stream task of the service.
 */
public final class WatchCatalog {

    private static final Logger log = LoggerFactory.getLogger(WatchCatalog.class);

    /** Told of every watch that appears, changes state or goes. */
    public interface Listener {
        void stateChanged(String watchId, WatchState state);
    }

    /**
     * One watch as last read: its record, what it was read as, against which dictionary it was checked, and what is
     * wrong with it when it is dead or invalid.
     */
    private record Entry(byte[] record, Watch watch, WatchState state, Vocabulary checkedWith, String reason) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Listener listener;
    private volatile Vocabulary vocabulary;

    public WatchCatalog(Vocabulary vocabulary, Listener listener) {
        this.vocabulary = vocabulary;
        this.listener = listener;
    }

    /** The dictionary watches are checked against now. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The watches to match now, by id: those of {@code table} that are neither paused nor invalid.
     *
     * @param table the watches table, each watch's record as written, by watch id
     */
    public synchronized List<Watch> matched(Map<String, byte[]> table) {
        Vocabulary current = vocabulary;
        for (Map.Entry<String, byte[]> row : table.entrySet()) {
            Entry known = entries.get(row.getKey());
            if (known == null || known.checkedWith() != current || !Arrays.equals(known.record(), row.getValue())) {
                update(row.getKey(), read(row.getKey(), row.getValue(), current));
            }
        }
        for (String id : List.copyOf(entries.keySet())) {
            if (!table.containsKey(id)) {
                entries.remove(id);
                log.info("Watch '{}' removed", id);
                listener.stateChanged(id, WatchState.REMOVED);
            }
        }
        return entries.values().stream().filter(entry -> entry.state().matched()).map(Entry::watch)
                .sorted(Comparator.comparing(Watch::id)).toList();
    }

    /** The watch of that id as last read from the table, whatever its state; empty when there is none. */
    public Optional<Watch> watch(String watchId) {
        Entry entry = entries.get(watchId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.watch());
    }

    /** Whether a watch of the table, whatever its state, has a webhook. */
    public boolean anyWebhook() {
        return entries.values().stream().anyMatch(entry -> entry.watch() != null && entry.watch().webhook() != null);
    }

    /** Checks every watch against the dictionary as it now is, reporting those that died or came back. */
    public synchronized void dictionaryChanged(Vocabulary changed) {
        this.vocabulary = changed;
        for (Map.Entry<String, Entry> known : Map.copyOf(entries).entrySet()) {
            update(known.getKey(), read(known.getKey(), known.getValue().record(), changed));
        }
    }

    private Entry read(String id, byte[] record, Vocabulary against) {
        Watch watch;
        try {
            watch = Topics.WATCHES.deserialize(record);
        } catch (SerializationException e) {
            return new Entry(record, null, WatchState.INVALID, against, e.getMessage());
        }
        if (watch.id() == null || !watch.id().equals(id)) {
            return new Entry(record, watch, WatchState.INVALID, against, "its record names the id '" + watch.id()
                    + "'");
        }
        List<WatchCheck.Problem> problems = WatchCheck.problems(watch, against);
        if (problems.stream().anyMatch(problem -> !problem.dictionary())) {
            return new Entry(record, watch, WatchState.INVALID, against, problems.toString());
        }
        if (watch.paused()) {
            return new Entry(record, watch, WatchState.PAUSED, against, "");
        }
        return problems.isEmpty() ? new Entry(record, watch, WatchState.ACTIVE, against, "")
                : new Entry(record, watch, WatchState.DEAD, against, problems.toString());
    }

    private void update(String id, Entry entry) {
        Entry before = entries.put(id, entry);
        if (before != null && before.state() == entry.state()) {
            if (!Arrays.equals(before.record(), entry.record())) {
                log.info("Watch '{}' changed", id);
            }
            return;
        }
        switch (entry.state()) {
            case ACTIVE -> log.info("Watch '{}' {}", id, before == null ? "added" : "active");
            case PAUSED -> log.info("Watch '{}' paused", id);
            case DEAD -> log.warn("Watch '{}' is dead: {}; it cannot fire on those until they return", id,
                    entry.reason());
            case INVALID -> log.error("Watch '{}' is invalid and not matched: {}", id, entry.reason());
            case REMOVED -> throw new IllegalStateException("a watch in the table is not removed");
        }
        listener.stateChanged(id, entry.state());
    }
}
