package dev.newswatch.enricher.tagging;

import java.nio.file.Path;

/** The project's own configuration files, which tests run against so they prove what ships. */
public final class ShippedConfig {

    public static final Path ENTITIES = Path.of("..", "config", "entities.yml");
    public static final Path TOPICS = Path.of("..", "config", "topics.yml");

    private ShippedConfig() {
    }

    public static EntityDictionary entities() {
        return EntityDictionary.load(ENTITIES);
    }

    public static TopicRules topics() {
        return TopicRules.load(TOPICS);
    }
}
