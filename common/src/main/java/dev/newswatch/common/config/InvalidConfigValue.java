package dev.newswatch.common.config;

/**
 * Thrown by a config record's constructor to reject one of its fields, so the error names that field's line
 * rather than the record's.
 */
public final class InvalidConfigValue extends IllegalArgumentException {

    private final String field;

    public InvalidConfigValue(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
