package dev.newswatch.standalone;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.newswatch.common.events.Alert;
import dev.newswatch.common.events.EntityTag;
import dev.newswatch.common.events.TopicTag;

/** One alert as one readable line for a terminal. */
final class AlertLine {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.of("Asia/Seoul"));

    private AlertLine() {
    }

    static String format(Alert alert) {
        String entities = alert.entities().stream().map(EntityTag::name).collect(Collectors.joining(", "));
        String topics = alert.topics().stream().map(TopicTag::id).collect(Collectors.joining(", "));
        return "ALERT " + TIME.format(alert.alertedAt()) + " KST [" + alert.watchId() + "] "
                + alert.article().title()
                + " — " + alert.article().outlet()
                + (entities.isEmpty() ? "" : " | " + entities)
                + (topics.isEmpty() ? "" : " | " + topics)
                + " | " + alert.article().url();
    }
}
