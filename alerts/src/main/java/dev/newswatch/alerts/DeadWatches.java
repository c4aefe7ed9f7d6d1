package dev.newswatch.alerts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.config.ConfigReloader;

/**
 * Keeps the watches checked against the enricher's dictionary while the service runs. They are checked at
 * start-up; an edit of {@code entities.yml} or {@code topics.yml} since then that renames or removes an id a
 * watch names leaves that watch waiting for tags no article will carry. So each change of those files is read
 * again, and a watch naming an id they no longer have is reported dead: one WARN line naming the watch and the
 * missing ids, and its {@code newswatch.alerts.watches.dead} gauge at 1. When the ids return it is reported
 * live again. The watches themselves stay as loaded: a dead watch still fires on the ids it names that exist.
 */
final class DeadWatches implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadWatches.class);

    private final List<Watch> watches;
    private final AlertsMetrics metrics;
    private final ConfigReloader reloader;
    /** What each watch misses, as last reported; empty while it misses nothing. */
    private final Map<String, String> missingByWatch = new HashMap<>();

    /** @param watches checked against the dictionary files as they are now, at start-up */
    DeadWatches(Watches watches, Path entitiesFile, Path topicsFile, AlertsMetrics metrics) {
        this.watches = watches.watches();
        this.metrics = metrics;
        this.watches.forEach(watch -> missingByWatch.put(watch.id(), ""));
        this.reloader = new ConfigReloader("alerts-dictionary", List.of(entitiesFile, topicsFile),
                () -> recheck(Vocabulary.load(entitiesFile, topicsFile)), metrics::dictionaryRejected);
    }

    /** Checks the dictionary files for changes every {@code interval} on a daemon thread until closed. */
    void start(Duration interval) {
        reloader.start(interval);
    }

    /** @return whether the dictionary files changed and were read */
    boolean check() {
        return reloader.check();
    }

    private void recheck(Vocabulary vocabulary) {
        metrics.dictionaryReloaded();
        for (Watch watch : watches) {
            String missing = missing(watch, vocabulary);
            String before = missingByWatch.put(watch.id(), missing);
            if (missing.equals(before)) {
                continue;
            }
            if (missing.isEmpty()) {
                log.info("Watch '{}' is live again: {} and {} have every id it names", watch.id(),
                        vocabulary.entitiesFile(), vocabulary.topicsFile());
            } else {
                log.warn("Watch '{}' is dead: {}; it cannot fire on them until they return", watch.id(), missing);
            }
            metrics.watchDead(watch.id(), !missing.isEmpty());
        }
    }

    /** The ids the watch names that the dictionary lacks, described; empty when it lacks none. */
    private static String missing(Watch watch, Vocabulary vocabulary) {
        List<String> missing = new ArrayList<>();
        List<String> entities = absent(watch.anyEntities(), vocabulary.entityIds());
        if (!entities.isEmpty()) {
            missing.add("entity ids " + entities + " are not in " + vocabulary.entitiesFile());
        }
        List<String> topics = absent(watch.anyTopics(), vocabulary.topicIds());
        if (!topics.isEmpty()) {
            missing.add("topic ids " + topics + " are not in " + vocabulary.topicsFile());
        }
        return String.join("; ", missing);
    }

    private static List<String> absent(List<String> ids, Set<String> known) {
        return ids.stream().filter(id -> !known.contains(id)).toList();
    }

    @Override
    public void close() {
        reloader.close();
    }
}
