package dev.newswatch.ingester.source;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.newswatch.ingester.discovery.LinkDiscovery;

/** How a source lists its articles; each kind has one {@link LinkDiscovery}. */
public enum SourceKind {

    /** An RSS 2.0 or Atom feed. */
    FEED("feed"),
    /** Server-rendered listing pages, read with a CSS selector for the article links. */
    HTML_LIST("html-list"),
    /** An XML sitemap, a sitemap index or a Google News sitemap. */
    SITEMAP("sitemap"),
    /** Saved pages for backfill: a directory of HTML files or a WARC file; read without HTTP. */
    ARCHIVE("archive");

    private final String configName;

    SourceKind(String configName) {
        this.configName = configName;
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
