package dev.newswatch.common.events;

import java.time.Instant;
import java.util.List;

/**
 * An article with its tags; the value of {@code news.enriched}, keyed by article id.
 *
 * @param storyId the id of the first article of the story this one tells, so copies of one story share it
 * @param eventId the id of the first article that reported the development this one reports, so reports of one
 *                event by different outlets, in their own words, share it; a record written before event ids
 *                existed reads with its story id here
 */
public record EnrichedArticle(
        int schemaVersion,
        RawArticle article,
        String storyId,
        String eventId,
        List<EntityTag> entities,
        List<TopicTag> topics,
        Instant enrichedAt) {

    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        eventId = eventId == null ? storyId : eventId;
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
    }

    /** An article whose event is not decided yet: its story stands for its event. */
    public EnrichedArticle(int schemaVersion, RawArticle article, String storyId, List<EntityTag> entities,
            List<TopicTag> topics, Instant enrichedAt) {
        this(schemaVersion, article, storyId, storyId, entities, topics, enrichedAt);
    }

    public EnrichedArticle withStoryAndEvent(String newStoryId, String newEventId) {
        return new EnrichedArticle(schemaVersion, article, newStoryId, newEventId, entities, topics, enrichedAt);
    }
}
