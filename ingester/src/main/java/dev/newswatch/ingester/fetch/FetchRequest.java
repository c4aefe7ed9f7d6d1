package dev.newswatch.ingester.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import dev.newswatch.ingester.failure.ErrorKind;

/**
 * One fetch, as a poller asks for it.
 *
 * @param url                   where to start; redirects are followed from here
 * @param sourceId              the source asking, from config; the {@code source} tag of the fetch metrics
 * @param failureKind           the error kind of a failed request (feed-fetch, listing-fetch, page-fetch, ...)
 * @param validators            validators from the last fetch of this URL, for a conditional GET; never null
 * @param allowPrivateAddresses whether hosts resolving to loopback, private or link-local addresses may be
 *                              fetched (the demo site and tests need it; real sources never do)
 * @param accept                which content types the caller can use; anything else is refused unread
 */
public record FetchRequest(URI url, String sourceId, ErrorKind failureKind, Validators validators,
                           boolean allowPrivateAddresses, Accept accept) {

    /** What a caller can read; a response without a Content-Type is given the benefit of the doubt. */
    public enum Accept {
        /** HTML pages: articles and listing pages. */
        PAGE(Set.of("text/html", "application/xhtml+xml")),
        /**
         * RSS and Atom feeds and sitemaps: any XML type, and the text, HTML, binary and gzip types that servers
         * wrongly or legitimately (a sitemap.xml.gz) send them as.
         */
        FEED(Set.of("text/html", "text/plain", "application/octet-stream", "application/gzip", "application/x-gzip"));

        private final Set<String> mediaTypes;

        Accept(Set<String> mediaTypes) {
            this.mediaTypes = mediaTypes;
        }

        /** Whether a response with this Content-Type header (null when absent) is worth reading. */
        public boolean accepts(String contentType) {
            if (contentType == null || contentType.isBlank()) {
                return true;
            }
            String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            boolean xml = mediaType.endsWith("/xml") || mediaType.endsWith("+xml");
            return mediaTypes.contains(mediaType) || this == FEED && xml;
        }
    }

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(failureKind, "failureKind");
        validators = validators == null ? Validators.NONE : validators;
        accept = accept == null ? (failureKind == ErrorKind.FEED_FETCH ? Accept.FEED : Accept.PAGE) : accept;
    }

    /** A request accepting what its failure kind implies: feeds for feed-fetch, pages otherwise. */
    public FetchRequest(URI url, String sourceId, ErrorKind failureKind, Validators validators,
                        boolean allowPrivateAddresses) {
        this(url, sourceId, failureKind, validators, allowPrivateAddresses, null);
    }
}
