package dev.newswatch.common.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How urgently a watch's alerts ask for a reader's attention; set per watch, copied into each alert. */
public enum Severity {
    @JsonProperty("low") LOW,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("high") HIGH,
    @JsonProperty("critical") CRITICAL
}
