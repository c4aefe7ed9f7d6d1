package dev.newswatch.alerts.delivery;

import java.time.Instant;
import java.util.List;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.AlertedArticle;

/** Alert fixtures; the Korean titles are written for these tests. */
final class Alerts {

    private Alerts() {
    }

    static Alert alert(String watchId, String articleId, String title, Instant alertedAt) {
        AlertedArticle article = new AlertedArticle(articleId, "https://www.chipinsight.example/news/" + articleId,
                title, "칩인사이트", "chipinsight", alertedAt.minusSeconds(60), alertedAt.minusSeconds(5));
        return new Alert(Alert.SCHEMA_VERSION, Alert.idFor(watchId, articleId), watchId, "Watch " + watchId,
                articleId, article, List.of(), List.of(), alertedAt);
    }
}
