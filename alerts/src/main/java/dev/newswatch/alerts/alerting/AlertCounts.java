package dev.newswatch.alerts.alerting;

import dev.newswatch.common.events.Alert;

/** Told of what becomes of each alert, to count it per watch. */
public interface AlertCounts {

    /** The first article of an event that matched a watch raised {@code alert}. */
    void raised(Alert alert);

    /** An update of {@code alert} with later reports of its event was written. */
    void updated(Alert alert);

    /** A later report of the event of {@code alert} raised no alert of its own. */
    void suppressed(Alert alert);
}
