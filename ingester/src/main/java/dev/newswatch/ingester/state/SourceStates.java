package dev.newswatch.ingester.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.Topics;
import dev.newswatch.common.config.KafkaSettings;
import dev.newswatch.common.json.JsonSerde;
import dev.newswatch.common.kafka.CompactedTopicReader;
import dev.newswatch.ingester.source.Source;

/** The crawl state of every source: loaded from {@link Topics#INGESTER_SOURCES} at start, then kept here. */
public final class SourceStates {

    private static final Logger log = LoggerFactory.getLogger(SourceStates.class);

    private static final String STATE_CLIENT_ID = "newswatch-ingester-state";

    private final JsonSerde<SourceState> serde = JsonSerde.of(SourceState.class);
    private final Map<String, SourceState> stateBySource = new ConcurrentHashMap<>();

    public void load(KafkaSettings kafka, Duration timeout) {
        CompactedTopicReader.readLatest(kafka, STATE_CLIENT_ID, Topics.INGESTER_SOURCES, timeout, serde,
                stateBySource::put, stateBySource::remove);
        log.info("Crawl state of {} sources loaded", stateBySource.size());
    }

    /**
     * Reads the crawl state of the sources with {@code sourceIds} again, as another instance left it, and keeps
     * what this instance knows of the others: the topic may be behind it.
     */
    public void reload(KafkaSettings kafka, Duration timeout, Set<String> sourceIds) {
        CompactedTopicReader.readLatest(kafka, STATE_CLIENT_ID, Topics.INGESTER_SOURCES, timeout, serde,
                (sourceId, state) -> {
                    if (sourceIds.contains(sourceId)) {
                        stateBySource.put(sourceId, state);
                    }
                }, sourceId -> {
                    if (sourceIds.contains(sourceId)) {
                        stateBySource.remove(sourceId);
                    }
                });
        log.info("Crawl state of {} sources read again", sourceIds.size());
    }

    public Optional<SourceState> get(String sourceId) {
        return Optional.ofNullable(stateBySource.get(sourceId));
    }

    /** How many of the source's articles wait in its crawl state. */
    public int pendingCount(String sourceId) {
        return get(sourceId).map(state -> state.pending().size()).orElse(0);
    }

    /**
     * How long {@code source} should wait for its first poll after a start: until the next poll its state
     * names, but never longer than its longest interval (its settings may have changed since), and not at all
     * when it has no state or is overdue.
     */
    public Duration untilDue(Source source, Instant now) {
        return get(source.id())
                .filter(state -> state.nextPollAt() != null)
                .map(state -> Duration.between(now, state.nextPollAt()))
                .filter(delay -> !delay.isNegative())
                .map(delay -> delay.compareTo(source.maxPollInterval()) > 0 ? source.maxPollInterval() : delay)
                .orElse(Duration.ZERO);
    }

    /** Records a state the publisher has committed (or, without Kafka, simply the latest one). */
    public void remember(String sourceId, SourceState state) {
        stateBySource.put(sourceId, state);
    }
}
