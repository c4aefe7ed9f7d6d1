package dev.newswatch.ingester.state;

import java.time.Instant;

import dev.newswatch.ingester.discovery.DiscoveredLink;

/**
 * A listed article link that is not published yet, kept in its source's crawl state until it is published or
 * given up: deferred by the per-poll cap, or waiting to be read again after a failure.
 *
 * @param linkId      the id of the canonical link, as the published markers name it
 * @param url         the link as the source listed it
 * @param title       the listing's title for it, or null
 * @param published   the listing's publication date, or null
 * @param updated     the listing's change date, or null
 * @param attempts    reads of it that failed so far
 * @param nextTryAt   when it may be read again
 * @param firstSeenAt when a listing first showed it
 */
public record PendingLink(String linkId, String url, String title, Instant published, Instant updated, int attempts,
                          Instant nextTryAt, Instant firstSeenAt) {

    /** The link to read, for when the listing no longer shows it. */
    DiscoveredLink toLink() {
        return DiscoveredLink.onTheWeb(url, title, published, updated);
    }
}
