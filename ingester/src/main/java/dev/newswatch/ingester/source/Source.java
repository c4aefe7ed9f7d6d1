package dev.newswatch.ingester.source;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import crawlercommons.domains.EffectiveTldFinder;
import dev.newswatch.common.config.InvalidConfigValue;
import dev.newswatch.ingester.extract.ExtractionRules;
import dev.newswatch.ingester.url.HttpUrls;

/**
 * One place articles come from, as listed in the sources file. What every kind reads is checked here; what only
 * one kind reads is in {@link #settings}, checked by that kind.
 *
 * @param id                    lower-case letters, digits and hyphens; tags the metrics, so it must stay short and stable
 * @param outlet                the outlet's display name, e.g. 전자신문
 * @param kind                  how the source lists its articles
 * @param url                   the feed, listing page or sitemap; for an archive, the optional address its saved
 *                              pages were fetched from (relative file names resolve against it)
 * @param pollInterval          time between two polls when nothing suggests otherwise (default five minutes)
 * @param language              language of the articles (default ko)
 * @param minPollInterval       shortest interval adaptive polling may use for a busy source (default: the
 *                              poll interval, capped at one minute)
 * @param maxPollInterval       longest interval adaptive polling may use for a quiet source (default: the
 *                              poll interval, so a source is never polled less often than configured)
 * @param hosts                 hosts whose article links are followed, each also covering its subdomains
 *                              (default: the registrable domain of {@code url}, so rss.etnews.com covers
 *                              www.etnews.com)
 * @param allowPrivateAddresses whether this source may fetch from loopback, private or link-local addresses
 *                              (default false; only local test and demo sites need it)
 * @param settings              what only this kind reads: {@link KindSettings.Listing} for html-list,
 *                              {@link KindSettings.Sitemap}, {@link KindSettings.Archive}
 * @param extraction            optional CSS selectors for this outlet's article pages
 */
