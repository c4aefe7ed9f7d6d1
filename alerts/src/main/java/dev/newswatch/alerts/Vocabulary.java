package dev.newswatch.alerts;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.newswatch.common.config.ConfigLoader;

/**
 * The entity and topic ids the enricher can tag, read from its dictionary files, so that a watch naming an id
 * that does not exist is refused at start-up instead of silently never matching. Only the ids are read: the
 * rest of those files is the enricher's business.
 *
 * @param entitiesFile where the entity ids came from, for error messages
 * @param topicsFile   where the topic ids came from
 */
public record Vocabulary(Set<String> entityIds, Set<String> topicIds, Path entitiesFile, Path topicsFile) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Listed(String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record EntitiesFile(List<Listed> entities) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record TopicsFile(List<Listed> topics) {
    }

    public static Vocabulary load(Path entitiesFile, Path topicsFile) {
        EntitiesFile entities = ConfigLoader.load(entitiesFile, EntitiesFile.class);
        TopicsFile topics = ConfigLoader.load(topicsFile, TopicsFile.class);
        return new Vocabulary(ids(entities.entities()), ids(topics.topics()), entitiesFile, topicsFile);
    }

    private static Set<String> ids(List<Listed> listed) {
        return listed == null ? Set.of()
                : listed.stream().map(Listed::id).filter(id -> id != null).collect(Collectors.toUnmodifiableSet());
    }
}
