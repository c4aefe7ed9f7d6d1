package dev.newswatch.enricher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newswatch.common.config.ConfigReloader;
import dev.newswatch.common.config.ConfigReloads;
import dev.newswatch.enricher.tagging.ArticleEnricher;
import dev.newswatch.enricher.tagging.EntityDictionary;
import dev.newswatch.enricher.tagging.TopicRules;

/**
 * Watches {@code entities.yml} and {@code topics.yml} and, when either changes, loads both and swaps them into
 * the running {@link ArticleEnricher}, so a user's edit takes effect without a restart. An edit that does not
 * load leaves the running dictionary and rules in place and is logged once, with file, line and field, and
 * counted; the next edit is tried again (see {@link ConfigReloader}).
 */
final class DictionaryReloader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DictionaryReloader.class);

    private final ConfigReloader reloader;

    /** Takes the files' current contents as what the enricher already runs with. */
    public DictionaryReloader(Path entitiesFile, Path topicsFile, ArticleEnricher enricher, ConfigReloads reloads) {
        this.reloader = new ConfigReloader("enricher-dictionary", List.of(entitiesFile, topicsFile), () -> {
            EntityDictionary dictionary = EntityDictionary.load(entitiesFile);
            TopicRules rules = TopicRules.load(topicsFile);
            enricher.reconfigure(dictionary, rules);
            log.info("Reloaded {} ({} entities) and {} ({} topics)", entitiesFile, dictionary.entities().size(),
                    topicsFile, rules.rules().size());
        }, reloads);
    }

    /** Checks every {@code interval} on a daemon thread until closed. */
    public void start(Duration interval) {
        reloader.start(interval);
    }

    /** @return whether the enricher now runs with a new dictionary and rules */
    public boolean check() {
        return reloader.check();
    }

    @Override
    public void close() {
        reloader.close();
    }
}
