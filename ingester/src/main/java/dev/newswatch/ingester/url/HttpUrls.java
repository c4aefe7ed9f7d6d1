package dev.newswatch.ingester.url;

import java.net.URI;
import java.util.Locale;

/** The one test of "may the crawler fetch this address": absolute http or https, with a host. */
public final class HttpUrls {

    private HttpUrls() {
    }

    public static boolean isHttp(URI uri) {
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /**
     * The same test for an address as a page wrote it, without parsing it: links that browsers follow but
     * {@link URI} refuses (an unescaped space) are kept, and parsed once they are fetched.
     */
    public static boolean isHttp(String address) {
        return address.regionMatches(true, 0, "http://", 0, 7) || address.regionMatches(true, 0, "https://", 0, 8);
    }
}
