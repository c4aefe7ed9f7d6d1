package dev.newswatch.common.events;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Where a watch's alerts are also POSTed: the {@code webhook} block of a watch.
 *
 * @param url                 an absolute http or https URL
 * @param format              {@code json} (the default) or {@code slack}
 * @param allowPrivateAddress whether the URL may resolve to a loopback or private address, such as a receiver on
 *                            the same machine or network; refused otherwise, as the crawler refuses such pages
 */
public record WebhookTarget(URI url, WebhookFormat format, boolean allowPrivateAddress) {

    private static final Set<String> SCHEMES = Set.of("http", "https");

    public WebhookTarget {
        format = format == null ? WebhookFormat.JSON : format;
    }

    /** Whether the URL is one a request can go to: absolute, http or https, with a host. */
    public boolean hasHttpUrl() {
        return url != null && url.getScheme() != null && SCHEMES.contains(url.getScheme().toLowerCase(Locale.ROOT))
                && url.getHost() != null;
    }
}
