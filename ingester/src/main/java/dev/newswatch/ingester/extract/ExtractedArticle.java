package dev.newswatch.ingester.extract;

import java.time.Instant;

/**
 * What the extractor read from an article page.
 *
 * @param canonicalUrl the page's own idea of its address (when on the same site), canonicalized
 * @param publishedAt  first publication time, or null when neither page nor feed gives one
 * @param text         body paragraphs separated by a blank line
 * @param updatedAt    the time of the latest edit the page states, or null
 * @param author       the byline, e.g. "김서연 기자", or null
 * @param section      the outlet's section, e.g. "반도체", or null
 * @param language     ISO 639-1 code from the page, else the caller's default (may be null)
 */
public record ExtractedArticle(String title, String canonicalUrl, Instant publishedAt, String text,
        Instant updatedAt, String author, String section, String language) {
}
