package dev.newswatch.ingester.discovery;

import java.net.URI;
import java.time.Instant;

import dev.newswatch.ingester.failure.IngestException;
import dev.newswatch.ingester.fetch.FetchedBody;
import dev.newswatch.ingester.source.Source;
import dev.newswatch.ingester.url.CanonicalUrls;

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

    /** The link's canonical address, by which it is read and known; throws IllegalArgumentException if none. */
    public URI canonicalUrl() {
        return URI.create(CanonicalUrls.canonicalize(url));
    }

    /**
     * Whether {@code source} reads this link, at its {@code canonicalUrl}: a page its archive saved, or a link
     * to one of its hosts.
     */
    public boolean isReadBy(Source source, URI canonicalUrl) {
        return saved != null || source.followsLinkTo(canonicalUrl);
    }

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
