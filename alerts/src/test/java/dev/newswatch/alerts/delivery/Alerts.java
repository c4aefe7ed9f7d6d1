package dev.newswatch.alerts.delivery;

import java.time.Instant;
import java.util.List;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.AlertedArticle;
import dev.newswatch.common.events.Severity;

/** Alert fixtures; the Korean titles are written for these tests. */
final class Alerts {

    private Alerts() {
    }

    /** The raise of an alert whose event is its first article's. */
    static Alert alert(String watchId, String articleId, String title, Instant alertedAt) {
        return new Alert(Alert.SCHEMA_VERSION, Alert.idFor(watchId, articleId), watchId, "Watch " + watchId,
                Severity.HIGH, articleId, articleId, article(articleId, title, "칩인사이트", alertedAt), List.of(),
                List.of(), List.of(), List.of(), List.of(), 1, alertedAt, alertedAt);
    }

    static AlertedArticle article(String articleId, String title, String outlet, Instant alertedAt) {
        return new AlertedArticle(articleId, "https://www.chipinsight.example/news/" + articleId, title, outlet,
                "chipinsight", alertedAt.minusSeconds(60), alertedAt.minusSeconds(5), alertedAt.minusSeconds(2));
    }
}
