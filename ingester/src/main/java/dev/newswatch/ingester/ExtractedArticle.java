package dev.newswatch.ingester;

import java.time.Instant;

/**
 * What the extractor read from an article page.
 *
 * @param canonicalUrl the page's own idea of its address, canonicalized
 * @param publishedAt  publication time, or null when neither page nor feed gives one
 * @param text         body paragraphs separated by a blank line
 */
public record ExtractedArticle(String title, String canonicalUrl, Instant publishedAt, String text) {
}
