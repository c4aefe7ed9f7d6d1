package dev.newswatch.alerts.watch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.events.EntityKind;

/**
 * The entity and topic ids the enricher can tag, read from its dictionary files, so that a watch naming an id
 * that does not exist is refused instead of silently never matching. Only ids and entity kinds are read: the
 * rest of those files is the enricher's business.
 *
 * @param entityKinds  the kind of each entity id
 * @param entitiesFile where the entity ids came from, for messages
 * @param topicsFile   where the topic ids came from
 */
public record Vocabulary(Map<String, EntityKind> entityKinds, Set<String> topicIds, Path entitiesFile,
        Path topicsFile) {

    public Vocabulary {
        entityKinds = Map.copyOf(entityKinds);
        topicIds = Set.copyOf(topicIds);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record ListedEntity(String id, EntityKind kind) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record ListedTopic(String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record EntitiesFile(List<ListedEntity> entities) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record TopicsFile(List<ListedTopic> topics) {
    }

    public static Vocabulary load(Path entitiesFile, Path topicsFile) {
        List<ListedEntity> entities = Objects.requireNonNullElse(
                ConfigLoader.load(entitiesFile, EntitiesFile.class).entities(), List.of());
        List<ListedTopic> topics = Objects.requireNonNullElse(
                ConfigLoader.load(topicsFile, TopicsFile.class).topics(), List.of());
        return new Vocabulary(
                entities.stream().filter(entity -> entity != null && entity.id() != null && entity.kind() != null)
                        .collect(Collectors.toUnmodifiableMap(ListedEntity::id, ListedEntity::kind, (a, b) -> a)),
                topics.stream().filter(topic -> topic != null && topic.id() != null).map(ListedTopic::id)
                        .collect(Collectors.toUnmodifiableSet()),
                entitiesFile, topicsFile);
    }
}
