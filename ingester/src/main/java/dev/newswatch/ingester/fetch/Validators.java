package dev.newswatch.ingester.fetch;

/**
 * What a server said identifies the version of a resource, sent back on the next request so that an unchanged
 * feed or listing page costs a 304 instead of a download.
 *
 * @param etag         the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    /** These validators as a 304 refreshed them: it may repeat only some, and the ones it leaves out still hold. */
    public Validators refreshedBy(Validators notModified) {
        return new Validators(notModified.etag != null ? notModified.etag : etag,
                notModified.lastModified != null ? notModified.lastModified : lastModified);
    }

    /** True when there is nothing to send: a request with these validators is unconditional. */
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
