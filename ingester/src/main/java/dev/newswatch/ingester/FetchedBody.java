package dev.newswatch.ingester;

import java.net.URI;

/**
 * A successful response.
 *
 * @param url         where the body finally came from, after redirects
 * @param contentType the Content-Type header, or null
 * @param body        the body, decompressed
 */
public record FetchedBody(URI url, String contentType, byte[] body) {
}
