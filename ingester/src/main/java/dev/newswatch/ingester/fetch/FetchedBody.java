package dev.newswatch.ingester.fetch;

import java.net.URI;

/**
 * A successful response: a body, or word that it has not changed since the validators sent.
 *
 * @param url         where the body finally came from, after redirects
 * @param contentType the Content-Type header, or null
 * @param body        the body, decompressed; empty when not modified
 * @param status      the HTTP status of the final response (2xx, or 304)
 * @param notModified true on a 304 answer to a conditional GET: nothing new to read
 * @param validators  the ETag and Last-Modified of this response, to send on the next fetch; on a 304 the
 *                    ones sent, unless the server sent new ones
 */
public record FetchedBody(URI url, String contentType, byte[] body, int status, boolean notModified,
                          Validators validators) {

    public FetchedBody {
        validators = validators == null ? Validators.NONE : validators;
    }

    /** A plain 200 response with no validators. */
    public FetchedBody(URI url, String contentType, byte[] body) {
        this(url, contentType, body, 200, false, Validators.NONE);
    }
}
