package dev.newswatch.ingester.url;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling per article address, so the same article reached through a feed, a share link or a tracking
 * link gets the same id.
 */
public final class CanonicalUrls {

    /**
     * Query parameters that only tell analytics where a click came from, or ask for the AMP rendering. Korean CMSs
     * name the article itself in the query ({@code no}, {@code idxno}, {@code articleId}), so those stay.
     */
    private static final Set<String> DROPPED_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga",
            "_gl", "ref_src", "ref", "re", "from", "sns", "share", "cmpid", "ocid", "rss", "nclick", "spm",
            "amp", "outputtype");
    /**
     * A leading host label that names an edition of a site rather than the site: www (www2, ...) or a mobile
     * edition (group "mobile"), whose articles live under www. Only when at least two labels remain.
     */
    private static final Pattern EDITION_LABEL = Pattern.compile(
            "^(?:www\\d*|(?<mobile>m|mobile|amp))\\.(?=[^.]+\\.[^.]+)");
    private static final Pattern AMP_SEGMENT = Pattern.compile("/amp(?=/|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME_AND_WWW = Pattern.compile("^[a-z][a-z0-9+.-]*://(?:www\\.)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0\\u3000\\u200b\\ufeff]+");

    private CanonicalUrls() {
    }

    /**
     * Lower-case scheme and host, no default port, no fragment, no utm_* or other tracking parameters, "/" for an
     * empty path, and the desktop edition of mobile and AMP variants ({@code m.} host to {@code www.}, no
     * {@code /amp} path segment, no {@code amp=1}). Other parameters keep their order.
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
        canonical.append(desktopHost(host.toLowerCase(Locale.ROOT)));
        int port = uri.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            canonical.append(':').append(port);
        }
        String path = uri.getRawPath();
        String desktopPath = path == null ? "" : AMP_SEGMENT.matcher(path).replaceAll("");
        canonical.append(desktopPath.isEmpty() ? "/" : desktopPath);
        String query = withoutTracking(uri.getRawQuery());
        if (!query.isEmpty()) {
            canonical.append('?').append(query);
        }
        return canonical.toString();
    }

    /**
     * The stable article id: the first 16 hex digits of the SHA-256 of the canonical URL read without its scheme
     * and a leading {@code www.}, because outlets serve one article under http and https, with and without www.
     */
    public static String articleId(String canonicalUrl) {
        return sha256Hex(SCHEME_AND_WWW.matcher(canonicalUrl).replaceFirst("")).substring(0, 16);
    }

    /**
     * A hash of what the article says, so an edited article can be told from a repeat. Runs of whitespace count
     * as one space: a re-rendered page with other line breaks or indentation is not an edit.
     */
    public static String fingerprint(String title, String text) {
        return sha256Hex(collapseWhitespace(title) + "\n\n" + collapseWhitespace(text));
    }

    private static String collapseWhitespace(String value) {
        return WHITESPACE.matcher(value).replaceAll(" ").strip();
    }

    /** {@code m.example.kr} and {@code mobile.example.kr} are {@code www.example.kr}. */
    private static String desktopHost(String host) {
        Matcher edition = EDITION_LABEL.matcher(host);
        return edition.find() && edition.group("mobile") != null ? "www." + host.substring(edition.end()) : host;
    }

    /**
     * The site a host serves, its edition label set aside and lower-cased: {@code www.example.kr},
     * {@code WWW2.example.kr} and {@code m.example.kr} are all {@code example.kr}.
     */
    public static String site(String host) {
        return EDITION_LABEL.matcher(host.toLowerCase(Locale.ROOT)).replaceFirst("");
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !name.startsWith("utm_") && !DROPPED_PARAMETERS.contains(name)) {
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
