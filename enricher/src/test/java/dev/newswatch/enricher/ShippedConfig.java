package dev.newswatch.enricher;

import java.nio.file.Path;

/** The project's own configuration files, which tests run against so they prove what ships. */
final class ShippedConfig {

    static final Path ENTITIES = Path.of("..", "config", "entities.yml");
    static final Path TOPICS = Path.of("..", "config", "topics.yml");

    private ShippedConfig() {
    }

    static EntityDictionary entities() {
        return EntityDictionary.load(ENTITIES);
    }

    static TopicRules topics() {
        return TopicRules.load(TOPICS);
    }
}
