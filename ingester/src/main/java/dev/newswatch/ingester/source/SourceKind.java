package dev.newswatch.ingester.source;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.newswatch.ingester.failure.ErrorKind;


/** How a source lists its articles; each kind has one {@code LinkDiscovery}. */
public enum SourceKind {

    /** An RSS 2.0 or Atom feed. */
    FEED("feed", ErrorKind.FEED_PARSE),
    /** Server-rendered listing pages, read with a CSS selector for the article links. */
    HTML_LIST("html-list", ErrorKind.LISTING_PARSE),
    /** An XML sitemap, a sitemap index or a Google News sitemap. */
    SITEMAP("sitemap", ErrorKind.SITEMAP_PARSE),
    /** Saved pages for backfill: a directory of HTML files or a WARC file; read without HTTP. */
    ARCHIVE("archive", ErrorKind.ARCHIVE_READ);

    private final String configName;
    private final ErrorKind parseError;

    SourceKind(String configName, ErrorKind parseError) {
        this.configName = configName;
        this.parseError = parseError;
    }

    /** The error kind of a listing of this kind that was fetched but could not be read. */
    public ErrorKind parseError() {
        return parseError;
    }

    @JsonValue
    public String configName() {
        return configName;
    }

    static List<String> configNames() {
        return Arrays.stream(values()).map(SourceKind::configName).toList();
    }

    @JsonCreator
    public static SourceKind fromConfigName(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.configName.equals(name == null ? null : name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("source kind '" + name
                        + "' is not supported; supported kinds: " + configNames()));
    }
}
