package dev.newswatch.alerts.delivery;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.AlertedArticle;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.TopicTag;
import dev.newswatch.common.json.Json;

/**
 * An alert as a Slack incoming-webhook message: the watch in bold with the severity, the title linked to the
 * first article, its outlet, then the entities and topics that made it fire and the outlets that reported the
 * event since.
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
        String laterOutlets = alert.alsoReportedBy().stream().map(AlertedArticle::outlet).distinct()
                .collect(Collectors.joining(", "));
        return "*" + escape(alert.watchName()) + "* (" + alert.severity().name().toLowerCase(Locale.ROOT) + ") <"
                + escape(alert.article().url()) + "|" + escape(alert.article().title()).replace("|", "¦") + "> — "
                + escape(alert.article().outlet())
                + (entities.isEmpty() ? "" : "\n" + escape(entities))
                + (topics.isEmpty() ? "" : "\n" + escape(topics))
                + (laterOutlets.isEmpty() ? "" : "\nalso reported by " + escape(laterOutlets));
    }

    /** Slack reads &amp;, &lt; and &gt; as markup; these three are all it asks to escape. */
    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
