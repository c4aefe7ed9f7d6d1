package dev.newswatch.alerts.delivery;

import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.common.json.Json;

/**
 * An alert as a Slack incoming-webhook message: the watch in bold, the title linked to the article, the outlet,
 * then the entities and topics that made it fire.
 */
final class SlackMessage {

    private SlackMessage() {
    }

    static byte[] of(Alert alert) {
        try {
            return Json.mapper().writeValueAsBytes(Map.of("text", text(alert)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of one string did not serialise", e);
        }
    }

    static String text(Alert alert) {
        String entities = alert.entities().stream().map(EntityTag::name).collect(Collectors.joining(", "));
        String topics = alert.topics().stream().map(TopicTag::id).collect(Collectors.joining(", "));
        return "*" + escape(alert.watchName()) + "* <" + escape(alert.article().url()) + "|"
                + escape(alert.article().title()).replace("|", "¦") + "> — " + escape(alert.article().outlet())
                + (entities.isEmpty() ? "" : "\n" + escape(entities))
                + (topics.isEmpty() ? "" : "\n" + escape(topics));
    }

    /** Slack reads &amp;, &lt; and &gt; as markup; these three are all it asks to escape. */
    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