public record Source(
        String id,
        String outlet,
        SourceKind kind,
        URI url,
        Duration pollInterval,
        String language,
        Duration minPollInterval,
        Duration maxPollInterval,
        List<String> hosts,
        boolean allowPrivateAddresses,
        @JsonIgnore KindSettings settings,
        ExtractionRules extraction) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);
    private static final Duration BUSY_POLL_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_PAGES_LIMIT = 100;

    public Source {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidConfigValue("id", "source id '" + id
                    + "' must be 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        if (outlet == null || outlet.isBlank()) {
            throw new InvalidConfigValue("outlet", "source " + id + " has no outlet name");
        }
        if (kind == null) {
            throw new InvalidConfigValue("kind", "source " + id + " has no kind (supported: "
                    + SourceKind.configNames() + ")");
        }
        Objects.requireNonNull(settings, "settings");
        if ((url != null || settings.needsUrl()) && !HttpUrls.isHttp(url)) {
            throw new InvalidConfigValue("url", "source " + id + " needs an absolute http(s) url, not '" + url + "'");
        }
        pollInterval = pollInterval == null || pollInterval.isZero() ? DEFAULT_POLL_INTERVAL : pollInterval;
        requirePositive(id, "pollInterval", pollInterval);
        minPollInterval = minPollInterval == null || minPollInterval.isZero()
                ? (pollInterval.compareTo(BUSY_POLL_INTERVAL) < 0 ? pollInterval : BUSY_POLL_INTERVAL)
                : minPollInterval;
        maxPollInterval = maxPollInterval == null || maxPollInterval.isZero() ? pollInterval : maxPollInterval;
        requirePositive(id, "minPollInterval", minPollInterval);
        if (minPollInterval.compareTo(pollInterval) > 0) {
            throw new InvalidConfigValue("minPollInterval", "source " + id + ": " + minPollInterval
                    + " is longer than its pollInterval " + pollInterval);
        }
        if (maxPollInterval.compareTo(pollInterval) < 0) {
            throw new InvalidConfigValue("maxPollInterval", "source " + id + ": " + maxPollInterval
                    + " is shorter than its pollInterval " + pollInterval);
        }
        language = language == null || language.isBlank() ? "ko" : language.toLowerCase(Locale.ROOT);
        hosts = hosts == null || hosts.isEmpty() ? defaultHosts(url) : normalizedHosts(id, hosts);
        extraction = extraction == null ? ExtractionRules.NONE : extraction;
    }

    /** An entry of the sources file, where the settings of every kind sit side by side with the common ones. */
    @JsonCreator
    public Source(
            @JsonProperty("id") String id,
            @JsonProperty("outlet") String outlet,
            @JsonProperty("kind") SourceKind kind,
            @JsonProperty("url") URI url,
            @JsonProperty("pollInterval") Duration pollInterval,
            @JsonProperty("language") String language,
            @JsonProperty("minPollInterval") Duration minPollInterval,
            @JsonProperty("maxPollInterval") Duration maxPollInterval,
            @JsonProperty("hosts") List<String> hosts,
            @JsonProperty("allowPrivateAddresses") boolean allowPrivateAddresses,
            @JsonProperty("linkSelector") String linkSelector,
            @JsonProperty("nextPageSelector") String nextPageSelector,
            @JsonProperty("pageUrlTemplate") String pageUrlTemplate,
            @JsonProperty("maxPages") int maxPages,
            @JsonProperty("path") Path path,
            @JsonProperty("extraction") ExtractionRules extraction) {
        this(id, outlet, kind, url, pollInterval, language, minPollInterval, maxPollInterval, hosts,
                allowPrivateAddresses, kindSettings(id, outlet, kind, linkSelector, nextPageSelector, pageUrlTemplate,
                        maxPages, path), extraction);
    }

    /** A feed with every optional setting at its default. */
    public static Source feed(String id, String outlet, URI url) {
        return new Source(id, outlet, SourceKind.FEED, url, null, null, null, null, null, false, new KindSettings.Feed(),
                null);
    }

    /** This source with {@code allowPrivateAddresses} set, as local demo and test sites need. */
    public Source allowingPrivateAddresses() {
        return new Source(id, outlet, kind, url, pollInterval, language, minPollInterval, maxPollInterval, hosts, true,
                settings, extraction);
    }

    /** This source's settings as its kind reads them; {@code type} must be the settings of its kind. */
    public <T extends KindSettings> T settings(Class<T> type) {
        if (!type.isInstance(settings)) {
            throw new IllegalStateException("source " + id + " is a " + kind.configName() + ", not read with "
                    + type.getSimpleName() + " settings");
        }
        return type.cast(settings);
    }

    /** Where the source is read from, for messages: its url, or an archive's path. */
    public String location() {
        return url != null ? url.toString() : settings(KindSettings.Archive.class).path().toString();
    }

    /**
     * The site this source crawls: its URL's registered domain (or its address), the same whatever subdomain
     * the feed or the articles sit on. Sources of one site are paced and shared out together.
     */
    public String site() {
        List<String> site = defaultHosts(url);
        return site.isEmpty() ? id : site.get(0);
    }

    /** Whether a link found by this source may be followed: http(s), to one of its hosts or their subdomains. */
    public boolean followsLinkTo(URI link) {
        if (!HttpUrls.isHttp(link)) {
            return false;
        }
        String host = link.getHost().toLowerCase(Locale.ROOT);
        return hosts.stream().anyMatch(allowed -> host.equals(allowed) || host.endsWith("." + allowed));
    }

    /** {@code address} as a URI, or null when it is none. */
    static URI parsed(String address) {
        try {
            return URI.create(address);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    private static KindSettings kindSettings(String id, String outlet, SourceKind kind, String linkSelector,
            String nextPageSelector, String pageUrlTemplate, int maxPages, Path path) {
        if (kind == null || id == null || outlet == null) {
            // The canonical constructor names what is missing; the settings of no kind cannot be read.
            return new KindSettings.Feed();
        }
        if (maxPages < 0 || maxPages > MAX_PAGES_LIMIT) {
            throw new InvalidConfigValue("maxPages", "source " + id + ": must be between 1 and " + MAX_PAGES_LIMIT
                    + ", not " + maxPages);
        }
        String template = pageUrlTemplate == null || pageUrlTemplate.isBlank() ? null : pageUrlTemplate.strip();
        return KindSettings.read(id, kind, ExtractionRules.cssSelector("linkSelector", linkSelector),
                ExtractionRules.cssSelector("nextPageSelector", nextPageSelector), template, maxPages, path);
    }

    private static List<String> defaultHosts(URI url) {
        if (url == null) {
            return List.of();
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return List.of(host);
        }
        String domain = EffectiveTldFinder.getAssignedDomain(host, true, false);
        return List.of(domain == null || domain.isBlank() ? host : domain);
    }

    private static List<String> normalizedHosts(String id, List<String> hosts) {
        for (String host : hosts) {
            if (host == null || host.isBlank() || host.contains("/") || host.contains(":")) {
                throw new InvalidConfigValue("hosts", "source " + id + ": '" + host
                        + "' is not a host name; write e.g. etnews.com (subdomains are included)");
            }
        }
        return hosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static void requirePositive(String id, String field, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new InvalidConfigValue(field, "source " + id + " has a non-positive " + field + " " + interval);
        }
    }
}
