package dev.newswatch.ingester;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.newswatch.common.config.InvalidConfigValue;

/**
 * One place articles come from, as listed in the sources file.
 *
 * @param id           lower-case letters, digits and hyphens; tags the metrics, so it must stay short and stable
 * @param outlet       the outlet's display name, e.g. 전자신문
 * @param kind         how the source lists its articles
 * @param url          the feed's address
 * @param pollInterval time between the end of one poll and the start of the next (default five minutes)
 * @param language     language of the articles (default ko)
 */
public record Source(String id, String outlet, SourceKind kind, URI url, Duration pollInterval, String language) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Source {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidConfigValue("id", "source id '" + id
                    + "' must be 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        if (outlet == null || outlet.isBlank()) {
            throw new InvalidConfigValue("outlet", "source " + id + " has no outlet name");
        }
        if (kind == null) {
            throw new InvalidConfigValue("kind", "source " + id + " has no kind (supported: feed)");
        }
        if (url == null || url.getHost() == null || url.getScheme() == null
                || !(url.getScheme().equalsIgnoreCase("http") || url.getScheme().equalsIgnoreCase("https"))) {
            throw new InvalidConfigValue("url", "source " + id + " needs an absolute http(s) url, not '" + url + "'");
        }
        pollInterval = pollInterval == null || pollInterval.isZero() ? Duration.ofMinutes(5) : pollInterval;
        if (pollInterval.isNegative()) {
            throw new InvalidConfigValue("pollInterval", "source " + id + " has a negative pollInterval " + pollInterval);
        }
        language = language == null || language.isBlank() ? "ko" : language.toLowerCase(Locale.ROOT);
    }
}
