package dev.newswatch.alerts.delivery;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.WebhookFormat;

/** The body of a webhook request in the format its watch asks for. */
final class WebhookBody {

    private WebhookBody() {
    }

    /** @param alertJson the alert's record as its topic holds it, which the JSON format sends unchanged */
    static byte[] of(WebhookFormat format, Alert alert, byte[] alertJson) {
        return switch (format) {
            case JSON -> alertJson;
            case SLACK -> SlackMessage.of(alert);
        };
    }
}
