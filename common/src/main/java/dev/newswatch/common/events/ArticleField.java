package dev.newswatch.common.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The part of an article a piece of evidence was found in. */
public enum ArticleField {
    @JsonProperty("title") TITLE,
    @JsonProperty("text") TEXT
}
