package dev.newswatch.ingester;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a source lists its articles. Only feeds exist so far; HTML lists and news sitemaps are to come. */
public enum SourceKind {

    /** An RSS 2.0 or Atom feed. */
    FEED("feed");

    private final String configName;

    SourceKind(String configName) {
        this.configName = configName;
    }

    @JsonValue
    public String configName() {
        return configName;
    }

    @JsonCreator
    public static SourceKind fromConfigName(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.configName.equals(name == null ? null : name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("source kind '" + name
                        + "' is not supported; supported kinds: " + Arrays.stream(values())
                                .map(SourceKind::configName).toList()));
    }
}
