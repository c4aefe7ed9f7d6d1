package dev.newswatch.ingester.state;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The value of {@code newswatch.ingester.published} for one article id: what was published, so a restart
 * neither republishes it nor fetches its page again.
 *
 * @param fingerprint the published title and text's hash
 * @param feedLinkIds ids of the feed links that led to the article; they differ from the article id when the
 *                    page names another canonical address, or when several feeds link to it differently
 * @param publishedAt when this version was published
 */
public record PublishedMarker(String fingerprint, List<String> feedLinkIds, Instant publishedAt) {

    public PublishedMarker {
        feedLinkIds = feedLinkIds == null ? List.of() : List.copyOf(feedLinkIds);
    }

    /** This marker, also naming {@code linkId} among the links that lead to the article. */
    public PublishedMarker withFeedLink(String linkId) {
        Set<String> links = new LinkedHashSet<>(feedLinkIds);
        links.add(linkId);
        return new PublishedMarker(fingerprint, List.copyOf(links), publishedAt);
    }
}
