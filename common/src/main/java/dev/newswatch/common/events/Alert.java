package dev.newswatch.common.events;

import java.time.Instant;
import java.util.List;

/**
 * One watch matched one event; the value of {@code news.alerts} and {@code alerts.<watch-id>}, keyed by
 * {@link #id}. The first matching article of the event raises the alert (revision 1); later articles of the event
 * update it under the same key, so a compacted alert topic keeps one current record per alert.
 *
 * <p>Version 1 records (one alert per watch and article, before severity, event, matched clauses and updates)
 * read with their story as their event, severity medium, revision 1 and empty lists.
 *
 * @param id             {@code <watch-id>:<event-id>}, also the record key
 * @param eventId        the event the articles report (the enricher's event id, or its story id where it gave none)
 * @param storyId        the story the first article tells
 * @param article        the first article that matched
 * @param matched        the clauses of the watch's condition that the first article met, e.g.
 *                       {@code when.any[1].companies: nvidia}
 * @param entities       the companies and chips that made the watch fire, or all the article's where the clause
 *                       that matched names none, with surface forms and evidence sentences
 * @param topics         likewise for topics
 * @param keywords       where the watch's keywords stand in the first article
 * @param alsoReportedBy later articles of the event that matched the watch, oldest first
 * @param revision       1 when raised, one more with each update
 * @param alertedAt      when the alert was raised
 * @param updatedAt      when this revision was written; the raise time for revision 1
 */
public record Alert(
        int schemaVersion,
        String id,
        String watchId,
        String watchName,
        Severity severity,
        String eventId,
        String storyId,
        AlertedArticle article,
        List<String> matched,
        List<EntityTag> entities,
        List<TopicTag> topics,
        List<Evidence> keywords,
        List<AlertedArticle> alsoReportedBy,
        Integer revision,
        Instant alertedAt,
        Instant updatedAt) {

    public static final int SCHEMA_VERSION = 2;

    public Alert {
        severity = severity == null ? Severity.MEDIUM : severity;
        eventId = eventId == null ? storyId : eventId;
        matched = copyOf(matched);
        entities = copyOf(entities);
        topics = copyOf(topics);
        keywords = copyOf(keywords);
        alsoReportedBy = copyOf(alsoReportedBy);
        // Boxed so that a version 1 record, which has none, reads as raised.
        revision = revision == null ? 1 : Math.max(revision, 1);
        updatedAt = updatedAt == null ? alertedAt : updatedAt;
    }

    private static <T> List<T> copyOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public static String idFor(String watchId, String eventId) {
        return watchId + ":" + eventId;
    }

    /** The next revision, listing {@code alsoReportedBy} as the later reports. */
    public Alert updated(List<AlertedArticle> reports, Instant at) {
        return new Alert(SCHEMA_VERSION, id, watchId, watchName, severity, eventId, storyId, article, matched,
                entities, topics, keywords, reports, revision + 1, alertedAt, at);
    }
}
