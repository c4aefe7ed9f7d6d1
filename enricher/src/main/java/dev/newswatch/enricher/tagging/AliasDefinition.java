package dev.newswatch.enricher.tagging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.newswatch.common.config.InvalidConfigValue;

/**
 * One way articles write an entity. Most aliases are plain strings in {@code config/entities.yml}; an ambiguous
 * one (a bare model number, {@code PPU}, {@code 문샷}) is an object that says what must, or must not, stand near it.
 *
 * @param text          the alias as written
 * @param near          at least one of these terms must stand within {@code window} chars; empty means no need
 * @param notNear       none of these terms may stand within {@code window} chars
 * @param notFollowedBy the alias does not count when the next word starts with one of these (960 in 960억)
 * @param window        how far, in chars of the same field, "near" reaches; absent or 0 means {@link #DEFAULT_WINDOW}
 */
public record AliasDefinition(String text, List<String> near, List<String> notNear, List<String> notFollowedBy,
        int window) {

    public static final int DEFAULT_WINDOW = 120;

    public AliasDefinition {
        if (text == null || text.isBlank()) {
            throw new InvalidConfigValue("text", "an alias needs a non-blank text");
        }
        near = terms(near, "near");
        notNear = terms(notNear, "notNear");
        notFollowedBy = terms(notFollowedBy, "notFollowedBy");
        window = window == 0 ? DEFAULT_WINDOW : window;
        if (window < 0) {
            throw new InvalidConfigValue("window", "alias '" + text + "' needs a positive window, not " + window);
        }
    }

    /** A plain string in the file: an alias that needs no context. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AliasDefinition of(String text) {
        return new AliasDefinition(text, null, null, null, 0);
    }

    private static List<String> terms(List<String> terms, String field) {
        if (terms == null) {
            return List.of();
        }
        for (String term : terms) {
            if (term == null || term.isBlank()) {
                throw new InvalidConfigValue(field, "a blank term in " + field);
            }
        }
        return List.copyOf(terms);
    }
}
