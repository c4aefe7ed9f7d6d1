package dev.newswatch.common.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How much an article is about an entity it names. */
public enum Salience {
    /** Named in the title or lead, or repeated. */
    @JsonProperty("about") ABOUT,
    /** Only mentioned. */
    @JsonProperty("mention") MENTION
}
