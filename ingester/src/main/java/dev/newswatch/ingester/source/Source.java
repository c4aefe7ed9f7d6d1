package dev.newswatch.ingester.source;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import crawlercommons.domains.EffectiveTldFinder;
import dev.newswatch.common.config.InvalidConfigValue;
import dev.newswatch.ingester.extract.ExtractionRules;

/**
 * One place articles come from, as listed in the sources file.
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
 * @param linkSelector          html-list: CSS selector of the article links on a listing page
 * @param nextPageSelector      html-list: CSS selector of the link to the next listing page
 * @param pageUrlTemplate       html-list: listing page address with {@code {page}} for the page number, 1 first
 * @param maxPages              listing pages (html-list) or child sitemaps (sitemap) read per poll (default 1
 *                              and 20)
 * @param path                  archive: a directory of saved pages or a WARC file
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
        String linkSelector,
        String nextPageSelector,
        String pageUrlTemplate,
        int maxPages,
        Path path,
        ExtractionRules extraction) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);
    private static final Duration BUSY_POLL_INTERVAL = Duration.ofMinutes(1);
    public static final String PAGE_PLACEHOLDER = "{page}";
    private static final int MAX_PAGES_LIMIT = 100;
    private static final int DEFAULT_SITEMAPS = 20;

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
        if (kind == SourceKind.ARCHIVE) {
            if (path == null) {
                throw new InvalidConfigValue("path", "archive source " + id
                        + " needs a path: a directory of saved pages or a .warc / .warc.gz file");
            }
            if (url != null) {
                requireHttp(id, url);
            }
        } else {
            requireHttp(id, url);
            if (path != null) {
                throw new InvalidConfigValue("path", "only archive sources read a path; source " + id + " is a "
                        + kind.configName());
            }
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
        linkSelector = ExtractionRules.cssSelector("linkSelector", linkSelector);
        nextPageSelector = ExtractionRules.cssSelector("nextPageSelector", nextPageSelector);
        pageUrlTemplate = pageUrlTemplate == null || pageUrlTemplate.isBlank() ? null : pageUrlTemplate.strip();
        if (kind == SourceKind.HTML_LIST) {
            if (linkSelector == null) {
                throw new InvalidConfigValue("linkSelector", "html-list source " + id
                        + " needs a linkSelector, the CSS selector of its article links");
            }
            if (nextPageSelector != null && pageUrlTemplate != null) {
                throw new InvalidConfigValue("pageUrlTemplate", "source " + id
                        + " has both nextPageSelector and pageUrlTemplate; pick one way to paginate");
            }
        } else if (linkSelector != null || nextPageSelector != null || pageUrlTemplate != null) {
            throw new InvalidConfigValue(linkSelector != null ? "linkSelector"
                    : nextPageSelector != null ? "nextPageSelector" : "pageUrlTemplate",
                    "only html-list sources read listing-page settings; source " + id + " is a " + kind.configName());
        }
        if (pageUrlTemplate != null) {
            if (!pageUrlTemplate.contains(PAGE_PLACEHOLDER)) {
                throw new InvalidConfigValue("pageUrlTemplate", "source " + id + ": '" + pageUrlTemplate
                        + "' has no " + PAGE_PLACEHOLDER + " for the page number");
            }
            requireHttp(id, "pageUrlTemplate", pageUrlTemplate.replace(PAGE_PLACEHOLDER, "1"));
        }
        if (maxPages < 0 || maxPages > MAX_PAGES_LIMIT) {
            throw new InvalidConfigValue("maxPages", "source " + id + ": must be between 1 and " + MAX_PAGES_LIMIT
                    + ", not " + maxPages);
        }
        maxPages = maxPages != 0 ? maxPages : kind == SourceKind.SITEMAP ? DEFAULT_SITEMAPS : 1;
        extraction = extraction == null ? ExtractionRules.NONE : extraction;
    }

    /** A feed with every optional setting at its default. */
    public static Source feed(String id, String outlet, URI url) {
        return new Source(id, outlet, SourceKind.FEED, url, null, null, null, null, null, false, null, null, null, 0,
                null, null);
    }

    /** This source with {@code allowPrivateAddresses} set, as local demo and test sites need. */
    public Source allowingPrivateAddresses() {
        return new Source(id, outlet, kind, url, pollInterval, language, minPollInterval, maxPollInterval, hosts, true,
                linkSelector, nextPageSelector, pageUrlTemplate, maxPages, path, extraction);
    }

    /** Whether a link found by this source may be followed: http(s), to one of its hosts or their subdomains. */
    public boolean followsLinkTo(URI link) {
        if (link.getScheme() == null || link.getHost() == null
                || !(link.getScheme().equalsIgnoreCase("http") || link.getScheme().equalsIgnoreCase("https"))) {
            return false;
        }
        String host = link.getHost().toLowerCase(Locale.ROOT);
        return hosts.stream().anyMatch(allowed -> host.equals(allowed) || host.endsWith("." + allowed));
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

    private static void requireHttp(String id, URI url) {
        if (url == null || url.getHost() == null || url.getScheme() == null
                || !(url.getScheme().equalsIgnoreCase("http") || url.getScheme().equalsIgnoreCase("https"))) {
            throw new InvalidConfigValue("url", "source " + id + " needs an absolute http(s) url, not '" + url + "'");
        }
    }

    private static void requireHttp(String id, String field, String address) {
        try {
            URI uri = URI.create(address);
            if (uri.getHost() != null && uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
                return;
            }
        } catch (IllegalArgumentException notAUri) {
            // reported below
        }
        throw new InvalidConfigValue(field, "source " + id + " needs an absolute http(s) address, not '" + address + "'");
    }

    private static void requirePositive(String id, String field, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new InvalidConfigValue(field, "source " + id + " has a non-positive " + field + " " + interval);
        }
    }
}
