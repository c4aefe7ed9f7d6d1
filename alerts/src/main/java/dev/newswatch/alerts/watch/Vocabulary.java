package dev.newswatch.alerts.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.newswatch.common.config.ConfigException;
import dev.newswatch.common.config.ConfigLoader;
import dev.newswatch.common.config.ConfigProblem;
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

    /**
     * @throws ConfigException when an entity lacks its id or kind or a topic its id: the enricher refuses such a
     *                         file too, and taking it would drop the id, and every watch naming it with it
     */
    public static Vocabulary load(Path entitiesFile, Path topicsFile) {
        List<ListedEntity> entities = Objects.requireNonNullElse(ConfigLoader.load(entitiesFile, EntitiesFile.class,
                file -> missing(file.entities(), "entities", entity -> entity.id() == null ? "id"
                        : entity.kind() == null ? "kind" : null)).entities(), List.of());
        List<ListedTopic> topics = Objects.requireNonNullElse(ConfigLoader.load(topicsFile, TopicsFile.class,
                file -> missing(file.topics(), "topics", topic -> topic.id() == null ? "id" : null)).topics(),
                List.of());
        return new Vocabulary(
                entities.stream().collect(Collectors.toUnmodifiableMap(ListedEntity::id, ListedEntity::kind,
                        (a, b) -> a)),
                topics.stream().map(ListedTopic::id).collect(Collectors.toUnmodifiableSet()),
                entitiesFile, topicsFile);
    }

    /** A problem for each item of {@code items} (the list {@code list}) that lacks the field {@code lacking} names. */
    private static <T> List<ConfigProblem> missing(List<T> items, String list, Function<T, String> lacking) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            String field = items.get(i) == null ? "id" : lacking.apply(items.get(i));
            if (field != null) {
                problems.add(ConfigProblem.at("/" + list + "/" + i, "has no " + field));
            }
        }
        return problems;
    }
}
