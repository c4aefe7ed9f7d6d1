package dev.newswatch.common.config;

import java.util.List;

/**
 * Thrown by a config record's constructor to reject one of its fields, so the error names that field's line
 * rather than the record's.
 */
public final class InvalidConfigValue extends IllegalArgumentException {

    private final List<String> path;

    public InvalidConfigValue(String field, String problem) {
        this(List.of(field), problem);
    }

    /** @param path the field and, inside it, the key at fault, such as {@code [properties, sasl.mechanism]} */
    public InvalidConfigValue(List<String> path, String problem) {
        super(String.join(".", path) + ": " + problem);
        this.path = List.copyOf(path);
    }

    /** The steps from the record to the value at fault: its field, then keys within it. */
    public List<String> path() {
        return path;
    }
}
