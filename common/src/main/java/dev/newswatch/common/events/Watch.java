package dev.newswatch.common.events;

/**
 * What one analyst wants to hear about; the value of {@code newswatch.watches}, keyed by watch id, where a
 * tombstone removes the watch. {@code config/watches.yml} holds the same records.
 *
 * @param id          also names the topic {@code alerts.<id>}, so it must suit a topic name
 * @param name        display name, copied into every alert; absent means the id
 * @param description for people reading the watch
 * @param severity    copied into every alert; absent means medium
 * @param paused      a paused watch keeps its definition and its topic but raises nothing
 * @param when        the condition an enriched article must meet
 * @param webhook     where its alerts are also POSTed; absent means none
 */
public record Watch(int schemaVersion, String id, String name, String description, Severity severity,
        boolean paused, WatchCondition when, WebhookTarget webhook) {

    public static final int SCHEMA_VERSION = 1;

    public Watch {
        // A watch written in a file states no version: it is of the version this code writes.
        schemaVersion = schemaVersion == 0 ? SCHEMA_VERSION : schemaVersion;
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
        severity = severity == null ? Severity.MEDIUM : severity;
    }

    public Watch withPaused(boolean pause) {
        return new Watch(schemaVersion, id, name, description, severity, pause, when, webhook);
    }
}
