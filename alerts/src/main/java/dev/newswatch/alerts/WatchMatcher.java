package dev.newswatch.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.AlertedArticle;
import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.common.streams.UnknownSchemaVersionException;

/**
 * Matches one enriched article against every watch, giving one alert per matching watch.
 *
 * <p>An alert carries the tags that made it fire, with their evidence. Where a watch does not restrict a kind of
 * tag (a topic-only watch has no entity list), the alert carries all of the article's tags of that kind, so that
 * a capex alert still tells the reader whose capex it is.
 *
 * <p>Entities match by id only: a watch that wants Huawei's chips as well as Huawei lists them.
 */
public final class WatchMatcher {

    private final List<Watch> watches;
    private final Clock clock;

    public WatchMatcher(List<Watch> watches, Clock clock) {
        this.watches = List.copyOf(watches);
        this.clock = clock;
    }

    /**
     * The alerts for {@code article}, in the order the watches are defined; empty when none matches.
     *
     * @throws UnknownSchemaVersionException for an article of a schema version newer than this code reads
     */
    public List<Alert> match(EnrichedArticle article) {
        UnknownSchemaVersionException.requireKnown("EnrichedArticle", article.schemaVersion(),
                EnrichedArticle.SCHEMA_VERSION);
        Instant now = clock.instant();
        List<Alert> alerts = new ArrayList<>();
        for (Watch watch : watches) {
            List<EntityTag> entities = watched(article.entities(), watch.anyEntities(), EntityTag::id);
            List<TopicTag> topics = watched(article.topics(), watch.anyTopics(), TopicTag::id);
            boolean entitiesMatch = watch.anyEntities().isEmpty() || !entities.isEmpty();
            boolean topicsMatch = watch.anyTopics().isEmpty() || !topics.isEmpty();
            if (entitiesMatch && topicsMatch) {
                alerts.add(new Alert(Alert.SCHEMA_VERSION, Alert.idFor(watch.id(), article.article().id()), watch.id(),
                        watch.name(), article.storyId(), AlertedArticle.of(article.article()), entities, topics, now));
            }
        }
        return alerts;
    }

    /** The tags whose id the watch lists, or every tag when the watch lists none. */
    private static <T> List<T> watched(List<T> tags, List<String> watchedIds, Function<T, String> id) {
        if (watchedIds.isEmpty()) {
            return tags;
        }
        return tags.stream().filter(tag -> watchedIds.contains(id.apply(tag))).toList();
    }
}
