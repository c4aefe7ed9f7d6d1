package dev.newswatch.enricher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.config.ConfigException;

/**
 * Watches {@code entities.yml} and {@code topics.yml} and, when either changes, loads both and swaps them into
 * the running {@link ArticleEnricher}, so a user's edit takes effect without a restart. An edit that does not
 * load leaves the running dictionary and rules in place and is logged once, with file, line and field, and
 * counted; the next edit is tried again.
 *
 * <p>Changes are noticed by content, polled, rather than by a file-system watch: editors replace files in ways
 * (rename over, truncate then write) that watch events report inconsistently, and the files are small.
 */
public final class DictionaryReloader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DictionaryReloader.class);

    private final Path entitiesFile;
    private final Path topicsFile;
    private final ArticleEnricher enricher;
    private final EnricherMetrics metrics;
    private byte[] entitiesSeen;
    private byte[] topicsSeen;
    private ScheduledExecutorService poller;

    /** Takes the files' current contents as what the enricher already runs with. */
    public DictionaryReloader(Path entitiesFile, Path topicsFile, ArticleEnricher enricher, EnricherMetrics metrics) {
        this.entitiesFile = entitiesFile;
        this.topicsFile = topicsFile;
        this.enricher = enricher;
        this.metrics = metrics;
        this.entitiesSeen = read(entitiesFile);
        this.topicsSeen = read(topicsFile);
    }

    /** Checks every {@code interval} on a daemon thread until closed. */
    public synchronized void start(Duration interval) {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "enricher-dictionary-reloader");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::checkQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Reloads when either file's content differs from the last content seen.
     *
     * @return whether the enricher now runs with a new dictionary and rules
     */
    public synchronized boolean check() {
        byte[] entities = read(entitiesFile);
        byte[] topics = read(topicsFile);
        if (Arrays.equals(entities, entitiesSeen) && Arrays.equals(topics, topicsSeen)) {
            return false;
        }
        entitiesSeen = entities;
        topicsSeen = topics;
        try {
            EntityDictionary dictionary = EntityDictionary.load(entitiesFile);
            TopicRules rules = TopicRules.load(topicsFile);
            enricher.reconfigure(dictionary, rules);
            metrics.configReloaded();
            log.info("Reloaded {} ({} entities) and {} ({} topics)", entitiesFile, dictionary.entities().size(),
                    topicsFile, rules.rules().size());
            return true;
        } catch (ConfigException e) {
            metrics.configRejected();
            log.error("Kept the running dictionary and topic rules: {}", e.getMessage());
            return false;
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // The poller must survive anything one check throws, or reloading would stop for good.
            log.error("Checking {} and {} for changes failed: {}", entitiesFile, topicsFile, e.toString());
        }
    }

    /** The file's bytes; empty when it is missing, so that its reappearance counts as a change. */
    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
