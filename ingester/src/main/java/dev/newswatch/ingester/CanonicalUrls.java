package dev.newswatch.ingester;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One spelling per article address, so the same article reached through a feed, a share link or a tracking
 * link gets the same id.
 */
public final class CanonicalUrls {

    /** Query parameters that only tell analytics where a click came from. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "ref_src");

    private CanonicalUrls() {
    }

    /**
     * Lower-case scheme and host, no default port, no fragment, no utm_* or other tracking parameters, and "/"
     * for an empty path. Other parameters keep their order: many Korean CMSs name the article in the query.
     */
    public static String canonicalize(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("not an absolute URL: " + url);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? uri.getRawAuthority() : uri.getHost();
        StringBuilder canonical = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            canonical.append(uri.getRawUserInfo()).append('@');
        }
        canonical.append(host.toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            canonical.append(':').append(port);
        }
        String path = uri.getRawPath();
        canonical.append(path == null || path.isEmpty() ? "/" : path);
        String query = withoutTracking(uri.getRawQuery());
        if (!query.isEmpty()) {
            canonical.append('?').append(query);
        }
        return canonical.toString();
    }

    /** The stable article id: the first 16 hex digits of the SHA-256 of the canonical URL. */
    public static String articleId(String canonicalUrl) {
        return sha256Hex(canonicalUrl).substring(0, 16);
    }

    /** A hash of what the article says, so an edited article can be told from a repeat. */
    public static String fingerprint(String title, String text) {
        return sha256Hex(title + "\n\n" + text);
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
                kept.add(parameter);
            }
        }
        return String.join("&", kept);
    }

    private static String sha256Hex(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
