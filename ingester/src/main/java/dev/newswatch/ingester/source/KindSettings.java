package dev.newswatch.ingester.source;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.newswatch.common.config.InvalidConfigValue;
import dev.newswatch.ingester.url.HttpUrls;

/**
 * The settings only one kind of source reads, each kind checking its own. Read from the flat entry of the sources
 * file, where a field its kind does not read is an error naming that field.
 */
public sealed interface KindSettings permits KindSettings.Feed, KindSettings.Listing, KindSettings.Sitemap,
        KindSettings.Archive {

    /** What a page number stands in for in {@link Listing#pageUrlTemplate}. */
    String PAGE_PLACEHOLDER = "{page}";

    /** Whether this kind requires an http(s) {@code url}; when not, one given must still be http(s). */
    default boolean needsUrl() {
        return true;
    }

    /** An RSS or Atom feed reads nothing beyond the url. */
    record Feed() implements KindSettings {
    }

    /**
     * html-list: listing pages read with a CSS selector.
     *
     * @param linkSelector     CSS selector of the article links on a listing page
     * @param nextPageSelector CSS selector of the link to the next listing page, or null
     * @param pageUrlTemplate  listing page address with {@code {page}} for the page number, 1 first, or null
     * @param maxPages         listing pages read per poll
     */
    record Listing(String linkSelector, String nextPageSelector, String pageUrlTemplate, int maxPages)
            implements KindSettings {

        static Listing read(String id, String linkSelector, String nextPageSelector, String pageUrlTemplate,
                int maxPages) {
            if (linkSelector == null) {
                throw new InvalidConfigValue("linkSelector", "html-list source " + id
                        + " needs a linkSelector, the CSS selector of its article links");
            }
            if (nextPageSelector != null && pageUrlTemplate != null) {
                throw new InvalidConfigValue("pageUrlTemplate", "source " + id
                        + " has both nextPageSelector and pageUrlTemplate; pick one way to paginate");
            }
            if (pageUrlTemplate != null) {
                if (!pageUrlTemplate.contains(PAGE_PLACEHOLDER)) {
                    throw new InvalidConfigValue("pageUrlTemplate", "source " + id + ": '" + pageUrlTemplate
                            + "' has no " + PAGE_PLACEHOLDER + " for the page number");
                }
                String firstPage = pageUrlTemplate.replace(PAGE_PLACEHOLDER, "1");
                if (!HttpUrls.isHttp(Source.parsed(firstPage))) {
                    throw new InvalidConfigValue("pageUrlTemplate", "source " + id
                            + " needs an absolute http(s) address, not '" + firstPage + "'");
                }
            }
            return new Listing(linkSelector, nextPageSelector, pageUrlTemplate, maxPages == 0 ? 1 : maxPages);
        }

        /** The address of listing page {@code number}, 1 first; only with a {@link #pageUrlTemplate}. */
        public URI page(int number) {
            return URI.create(pageUrlTemplate.replace(PAGE_PLACEHOLDER, Integer.toString(number)));
        }
    }

    /** @param maxSitemaps child sitemaps of a sitemap index read per poll */
    record Sitemap(int maxSitemaps) implements KindSettings {

        private static final int DEFAULT_SITEMAPS = 20;

        static Sitemap read(int maxPages) {
            return new Sitemap(maxPages == 0 ? DEFAULT_SITEMAPS : maxPages);
        }
    }

    /** @param path a directory of saved pages or a WARC file */
    record Archive(Path path) implements KindSettings {

        static Archive read(String id, Path path) {
            if (path == null) {
                throw new InvalidConfigValue("path", "archive source " + id
                        + " needs a path: a directory of saved pages or a .warc / .warc.gz file");
            }
            return new Archive(path);
        }

        @Override
        public boolean needsUrl() {
            return false;
        }
    }

    /**
     * The settings of source {@code id} of {@code kind}, from its entry's kind-specific fields (null or 0 when
     * absent); a field set for a kind that does not read it is refused.
     */
    static KindSettings read(String id, SourceKind kind, String linkSelector, String nextPageSelector,
            String pageUrlTemplate, int maxPages, Path path) {
        Map<String, Boolean> given = new LinkedHashMap<>();
        given.put("path", path != null);
        given.put("linkSelector", linkSelector != null);
        given.put("nextPageSelector", nextPageSelector != null);
        given.put("pageUrlTemplate", pageUrlTemplate != null);
        given.forEach((field, set) -> {
            SourceKind reader = field.equals("path") ? SourceKind.ARCHIVE : SourceKind.HTML_LIST;
            if (set && kind != reader) {
                throw new InvalidConfigValue(field, "only " + reader.configName() + " sources read " + field
                        + "; source " + id + " is a " + kind.configName());
            }
        });
        return switch (kind) {
            case FEED -> new Feed();
            case HTML_LIST -> Listing.read(id, linkSelector, nextPageSelector, pageUrlTemplate, maxPages);
            case SITEMAP -> Sitemap.read(maxPages);
            case ARCHIVE -> Archive.read(id, path);
        };
    }
}
