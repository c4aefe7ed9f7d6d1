package dev.newswatch.common.events;

import java.time.Instant;

/**
 * An article as the ingester fetched and extracted it; the value of {@code news.raw}.
 *
 * @param id          stable id derived from the canonical URL; also the record key
 * @param url         canonical URL
 * @param publishedAt publication time, or {@code null} when the page and feed give none
 * @param updatedAt   time of the last edit the page states, or {@code null}
 * @param author      byline, or {@code null}
 * @param section     the outlet's section (반도체, 경제, ...), or {@code null}
 * @param text        body text, paragraphs separated by a blank line
 * @param fingerprint hash of title and text, so an edited article can be told from a repeat
 */
public record RawArticle(
        int schemaVersion,
        String id,
        String sourceId,
        String outlet,
        String url,
        String title,
        Instant publishedAt,
        Instant updatedAt,
        Instant fetchedAt,
        String language,
        String author,
        String section,
        String text,
        String fingerprint) {

    public static final int SCHEMA_VERSION = 1;

    public RawArticle {
        requirePresent(id, "id");
        requirePresent(url, "url");
        requirePresent(title, "title");
        requirePresent(sourceId, "sourceId");
        text = text == null ? "" : text;
    }

    private static void requirePresent(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("raw article has no " + field);
        }
    }
}
