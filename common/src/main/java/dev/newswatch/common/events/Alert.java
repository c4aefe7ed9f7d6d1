package dev.newswatch.common.events;

import java.time.Instant;
import java.util.List;

/**
 * One watch matched one article; the value of {@code news.alerts} and {@code alerts.<watch-id>}.
 *
 * @param id       {@code <watch-id>:<article-id>}, also the record key, so a repeat is recognisable
 * @param storyId  the story the article tells; a watch alerts once per story, for its first copy
 * @param entities the watched entities the article mentions, with evidence
 * @param topics   the watched topics the article is about, with evidence
 */
public record Alert(
        int schemaVersion,
        String id,
        String watchId,
        String watchName,
        String storyId,
        AlertedArticle article,
        List<EntityTag> entities,
        List<TopicTag> topics,
        Instant alertedAt) {

    public static final int SCHEMA_VERSION = 1;

    public Alert {
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
    }

    public static String idFor(String watchId, String articleId) {
        return watchId + ":" + articleId;
    }
}
