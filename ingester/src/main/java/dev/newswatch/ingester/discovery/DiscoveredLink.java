package dev.newswatch.ingester.discovery;

import java.time.Instant;

import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.FetchedBody;

/**
 * An article link a source listed.
 *
 * @param url       the article's absolute address
 * @param title     the title the source gives it, or null
 * @param published when the source says it was published, or null
 * @param updated   when the source says it last changed (Atom {@code updated}, sitemap {@code lastmod}), or null
 * @param saved     for archive sources, how to read the saved page instead of fetching it; null otherwise
 */
public record DiscoveredLink(String url, String title, Instant published, Instant updated, SavedPage saved) {

    /** A link to fetch over HTTP. */
    public static DiscoveredLink onTheWeb(String url, String title, Instant published, Instant updated) {
        return new DiscoveredLink(url, title, published, updated, null);
    }

    /** Reads a page an archive holds. */
    @FunctionalInterface
    public interface SavedPage {
        FetchedBody load() throws IngestException;
    }
}
