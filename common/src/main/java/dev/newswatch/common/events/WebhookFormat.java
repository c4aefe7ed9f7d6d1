package dev.newswatch.common.events;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a watch's webhook request carries. */
public enum WebhookFormat {

    /** The alert record itself, as its alert topic holds it. */
    JSON("json"),
    /** A Slack incoming-webhook message, {@code {"text": ...}}, which Mattermost and Teams connectors also read. */
    SLACK("slack");

    private final String configName;

    WebhookFormat(String configName) {
        this.configName = configName;
    }

    @JsonValue
    public String configName() {
        return configName;
    }

    @JsonCreator
    public static WebhookFormat fromConfigName(String name) {
        return Arrays.stream(values())
                .filter(format -> format.configName.equals(name == null ? null : name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("webhook format '" + name
                        + "' is not supported; supported formats: " + configNames()));
    }

    private static List<String> configNames() {
        return Arrays.stream(values()).map(WebhookFormat::configName).toList();
    }
}
