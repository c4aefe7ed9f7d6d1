package dev.newswatch.common.events;

import java.time.Instant;
import java.util.List;

/**
 * An article with its tags; the value of {@code news.enriched}, keyed by article id.
 *
 * @param storyId the id of the first article of the story this one tells, so copies of one story share it
 */
public record EnrichedArticle(
        int schemaVersion,
        RawArticle article,
        String storyId,
        List<EntityTag> entities,
        List<TopicTag> topics,
        Instant enrichedAt) {

    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
    }
}
