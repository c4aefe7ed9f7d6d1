package dev.newswatch.standalone;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.AlertedArticle;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.TopicTag;

/**
 * One alert as one readable line for a terminal: {@code ALERT} when raised, {@code UPDATE} when later reports of
 * its event were added, with the outlets that reported it since.
 */
final class AlertLine {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.of("Asia/Seoul"));

    private AlertLine() {
    }

    static String format(Alert alert) {
        String entities = alert.entities().stream().map(EntityTag::name).collect(Collectors.joining(", "));
        String topics = alert.topics().stream().map(TopicTag::id).collect(Collectors.joining(", "));
        String reports = alert.alsoReportedBy().stream().map(AlertedArticle::outlet).distinct()
                .collect(Collectors.joining(", "));
        return (alert.revision() == 1 ? "ALERT " : "UPDATE ") + TIME.format(alert.updatedAt()) + " KST "
                + alert.severity().name() + " [" + alert.watchId() + "] "
                + alert.article().title()
                + " — " + alert.article().outlet()
                + (entities.isEmpty() ? "" : " | " + entities)
                + (topics.isEmpty() ? "" : " | " + topics)
                + (reports.isEmpty() ? "" : " | also reported by " + reports)
                + " | " + alert.article().url();
    }
}
