package dev.newswatch.common.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What kind of thing a tracked entity is. */
public enum EntityKind {
    @JsonProperty("company") COMPANY,
    @JsonProperty("chip") CHIP,
    @JsonProperty("system") SYSTEM,
    @JsonProperty("memory") MEMORY
}
